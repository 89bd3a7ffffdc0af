/**
 * Open documents and settings: incremental edits are checked as typed, closing falls back to
 * the file on disk, and a settings change (pulled with workspace/configuration) re-checks.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE } from '../../server/src/protocol';
import { byRule, EXAMPLES, messageOf, rules, LspClient } from '../lsp/client';

const ACME = readFileSync(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');
/** The line of the closing `---` of the front matter in ACME (0-based). */
const CLOSE_LINE = ACME.split('\n').indexOf('---', 1);

describe('protocol: open documents and settings', function () {
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('re-checks an open note on each incremental (range) change, and falls back to disk on close', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME } });
    const uri = await client.open('acme.md');
    await client.waitForDiagnostics(uri, (d) => byRule(d, 'check-in-due').length === 1);

    // Insert a line before the closing `---`: the check-in went out.
    const at = { line: CLOSE_LINE, character: 0 };
    await client.change(uri, { range: { start: at, end: at }, text: 'follow_ups: [2026-11-20]\n' });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);

    // Replace just the date inside the flow list: now it is not a real date.
    const date = { start: { line: CLOSE_LINE, character: 13 }, end: { line: CLOSE_LINE, character: 23 } };
    await client.change(uri, { range: date, text: '2026-11-31' });
    const invalid = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(rules(invalid), ['invalid-date']);
    assert.deepEqual(invalid[0].range, date, 'the diagnostic covers the value');

    // Two changes in one notification, applied in order: fix the date, then drop the line.
    await client.change(uri,
      { range: date, text: '2026-11-21' },
      { range: { start: at, end: { line: CLOSE_LINE + 1, character: 0 } }, text: '' });
    await client.waitForDiagnostics(uri, (d) => rules(d).join() === 'check-in-due');

    // Unsaved edit, then close: back to what is on disk (the note is in the workspace).
    await client.change(uri, { range: { start: at, end: at }, text: 'follow_ups: [2026-11-21]\n' });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    await client.close(uri);
    await client.waitForDiagnostics(uri, (d) => rules(d).join() === 'check-in-due');
    assert.deepEqual(client.errors(), []);
  });

  it('publishes under the URI the editor opened, however it spells it, and never twice', async () => {
    // Node writes `+` and `@` as is; Neovim and VS Code percent-encode them.
    client = await LspClient.start({ files: { 'jobs+2026/acme@home.md': ACME } });
    const nodeUri = client.uri('jobs+2026/acme@home.md');
    assert.ok(nodeUri.endsWith('/jobs+2026/acme@home.md'), nodeUri);
    await client.waitForDiagnostics(nodeUri, (d) => d.length === 1);
    const editorUri = nodeUri.replace('jobs+2026/acme@home.md', 'jobs%2B2026/acme%40home.md');
    await client.openUri(editorUri, ACME);
    await client.waitForDiagnostics(editorUri, (d) => rules(d).join() === 'check-in-due');
    await client.waitForDiagnostics(nodeUri, (d) => d.length === 0);
    // Code actions edit the document under the editor's URI.
    const [due] = client.diagnostics.get(editorUri)!;
    const actions = await client.codeActions(editorUri, due.range, [due]);
    assert.ok(actions.length > 0);
    for (const a of actions) if (a.edit) assert.deepEqual(Object.keys(a.edit.changes ?? {}), [editorUri]);
  });

  it('pulls workspace/configuration on didChangeConfiguration and re-checks with the new settings', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME, 'umbrella.md': readFileSync(path.join(EXAMPLES, 'umbrella-sre.md'), 'utf8') } });
    const acme = client.uri('acme.md');
    const umbrella = client.uri('umbrella.md');
    const [due] = await client.waitForDiagnostics(acme, (d) => d.length > 0);
    assert.match(messageOf(due), /11 days overdue \(due 2026-11-15\)/);
    const pulls = client.configurationRequests;
    assert.ok(pulls >= 1, 'settings are pulled at startup');
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));

    // More grace: not due yet (2026-11-12 + 20 days > today).
    await client.changeSettings({ checkInGraceDays: 20 });
    await client.waitForDiagnostics(acme, (d) => d.length === 0);
    assert.ok(client.configurationRequests > pulls, 'the server pulled the new settings');

    // Today from the settings beats INTERVIEW_FOLLOWUP_TODAY: due exactly today.
    await client.changeSettings({ today: '2026-11-15' });
    const [today] = await client.waitForDiagnostics(acme, (d) => d.length > 0);
    assert.match(messageOf(today), /due today/i);

    // Rule severities from the settings; other notes follow too.
    await client.changeSettings({ rules: { 'check-in-due': 'error', 'ask-timeline': 'off' } });
    const errors = await client.waitForDiagnostics(umbrella, (d) => d.length === 1 && d[0].severity === 1);
    assert.deepEqual(rules(errors), ['check-in-due']);
    await client.waitForDiagnostics(acme, (d) => d.length === 1 && d[0].severity === 1 && /11 days overdue/.test(messageOf(d[0])));

    // Back to no settings: the defaults and the pinned environment date.
    await client.changeSettings({});
    await client.waitForDiagnostics(umbrella, (d) => rules(d).join() === 'ask-timeline,check-in-due' && d.every((x) => x.severity !== 1));
    assert.deepEqual(client.errors(), []);
  });

  it('lets the editor settings override .interview-followup.yaml', async () => {
    client = await LspClient.start({
      files: { 'acme.md': ACME, [CONFIG_FILE]: 'checkInGraceDays: 30\n' },
      settings: { checkInGraceDays: 0 },
    });
    const [due] = await client.waitForDiagnostics(client.uri('acme.md'), (d) => d.length > 0);
    assert.match(messageOf(due), /14 days overdue \(due 2026-11-12\)/);
  });
});
