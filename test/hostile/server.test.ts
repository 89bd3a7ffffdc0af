/**
 * Server resilience: a handler that throws is logged (window/logMessage, error) and the
 * server keeps serving; stale and out-of-order changes never win over newer text; code action
 * edits name the document version they were computed for; an untrusted workspace's templates
 * are never used.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { FAULT_ENV } from '../../server/src/protocol';
import { lineStarts, spanOf } from '../fuzz/invariants';
import { FileChangeType, LspClient, StartOptions, tempDir } from '../lsp/client';
import { BASE, note } from './corpus';
import { startIn } from './server-preset';

/** Applies a versioned edit as a client must: refused unless the document is at the version it names. */
function applyVersioned(text: string, version: number, edit: TextDocumentEdit): string {
  if (edit.textDocument.version !== null && edit.textDocument.version !== version) {
    throw new Error(`refused: the edit is for version ${edit.textDocument.version}, the document is at ${version}`);
  }
  const starts = lineStarts(text);
  const spans = (edit.edits as TextEdit[]).map((e) => [...spanOf(text, starts, e.range), e.newText] as const).sort((a, b) => b[0] - a[0]);
  return spans.reduce((t, [s, e, n]) => t.slice(0, s) + n + t.slice(e), text);
}

const codes = (d: Diagnostic[] | undefined) => (d ?? []).map((x) => String(x.code)).sort();

describe('hostile: the server keeps serving', function () {
  this.timeout(30_000);
  let dir: string;
  let lsp: LspClient | undefined;

  const launch = (o: Partial<StartOptions> = {}) => startIn(dir, o);
  async function start(files: Record<string, string>, o: Partial<StartOptions> = {}): Promise<LspClient> {
    dir = tempDir('ifu-server-');
    lsp = await launch({ files, ...o });
    await lsp.waitForScan();
    return lsp;
  }
  const uri = (name: string) => lsp!.uri(name);
  const open = (name: string, text: string, version = 1) => lsp!.open(name, text, version);
  const change = (name: string, version: number, text: string) => lsp!.changeAsVersion(uri(name), version, { text });
  const actions = (name: string, line: number): Promise<CodeAction[]> =>
    lsp!.codeActions(uri(name), { start: { line, character: 0 }, end: { line: line + 1, character: 0 } });

  afterEach(async () => {
    await lsp?.dispose();
    lsp = undefined;
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  it('a request handler that throws (injected) is logged as an error; the server answers and publishes on', async () => {
    await start({ 'acme.md': note(BASE) }, { env: { [FAULT_ENV]: 'codeAction' } });
    assert.deepEqual(await actions('acme.md', 5), [], 'the fallback answer');
    const logged = await lsp!.waitUntil('the failure logged', () => lsp!.errors().find((m) => m.startsWith(`codeAction failed: Error: fault injected by ${FAULT_ENV}`)));
    assert.match(logged, /\n\s+at /, 'with its stack');
    // It fails each time, and each time the server answers.
    assert.deepEqual(await actions('acme.md', 5), []);
    // Notifications still work: an edit is checked and published.
    await open('acme.md', note(BASE));
    await change('acme.md', 2, note([...BASE, 'status: wating']));
    await lsp!.waitUntil('the edit checked', () => (codes(lsp!.diagnostics.get(uri('acme.md'))).includes('invalid-value') ? true : undefined));
    // And other requests: a full rescan answers its file count.
    assert.equal(await lsp!.recheckAll(), 1);
    assert.ok(lsp!.alive);
  });

  it('a notification handler that throws (injected) is logged; requests and the other notifications go on', async () => {
    await start({ 'acme.md': note(BASE) }, { env: { [FAULT_ENV]: 'didChange' } });
    await open('acme.md', note(BASE));
    await lsp!.waitUntil('the failure logged', () => lsp!.errors().find((m) => m.startsWith('didChange failed: Error: fault injected')));
    const offered = await actions('acme.md', 5);
    assert.ok(offered.some((a) => a.title.startsWith('Draft check-in email')), JSON.stringify(offered.map((a) => a.title)));
    // A watched-file change still re-checks the file from disk.
    await fsp.writeFile(path.join(dir, 'acme.md'), note([...BASE, 'status: wating']));
    await lsp!.close(uri('acme.md'));
    await lsp!.waitUntil('the disk text checked', () => (codes(lsp!.diagnostics.get(uri('acme.md'))).includes('invalid-value') ? true : undefined));
    assert.ok(lsp!.alive);
  });

  it('a FIFO, a link to /dev/zero and a vanished file, all named like notes and templates: never read, the server serves on', async () => {
    const tpl = '.interview-followup/templates/thank-you-email.hbs';
    await start({ 'acme.md': note(BASE.slice(0, 3)), [tpl]: 'x' });
    await fsp.rm(path.join(dir, tpl));
    for (const fifo of ['fifo.md', tpl]) assert.equal(spawnSync('mkfifo', [path.join(dir, fifo)]).status, 0);
    await fsp.symlink('/dev/zero', path.join(dir, 'zero.md'));
    // The watcher reports them, and a file that is gone by the time it is read.
    await lsp!.filesChanged(...['fifo.md', 'zero.md', 'vanished.md', tpl].map((n): [string, FileChangeType] => [n, FileChangeType.Created]));
    // Code actions on them (not open: read from disk) answer at once, with nothing.
    assert.deepEqual(await actions('fifo.md', 0), []);
    assert.deepEqual(await actions('zero.md', 0), []);
    // A draft falls back to the built-in template: the FIFO in the templates folder is not one.
    const draft = (await actions('acme.md', 3)).find((a) => a.title.startsWith('Draft thank-you email'))!;
    assert.ok(draft.edit, draft.disabled?.reason);
    assert.equal(await lsp!.recheckAll(), 1, 'one note on disk');
    assert.ok(lsp!.logs.some((l) => /cannot read .*fifo\.md: not a regular file/.test(l.message)), 'the FIFO is named in the log');
    assert.deepEqual(lsp!.errors(), []);
    assert.ok(lsp!.alive);
  });

  it('a stale or out-of-order change never replaces newer text', async () => {
    await start({});
    const v1 = note(BASE);
    const v3 = note([...BASE, 'status: wating']); // invalid-value only: the rules that need a status are silent
    const v2 = note([...BASE.slice(0, 4)]); // ask-timeline and check-in-due
    await open('n.md', v1, 1);
    await change('n.md', 3, v3);
    await lsp!.waitUntil('version 3 checked', () => (codes(lsp!.diagnostics.get(uri('n.md'))).includes('invalid-value') ? true : undefined));
    await change('n.md', 2, v2); // arrives late
    const [fix] = (await actions('n.md', 6)).filter((a) => a.title.startsWith('Change status to'));
    assert.ok(fix, 'actions still computed on version 3');
    assert.deepEqual(codes(lsp!.diagnostics.get(uri('n.md'))), ['invalid-value'], 'diagnostics of version 3, the newest (version 2 would give ask-timeline)');
    assert.ok(lsp!.logs.some((l) => /ignored a stale change .* \(version 2; we have 3\)/.test(l.message)), 'the stale change is logged');
    const edit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(edit.textDocument.version, 3);
    assert.equal(applyVersioned(v3, 3, edit), note([...BASE, 'status: waiting']));
  });

  it('edits name the version they were computed for: a client refuses one computed on N at N+1', async () => {
    await start({});
    const v1 = note(BASE);
    await open('n.md', v1, 1);
    const draft = (await actions('n.md', 5)).find((a) => a.title.startsWith('Mark check-in email sent today'))!;
    const edit = draft.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, { uri: uri('n.md'), version: 1 });
    const v2 = v1.replace('# Notes', '# Notes, edited');
    await change('n.md', 2, v2);
    assert.throws(() => applyVersioned(v2, 2, edit), /refused: the edit is for version 1, the document is at 2/);
    // Asked again, the action is for version 2, and applies.
    const again = (await actions('n.md', 5)).find((a) => a.title.startsWith('Mark check-in email sent today'))!;
    const edit2 = again.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(edit2.textDocument.version, 2);
    assert.match(applyVersioned(v2, 2, edit2), /follow_ups:\n {2}- 2026-11-26\n---\n\n# Notes, edited/);
  });

  it('a note not open gets an edit with version null; a client without documentChanges gets plain changes', async () => {
    await start({ 'n.md': note(BASE) });
    const fromDisk = (await actions('n.md', 5)).find((a) => a.title.startsWith('Mark check-in email sent today'))!;
    assert.equal((fromDisk.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, null);
    await lsp!.dispose();
    lsp = await launch({ capabilities: () => ({ workspace: { configuration: true } }) });
    await lsp.waitForScan();
    const plain = (await actions('n.md', 5)).find((a) => a.title.startsWith('Mark check-in email sent today'))!;
    assert.equal(plain.edit!.documentChanges, undefined);
    assert.deepEqual(Object.keys(plain.edit!.changes!), [uri('n.md')]);
  });

  it('in an untrusted workspace only the built-in templates are used', async () => {
    const files = {
      'n.md': note(BASE.slice(0, 3)),
      '.interview-followup/templates/thank-you-email.hbs': 'WORKSPACE TEMPLATE for {{company}}\n',
    };
    await start(files, { initializationOptions: { workspaceTrusted: false } });
    const untrusted = (await actions('n.md', 3)).find((a) => a.title.startsWith('Draft thank-you email'))!;
    const text = ((untrusted.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as TextEdit).newText;
    assert.ok(!text.includes('WORKSPACE TEMPLATE') && /Acme Corp/.test(text), text);
    await lsp!.dispose();
    lsp = await launch();
    await lsp.waitForScan();
    const trusted = (await actions('n.md', 3)).find((a) => a.title.startsWith('Draft thank-you email'))!;
    assert.match(((trusted.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as TextEdit).newText, /WORKSPACE TEMPLATE for Acme Corp/);
  });

  it('a broken workspace template: a diagnostic on the template file, the reason in place of the action, the note untouched', async () => {
    const tpl = '.interview-followup/templates/thank-you-email.hbs';
    await start({ 'n.md': note(BASE.slice(0, 3)), [tpl]: 'Dear {{contact.name}},\n{{#each interviewers}}\n' });
    await lsp!.filesChanged([tpl, FileChangeType.Created]);
    const onTemplate = await lsp!.waitUntil('a diagnostic on the template', () => lsp!.diagnostics.get(uri(tpl))?.[0]);
    assert.equal(onTemplate.code, 'template');
    assert.match(onTemplate.message as string, /Template does not compile/);
    const draft = (await actions('n.md', 3)).find((a) => a.title.startsWith('Draft thank-you email'))!;
    assert.equal(draft.edit, undefined, 'no edit: never half a note');
    assert.match(draft.disabled!.reason, /^Template error in .*thank-you-email\.hbs: /);
  });
});
