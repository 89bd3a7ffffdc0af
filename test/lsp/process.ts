/**
 * The server processes behind the test LSP client: how one is spawned (environment, node
 * options), the spare that boots while the previous test runs, and the guarantee that none
 * outlives the run: every server is disposed by a root `after` hook under mocha and killed at
 * exit otherwise, and a spare never holds the event loop.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FAULT_ENV, TODAY_ENV } from '../../server/src/protocol';

/** The repository root, from out/test/lsp/. */
export const REPO = path.resolve(__dirname, '../../..');
export const BIN = path.join(REPO, 'bin', 'interview-followup.js');
export const EXAMPLES = path.join(REPO, 'examples', 'notes');
/** Today for every server unless a test says otherwise. */
export const DEFAULT_TODAY = '2026-11-26';

export interface ProcessOptions {
  /** An existing folder to run in; the client neither fills nor removes it. Default: a new temporary folder. */
  dir?: string;
  /** INTERVIEW_FOLLOWUP_TODAY for the server; null leaves it unset. Default DEFAULT_TODAY. */
  today?: string | null;
  /** More environment for the server, e.g. `{ [FAULT_ENV]: 'codeAction' }`. */
  env?: Record<string, string>;
  /** Options for node itself, e.g. a heap limit. */
  nodeArgs?: string[];
}

export interface ServerProcess {
  dir: string;
  /** The client made `dir` and removes it on dispose. */
  owned: boolean;
  child: ChildProcess;
}

/** A new temporary folder, by its real path: the server compares the paths it walks with paths from URIs. */
export function tempDir(prefix = 'interview-followup-lsp-'): string {
  return realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
}

function spawnServer(dir: string, today: string | null, extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Neither leaks in from the developer's shell: a test sets what it needs.
  delete env[TODAY_ENV];
  delete env[FAULT_ENV];
  if (today !== null) env[TODAY_ENV] = today;
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'lsp', '--stdio'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.on('error', () => undefined); // reported to the client as an exit, see LspSession
  return child;
}

// ---- the spare --------------------------------------------------------------------------
//
// Booting node and loading the server is most of a protocol test's time, and the server
// touches nothing before `initialize`. So while one test runs, the next server boots in an
// empty temporary folder of its own; the next test writes its files there and only then
// initializes. Only a plain start (no folder, environment or node options of its own, the
// default today) takes a spare and prepares the next one: the bench and the hostile tests
// never share the machine with one.

let spare: ServerProcess | undefined;

type Unrefable = { ref?: () => void; unref?: () => void };
const handles = (c: ChildProcess) => [c, c.stdin, c.stdout, c.stderr] as unknown as Unrefable[];

function prepareSpare(): void {
  if (spare) return;
  const dir = tempDir();
  const child = spawnServer(dir, DEFAULT_TODAY);
  for (const h of handles(child)) h.unref?.(); // a spare never keeps the process alive
  spare = { dir, owned: true, child };
}

function takeSpare(): ServerProcess | undefined {
  const s = spare;
  spare = undefined;
  if (!s) return undefined;
  if (s.child.exitCode !== null || s.child.signalCode !== null) {
    rmSync(s.dir, { recursive: true, force: true });
    return undefined;
  }
  for (const h of handles(s.child)) h.ref?.();
  return s;
}

/** Kills the spare server, if any. */
export function releaseSpare(): void {
  const s = spare;
  spare = undefined;
  if (!s) return;
  s.child.kill('SIGKILL');
  rmSync(s.dir, { recursive: true, force: true });
}

/** A server for a new client: the spare when the options allow, else a new process. */
/**
 * The exit of a server process driven by hand (a broken frame, a closed pipe) and what it said
 * on stderr; rejects, killing it, if it still runs `ms` later: `why` says what that means.
 */
export function exitOf(child: ChildProcess, ms = 5000, why = 'still running'): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the server is ${why} ${ms} ms later; stderr: ${stderr}`));
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

export function launch(o: ProcessOptions): ServerProcess {
  const today = o.today === undefined ? DEFAULT_TODAY : o.today;
  const plain = o.dir === undefined && o.env === undefined && !o.nodeArgs?.length && today === DEFAULT_TODAY;
  let server = plain ? takeSpare() : undefined;
  if (!server) {
    const dir = o.dir ?? tempDir();
    server = { dir, owned: o.dir === undefined, child: spawnServer(dir, today, o.env, o.nodeArgs) };
  }
  if (plain) prepareSpare();
  return server;
}

// ---- nothing outlives the run -----------------------------------------------------------

export interface Live {
  readonly dir: string;
  /** Synchronous: for process exit. */
  kill(): void;
  dispose(): Promise<void>;
}

const live = new Set<Live>();

/** Registers a client until it is disposed; returns the unregistration. */
export function track(l: Live): () => void {
  live.add(l);
  return () => live.delete(l);
}

/** Disposes every client still running and the spare. */
export async function disposeAll(): Promise<void> {
  releaseSpare();
  const left = [...live];
  if (left.length > 0) console.warn(`    test/lsp: ${left.length} LSP server(s) left running by a test, disposed: ${left.map((l) => l.dir).join(', ')}`);
  for (const l of left) await l.dispose();
}

process.on('exit', () => {
  releaseSpare();
  for (const l of live) l.kill();
});

// Under mocha, a hook registered while spec files load belongs to the root suite: it runs
// once, after every test, whichever spec file imported this module first.
if (typeof after === 'function') after('dispose the test LSP servers', disposeAll);
