/**
 * Real editors as LSP clients, headless: what they share. The server they start is the one
 * users get: `npm pack` of this repository, installed into a temporary prefix, run as
 * `<prefix>/node_modules/.bin/interview-followup lsp --stdio`. Each editor runs a script of
 * ours (nvim_check.lua, eglot_check.el, ale_check.vim) that prints one JSON event per line.
 *
 * An editor that cannot run here (see probeEditor) has its tests skipped, with one line
 * saying why and what to set up, unless INTERVIEW_FOLLOWUP_REQUIRE_ALL=1 makes that a
 * failure (test/layers.ts). INTERVIEW_FOLLOWUP_NVIM, INTERVIEW_FOLLOWUP_EMACS and
 * INTERVIEW_FOLLOWUP_VIM name other binaries.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { announceSkip, missingBecause, REQUIRE_ALL, skippedLine } from '../layers';
import { REPO } from '../lsp/client';

export const TODAY = '2026-11-26';
export const RUN_TIMEOUT_MS = 30000;
const HERE = path.join(REPO, 'test', 'editors');

// ---- the installed package ---------------------------------------------------------

export interface Installed {
  /** `<prefix>/node_modules/.bin/interview-followup` */
  bin: string;
  /** The files in the tarball, as `npm pack` listed them. */
  files: string[];
  tarball: string;
  ms: { pack: number; install: number };
}

let installing: Promise<Installed> | undefined;
let installDir: string | undefined;

function run(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${err}${out}`))));
  });
}

/**
 * Packs the repository (its `out/` must be built: `npm test` builds first) and installs the
 * tarball into a temporary prefix, once per test run. The dependencies come from the npm
 * cache that `npm ci` warmed, else from the registry.
 */
export function installedServer(): Promise<Installed> {
  installing ??= (async () => {
    installDir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'interview-followup-pkg-')));
    let t = Date.now();
    // --ignore-scripts: `prepare` would rebuild; the suite runs on a fresh build already.
    const packed = JSON.parse(await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', installDir], REPO)) as
      { filename: string; files: { path: string }[] }[];
    const pack = Date.now() - t;
    const tarball = path.join(installDir, path.basename(packed[0].filename));
    const prefix = path.join(installDir, 'prefix');
    t = Date.now();
    await run('npm', ['install', '--prefix', prefix, '--prefer-offline', '--no-save', '--ignore-scripts', '--loglevel=error', tarball], installDir);
    const bin = path.join(prefix, 'node_modules', '.bin', 'interview-followup');
    if (!existsSync(bin)) throw new Error(`npm install did not create ${bin}`);
    return { bin, files: packed[0].files.map((f) => f.path), tarball, ms: { pack, install: Date.now() - t } };
  })();
  return installing;
}

process.on('exit', () => {
  if (installDir) rmSync(installDir, { recursive: true, force: true });
});

// ---- editors -----------------------------------------------------------------------------

export interface Editor {
  id: 'neovim' | 'emacs' | 'vim';
  title: string;
  bin: string;
  /** A version line, or throws why the editor cannot run (`nvim not found`). */
  probe(): string;
  /** Arguments and extra environment for one run of `script` (default: the check's, nvim_check.lua...). */
  command(home: string, script?: string): { args: string[]; env: NodeJS.ProcessEnv };
}

function probeRun(bin: string, args: string[]): { ok: boolean; out: string; why: string } {
  const p = spawnSync(bin, args, { encoding: 'utf8', timeout: 20000, env: { ...process.env, HOME: os.tmpdir() }, stdio: ['ignore', 'pipe', 'pipe'] });
  const why = (p.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ? `${bin} not found`
    : p.error ? `'${bin} ${args.join(' ')}' failed (${p.error.message})`
      : `'${bin} ${args.join(' ')}' failed (exit ${p.status}${p.signal ? `, ${p.signal}` : ''}: ${(p.stderr || p.stdout).trim().slice(0, 300)})`;
  return { ok: !p.error && p.status === 0, out: p.stdout ?? '', why };
}

const NVIM = process.env.INTERVIEW_FOLLOWUP_NVIM || 'nvim';
const EMACS = process.env.INTERVIEW_FOLLOWUP_EMACS || 'emacs';
const VIM = process.env.INTERVIEW_FOLLOWUP_VIM || 'vim';
const ELPA = '/usr/share/emacs/site-lisp/elpa';

export const EDITORS: Editor[] = [
  {
    id: 'neovim',
    title: 'Neovim',
    bin: NVIM,
    probe() {
      const p = probeRun(NVIM, ['--version']);
      if (!p.ok) throw new Error(p.why);
      return p.out.split('\n')[0];
    },
    command: (home, script = path.join(HERE, 'nvim_check.lua')) => ({
      args: ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', 'lua dofile(os.getenv("IFU_SCRIPT"))'],
      env: { IFU_SCRIPT: script, NVIM_LOG_FILE: path.join(home, 'nvim.log') },
    }),
  },
  {
    id: 'emacs',
    title: 'Emacs + eglot',
    bin: EMACS,
    probe() {
      const p = probeRun(EMACS, ['--version']);
      if (!p.ok) throw new Error(p.why);
      const eglot = existsSync(ELPA) ? readdirSync(ELPA).find((d) => /^eglot-\d/.test(d)) : undefined;
      if (!eglot) throw new Error(`eglot not found in ${ELPA}`);
      return `${p.out.split('\n')[0]}, ${eglot}`;
    },
    command: (_home, script = path.join(HERE, 'eglot_check.el')) => ({ args: ['--batch', '-Q', '-l', script], env: {} }),
  },
  {
    id: 'vim',
    title: 'Vim + ALE',
    bin: VIM,
    probe() {
      const p = probeRun(VIM, ['--version']);
      if (!p.ok) throw new Error(p.why);
      if (!/\+job\b/.test(p.out) || !/\+channel\b/.test(p.out)) throw new Error(`${VIM} has no +job/+channel (vim-tiny?)`);
      const ale = probeRun(VIM, ['-N', '-u', 'NONE', '-i', 'NONE', '-n', '-es', '-c', 'silent! packadd ale', '-c', 'if exists(":ALELint") != 2 | cquit 1 | endif', '-c', 'qall!']);
      if (!ale.ok) throw new Error(`ALE not found for ${VIM} ('packadd ale' finds no :ALELint)`);
      return `${p.out.split('\n')[0]}, ALE`;
    },
    command: (_home, script = path.join(HERE, 'ale_check.vim')) => ({ args: ['-N', '-u', 'NONE', '-i', 'NONE', '-n', '-es', '-S', script], env: {} }),
  },
];

/** An editor's version line, or why it cannot run here. */
export type Probe = { version: string; missing?: undefined } | { version?: undefined; missing: string };

const probes = new Map<Editor['id'], Probe>();

/** Probed once per run, when the tests load: whether a test runs or is skipped is decided then. */
export function probeEditor(editor: Editor): Probe {
  let p = probes.get(editor.id);
  if (!p) {
    try {
      p = { version: editor.probe() };
    } catch (err) {
      p = { missing: (err as Error).message };
    }
    probes.set(editor.id, p);
  }
  return p;
}

const SET_UP = 'Neovim 0.7+, Emacs 28 + eglot, Vim 9 + ALE';

/** Why these editors cannot run, and why they were not installed. */
export function editorsMissing(editors: Editor[]): string {
  return missingBecause(editors.map((e) => probeEditor(e).missing ?? `${e.title} runs`), 'scripts/setup-editors.sh');
}

/**
 * Whether an editor's tests are skipped here (it cannot run, and not every layer is
 * required); the first call announces the layer's line, naming every editor skipped.
 */
export function skipEditor(editor: Editor): boolean {
  if (REQUIRE_ALL || probeEditor(editor).missing === undefined) return false;
  const skipped = EDITORS.filter((e) => probeEditor(e).missing !== undefined);
  announceSkip(skippedLine(`real-editor tests (${skipped.map((e) => e.title).join(', ')})`, editorsMissing(skipped), SET_UP));
  return true;
}

export interface EditorRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The JSON events, by name. */
  events: Record<string, Record<string, unknown> & { ms: number }>;
  /** Wall time of the editor process, spawn to exit. */
  ms: number;
}

/**
 * Runs one editor's script on `note` (in workspace folder `root`) with an isolated HOME: the
 * check's, or `run.script` (in test/editors/), with `run.env` added to its environment.
 */
export function runEditor(editor: Editor, server: string, root: string, note: string, home: string,
  run: { script?: string; env?: NodeJS.ProcessEnv } = {}): Promise<EditorRun> {
  const { args, env: extra } = editor.command(home, run.script && path.join(HERE, run.script));
  const eventsFile = path.join(home, 'events.jsonl');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: path.join(home, '.run'),
    // The installed executable is `#!/usr/bin/env node`: this node first.
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    INTERVIEW_FOLLOWUP_TODAY: TODAY, // inherited by the server the editor starts
    IFU_SERVER: server,
    IFU_NOTE: note,
    IFU_EVENTS: eventsFile, // for the Vim script, which cannot write to a socket's /dev/stdout
    ...extra,
    ...run.env,
  };
  for (const v of ['NVIM', 'NVIM_LISTEN_ADDRESS', 'VIMINIT', 'EXINIT', 'MYVIMRC', 'EMACSLOADPATH', 'EMACSDATA']) delete env[v];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(editor.bin, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      try {
        stdout += readFileSync(eventsFile, 'utf8');
      } catch {
        // this editor printed its events on stdout
      }
      const events: EditorRun['events'] = {};
      for (const line of stdout.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const e = JSON.parse(line) as Record<string, unknown> & { ms: number };
          events[String(e.event)] = e;
        } catch {
          // not one of ours
        }
      }
      resolve({ code, signal, stdout, stderr, events, ms: Date.now() - started });
    });
  });
}
