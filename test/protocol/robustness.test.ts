/**
 * A handler that throws is logged, never fatal: after malformed requests and notifications
 * the server still answers and still publishes.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { byRule, EXAMPLES, LspClient } from '../lsp/client';

const ACME = readFileSync(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');

describe('protocol: robustness', function () {
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('survives malformed codeAction params and still answers and publishes', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME } });
    await client.waitForScan();
    const acme = client.uri('acme.md');
    const bogus: unknown[] = [
      {},
      { bogus: true },
      { textDocument: { uri: acme } },
      { textDocument: { uri: acme }, range: null, context: null },
      { textDocument: { uri: 42 }, range: 'x', context: { diagnostics: 'no' } },
      { textDocument: { uri: 'not a uri' }, range: { start: {}, end: {} }, context: { diagnostics: [null, 1, { range: 'x' }] } },
    ];
    for (const params of bogus) {
      let answer: unknown;
      try {
        answer = await client.connection.sendRequest('textDocument/codeAction', params);
      } catch (err) {
        assert.ok(err instanceof ResponseError, `a JSON-RPC error, not a dead server: ${err}`);
        continue;
      }
      assert.ok(answer === null || Array.isArray(answer), `answered ${JSON.stringify(answer)} to ${JSON.stringify(params)}`);
    }
    assert.ok(client.alive, 'the server is still running');
    // Logged (window/logMessage, type error), not swallowed.
    assert.ok(client.errors().some((m) => m.startsWith('codeAction failed: TypeError')), JSON.stringify(client.errors()));

    // Still answers...
    const [due] = byRule(client.diagnostics.get(acme)!, 'check-in-due');
    const actions = await client.codeActions(acme, due.range, [due]);
    assert.ok(actions.some((a) => a.title.startsWith('Draft check-in email')));
    // ...and still publishes.
    await client.open('acme.md', ACME.replace('status: waiting\n', 'status: waiting\nfollow_ups: [2026-11-20]\n'));
    await client.waitForDiagnostics(acme, (d) => d.length === 0);
  });

  it('survives malformed notifications', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME } });
    await client.waitForScan();
    const acme = client.uri('acme.md');
    const c = client.connection;
    await c.sendNotification('workspace/didChangeWatchedFiles', { changes: null });
    await c.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 7, type: 2 }, null] });
    await c.sendNotification('workspace/didChangeWorkspaceFolders', { event: null });
    await c.sendNotification('textDocument/didChange', { textDocument: { uri: client.uri('never-opened.md'), version: 2 }, contentChanges: [{ text: 'x' }] });
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'markdown', version: 1, text: null } });
    await c.sendNotification('textDocument/didClose', { textDocument: {} });
    await c.sendNotification('workspace/didChangeConfiguration', null);

    // A normal round trip afterwards.
    await client.open('acme.md');
    await client.waitForDiagnostics(acme, (d) => byRule(d, 'check-in-due').length === 1);
    await client.change(acme, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: '' });
    await client.waitForDiagnostics(acme, (d) => d.length === 0); // no front matter: not a note any more
    // Still answering requests too (no front matter now: no actions).
    assert.deepEqual(await client.codeActions(acme, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), []);
    assert.ok(client.alive, 'the server is still running');
    assert.ok(client.errors().some((m) => m.startsWith('didChangeWatchedFiles failed')), JSON.stringify(client.errors()));
  });
});
