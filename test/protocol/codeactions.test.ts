/**
 * Code actions over the wire: the titles the spec promises, and WorkspaceEdits that, applied
 * the way an editor applies them, give exactly the expected note.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { CONFIG_FILE } from '../../server/src/protocol';
import { applyEdits, byRule, EXAMPLES, rules, LspClient } from '../lsp/client';

const ACME = readFileSync(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');
const CONFIG = readFileSync(path.join(EXAMPLES, CONFIG_FILE), 'utf8');
const FRONT_MATTER = ACME.slice(0, ACME.indexOf('\n---\n') + 5);

function find(actions: CodeAction[], prefix: string): CodeAction {
  const action = actions.find((a) => a.title.startsWith(prefix));
  assert.ok(action, `no action starting with '${prefix}' in ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

describe('protocol: code actions', function () {
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('offers "Draft check-in email…" and "Mark check-in email sent…" for check-in-due, with edits that apply exactly', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME, [CONFIG_FILE]: CONFIG } });
    const uri = await client.open('acme.md');
    const [due] = await client.waitForDiagnostics(uri, (d) => byRule(d, 'check-in-due').length === 1);

    const actions = await client.codeActions(uri, due.range, [due]);
    const draft = find(actions, 'Draft check-in email');
    const mark = find(actions, 'Mark check-in email sent');
    assert.equal(draft.title, 'Draft check-in email to Jane Doe');
    assert.equal(mark.title, 'Mark check-in email sent today (2026-11-26)');
    for (const a of [draft, mark]) {
      assert.equal(a.kind, 'quickfix');
      assert.deepEqual(a.diagnostics?.map((d) => d.code), ['check-in-due']);
      assert.equal(a.command, undefined, 'a plain WorkspaceEdit, no command of ours');
    }
    assert.equal(draft.isPreferred, true);

    // The draft: appended after the last line, addressed to the contact, signed by the sender.
    const drafted = applyEdits(draft.edit!, { [uri]: ACME })[uri];
    assert.ok(drafted.startsWith(FRONT_MATTER), 'front matter untouched');
    assert.ok(drafted.startsWith(ACME.slice(0, -1) + '\n\n## Draft: check-in email to Jane Doe (2026-11-26)\n\n'), drafted);
    assert.match(drafted, /\nTo: Jane Doe <jane\.doe@acme\.example>\nSubject: Following up on the Senior Backend Engineer position\n\nDear Jane,\n/);
    assert.match(drafted, /on 2 November\b/);
    assert.match(drafted, /\nBest regards,\nAlex Rivera\nalex\.rivera@example\.com\n\+1 555 0142\n$/);
    assert.ok(drafted.endsWith('\n') && !drafted.endsWith('\n\n'), 'exactly one final newline');

    // Apply it as the editor would (the edits become didChange ranges): still due, nothing else.
    await client.change(uri, ...(draft.edit!.changes![uri] as TextEdit[]).map((e) => ({ range: e.range, text: e.newText })));
    const stillDue = await client.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].range.start.line === due.range.start.line);
    assert.deepEqual(rules(stillDue), ['check-in-due']);

    // Now mark it sent: computed against the drafted text, and the diagnostic goes away.
    const again = await client.codeActions(uri, stillDue[0].range, stillDue);
    const mark2 = find(again, 'Mark check-in email sent');
    const marked = applyEdits(mark2.edit!, { [uri]: drafted })[uri];
    assert.equal(marked, drafted.replace('status: waiting\npitch: >-\n  Five years building payment systems like the one your team is scaling.\n---\n',
      'status: waiting\npitch: >-\n  Five years building payment systems like the one your team is scaling.\nfollow_ups:\n  - 2026-11-26\n---\n'));
    await client.change(uri, ...(mark2.edit!.changes![uri] as TextEdit[]).map((e) => ({ range: e.range, text: e.newText })));
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    // No more check-in to draft once one is recorded.
    const none = await client.codeActions(uri, due.range, []);
    assert.deepEqual(none.filter((a) => a.title.startsWith('Draft check-in')), []);
    assert.deepEqual(client.errors(), []);
  });

  it('answers code actions for a note that is not open (read from disk)', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES });
    const uri = client.uri('umbrella-sre.md');
    const diags = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    const due = byRule(diags, 'check-in-due')[0];
    const actions = await client.codeActions(uri, due.range, [due]);
    const draft = find(actions, 'Draft check-in email');
    const text = readFileSync(client.path('umbrella-sre.md'), 'utf8');
    const drafted = applyEdits(draft.edit!, { [uri]: text })[uri];
    // No email for Albert: a visible placeholder, never a silent gap.
    assert.match(drafted, /\nTo: Albert Wesker <\[email address of Albert Wesker\]>\n/);
  });

  it('matches context diagnostics shaped as Neovim 0.7 sends them (no range), and a cursor range', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME } });
    const uri = await client.open('acme.md');
    const [due] = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    // Neovim 0.7's user_data.lsp keeps code, tags, data... but not range or message.
    const nvim07 = { code: due.code } as unknown as Diagnostic;
    const cursor = { start: due.range.start, end: due.range.start };
    const atCursor = await client.codeActions(uri, cursor, [nvim07]);
    find(atCursor, 'Draft check-in email');
    find(atCursor, 'Mark check-in email sent');
    // A range elsewhere (line 1): the well-formed context diagnostic still selects its fixes,
    // the malformed one next to it is ignored rather than failing the whole request.
    const elsewhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const fromContext = await client.codeActions(uri, elsewhere, [nvim07, due]);
    find(fromContext, 'Draft check-in email');
    assert.deepEqual(client.errors(), []);
  });
});
