/**
 * Pull diagnostics, negotiated from the client's capabilities: a client that declares
 * `textDocument.diagnostic` pulls (`textDocument/diagnostic`, `workspace/diagnostic`) and is
 * never pushed to; any other client is pushed to and offered no diagnosticProvider.
 */
import * as assert from 'node:assert/strict';
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  ClientCapabilities, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { CONFIG_FILE, SOURCE } from '../../server/src/protocol';
import { byRule, EXAMPLES, FileChangeType, rules, LspClient } from '../lsp/client';

const ACME = readFileSync(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');
const CLOSE_LINE = ACME.split('\n').indexOf('---', 1);

/** A client that pulls, as VS Code does (vscode-languageclient declares these two). */
const pulling = (caps: ClientCapabilities) => {
  caps.textDocument!.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
  caps.workspace!.diagnostics = { refreshSupport: true };
};

function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport & { resultId: string } {
  assert.equal(report.kind, 'full', JSON.stringify(report));
  assert.equal(typeof report.resultId, 'string');
  return report as FullDocumentDiagnosticReport & { resultId: string };
}

/** The workspace report of one file, by path (the URI spelling may differ). */
function itemFor(items: WorkspaceDocumentDiagnosticReport[], client: LspClient, rel: string): WorkspaceDocumentDiagnosticReport | undefined {
  const want = decodeURIComponent(client.uri(rel));
  return items.find((i) => decodeURIComponent(i.uri) === want);
}

const fullItems = (i: WorkspaceDocumentDiagnosticReport | undefined): Diagnostic[] => {
  assert.ok(i && i.kind === 'full', `expected a full report, got ${JSON.stringify(i)}`);
  return i.items;
};

describe('protocol: pull diagnostics (negotiated)', function () {
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('announces diagnosticProvider to a pulling client and answers document pulls with full and unchanged reports', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME }, capabilities: pulling });
    assert.deepEqual(client.initializeResult?.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });
    const uri = await client.open('acme.md');

    const first = full(await client.pullDiagnostics(uri));
    assert.deepEqual(rules(first.items), ['check-in-due']);
    assert.deepEqual(first.items[0].range, { start: { line: 12, character: 17 }, end: { line: 12, character: 27 } });
    assert.equal(first.items[0].source, SOURCE);

    // Same text, same result id: unchanged.
    const again = await client.pullDiagnostics(uri, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });

    // Edited: the check-in went out. A full report, empty, with a new id.
    const at = { line: CLOSE_LINE, character: 0 };
    await client.change(uri, { range: { start: at, end: at }, text: 'follow_ups: [2026-11-20]\n' });
    const after = full(await client.pullDiagnostics(uri, first.resultId));
    assert.deepEqual(after.items, []);
    assert.notEqual(after.resultId, first.resultId);

    // A note that is not open is read from disk; plain markdown has nothing.
    await client.writeFile('plain.md', '# Notes\n');
    assert.deepEqual(full(await client.pullDiagnostics(client.uri('plain.md'))).items, []);

    await client.waitForScan();
    assert.deepEqual(client.published, [], 'nothing is ever pushed to a client that pulls');
    assert.deepEqual(client.errors(), []);
  });

  it('answers workspace pulls for notes nobody opened, holds the next pull until something changes, and asks for a refresh', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES, capabilities: pulling });
    const first = await client.pullWorkspaceDiagnostics();
    // Every note with something to say, after the whole scan; plain markdown is not there.
    assert.deepEqual(rules(fullItems(itemFor(first.items, client, 'acme-backend.md'))), ['check-in-due']);
    assert.deepEqual(rules(fullItems(itemFor(first.items, client, 'umbrella-sre.md'))), ['ask-timeline', 'check-in-due']);
    assert.equal(itemFor(first.items, client, 'job-search-log.md'), undefined);
    assert.equal(itemFor(first.items, client, 'initech-data.md'), undefined, 'a clean note has nothing to report');
    for (const i of first.items) assert.equal(i.version, null, 'nothing is open');

    // The next pull with every result id is held: nothing is new. A change on disk answers it.
    const previous = first.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
    const held = client.pullWorkspaceDiagnostics(previous, { timeoutMs: 10000 });
    let answered = false;
    void held.then(() => (answered = true), () => undefined);
    // A document pull answered meanwhile (same diagnostics as before: no news) shows it is held.
    await client.pullDiagnostics(client.uri('umbrella-sre.md'));
    assert.equal(answered, false, 'answered although nothing changed');
    const text = await fsp.readFile(client.path('acme-backend.md'), 'utf8');
    await client.writeFile('acme-backend.md', text.replace('status: waiting\n', 'status: waiting\nfollow_ups: [2026-11-20]\n'));
    await client.filesChanged(['acme-backend.md', FileChangeType.Changed]);
    const second = await held;
    assert.deepEqual(fullItems(itemFor(second.items, client, 'acme-backend.md')), [], 'its diagnostics are cleared');
    assert.equal(itemFor(second.items, client, 'umbrella-sre.md')?.kind, 'unchanged');
    await client.waitUntil('workspace/diagnostic/refresh', () => (client!.diagnosticRefreshes > 0 ? true : undefined));

    // A note the client holds that no longer exists: cleared too.
    const gone = await client.pullWorkspaceDiagnostics([{ uri: client.uri('deleted.md'), value: 'stale' }, ...previous.filter((p) => !p.uri.endsWith('acme-backend.md'))]);
    assert.deepEqual(fullItems(itemFor(gone.items, client, 'deleted.md')), []);
    assert.deepEqual(client.published, [], 'nothing is ever pushed to a client that pulls');
    assert.deepEqual(client.errors(), []);
  });

  it('reports open documents with their version, the config file problems, and cancels a held pull', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES, capabilities: pulling });
    const uri = await client.open('acme-backend.md');
    await client.change(uri, { range: { start: { line: CLOSE_LINE, character: 0 }, end: { line: CLOSE_LINE, character: 0 } }, text: 'tags: [x]\n' });
    const report = await client.pullWorkspaceDiagnostics();
    const acme = itemFor(report.items, client, 'acme-backend.md');
    assert.equal(acme?.version, 2);
    assert.deepEqual(rules(fullItems(acme)), ['check-in-due']);

    // A malformed config file: its problem is reported by pull as well.
    await client.writeFile(CONFIG_FILE, 'checkInGraceDays: soon\n');
    await client.filesChanged([CONFIG_FILE, FileChangeType.Changed]);
    const previous = report.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
    const next = await client.pullWorkspaceDiagnostics(previous);
    const config = fullItems(itemFor(next.items, client, CONFIG_FILE));
    assert.equal(config.length, 1);
    assert.match(String(config[0].message), /checkInGraceDays/);

    // Held, then cancelled by the client: answered (nothing new), not left hanging.
    const all = next.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
    let cancel!: () => void;
    const cancelled = client.pullWorkspaceDiagnostics(all, { cancel: new Promise<void>((resolve) => (cancel = resolve)) });
    cancel();
    await cancelled.then((r) => assert.ok(r.items.every((i) => i.kind === 'unchanged')), (err: Error) => assert.match(err.message, /cancel/i));
    assert.deepEqual(client.published, []);
    assert.deepEqual(client.errors(), []);
  });

  it('sends a refresh and pulls the new settings after a configuration change', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME }, capabilities: pulling });
    const uri = await client.open('acme.md');
    const before = full(await client.pullDiagnostics(uri));
    assert.deepEqual(rules(before.items), ['check-in-due']);
    await client.changeSettings({ rules: { 'check-in-due': 'hint' } });
    await client.waitUntil('workspace/diagnostic/refresh', () => (client!.diagnosticRefreshes > 0 ? true : undefined));
    const after = full(await client.pullDiagnostics(uri, before.resultId));
    assert.deepEqual(after.items.map((d) => d.severity), [4]);
    assert.deepEqual(client.published, []);
  });

  it('pushes to a client that does not declare textDocument.diagnostic, or that asks for push', async () => {
    for (const start of [
      () => LspClient.start({ files: { 'acme.md': ACME } }),
      () => LspClient.start({ files: { 'acme.md': ACME }, capabilities: pulling, initializationOptions: { diagnosticMode: 'push' } }),
    ]) {
      client = await start();
      assert.equal(client.initializeResult?.capabilities.diagnosticProvider, undefined);
      const diags = await client.waitForDiagnostics(client.uri('acme.md'), (d) => byRule(d, 'check-in-due').length === 1);
      assert.equal(diags.length, 1);
      await client.waitForScan();
      assert.equal(client.diagnosticRefreshes, 0);
      await client.dispose();
      client = undefined;
    }
  });
});
