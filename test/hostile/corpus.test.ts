/**
 * The hostile corpus (corpus.ts), three ways: through the service (each entry's outcome, in
 * bounded time, and every code action offered still applies cleanly), through the CLI and
 * through the server, both as child processes with a capped heap, over one folder holding
 * the whole corpus plus symlink loops, a dangling link, a FIFO and a second path to a note. The CLI never writes.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, promises as fsp, readdirSync, readFileSync, realpathSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, mergeConfig, parseIsoDay, TemplateLookup } from '../../server/src/service';
import { decode } from '../../server/src/node';
import { TODAY_ENV } from '../../server/src/protocol';
import { checkAction, frontMatterEnd, lineStarts, spanOf } from '../fuzz/invariants';
import { BIN, LspClient } from '../lsp/client';
import { CORPUS, Entry, Expect, TODAY } from './corpus';

/** Bounds: per note through the service (generous for a loaded 2-core CI machine), and the heap of each child. */
const SERVICE_MS = 5000;
const HEAP_MB = 192;
const CHILD_MS = 60_000;

const URI = 'file:///hostile/note.md';
const today = parseIsoDay(TODAY)!;
const templates: TemplateLookup = (name) => ({ origin: name, text: readFileSync(path.resolve(__dirname, '../../../templates', `${name}.hbs`), 'utf8') });
const service = createLanguageService();

/** Checks findings (rule, 0-based start line and character, message) against an entry's expectation. */
function expectFindings(e: Entry, found: { rule: string; line: number; character: number; message: string }[] | undefined): void {
  const x: Expect = e.expect;
  if (!x.note) {
    assert.ok(!found || found.length === 0, `${e.name}: not a note, no finding: ${JSON.stringify(found?.slice(0, 3))}`);
    return;
  }
  assert.ok(found, `${e.name}: an interview note`);
  const counts: Record<string, number> = {};
  for (const f of found) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  if (x.rules) assert.deepEqual(counts, x.rules, `${e.name}: findings`);
  if (x.only) assert.ok(found.length > 0 && found.every((f) => f.rule === x.only), `${e.name}: only ${x.only}: ${JSON.stringify(counts)}`);
  if (x.message) {
    const f = found.find((g) => g.rule === x.message![0]);
    assert.ok(f, `${e.name}: a ${x.message[0]}`);
    assert.match(f.message, x.message[1]);
  }
  if (x.at) {
    const f = found.find((g) => g.rule === x.at![0]);
    assert.ok(f, `${e.name}: a ${x.at[0]}`);
    assert.deepEqual([f.line, f.character], [x.at[1], x.at[2]], `${e.name}: ${x.at[0]} position`);
  }
  for (const f of found) assert.ok(f.message.length < 400, `${e.name}: a message of sane length (${f.message.length})`);
}

describe('hostile corpus: the service', function () {
  this.timeout(30_000);
  let slowest = { name: '', ms: 0 };

  after(() => console.log(`      hostile corpus: ${CORPUS.length} entries; slowest through the service: ${slowest.name} (${slowest.ms} ms)`));

  for (const e of CORPUS) {
    it(`${e.name}: ${e.what}`, () => {
      const text = decode(e.bytes()); // as the CLI and the server read files: UTF-8, BOM dropped
      const started = Date.now();
      const options = { today, config: mergeConfig({}) };
      const diagnostics = service.check({ uri: URI, text }, options);
      const checked = Date.now() - started;
      expectFindings(e, diagnostics?.map((d) => ({ rule: String(d.code), line: d.range.start.line, character: d.range.start.character, message: d.message as string })));
      const starts = lineStarts(text);
      const limit = frontMatterEnd(text);
      for (const d of diagnostics ?? []) assert.ok(spanOf(text, starts, d.range)[1] <= limit, `${d.code} inside the front matter`);

      // Code actions on everything found, in bounded time; a sample of them applied and checked.
      const all = { start: { line: 0, character: 0 }, end: { line: starts.length, character: 0 } };
      const actions = service.codeActions({ uri: URI, text, version: 1 }, all, (diagnostics ?? []) as Diagnostic[], { ...options, templates });
      const elapsed = Date.now() - started;
      assert.ok(elapsed < SERVICE_MS, `${e.name}: checked in ${checked} ms, with code actions ${elapsed} ms (bound ${SERVICE_MS} ms)`);
      if (elapsed > slowest.ms) slowest = { name: e.name, ms: elapsed };
      const sample = actions.length > 20 ? [...actions.slice(0, 3), ...actions.slice(-3)] : actions;
      for (const a of sample) if (a.edit) checkAction(text, a, URI, today);
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
      assert.equal(({} as Record<string, unknown>).email, undefined, 'no prototype pollution');
    });
  }
});

// ---- the executables, over the corpus as a folder ----------------------------------------

interface CliFinding { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; rule: string; message: string }

/** Size, mode and a hash of every file (links not followed): to prove nothing was written. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) visit(p);
      else if (st.isFile()) out.set(p, `${st.size}:${st.mtimeMs}:${createHash('sha1').update(readFileSync(p)).digest('hex')}`);
      else out.set(p, `${st.mode}`);
    }
  };
  visit(dir);
  return out;
}

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const env = { ...process.env };
    delete env[TODAY_ENV];
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

describe('hostile corpus: the CLI and the server, heap capped', function () {
  this.timeout(120_000);
  let dir: string;
  let cli: CliFinding[] = [];
  let lsp: LspClient | undefined;

  before(async () => {
    dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ifu-hostile-')));
    for (const e of CORPUS) await fsp.writeFile(path.join(dir, e.name), e.bytes());
    await fsp.mkdir(path.join(dir, 'links'));
    await fsp.symlink('..', path.join(dir, 'links', 'up')); // a loop back to the root
    await fsp.symlink('.', path.join(dir, 'links', 'here')); // a loop onto itself
    await fsp.symlink('self.md', path.join(dir, 'links', 'self.md')); // a link to itself (ELOOP)
    await fsp.symlink('nowhere.md', path.join(dir, 'links', 'dangling.md'));
    await fsp.symlink('../bom.md', path.join(dir, 'links', 'linked.md')); // a note through a link: checked
    const fifo = spawnSync('mkfifo', [path.join(dir, 'links', 'fifo.md')]);
    assert.equal(fifo.status, 0, `mkfifo: ${fifo.stderr}`); // a read would block forever: never opened
  });

  after(async () => {
    await lsp?.dispose();
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  it('the CLI checks it within its heap and time, with each file\'s expected findings, and writes nothing', async () => {
    const before = snapshot(dir);
    const r = await run(['check', '--format', 'json', '--today', TODAY], dir);
    assert.equal(r.stderr, [
      "interview-followup: skipped 'links/dangling.md': a link that leads nowhere (no such file or directory)",
      "interview-followup: skipped 'links/fifo.md': a FIFO, not a regular file",
      "interview-followup: skipped 'links/self.md': a link that loops", '',
    ].join('\n'), 'a FIFO, a looping and a dangling link met on the way: skipped, each named on stderr');
    assert.equal(r.code, 1, 'warnings and errors: exit 1 (a file skipped on the way does not make it 2)');
    assert.ok(r.ms < CHILD_MS, `${r.ms} ms`);
    cli = JSON.parse(r.stdout);
    for (const e of CORPUS) {
      const mine = cli.filter((f) => f.file === e.name);
      expectFindings(e, e.expect.note || mine.length > 0 ? mine.map((f) => ({ rule: f.rule, line: f.line - 1, character: f.column - 1, message: f.message })) : undefined);
    }
    const linked = cli.filter((f) => f.file === path.join('links', 'linked.md')).map((f) => f.rule);
    assert.deepEqual(linked, [], 'a note reached through a symlink (links/linked.md -> bom.md) is one note, read once by its own path');
    assert.deepEqual(snapshot(dir), before, 'the CLI never writes to notes');
    console.log(`      CLI over the corpus: ${r.ms} ms, ${cli.length} findings, heap capped at ${HEAP_MB} MB`);
  });

  it('the server scans it within its heap, publishes the same findings, and keeps serving', async () => {
    const started = Date.now();
    lsp = await LspClient.start({ dir, today: TODAY, nodeArgs: [`--max-old-space-size=${HEAP_MB}`], timeoutMs: 20_000 });
    await lsp.waitForScan(CHILD_MS);
    const ms = Date.now() - started;
    const key = (f: CliFinding) => JSON.stringify([f.file, f.line, f.column, f.endLine, f.endColumn, f.rule, f.message]);
    const fromServer: string[] = [];
    for (const [uri, diagnostics] of lsp.diagnostics) {
      const file = path.relative(dir, fileURLToPath(uri));
      for (const d of diagnostics) {
        fromServer.push(key({ file, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1, severity: '', rule: String(d.code), message: d.message as string }));
      }
    }
    assert.deepEqual(fromServer.sort(), cli.map(key).sort(), 'the server and the CLI agree on the hostile corpus');
    assert.deepEqual(lsp.errors(), [], 'no handler failed');
    // Still serving: a code action on the 10,000 follow-ups note answers, in bounded time.
    const uri = new URL(`file://${path.join(dir, 'follow-ups-10000.md')}`).href;
    const t = Date.now();
    const actions = await lsp.codeActions(uri, { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } });
    assert.ok(actions.length >= 1 && Date.now() - t < SERVICE_MS, `${actions.length} actions in ${Date.now() - t} ms`);
    assert.ok(lsp.alive);
    console.log(`      server over the corpus: scanned in ${ms} ms, ${fromServer.length} findings, heap capped at ${HEAP_MB} MB`);
  });
});
