/**
 * codeAction/resolve, negotiated: a client that declares `codeAction.resolveSupport` with
 * `edit` gets the draft actions without an edit (with `data`), and the draft is rendered
 * only in codeAction/resolve, for the action chosen. Any other client gets full edits.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ClientCapabilities, CodeAction, TextEdit } from 'vscode-languageserver-protocol/node';
import { CONFIG_FILE } from '../../server/src/protocol';
import { applyEdits, byRule, EXAMPLES, LspClient } from '../lsp/client';

const ACME = readFileSync(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');
const CONFIG = readFileSync(path.join(EXAMPLES, CONFIG_FILE), 'utf8');
const GLOBEX = readFileSync(path.join(EXAMPLES, 'globex-frontend.md'), 'utf8');

/** As Neovim (0.7 and later) and VS Code declare it. */
const resolving = (properties: string[]) => (caps: ClientCapabilities) => {
  caps.textDocument!.codeAction = { ...caps.textDocument!.codeAction, dataSupport: true, resolveSupport: { properties } };
};

function find(actions: CodeAction[], prefix: string): CodeAction {
  const action = actions.find((a) => a.title.startsWith(prefix));
  assert.ok(action, `no action starting with '${prefix}' in ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

describe('protocol: codeAction/resolve (negotiated)', function () {
  const clients: LspClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.dispose();
  });

  async function start(options: Parameters<typeof LspClient.start>[0]): Promise<LspClient> {
    const client = await LspClient.start(options);
    clients.push(client);
    return client;
  }

  it('defers drafts to codeAction/resolve for a client that resolves edits, with the same result as an eager client', async () => {
    const files = { 'acme.md': ACME, [CONFIG_FILE]: CONFIG };
    const lazy = await start({ files, capabilities: resolving(['edit']) });
    const eager = await start({ files });
    assert.equal(lazy.initializeResult?.capabilities.codeActionProvider && (lazy.initializeResult.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
    assert.equal((eager.initializeResult?.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, undefined);

    const uri = await lazy.open('acme.md');
    const [due] = await lazy.waitForDiagnostics(uri, (d) => byRule(d, 'check-in-due').length === 1);
    const actions = await lazy.codeActions(uri, due.range, [due]);
    const draft = find(actions, 'Draft check-in email');
    assert.equal(draft.title, 'Draft check-in email to Jane Doe');
    assert.equal(draft.edit, undefined, 'not rendered in the list');
    assert.equal(draft.disabled, undefined);
    assert.equal(draft.isPreferred, true);
    assert.deepEqual(draft.data, { rule: 'check-in-due', template: 'check-in-email', range: due.range, uri, version: 1 });
    // The cheap front-matter edit is not deferred.
    assert.ok(find(actions, 'Mark check-in email sent').edit);

    const resolved = await lazy.resolveCodeAction(draft);
    assert.equal(resolved.title, draft.title);
    assert.deepEqual(resolved.diagnostics, draft.diagnostics);
    assert.ok(resolved.edit?.changes?.[uri], JSON.stringify(resolved));

    // The eager client gets exactly that edit in the list.
    const eagerUri = await eager.open('acme.md');
    const [eagerDue] = await eager.waitForDiagnostics(eagerUri, (d) => d.length === 1);
    const eagerDraft = find(await eager.codeActions(eagerUri, eagerDue.range, [eagerDue]), 'Draft check-in email');
    assert.equal(eagerDraft.data, undefined);
    assert.deepEqual(resolved.edit.changes[uri], eagerDraft.edit!.changes![eagerUri]);
    const drafted = applyEdits(resolved.edit, { [uri]: ACME })[uri];
    assert.ok(drafted.startsWith(ACME.slice(0, -1) + '\n\n## Draft: check-in email (2026-11-26)\n\nTo: Jane Doe <jane.doe@acme.example>\n'), drafted);
    assert.deepEqual(lazy.errors(), []);
  });

  it('renders against the current text, and says so when the finding is gone', async () => {
    const client = await start({ files: { 'globex.md': GLOBEX }, capabilities: resolving(['edit']) });
    const uri = await client.open('globex.md');
    const diags = await client.waitForDiagnostics(uri, (d) => byRule(d, 'thank-you-due').length === 1);
    const due = byRule(diags, 'thank-you-due')[0];
    const actions = await client.codeActions(uri, due.range, [due]);
    const draft = find(actions, 'Draft thank-you email');
    const mark = find(actions, 'Mark thank-you sent');
    assert.equal(draft.edit, undefined);

    // Edited after the list was shown (a line added at the top of the body): still lands at the end.
    const lines = GLOBEX.split('\n');
    const body = lines.indexOf('---', 1) + 1;
    await client.change(uri, { range: { start: { line: body, character: 0 }, end: { line: body, character: 0 } }, text: 'Edited.\n' });
    const edited = [...lines.slice(0, body), 'Edited.', ...lines.slice(body)].join('\n');
    const resolved = await client.resolveCodeAction(draft);
    const drafted = applyEdits(resolved.edit!, { [uri]: edited })[uri];
    assert.ok(drafted.startsWith(edited.slice(0, -1) + '\n\n## Draft: thank-you email'), drafted);

    // The thank-you is marked sent: nothing to draft any more. Disabled, no edit, and a message.
    await client.change(uri, ...(mark.edit!.changes![uri] as TextEdit[]).map((e) => ({ range: e.range, text: e.newText })));
    await client.waitForDiagnostics(uri, (d) => byRule(d, 'thank-you-due').length === 0);
    const stale = await client.resolveCodeAction(draft);
    assert.equal(stale.edit, undefined);
    assert.match(stale.disabled?.reason ?? '', /nothing to draft/);
    await client.waitUntil('a window/showMessage', () => client.messages.find((m) => m.message.startsWith('Draft thank-you email')));
    assert.deepEqual(client.errors(), []);
  });

  it('shows a template that does not compile as a disabled action, without rendering anything', async () => {
    const client = await start({
      files: { 'acme.md': ACME, '.interview-followup/templates/check-in-email.hbs': 'Hello {{#if}}\n' },
      capabilities: resolving(['edit']),
    });
    const uri = await client.open('acme.md');
    const [due] = await client.waitForDiagnostics(uri, (d) => byRule(d, 'check-in-due').length === 1);
    const draft = find(await client.codeActions(uri, due.range, [due]), 'Draft check-in email');
    assert.equal(draft.edit, undefined);
    assert.equal(draft.data, undefined);
    assert.match(draft.disabled?.reason ?? '', /Template error in .*check-in-email\.hbs/);
  });

  it('gives full edits to a client whose resolveSupport does not cover edit', async () => {
    const client = await start({ files: { 'acme.md': ACME }, capabilities: resolving(['command']) });
    assert.equal((client.initializeResult?.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, undefined);
    const uri = await client.open('acme.md');
    const [due] = await client.waitForDiagnostics(uri, (d) => d.length === 1);
    const draft = find(await client.codeActions(uri, due.range, [due]), 'Draft check-in email');
    assert.ok(draft.edit);
    assert.equal(draft.data, undefined);
  });
});
