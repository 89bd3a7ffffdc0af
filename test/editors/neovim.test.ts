/**
 * A real editor as the client: headless Neovim (0.7.2 on Debian bookworm) runs
 * test/editors/nvim_check.lua against the server, applies "Draft check-in email..." and writes
 * the note. We judge the file on disk, which is what the user keeps.
 *
 * Neovim missing is a failure, not a skip: set INTERVIEW_FOLLOWUP_SKIP_EDITORS=1 to opt out
 * explicitly. INTERVIEW_FOLLOWUP_NVIM names another nvim binary.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { promises as fsp, readFileSync, realpathSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, EXAMPLES, REPO } from '../protocol/client';

const NVIM = process.env.INTERVIEW_FOLLOWUP_NVIM || 'nvim';
const SCRIPT = path.join(REPO, 'test', 'editors', 'nvim_check.lua');
const RUN_TIMEOUT_MS = 30000;
const TODAY = '2026-11-26';
const ACME = readFileSync(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');
const CONFIG = readFileSync(path.join(EXAMPLES, '.interview-followup.yaml'), 'utf8');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  events: Record<string, Record<string, unknown>>;
}

/** Checks that nvim is there; throws a clear error unless editors are skipped explicitly. */
function nvimVersion(): string | undefined {
  const probe = spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10000 });
  if (probe.error || probe.status !== 0) {
    if (process.env.INTERVIEW_FOLLOWUP_SKIP_EDITORS === '1') return undefined;
    throw new Error(`Neovim is required for the editor test but '${NVIM} --version' failed `
      + `(${probe.error?.message ?? `exit ${probe.status}`}). Install it (apt-get install neovim) `
      + 'or set INTERVIEW_FOLLOWUP_SKIP_EDITORS=1 to skip the real-editor tests explicitly.');
  }
  return probe.stdout.split('\n')[0];
}

/** Runs nvim_check.lua on `note` in an isolated HOME; resolves with its JSON events. */
function runNvim(root: string, note: string, home: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: path.join(home, '.run'),
    NVIM_LOG_FILE: path.join(home, 'nvim.log'),
    IFU_SCRIPT: SCRIPT,
    IFU_REPO: REPO,
    IFU_NOTE: note,
    IFU_ROOT: root,
    IFU_TODAY: TODAY,
    IFU_NODE: process.execPath,
  };
  delete env.INTERVIEW_FOLLOWUP_TODAY; // the script pins it for the server itself
  delete env.NVIM; // not a child of an outer nvim
  delete env.VIMINIT;
  return new Promise((resolve, reject) => {
    const child = spawn(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', 'lua dofile(os.getenv("IFU_SCRIPT"))'], {
      cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'],
    });
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
      const events: Run['events'] = {};
      for (const line of stdout.split('\n')) {
        if (!line.startsWith('{')) continue;
        const e = JSON.parse(line) as Record<string, unknown>;
        events[String(e.event)] = e;
      }
      resolve({ code, signal, stdout, stderr, events });
    });
  });
}

describe('editor: Neovim (headless) as the LSP client', function () {
  this.timeout(RUN_TIMEOUT_MS + 10000);
  let dir: string | undefined;

  before(function () {
    const version = nvimVersion();
    if (version === undefined) {
      console.warn('    INTERVIEW_FOLLOWUP_SKIP_EDITORS=1 and no usable nvim: the Neovim tests are skipped on request');
      this.skip();
    }
  });

  afterEach(async () => {
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function draftInNvim(text: string): Promise<{ run: Run; before: string; after: string; uri: string }> {
    dir = realpathSync(await fsp.mkdtemp(path.join(os.tmpdir(), 'interview-followup-nvim-')));
    const root = path.join(dir, 'notes');
    const home = path.join(dir, 'home');
    await fsp.mkdir(root);
    await fsp.mkdir(home);
    const note = path.join(root, 'acme-backend.md');
    await fsp.writeFile(note, text);
    await fsp.writeFile(path.join(root, '.interview-followup.yaml'), CONFIG);
    const run = await runNvim(root, note, home);
    const report = `exit ${run.code} ${run.signal ?? ''}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
    assert.equal(run.signal, null, `nvim was killed (timeout ${RUN_TIMEOUT_MS} ms?)\n${report}`);
    assert.equal(run.code, 0, report);
    for (const e of ['diagnostics', 'codeActions', 'applied', 'done']) assert.ok(run.events[e], `no '${e}' event\n${report}`);
    return { run, before: text, after: await fsp.readFile(note, 'utf8'), uri: pathToFileURL(note).href };
  }

  function assertDraft(after: string, before: string): void {
    // Front matter untouched, byte for byte.
    const frontMatter = before.slice(0, before.indexOf('\n---\n') + 5);
    assert.ok(after.startsWith(frontMatter), `front matter changed:\n${after}`);
    // No line joined or split: the note's lines, then a blank line, then the draft.
    const beforeLines = before.replace(/\n$/, '').split('\n');
    const afterLines = after.split('\n');
    assert.deepEqual(afterLines.slice(0, beforeLines.length), beforeLines);
    assert.deepEqual(afterLines.slice(beforeLines.length, beforeLines.length + 2), ['', `## Draft: check-in email (${TODAY})`]);
    assert.match(after, /\nTo: Jane Doe <jane\.doe@acme\.example>\n/);
    assert.match(after, /\nSubject: Following up on the Senior Backend Engineer position\n/);
    assert.match(after, /\nDear Jane,\n/);
    assert.match(after, /\nBest regards,\nAlex Rivera\n/);
    // Exactly one final newline.
    assert.ok(after.endsWith('\n') && !after.endsWith('\n\n'), `final newline: ${JSON.stringify(after.slice(-40))}`);
  }

  it('drafts the check-in email for an overdue note and writes it to disk', async () => {
    const { run, before, after, uri } = await draftInNvim(ACME);
    const diags = run.events.diagnostics.diagnostics as { code: string; lnum: number; col: number }[];
    assert.ok(diags.some((d) => d.code === 'check-in-due' && d.lnum === 12 && d.col === 17), JSON.stringify(diags));
    const titles = run.events.codeActions.titles as string[];
    assert.ok(titles.includes('Draft check-in email to Jane Doe'), JSON.stringify(titles));
    assert.ok(titles.some((t) => t.startsWith('Mark check-in sent')), JSON.stringify(titles));
    assert.equal(run.events.applied.title, 'Draft check-in email to Jane Doe');
    assert.equal(run.events.applied.modified, false, 'written');
    assertDraft(after, before);
    // Neovim applied exactly the edit the server sent: the same text as the protocol says.
    const edit = run.events.applied.edit as WorkspaceEdit;
    const [editedUri] = Object.keys(edit.changes ?? {});
    assert.equal(decodeURIComponent(editedUri), decodeURIComponent(uri));
    assert.equal(after, applyEdits({ changes: { [uri]: edit.changes![editedUri] } }, { [uri]: before })[uri]);
  });

  it('keeps the last line whole when the note has no final newline', async () => {
    const noEol = ACME.replace(/\n$/, '');
    const { run, before, after, uri } = await draftInNvim(noEol);
    assertDraft(after, before);
    // Vim writes the final newline the file lacked ('fixendofline'); nothing else differs.
    const edit = run.events.applied.edit as WorkspaceEdit;
    const [editedUri] = Object.keys(edit.changes ?? {});
    assert.equal(after, applyEdits({ changes: { [uri]: edit.changes![editedUri] } }, { [uri]: before })[uri] + '\n');
  });
});
