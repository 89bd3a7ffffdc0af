/**
 * `npm run bench`: the performance benchmark of the CLI and the language server.
 *
 * Generates deterministic workspaces (bench/generate.ts: 1,000 and 10,000 notes with bodies of
 * 20-200 lines and a mix of every situation, plus one 5,000-line note), reused across runs
 * while the generator and its parameters are unchanged, and measures in one run:
 *
 * - `check` over the folder, wall time and peak RSS, beside the floor (bench/floor.ts: walk,
 *   read, locate front matter, parse it with `yaml`; nothing else), as ratios; `report
 *   --format html` beside them, as a ratio to `check` in the same reps;
 * - the server: spawn + `initialize` to the last diagnostics of the whole workspace;
 *   `didChange` to diagnostics on the 5,000-line note (p50/p95/p99 over the edits); code
 *   action latency (p50/p95); peak RSS (VmHWM from /proc).
 *
 * Every figure is a median over the repetitions. Prints a table with the targets, writes the
 * raw samples to bench/work/results.json.
 *
 *   node out/bench/bench.js [--quick] [--sizes 1000,10000] [--reps N] [--lsp-reps N]
 *                           [--edits N] [--code-actions N] [--regen] [--out FILE]
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol/node';
import { parseNote } from '../server/src/service';
import { LspClient, REPO } from '../test/lsp/client';
import { generate } from './generate';
import { cpuMs, memory } from './proc';

const TODAY = '2026-11-26';
const SEED = 42;
const BIG_NOTE_LINES = 5000;
const BIG_NOTE = 'big-note.md';
const WORK = path.join(REPO, 'bench', 'work');
const CHILD = path.join(__dirname, 'child.js');
const GENERATOR = path.join(__dirname, 'generate.js');

/** The targets, at 10,000 notes on the reference machine (2 cores). */
const TARGETS = {
  cliOverFloorWall: 1.5,
  cliOverFloorRss: 1.5,
  lspOverCli: 1.5,
  reportOverCheck: 1.5,
  editP99Ms: 30,
  codeActionP95Ms: 10,
  serverPeakMB: 150,
  acceptP95Ms: 250,
};

/** A note of the generator with `status: offer` (every tenth from the fifth). */
const OFFER_NOTE = path.join('batch-00', 'note-00005.md');
const TARGET_SIZE = 10_000;

interface Options {
  sizes: number[];
  reps: number;
  lspReps: number;
  edits: number;
  codeActions: number;
  /** How many times the offer note is accepted (and un-accepted) per session. */
  accepts: number;
  regen: boolean;
  out: string;
  /** Profile every child (CLI, floor, server) with --cpu-prof into this folder. */
  cpuProf?: string;
  /** Extra node options for every child (analysis: `--node-arg=--max-semi-space-size=32`). */
  nodeArgs: string[];
}

function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const o: Options = {
    sizes: quick ? [1000] : [1000, 10_000],
    reps: quick ? 3 : 5,
    lspReps: quick ? 2 : 5,
    edits: 200,
    accepts: 10,
    codeActions: 100,
    regen: false,
    out: path.join(WORK, 'results.json'),
    nodeArgs: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) usage(`${flag} needs a value`);
      return v!;
    };
    const int = () => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) usage(`${flag} wants a positive integer, not '${v}'`);
      return n;
    };
    switch (flag) {
      case '--quick': break;
      case '--sizes': o.sizes = value().split(',').map((s) => {
        const n = Number(s);
        if (!Number.isInteger(n) || n < 10) usage(`--sizes: '${s}' is not a note count (>= 10)`);
        return n;
      }); break;
      case '--reps': o.reps = int(); break;
      case '--lsp-reps': o.lspReps = int(); break;
      case '--edits': o.edits = int(); break;
      case '--accepts': o.accepts = int(); break;
      case '--code-actions': o.codeActions = int(); break;
      case '--regen': o.regen = true; break;
      case '--out': o.out = path.resolve(value()); break;
      case '--cpu-prof': o.cpuProf = path.resolve(value()); break;
      case '--node-arg': o.nodeArgs.push(value()); break;
      case '--help': case '-h': usage(); break;
      default: usage(`unknown option '${a}'`);
    }
  }
  return o;
}

function usage(error?: string): never {
  const text = `usage: node out/bench/bench.js [--quick] [--sizes 1000,10000] [--reps N] [--lsp-reps N]
                              [--edits N] [--code-actions N] [--regen] [--out FILE]
  --quick          1,000 notes only, 3 CLI/floor and 2 server repetitions: a sanity run
  --sizes          note counts of the workspaces (default 1000,10000); each also has one ${BIG_NOTE_LINES}-line note
  --reps           CLI and floor repetitions per size (default 5)
  --lsp-reps       server sessions per size (default 5)
  --edits          didChange edits on the ${BIG_NOTE_LINES}-line note per session (default 200)
  --code-actions   code action requests per note per session (default 100)
  --regen          regenerate the workspaces even when their stamp matches
  --out            where the JSON results go (default bench/work/results.json)
  --cpu-prof DIR   write a V8 CPU profile of every child process (CLI, floor, server) to DIR;
                   profiling slows them down: the figures of such a run are not the benchmark's
  --node-arg ARG   an extra node option for every child process (repeatable), for analysis\n`;
  (error ? process.stderr : process.stdout).write((error ? `bench: ${error}\n` : '') + text);
  process.exit(error ? 2 : 0);
}

// ---- statistics ---------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile. */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function pcts(xs: number[]) {
  return { n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99), max: Math.max(...xs) };
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (kib: number) => (kib * 1024) / 1e6;

// ---- workspaces ---------------------------------------------------------------------------

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The workspace for `count` notes: generated once, reused while the stamp matches. */
function ensureWorkspace(count: number, regen: boolean): string {
  const dir = path.join(WORK, `notes-${count}`);
  const stampFile = path.join(WORK, `notes-${count}.stamp.json`);
  const stamp = JSON.stringify({ count, seed: SEED, bigNoteLines: BIG_NOTE_LINES, generator: sha256(GENERATOR) });
  let current: string | undefined;
  try {
    current = fs.readFileSync(stampFile, 'utf8');
  } catch {
    // none yet
  }
  if (regen || current !== stamp || !fs.existsSync(dir)) {
    const started = performance.now();
    fs.rmSync(stampFile, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
    generate(dir, count, SEED, BIG_NOTE_LINES);
    fs.writeFileSync(stampFile, stamp); // last: an interrupted generation is redone
    log(`generated ${count} notes + one ${BIG_NOTE_LINES}-line note in ${path.relative(REPO, dir)} (${Math.round(performance.now() - started)} ms)`);
  } else {
    log(`reusing ${path.relative(REPO, dir)} (stamp matches)`);
  }
  return fs.realpathSync(dir); // the server compares walked paths with paths from URIs
}

// ---- CLI and floor ------------------------------------------------------------------------

interface ChildRun {
  wallMs: number;
  maxRSSKiB: number;
  cpuMs: number;
  code: number | null;
  stdoutBytes: number;
  stdout?: string;
  lastLine: string;
  stderr: string;
}

let cpuProfDir: string | undefined;
let extraNodeArgs: string[] = [];

function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.INTERVIEW_FOLLOWUP_TODAY;
  return env;
}

/** Node options for every child: the profiler when asked (NODE_OPTIONS may not carry it). */
function nodeArgs(): string[] {
  return [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), ...extraNodeArgs];
}

/**
 * Runs bench/child.js (the CLI or the floor) and measures it from spawn to exit: node's
 * start-up is included for both. Its stdout is drained and counted (kept when asked).
 */
function runChild(args: string[], cwd: string, keepStdout = false): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs(), CHILD, ...args], { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let bytes = 0;
    let tail = '';
    const chunks: Buffer[] = [];
    let stderr = '';
    let side = '';
    child.stdout!.on('data', (c: Buffer) => {
      bytes += c.length;
      if (keepStdout) chunks.push(c);
      tail = (tail + c.toString()).slice(-4096);
    });
    child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => { side += c.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      let maxRSSKiB = NaN;
      let cpuMs = NaN;
      try {
        const report = JSON.parse(side.trim().split('\n').pop()!);
        maxRSSKiB = report.maxRSSKiB;
        cpuMs = report.cpuUs / 1000;
      } catch {
        return reject(new Error(`no memory report from ${args.join(' ')} (exit ${code})\n${stderr}`));
      }
      const lines = tail.trimEnd().split('\n');
      resolve({
        wallMs, maxRSSKiB, cpuMs, code, stdoutBytes: bytes, lastLine: lines[lines.length - 1], stderr,
        stdout: keepStdout ? Buffer.concat(chunks).toString() : undefined,
      });
    });
  });
}

const cliArgs = (format: 'text' | 'json') => ['cli', 'check', '.', '--today', TODAY, ...(format === 'json' ? ['--format', 'json'] : [])];
/** The report as a page with its charts, on stdout (as check's findings are). */
const reportArgs = ['cli', 'report', '.', '--today', TODAY, '--format', 'html'];

interface Finding { file: string; line: number; column: number; rule: string }

// ---- server -------------------------------------------------------------------------------

interface ServerRun {
  spawnToInitializeMs: number;
  workspaceMs: number;
  /** CPU time of the server from spawn to the end of the scan (when its scanDone arrives). */
  workspaceCpuMs?: number;
  /** The scan's duration as the server reports it in scanDone. */
  serverScanMs: number;
  publications: number;
  notesWithDiagnostics: number;
  diagnostics: number;
  republishedAfterLast: number;
  rssAfterScanMB?: number;
  /** VmHWM at the end of the scan: what the scan alone took at its peak. */
  peakRssAfterScanMB?: number;
  edits: { all: number[]; frontMatter: number[]; body: number[]; frontMatterPublishedBeforePing: number; frontMatterContentMismatches: number; bodyPublications: number };
  codeActions: { note: string; ms: number[]; actions: number }[];
  /** Accepting an offer: ms to the last republished diagnostics, and how many publications each. */
  accept: { ms: number[]; republished: number[]; cpuMs?: number };
  /** VmHWM before the accept bursts: the workload the memory target was set for. */
  peakRssBeforeAcceptMB?: number;
  peakRssMB?: number;
  finalRssMB?: number;
}

function iso(day: Date): string {
  return day.toISOString().slice(0, 10);
}

async function serverSession(dir: string, expected: { files: Set<string>; findings: number; overdueNote: string }, o: Options): Promise<ServerRun> {
  const t0 = performance.now();
  // Its own process in the workspace folder (never a pooled one): spawn is part of the figure.
  const client = await LspClient.start({ dir, today: TODAY, nodeArgs: nodeArgs(), timeoutMs: 60_000 });
  try {
    const spawnToInitializeMs = performance.now() - t0;

    // Workspace: until every note the CLI reports on has been published at least once.
    const remaining = new Set(expected.files);
    let seen = 0;
    let lastAt = 0;
    await client.waitUntil('diagnostics for the whole workspace', () => {
      for (; seen < client.published.length; seen++) {
        const p = client.published[seen];
        const file = p.uri.startsWith('file:') ? fileURLToPath(p.uri) : p.uri;
        if (remaining.delete(file) && remaining.size === 0) lastAt = p.at;
      }
      return remaining.size === 0 ? true : undefined;
    }, 600_000);
    const workspaceMs = lastAt - t0;
    // The end of the scan: every publication of it has arrived; any after the last expected note is counted.
    const scan = await client.waitForScan();
    const workspaceCpuMs = cpuMs(client.pid);
    const republishedAfterLast = client.published.filter((p) => p.at > lastAt).length;
    let notesWithDiagnostics = 0;
    let diagnostics = 0;
    for (const [uri, published] of client.diagnostics) {
      if (!uri.endsWith('.md') || published.length === 0) continue;
      notesWithDiagnostics++;
      diagnostics += published.length;
    }
    if (diagnostics !== expected.findings) {
      log(`  warning: the server published ${diagnostics} diagnostics, the CLI reported ${expected.findings}`);
    }
    const afterScan = memory(client.pid);
    const rssAfterScan = afterScan.rssKiB;

    // Edits on the 5,000-line note: front matter and body alternately.
    const bigPath = client.path(BIG_NOTE);
    const bigUri = client.uri(BIG_NOTE);
    const text = fs.readFileSync(bigPath, 'utf8');
    const lines = text.split('\n');
    const ivLine = lines.findIndex((l) => l.startsWith('interviewed: '));
    const fmClose = lines.indexOf('---', 1);
    const bodyFirst = fmClose + 3;
    const bodyCount = lines.length - bodyFirst - 2;
    if (ivLine < 0 || fmClose < 0 || bodyCount < 100) throw new Error(`unexpected shape of ${bigPath}`);
    await client.open(BIG_NOTE, text);
    await client.ping();
    const edits: ServerRun['edits'] = { all: [], frontMatter: [], body: [], frontMatterPublishedBeforePing: 0, frontMatterContentMismatches: 0, bodyPublications: 0 };
    const valueAt = 'interviewed: '.length;
    for (let k = 0; k < o.edits; k++) {
      const before = client.published.length;
      if (k % 2 === 0) {
        // A new interview date: the check-in due date moves, so the diagnostics must change
        // and the server must publish them. Time to that publication.
        const j = k / 2;
        const day = new Date(Date.UTC(2026, 7, 1) + (j % 61) * 86_400_000);
        // Seven days after the interview, moved to the Monday when it falls on a weekend (working days).
        const week = new Date(day.getTime() + 7 * 86_400_000);
        const weekend = week.getUTCDay() === 6 ? 2 : week.getUTCDay() === 0 ? 1 : 0;
        const due = iso(new Date(week.getTime() + weekend * 86_400_000));
        const t = performance.now();
        await client.change(bigUri, { range: { start: { line: ivLine, character: valueAt }, end: { line: ivLine, character: valueAt + 10 } }, text: iso(day) });
        let pingAt = 0;
        const ping = client.ping().then(() => { pingAt = performance.now(); });
        const pub = await client.waitUntil('diagnostics after a front-matter edit', () => {
          for (let i = before; i < client.published.length; i++) if (client.published[i].uri === bigUri) return client.published[i];
          return undefined;
        }, 30_000);
        await ping;
        const ms = pub.at - t;
        edits.all.push(ms);
        edits.frontMatter.push(ms);
        if (pub.at <= pingAt) edits.frontMatterPublishedBeforePing++;
        if (!pub.diagnostics.some((d) => typeof d.message === 'string' && d.message.includes(due))) edits.frontMatterContentMismatches++;
      } else {
        // A body edit cannot change the diagnostics (the rules never look past the front
        // matter) and the server publishes only changes: time until the server has processed
        // it, i.e. until it answers a request sent right after it.
        const b = (k - 1) / 2;
        const line = bodyFirst + 10 + ((b >> 1) * 97) % (bodyCount - 20);
        const t = performance.now();
        await client.change(bigUri, b % 2 === 0
          ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'edited ' }
          : { range: { start: { line, character: 0 }, end: { line, character: 7 } }, text: '' });
        await client.ping();
        const ms = performance.now() - t;
        edits.all.push(ms);
        edits.body.push(ms);
        for (let i = before; i < client.published.length; i++) if (client.published[i].uri === bigUri) edits.bodyPublications++;
      }
    }

    // Code actions: on an overdue note opened in the editor, and on the 5,000-line note.
    const codeActions: ServerRun['codeActions'] = [];
    const overdueUri = await client.open(expected.overdueNote);
    await client.ping();
    for (const uri of [overdueUri, bigUri]) {
      const diags = client.diagnostics.get(uri) ?? [];
      const target = diags.find((d) => d.code === 'check-in-due');
      if (!target) throw new Error(`no check-in-due diagnostic on ${uri}`);
      const range: Range = target.range;
      const context: Diagnostic[] = diags.filter((d) => !(d.range.end.line < range.start.line || d.range.start.line > range.end.line));
      const ms: number[] = [];
      let actions = 0;
      for (let i = 0; i < o.codeActions; i++) {
        const t = performance.now();
        const result = await client.codeActions(uri, range, context);
        ms.push(performance.now() - t);
        actions = result.length;
      }
      if (actions === 0) throw new Error(`no code actions on ${uri}`);
      codeActions.push({ note: path.relative(dir, fileURLToPath(uri)), ms, actions });
    }

    // Accepting an offer: every other open process of the search gets withdraw-others, opened or
    // not. Time from the edit to the last diagnostics it republished: every publication of the
    // change precedes the answer to a request sent right after it.
    // The memory the scan, the edits and the code actions took, before the bursts below.
    const peakBeforeAccept = memory(client.pid).hwmKiB;
    const accept: ServerRun['accept'] = { ms: [], republished: [] };
    const open = openProcesses(dir);
    const offerUri = await client.open(OFFER_NOTE);
    const offerLines = fs.readFileSync(client.path(OFFER_NOTE), 'utf8').split('\n');
    const statusLine = offerLines.findIndex((l) => l === 'status: offer');
    if (statusLine < 0) throw new Error(`no status: offer in ${OFFER_NOTE}`);
    await client.ping();
    const cpuBefore = cpuMs(client.pid);
    for (let k = 0; k < o.accepts; k++) {
      for (const [from, to] of [['offer', 'accepted'], ['accepted', 'offer']]) {
        const before = client.published.length;
        const t = performance.now();
        await client.change(offerUri, { range: { start: { line: statusLine, character: 8 }, end: { line: statusLine, character: 8 + from.length } }, text: to });
        // The note itself and every other open process (withdraw-others comes or goes) are republished.
        const expected = open.size;
        await client.waitUntil(`${expected} publications after ${to}`, () => (client.published.length - before >= expected ? true : undefined), 60_000);
        const last = client.published[before + expected - 1].at;
        if (to === 'accepted') {
          accept.ms.push(last - t);
          accept.republished.push(client.published.length - before);
        }
      }
    }
    const cpuAfter = cpuMs(client.pid);
    // Server CPU per accept (and its un-accept): what the wall time costs when the machine is busy.
    if (cpuBefore !== undefined && cpuAfter !== undefined) accept.cpuMs = (cpuAfter - cpuBefore) / (2 * o.accepts);
    const publications = client.published.length;

    if (edits.frontMatterContentMismatches > 0) log(`  warning: ${edits.frontMatterContentMismatches} front-matter edits published diagnostics without the new due date`);
    if (edits.bodyPublications > 0) log(`  warning: ${edits.bodyPublications} body edits published diagnostics (they should not change any)`);
    if (republishedAfterLast > 0) log(`  note: ${republishedAfterLast} publications after the last expected note of the workspace`);
    const mem = memory(client.pid);
    return {
      spawnToInitializeMs,
      workspaceMs,
      workspaceCpuMs,
      serverScanMs: scan.ms,
      publications,
      notesWithDiagnostics,
      diagnostics,
      republishedAfterLast,
      rssAfterScanMB: rssAfterScan !== undefined ? mb(rssAfterScan) : undefined,
      peakRssAfterScanMB: afterScan.hwmKiB !== undefined ? mb(afterScan.hwmKiB) : undefined,
      edits,
      codeActions,
      accept,
      peakRssBeforeAcceptMB: peakBeforeAccept !== undefined ? mb(peakBeforeAccept) : undefined,
      peakRssMB: mem.hwmKiB !== undefined ? mb(mem.hwmKiB) : undefined,
      finalRssMB: mem.rssKiB !== undefined ? mb(mem.rssKiB) : undefined,
    };
  } finally {
    await client.shutdown(5000).catch(() => undefined); // killed by dispose if it does not exit
    await client.dispose();
    // Analysis runs (extra node options) may print to stderr, e.g. a preloaded GC observer.
    if (extraNodeArgs.length && client.stderr) log(client.stderr.trimEnd().split('\n').map((l) => `  server: ${l}`).join('\n'));
  }
}

/** The notes of the workspace with an open status (waiting, advanced, offer): those an acceptance elsewhere reaches. */
function openProcesses(dir: string): Set<string> {
  const out = new Set<string>();
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith('.md')) {
        const status = parseNote(fs.readFileSync(p, 'utf8'))?.interview?.status;
        const s = !status || status.kind === 'absent' ? 'waiting' : status.kind === 'ok' ? status.value : undefined;
        if (s === 'waiting' || s === 'advanced' || s === 'offer') out.add(p);
      }
    }
  };
  visit(dir);
  return out;
}

// ---- one size -----------------------------------------------------------------------------

interface SizeResult {
  notes: number;
  files: number;
  bytes: number;
  cli: { wallMs: number[]; cpuMs: number[]; maxRssMB: number[]; exitCodes: (number | null)[]; summary: string; findings: number };
  floor: { wallMs: number[]; cpuMs: number[]; maxRssMB: number[]; summary: string };
  /** `report --format html` on the same notes, run beside check in each rep. */
  report: { wallMs: number[]; cpuMs: number[]; maxRssMB: number[]; bytes: number };
  server: ServerRun[];
  medians: Record<string, number | undefined>;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function benchSize(count: number, o: Options): Promise<SizeResult> {
  const dir = ensureWorkspace(count, o.regen);
  let files = 0;
  let bytes = 0;
  const du = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) du(p);
      else if (e.name.endsWith('.md')) { files++; bytes += fs.statSync(p).size; }
    }
  };
  du(dir);

  // One JSON run, untimed: the expected findings (and a warm file cache).
  const json = await runChild(cliArgs('json'), dir, true);
  if (json.code !== 1) throw new Error(`check --format json exited ${json.code}\n${json.stderr}`);
  const findings = JSON.parse(json.stdout!) as Finding[];
  const expectedFiles = new Set(findings.map((f) => path.resolve(dir, f.file)));
  const overdue = findings.find((f) => f.rule === 'check-in-due' && f.file !== BIG_NOTE);
  if (!overdue) throw new Error('no overdue note in the workspace');
  const warmFloor = await runChild(['floor', dir], dir);
  if (warmFloor.code !== 0) throw new Error(`floor exited ${warmFloor.code}\n${warmFloor.stderr}`);

  const cli: SizeResult['cli'] = { wallMs: [], cpuMs: [], maxRssMB: [], exitCodes: [], summary: '', findings: findings.length };
  const floorR: SizeResult['floor'] = { wallMs: [], cpuMs: [], maxRssMB: [], summary: warmFloor.lastLine };
  const report: SizeResult['report'] = { wallMs: [], cpuMs: [], maxRssMB: [], bytes: 0 };
  for (let r = 0; r < o.reps; r++) {
    // Side by side, alternating which goes first.
    const order = r % 2 === 0 ? ['floor', 'cli', 'report'] : ['report', 'cli', 'floor'];
    for (const what of order) {
      if (what === 'report') {
        const p = await runChild(reportArgs, dir);
        if (p.code !== 0) log(`  warning: report exited ${p.code}: ${p.stderr.trim().slice(0, 300)}`);
        report.wallMs.push(p.wallMs);
        report.cpuMs.push(p.cpuMs);
        report.maxRssMB.push(mb(p.maxRSSKiB));
        report.bytes = p.stdoutBytes;
      } else if (what === 'floor') {
        const f = await runChild(['floor', dir], dir);
        floorR.wallMs.push(f.wallMs);
        floorR.cpuMs.push(f.cpuMs);
        floorR.maxRssMB.push(mb(f.maxRSSKiB));
      } else {
        const c = await runChild(cliArgs('text'), dir);
        cli.wallMs.push(c.wallMs);
        cli.cpuMs.push(c.cpuMs);
        cli.maxRssMB.push(mb(c.maxRSSKiB));
        cli.exitCodes.push(c.code);
        cli.summary = c.lastLine;
        if (c.code !== 1) log(`  warning: check exited ${c.code}: ${c.stderr.trim()}`);
      }
    }
    log(`  ${count} notes, rep ${r + 1}/${o.reps}: floor ${Math.round(floorR.wallMs[r])} ms ${round(floorR.maxRssMB[r], 1)} MB, check ${Math.round(cli.wallMs[r])} ms ${round(cli.maxRssMB[r], 1)} MB, report ${Math.round(report.wallMs[r])} ms ${round(report.maxRssMB[r], 1)} MB`);
  }

  const server: ServerRun[] = [];
  for (let r = 0; r < o.lspReps; r++) {
    const s = await serverSession(dir, { files: expectedFiles, findings: findings.length, overdueNote: overdue.file }, o);
    server.push(s);
    const e = pcts(s.edits.all);
    log(`  ${count} notes, server session ${r + 1}/${o.lspReps}: workspace ${Math.round(s.workspaceMs)} ms, edits p99 ${round(e.p99)} ms, `
      + `code action p95 ${round(percentile(s.codeActions[0].ms, 95))} ms, peak ${round(s.peakRssMB ?? NaN, 1)} MB`);
  }

  const med = (f: (s: ServerRun) => number | undefined) => {
    const xs = server.map(f).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  const medians: SizeResult['medians'] = {
    cliWallMs: median(cli.wallMs),
    floorWallMs: median(floorR.wallMs),
    cliCpuMs: median(cli.cpuMs),
    floorCpuMs: median(floorR.cpuMs),
    cliMaxRssMB: median(cli.maxRssMB),
    floorMaxRssMB: median(floorR.maxRssMB),
    // Each rep runs the two back to back: the median of the paired ratios, for reference.
    pairedCliOverFloorWall: median(cli.wallMs.map((c, i) => c / floorR.wallMs[i])),
    pairedCliOverFloorRss: median(cli.maxRssMB.map((c, i) => c / floorR.maxRssMB[i])),
    reportWallMs: median(report.wallMs),
    reportCpuMs: median(report.cpuMs),
    reportMaxRssMB: median(report.maxRssMB),
    pairedReportOverCheckWall: median(report.wallMs.map((p, i) => p / cli.wallMs[i])),
    spawnToInitializeMs: med((s) => s.spawnToInitializeMs),
    workspaceMs: med((s) => s.workspaceMs),
    workspaceCpuMs: med((s) => s.workspaceCpuMs),
    serverScanMs: med((s) => s.serverScanMs),
    editP50Ms: med((s) => pcts(s.edits.all).p50),
    editP95Ms: med((s) => pcts(s.edits.all).p95),
    editP99Ms: med((s) => pcts(s.edits.all).p99),
    editFmP50Ms: med((s) => pcts(s.edits.frontMatter).p50),
    editFmP95Ms: med((s) => pcts(s.edits.frontMatter).p95),
    editFmP99Ms: med((s) => pcts(s.edits.frontMatter).p99),
    editBodyP50Ms: med((s) => pcts(s.edits.body).p50),
    editBodyP95Ms: med((s) => pcts(s.edits.body).p95),
    editBodyP99Ms: med((s) => pcts(s.edits.body).p99),
    codeActionP50Ms: med((s) => percentile(s.codeActions[0].ms, 50)),
    codeActionP95Ms: med((s) => percentile(s.codeActions[0].ms, 95)),
    codeActionBigP50Ms: med((s) => percentile(s.codeActions[1].ms, 50)),
    codeActionBigP95Ms: med((s) => percentile(s.codeActions[1].ms, 95)),
    acceptP50Ms: med((s) => percentile(s.accept.ms, 50)),
    acceptP95Ms: med((s) => percentile(s.accept.ms, 95)),
    acceptRepublished: med((s) => median(s.accept.republished)),
    acceptCpuMs: med((s) => s.accept.cpuMs),
    serverRssAfterScanMB: med((s) => s.rssAfterScanMB),
    serverPeakRssAfterScanMB: med((s) => s.peakRssAfterScanMB),
    serverPeakRssMB: med((s) => s.peakRssMB),
    serverPeakRssBeforeAcceptMB: med((s) => s.peakRssBeforeAcceptMB),
  };
  return { notes: count, files, bytes, cli, floor: floorR, report, server, medians };
}

// ---- report -------------------------------------------------------------------------------

interface Row { metric: string; value: string; target?: string; pass?: boolean }

function rowsFor(r: SizeResult, o: Options): Row[] {
  const m = r.medians as Record<string, number>;
  const ms = (x: number | undefined) => (x === undefined ? 'n/a' : x >= 100 ? `${Math.round(x)} ms` : `${round(x, 2)} ms`);
  const mbs = (x: number | undefined) => (x === undefined ? 'n/a' : `${round(x, 1)} MB`);
  const ratio = (x: number) => `${x.toFixed(2)}x`;
  const trio = (a: number, b: number, c: number) => `${round(a, 1)} / ${round(b, 1)} / ${round(c, 1)} ms`;
  const edits = r.server[0]?.edits.all.length ?? 0;
  const cas = r.server[0]?.codeActions[0].ms.length ?? 0;
  const wallRatio = m.cliWallMs / m.floorWallMs;
  const rssRatio = m.cliMaxRssMB / m.floorMaxRssMB;
  const lspRatio = m.workspaceMs / m.cliWallMs;
  const fmBefore = r.server.reduce((n, s) => n + s.edits.frontMatterPublishedBeforePing, 0);
  const fmTotal = r.server.reduce((n, s) => n + s.edits.frontMatter.length, 0);
  const rows: Row[] = [
    { metric: 'floor: walk + read + parse front matter, wall', value: ms(m.floorWallMs) },
    { metric: 'CLI check, wall (spawn to exit)', value: ms(m.cliWallMs) },
    { metric: 'CLI / floor, wall', value: ratio(wallRatio), target: `<= ${TARGETS.cliOverFloorWall}x`, pass: wallRatio <= TARGETS.cliOverFloorWall },
    { metric: '  floor / CLI CPU time (user + sys, all threads)', value: `${ms(m.floorCpuMs)} / ${ms(m.cliCpuMs)} = ${ratio(m.cliCpuMs / m.floorCpuMs)}` },
    { metric: 'floor peak RSS', value: mbs(m.floorMaxRssMB) },
    { metric: 'CLI check peak RSS', value: mbs(m.cliMaxRssMB) },
    { metric: 'CLI / floor, peak RSS', value: ratio(rssRatio), target: `<= ${TARGETS.cliOverFloorRss}x`, pass: rssRatio <= TARGETS.cliOverFloorRss },
    { metric: `CLI report --format html, wall (${round(r.report.bytes / 1024, 0)} KB page)`, value: ms(m.reportWallMs) },
    { metric: 'CLI report / check, wall', value: ratio(m.reportWallMs / m.cliWallMs), target: `<= ${TARGETS.reportOverCheck}x`, pass: m.reportWallMs / m.cliWallMs <= TARGETS.reportOverCheck },
    { metric: '  report / check CPU time; peak RSS', value: `${ms(m.reportCpuMs)} / ${ms(m.cliCpuMs)} = ${ratio(m.reportCpuMs / m.cliCpuMs)}; ${mbs(m.reportMaxRssMB)}` },
    { metric: 'LSP spawn + initialize -> initialize result', value: ms(m.spawnToInitializeMs) },
    { metric: 'LSP spawn + initialize -> last workspace diagnostics', value: ms(m.workspaceMs) },
    { metric: 'LSP workspace diagnostics / CLI wall', value: ratio(lspRatio), target: `<= ${TARGETS.lspOverCli}x`, pass: lspRatio <= TARGETS.lspOverCli },
    { metric: '  server CPU time to the end of the scan / CLI CPU time', value: m.workspaceCpuMs === undefined ? 'n/a' : `${ms(m.workspaceCpuMs)} / ${ms(m.cliCpuMs)} = ${ratio(m.workspaceCpuMs / m.cliCpuMs)}` },
    { metric: `didChange -> diagnostics, ${BIG_NOTE_LINES}-line note, p50/p95/p99 (${edits} edits)`, value: trio(m.editP50Ms, m.editP95Ms, m.editP99Ms), target: `p99 <= ${TARGETS.editP99Ms} ms`, pass: m.editP99Ms <= TARGETS.editP99Ms },
    { metric: '  front-matter edits -> publishDiagnostics', value: trio(m.editFmP50Ms, m.editFmP95Ms, m.editFmP99Ms) },
    { metric: '  body edits -> processed (no change to publish)', value: trio(m.editBodyP50Ms, m.editBodyP95Ms, m.editBodyP99Ms) },
    { metric: '  front-matter diagnostics published before the next request is answered', value: `${fmBefore}/${fmTotal}` },
    { metric: `code action, overdue note, p50/p95 (${cas} requests)`, value: `${round(m.codeActionP50Ms, 2)} / ${round(m.codeActionP95Ms, 2)} ms`, target: `p95 <= ${TARGETS.codeActionP95Ms} ms`, pass: m.codeActionP95Ms <= TARGETS.codeActionP95Ms },
    { metric: `code action, ${BIG_NOTE_LINES}-line note, p50/p95`, value: `${round(m.codeActionBigP50Ms, 2)} / ${round(m.codeActionBigP95Ms, 2)} ms`, target: `p95 <= ${TARGETS.codeActionP95Ms} ms`, pass: m.codeActionBigP95Ms <= TARGETS.codeActionP95Ms },
    { metric: `accept an offer -> last republished diagnostics, p50/p95 (${r.server[0]?.accept.ms.length ?? 0} edits, ${m.acceptRepublished} notes each)`, value: `${ms(m.acceptP50Ms)} / ${ms(m.acceptP95Ms)}`, target: `p95 <= ${TARGETS.acceptP95Ms} ms`, pass: m.acceptP95Ms <= TARGETS.acceptP95Ms },
    { metric: '  server CPU time per accept (and per un-accept)', value: m.acceptCpuMs === undefined ? 'n/a' : ms(m.acceptCpuMs) },
    { metric: 'server RSS after the workspace scan', value: mbs(m.serverRssAfterScanMB) },
    { metric: '  peak RSS (VmHWM) at the end of the scan', value: mbs(m.serverPeakRssAfterScanMB) },
    { metric: 'server peak RSS (VmHWM): scan, edits, code actions', value: mbs(m.serverPeakRssBeforeAcceptMB), target: `<= ${TARGETS.serverPeakMB} MB`, pass: m.serverPeakRssBeforeAcceptMB !== undefined && m.serverPeakRssBeforeAcceptMB <= TARGETS.serverPeakMB },
    { metric: `  ... and after the ${r.server[0]?.accept.ms.length ?? 0} accept / un-accept bursts (garbage V8 keeps, not live)`, value: mbs(m.serverPeakRssMB) },
  ];
  void o;
  return rows;
}

function table(title: string, rows: Row[], targetsApply: boolean): string {
  const w0 = Math.max(...rows.map((r) => r.metric.length), 6);
  const w1 = Math.max(...rows.map((r) => r.value.length), 5);
  const w2 = Math.max(...rows.map((r) => (r.target ?? '').length), 6);
  const status = (r: Row) => (r.pass === undefined ? '' : !targetsApply ? (r.pass ? '(ok)' : '(over)') : r.pass ? 'PASS' : 'FAIL');
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c.padEnd(w2)}  ${d}`.trimEnd();
  return [
    title,
    line('metric', 'value', 'target', ''),
    line('-'.repeat(w0), '-'.repeat(w1), '-'.repeat(w2), '----'),
    ...rows.map((r) => line(r.metric, r.value, r.target ?? '', status(r))),
  ].join('\n');
}

function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGB: round(os.totalmem() / 1e9, 1),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** The code measured: the commit, and whether server/src differs from it. */
function revision(): { commit?: string; serverSrcModified?: boolean } {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', '--short', 'HEAD'), serverSrcModified: git('status', '--porcelain', '--', 'server/src', 'bin', 'templates') !== '' };
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  cpuProfDir = o.cpuProf;
  extraNodeArgs = o.nodeArgs;
  if (extraNodeArgs.length) log(`extra node options for the children: ${extraNodeArgs.join(' ')}`);
  if (cpuProfDir) {
    fs.mkdirSync(cpuProfDir, { recursive: true });
    log(`profiling children into ${cpuProfDir}: these figures are slowed down by the profiler`);
  }
  const started = performance.now();
  fs.mkdirSync(WORK, { recursive: true });
  const m = machine();
  const rev = revision();
  log(`interview-followup bench: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, node ${m.node}, ${m.os}`);
  const loadStart = os.loadavg()[0];
  if (loadStart > 0.5) log(`note: 1-minute load average is ${round(loadStart)} at start: other processes may skew the figures`);
  log(`sizes ${o.sizes.join(', ')}; ${o.reps} CLI/floor reps, ${o.lspReps} server sessions, ${o.edits} edits, ${o.codeActions} code actions; today ${TODAY}`);
  const results: SizeResult[] = [];
  for (const size of o.sizes) results.push(await benchSize(size, o));
  const totalS = (performance.now() - started) / 1000;
  const loadEnd = os.loadavg()[0];

  const out: string[] = [''];
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, node ${m.node}, ${m.os}`);
  if (rev.commit) out.push(`Code: commit ${rev.commit}${rev.serverSrcModified ? ' with uncommitted changes to the server/CLI sources' : ''}`);
  out.push(`1-minute load average: ${round(loadStart)} at start, ${round(loadEnd)} at end (the bench itself adds about 1)`);
  for (const r of results) {
    const applies = r.notes === TARGET_SIZE;
    const title = `${r.notes.toLocaleString('en-US')} notes + one ${BIG_NOTE_LINES.toLocaleString('en-US')}-line note (${r.files} files, ${round(r.bytes / 1e6, 1)} MB), `
      + `medians of ${o.reps} CLI/floor runs and ${o.lspReps} server sessions${applies ? '' : ' (targets are for 10,000 notes: shown for reference)'}`;
    out.push('', table(title, rowsFor(r, o), applies));
    out.push(`CLI: ${r.cli.summary}`, `floor: ${r.floor.summary}`);
  }
  out.push('', `Total ${round(totalS, 1)} s. Raw samples: ${path.relative(process.cwd(), o.out) || o.out}`);
  process.stdout.write(out.join('\n') + '\n');

  const failed = results.filter((r) => r.notes === TARGET_SIZE).flatMap((r) => rowsFor(r, o).filter((x) => x.pass === false).map((x) => x.metric));
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(o.out, JSON.stringify({
    date: new Date().toISOString(),
    machine: m,
    revision: rev,
    params: { today: TODAY, seed: SEED, bigNoteLines: BIG_NOTE_LINES, ...o, out: undefined },
    targets: { atNotes: TARGET_SIZE, ...TARGETS },
    totalSeconds: round(totalS, 1),
    loadAverage: { start: round(loadStart), end: round(loadEnd) },
    failed,
    results: results.map((r) => ({
      ...r,
      table: rowsFor(r, o),
    })),
  }, null, 1) + '\n');
}

main().catch((err) => {
  process.stderr.write(`bench: ${(err as Error)?.stack ?? err}\n`);
  process.exitCode = 2;
});
