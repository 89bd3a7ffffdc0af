/**
 * $/progress while the workspace is indexed (for a client that declares
 * `window.workDoneProgress`), and single-file mode: no workspace folder and no root URI, as
 * an editor started on one file sends; opened notes are still checked and get code actions.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { WorkDoneProgressBegin, WorkDoneProgressReport } from 'vscode-languageserver-protocol/node';
import { CONFIG_FILE } from '../../server/src/protocol';
import { applyEdits, byRule, EXAMPLES, rules, LspClient } from '../lsp/client';

const ACME = readFileSync(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');
const CONFIG = readFileSync(path.join(EXAMPLES, CONFIG_FILE), 'utf8');

describe('protocol: $/progress during the scan', function () {
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('creates a token and reports begin, percentages and end while the workspace is checked', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES });
    const entries = await client.waitForProgressEnd();
    await client.waitForScan();
    assert.equal(client.progressTokens.length, 1, 'one token, for the initial scan');
    assert.equal(entries[0].token, client.progressTokens[0]);
    const kinds = entries.map((e) => e.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(kinds.slice(1, -1).every((k) => k === 'report') && kinds.length > 2, kinds.join());
    assert.equal((entries[0].value as WorkDoneProgressBegin).title, 'Checking interview notes');
    const reports = entries.slice(1, -1).map((e) => e.value as WorkDoneProgressReport);
    const percentages = reports.map((r) => r.percentage!);
    assert.deepEqual([...percentages].sort((a, b) => a - b), percentages, 'percentages only grow');
    assert.equal(percentages[percentages.length - 1], 100);
    // Every markdown file in the folder: 13 of them (one is plain markdown).
    assert.equal(reports[reports.length - 1].message, '13/13 files');
    // The scan's diagnostics are all out by the end.
    assert.deepEqual(rules(client.diagnostics.get(client.uri('acme-backend.md')) ?? []), ['check-in-due']);
  });

  it('reports nothing to a client without window.workDoneProgress, and scans anyway', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES, capabilities: (caps) => { delete caps.window; } });
    await client.waitForScan();
    await client.waitForDiagnostics(client.uri('acme-backend.md'), (d) => d.length === 1);
    assert.deepEqual(client.progressTokens, []);
    assert.deepEqual(client.progress, []);
  });

  it('scans anyway when the client refuses to create the token', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES, refuse: { progress: true } });
    await client.waitForScan();
    await client.waitForDiagnostics(client.uri('acme-backend.md'), (d) => d.length === 1);
    assert.deepEqual(client.progress, []);
    assert.deepEqual(client.errors(), []);
  });
});

describe('protocol: single-file mode (no workspace folder, no root)', function () {
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('checks an opened note, offers its code actions, and leaves the rest of the folder alone', async () => {
    client = await LspClient.start({
      workspace: false,
      files: { 'acme.md': ACME, [CONFIG_FILE]: CONFIG, 'umbrella.md': readFileSync(path.join(EXAMPLES, 'umbrella-sre.md'), 'utf8') },
    });
    await client.waitForScan();
    const uri = await client.open('acme.md');
    const [due] = await client.waitForDiagnostics(uri, (d) => byRule(d, 'check-in-due').length === 1);
    const actions = await client.codeActions(uri, due.range, [due]);
    const draft = actions.find((a) => a.title === 'Draft check-in email to Jane Doe');
    assert.ok(draft?.edit, JSON.stringify(actions));
    // The nearest .interview-followup.yaml still applies: the draft is signed with its sender.
    assert.match(applyEdits(draft.edit, { [uri]: ACME })[uri], /\nBest regards,\nAlex Rivera\n/);
    // Not opened, not in any workspace: never checked.
    assert.ok(!client.published.some((p) => p.uri === client!.uri('umbrella.md')));
    // Closed: cleared (there is no workspace to fall back to).
    await client.close(uri);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    assert.deepEqual(client.errors(), []);
  });

  it('answers pulls in single-file mode too', async () => {
    client = await LspClient.start({
      workspace: false,
      files: { 'acme.md': ACME },
      capabilities: (caps) => {
        caps.textDocument!.diagnostic = { dynamicRegistration: false };
      },
    });
    const uri = await client.open('acme.md');
    const report = await client.pullDiagnostics(uri);
    assert.equal(report.kind, 'full');
    assert.deepEqual(rules(report.kind === 'full' ? report.items : []), ['check-in-due']);
    const workspace = await client.pullWorkspaceDiagnostics();
    assert.deepEqual(workspace.items.map((i) => decodeURIComponent(i.uri)), [decodeURIComponent(uri)]);
    assert.deepEqual(client.published, []);
  });
});
