/**
 * Drafts leave the editor over the wire: the lenses on a `## Draft:` heading for a client with
 * its own Open and Copy (`draftCommands`) and for one without (the server's Open by
 * `window/showDocument` where the client shows documents), the `To:` line as a `mailto:` link,
 * and the server's commands: Mark sent (`workspace/applyEdit`), Open (`window/showDocument`
 * with `external: true`), the reveal of a draft, and "Show the draft" instead of a second copy.
 */
import * as assert from 'node:assert/strict';
import { ClientCapabilities, CodeAction, MessageType, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { DraftCommands, InboxCommands, ReportCommand } from '../../server/src/protocol';
import { applyEdits, byRule, LspClient, StartOptions } from '../lsp/client';

const NOTE = [
  '---',
  'company: Acme Corp',
  'role: Backend Engineer',
  'contact: {name: Zoë Ångström, email: zoe@acme.example}',
  'interviewed: 2026-11-24',
  'status: waiting  # hoping',
  '---',
  '',
  'Notes.',
  '',
].join('\n');
const HEADING = '## Draft: thank-you email to Zoë Ångström (2026-11-26)';

const showing = (caps: ClientCapabilities) => {
  caps.window = { ...caps.window, showDocument: { support: true } };
};
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start));
const lenses = (client: LspClient, uri: string) => client.codeLenses(uri).then((ls) => ls.map((l) => [l.range.start.line, l.command?.title, l.command?.command]));

describe('protocol: drafts leave the editor', function () {
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  /** A server with the note open, the thank-you drafted by its code action and the new text sent back. */
  async function drafted(options: StartOptions): Promise<{ client: LspClient; uri: string; text: string; line: number; draft: CodeAction }> {
    client = await LspClient.start({ files: { 'acme.md': NOTE }, ...options });
    const uri = await client.open('acme.md');
    const [due] = await client.waitForDiagnostics(uri, (d) => byRule(d, 'thank-you-due').length === 1);
    const draft = (await client.codeActions(uri, due.range, [due])).find((a) => a.title === 'Draft thank-you email to Zoë Ångström');
    assert.ok(draft?.edit, 'the draft action, rendered');
    const text = applyEdits(draft.edit, { [uri]: NOTE })[uri];
    await client.change(uri, { text });
    return { client, uri, text, line: lineOf(text, HEADING), draft };
  }

  it('a client with no Open of its own and no showDocument: the next action and Mark sent; the draft carries no reveal', async () => {
    const { client, uri, line, draft } = await drafted({});
    assert.ok(line > 0);
    assert.deepEqual(await lenses(client, uri), [[0, 'send the thank-you note to Zoë Ångström · 2 days overdue', ''], [line, 'Mark sent', DraftCommands.markSent]]);
    assert.equal(draft.command, undefined);
    assert.deepEqual(client.initializeResult?.capabilities.executeCommandProvider, { commands: [DraftCommands.serverOpen, DraftCommands.markSent, DraftCommands.reveal, ReportCommand, InboxCommands.import] });
  });

  it('a client with its own Open and Copy (draftCommands) gets those three lenses', async () => {
    const { client, uri, line } = await drafted({ initializationOptions: { draftCommands: true }, capabilities: showing });
    assert.deepEqual((await lenses(client, uri)).slice(1), [
      [line, 'Open in mail app', DraftCommands.open], [line, 'Copy', DraftCommands.copy], [line, 'Mark sent', DraftCommands.markSent]]);
  });

  it('Open by the server: window/showDocument, external, with the exact RFC 6068 mailto: URI', async () => {
    const { client, uri, line } = await drafted({ capabilities: showing });
    const all = await client.codeLenses(uri);
    assert.deepEqual(all.slice(1).map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [
      [line, 'Open in mail app', DraftCommands.serverOpen], [line, 'Mark sent', DraftCommands.markSent]]);
    const open = all[1].command!;
    assert.equal(open.arguments![0], uri);
    await client.executeCommand(open.command, open.arguments!);
    const shown = await client.waitUntil('window/showDocument', () => client.shownDocuments[0]);
    assert.deepEqual(Object.keys(shown).sort(), ['external', 'uri']);
    assert.equal(shown.external, true);
    const mailto = shown.uri;
    assert.equal(mailto, open.arguments![1]);
    assert.doesNotMatch(mailto, /\+/, 'no + for a space');
    const m = /^mailto:([^?]*)\?subject=([^&]*)&body=([^&]*)$/.exec(mailto);
    assert.ok(m, mailto);
    assert.equal(decodeURIComponent(m[1]), 'zoe@acme.example');
    assert.equal(decodeURIComponent(m[2]), 'Thank you for the Backend Engineer interview');
    assert.match(m[2], /^Thank%20you%20for%20the%20Backend%20Engineer%20interview$/);
    assert.match(m[3], /^Dear%20Zo%C3%AB%2C%0D%0A%0D%0AThank%20you%20/);
    const body = decodeURIComponent(m[3]);
    assert.doesNotMatch(body.replace(/\r\n/g, ''), /[\r\n]/, 'every line break is CRLF');
    assert.match(body, /^Dear Zoë,\r\n\r\nThank you for taking the time to meet with me /);
    assert.deepEqual(client.errors(), []);
  });

  it('Mark sent: one workspace/applyEdit that renames the heading and records thank_you_sent, nothing else', async () => {
    const { client, uri, text, line } = await drafted({});
    const mark = (await client.codeLenses(uri)).find((l) => l.command?.title === 'Mark sent')!.command!;
    assert.deepEqual(mark.arguments, [uri, line, HEADING]);
    await client.executeCommand(mark.command, mark.arguments!);
    const { edit, label } = await client.waitUntil('workspace/applyEdit', () => client.applyEdits[0]);
    assert.equal(label, 'Mark sent');
    assert.ok(edit.changes, 'plain changes for a client without documentChanges');
    assert.equal(applyEdits(edit, { [uri]: text })[uri], text
      .replace('status: waiting  # hoping\n', 'status: waiting  # hoping\nthank_you_sent: 2026-11-26\n')
      .replace('## Draft: thank-you email', '## Sent: thank-you email'));
    assert.deepEqual(client.messages, []);
  });

  it('Mark sent for a client with documentChanges names the version; a check-in records a follow-up; no draft there says so', async () => {
    const versioned = (caps: ClientCapabilities) => {
      caps.workspace = { ...caps.workspace, workspaceEdit: { documentChanges: true } };
    };
    client = await LspClient.start({ files: { 'acme.md': NOTE }, capabilities: versioned });
    const text = NOTE + '\n## Draft: check-in call to Zoë Ångström (2026-11-26)\n\nCall: Zoë\n';
    const uri = await client.open('acme.md', text, 7);
    const line = lineOf(text, '## Draft: check-in call');
    await client.executeCommand(DraftCommands.markSent, [uri, line]);
    const { edit } = await client.waitUntil('workspace/applyEdit', () => client!.applyEdits[0]);
    assert.deepEqual((edit as WorkspaceEdit).documentChanges?.map((c) => ('textDocument' in c ? c.textDocument : c)), [{ uri, version: 7 }]);
    assert.equal(applyEdits(edit, { [uri]: text })[uri], text
      .replace('status: waiting  # hoping\n', 'status: waiting  # hoping\nfollow_ups:\n  - {date: 2026-11-26, channel: call}\n')
      .replace('## Draft: check-in call', '## Sent: check-in call'));

    await client.executeCommand(DraftCommands.markSent, [uri, 1]);
    const said = await client.waitUntil('a message', () => client!.messages[0]);
    assert.deepEqual(said, { type: MessageType.Warning, message: 'Mark sent: no draft heading on line 2 of the note any more' });
    assert.equal(client.applyEdits.length, 1, 'no second edit');
    assert.deepEqual(client.errors(), []);
  });

  it('Mark sent from a lens computed before an edit that moved the draft: that draft, not the one now on its line', async () => {
    const { client, uri, text } = await drafted({});
    const mark = (await client.codeLenses(uri)).find((l) => l.command?.title === 'Mark sent')!.command!;
    const moved = text.replace('Notes.\n', 'Notes.\n\n## Draft: withdrawal email to Zoë Ångström (2026-11-26)\n\nTo: Zoë\n');
    await client.change(uri, { text: moved });
    await client.executeCommand(mark.command, mark.arguments!);
    const { edit } = await client.waitUntil('workspace/applyEdit', () => client.applyEdits[0]);
    assert.equal(applyEdits(edit, { [uri]: moved })[uri], moved
      .replace('status: waiting  # hoping\n', 'status: waiting  # hoping\nthank_you_sent: 2026-11-26\n')
      .replace('## Draft: thank-you email', '## Sent: thank-you email'));
    assert.deepEqual(client.messages, []);
  });

  it('the To: line is a mailto: link, its range in the client\'s encoding (UTF-8 here)', async () => {
    const utf8 = (caps: ClientCapabilities) => {
      caps.general = { positionEncodings: ['utf-8', 'utf-16'] };
    };
    const { client, uri, text, line } = await drafted({ capabilities: utf8 });
    const links = await client.documentLinks(uri);
    const toLine = line + 2;
    assert.equal(text.split('\n')[toLine], 'To: Zoë Ångström <zoe@acme.example>');
    const value = 'Zoë Ångström <zoe@acme.example>';
    assert.deepEqual(links.map((l) => l.range), [{ start: { line: toLine, character: 4 }, end: { line: toLine, character: 4 + Buffer.byteLength(value) } }]);
    assert.match(links[0].target!, /^mailto:zoe@acme\.example\?subject=Thank%20you%20for%20the%20Backend%20Engineer%20interview&body=Dear%20Zo%C3%AB/);
  });

  it('a draft action reveals its heading; drafted once, the action is "Show the draft to <name>", which reveals it too', async () => {
    const { client, uri, text, line, draft } = await drafted({ capabilities: showing });
    assert.deepEqual(draft.command, { title: 'Show the draft', command: DraftCommands.reveal, arguments: [uri, line] });
    await client.executeCommand(draft.command!.command, draft.command!.arguments!);
    const shown = await client.waitUntil('window/showDocument', () => client.shownDocuments[0]);
    assert.deepEqual(shown, { uri, takeFocus: true, selection: { start: { line, character: 0 }, end: { line, character: HEADING.length } } });

    const [due] = await client.waitForDiagnostics(uri, (d) => byRule(d, 'thank-you-due').length === 1);
    const actions = await client.codeActions(uri, due.range, [due]);
    assert.deepEqual(actions.map((a) => a.title).slice(0, 4), ['Show the draft to Zoë Ångström', 'Draft thank-you card to Zoë Ångström', 'Mark thank-you sent today (2026-11-26)', "Don't remind me of thank-you-due in this note"]);
    const show = actions[0];
    assert.equal(show.edit, undefined);
    assert.deepEqual(show.command, { title: 'Show the draft', command: DraftCommands.reveal, arguments: [uri, line] });
    await client.executeCommand(show.command!.command, show.command!.arguments!);
    await client.waitUntil('a second window/showDocument', () => client.shownDocuments[1]);
    assert.deepEqual(client.shownDocuments[1], shown);
    assert.equal(text.split('\n')[line], HEADING);
    assert.deepEqual(client.errors(), []);
  });

  it('a client that resolves drafts gets the reveal on the action and keeps it through codeAction/resolve', async () => {
    client = await LspClient.start({
      files: { 'acme.md': NOTE },
      capabilities: (caps) => {
        showing(caps);
        caps.textDocument!.codeAction = { ...caps.textDocument!.codeAction, dataSupport: true, resolveSupport: { properties: ['edit'] } };
      },
    });
    const uri = await client.open('acme.md');
    const [due] = await client.waitForDiagnostics(uri, (d) => byRule(d, 'thank-you-due').length === 1);
    const draft = (await client.codeActions(uri, due.range, [due]))[0];
    assert.equal(draft.edit, undefined);
    const resolved = await client.resolveCodeAction(draft);
    const text = applyEdits(resolved.edit!, { [uri]: NOTE })[uri];
    const line = lineOf(text, HEADING);
    assert.deepEqual(draft.command?.arguments, [uri, line]);
    assert.deepEqual(resolved.command, { title: 'Show the draft', command: DraftCommands.reveal, arguments: [uri, line] });
  });
});
