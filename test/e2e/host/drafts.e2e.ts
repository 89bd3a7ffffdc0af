/**
 * Drafts leave the editor: the example job search with the built-in templates, today pinned to
 * 2026-11-26. A draft chosen from the light bulb is shown at its heading; the heading's lenses
 * hand the mail app the server's `mailto:` URI byte for byte (seen at the extension's own
 * `env.openExternal`, the one place it leaves the extension), copy the draft, and mark it sent.
 * Every wait is on an event (or a request asked again), never a fixed sleep.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Api, codeActions, EXTENSION_ID, note, textUntil, TODAY, ui, until, withoutRule, withRule } from './helpers';

const OPEN = 'interviewFollowup.openDraft';
const COPY = 'interviewFollowup.copyDraft';
const MARK_SENT = 'interviewFollowup.markDraftSent';
const DRAFTED = 'interviewFollowup.drafted';

/** RFC 6068's encoding, written here on its own: UTF-8, every octet but the unreserved escaped, CRLF line breaks. */
const rfc6068 = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A mailto: URI read back: the address and the decoded fields. */
function readMailto(uri: string): { to: string; fields: Record<string, string> } {
  const m = /^mailto:([^?]*)(?:\?(.*))?$/.exec(uri);
  assert.ok(m, `a mailto: URI: ${uri}`);
  const fields: Record<string, string> = {};
  for (const kv of (m[2] ?? '').split('&').filter(Boolean)) {
    const [k, v] = kv.split('=');
    fields[k] = decodeURIComponent(v);
  }
  return { to: decodeURIComponent(m[1]), fields };
}

/** The draft under the heading on `line`: its To and Subject, and the body after the blank line, to the end of the note. */
function draftIn(doc: vscode.TextDocument, line: number): { to: string; subject: string; body: string } {
  const lines = doc.getText().split(/\r?\n/).slice(line + 1);
  const to = lines.find((l) => l.startsWith('To: '))!.slice(4);
  const s = lines.findIndex((l) => l.startsWith('Subject: '));
  return { to, subject: lines[s].slice(9), body: lines.slice(s + 2).join('\n').replace(/\s+$/, '') };
}

/** The line of the first heading that starts with `prefix`, once the text has one. */
function headingLine(doc: vscode.TextDocument, prefix: string): number {
  const i = doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `a heading '${prefix}' in ${doc.uri.path}:\n${doc.getText()}`);
  return i;
}

/**
 * The code lenses on `line` once they are the draft's three, as the editor would show them.
 * A request cancelled (a provider registering meanwhile) is asked again, until the deadline.
 */
async function draftLenses(uri: vscode.Uri, line: number, ms = 20_000): Promise<vscode.Command[]> {
  const deadline = Date.now() + ms;
  let last: vscode.CodeLens[] = [];
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      last = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
      error = undefined;
      const here = last.filter((l) => l.range.start.line === line && l.command).map((l) => l.command!);
      if (here.some((c) => c.title === 'Mark sent')) return here;
    } catch (err) {
      error = err;
    }
  }
  throw new Error(`no draft lenses on line ${line + 1} of ${uri.path} in ${ms} ms; lenses: ${JSON.stringify(last.map((l) => [l.range.start.line, l.command?.title]))}${error ? ` (${error})` : ''}`);
}

const run = (c: vscode.Command) => vscode.commands.executeCommand(c.command, ...(c.arguments ?? []));

/**
 * Runs `fn` with the extension's env.openExternal replaced; what it was handed, in order.
 * `called` resolves at the first call.
 */
async function openedExternally(api: Api, fn: (called: Promise<void>) => Thenable<unknown>): Promise<unknown[]> {
  const env = api.env;
  assert.ok(!Object.isFrozen(env), 'the extension host leaves env writable under test');
  const original = env.openExternal;
  const seen: unknown[] = [];
  let first: () => void = () => undefined;
  const called = new Promise<void>((resolve) => (first = resolve));
  env.openExternal = (target: unknown) => {
    seen.push(target);
    first();
    return Promise.resolve(true);
  };
  try {
    await fn(called);
  } finally {
    env.openExternal = original;
  }
  return seen;
}

/** Applies a WorkspaceEdit that replaces `find` (first occurrence) in the document, and waits for the text. */
async function replaceIn(doc: vscode.TextDocument, find: string, by: string): Promise<void> {
  const at = doc.getText().indexOf(find);
  assert.ok(at >= 0, `'${find}' in ${doc.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + find.length)), by);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await textUntil(doc, (t) => t.includes(by), 'the edit');
}

/** Applies the draft action titled `title` at the finding of `rule`, as VS Code applies a chosen quick fix: its edit, then its command. */
async function draftFromLightBulb(uri: vscode.Uri, rule: string, title: string): Promise<{ action: vscode.CodeAction; doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const d = await withRule(uri, rule);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(d.range.start, d.range.start), preview: false });
  const action = (await codeActions(uri, d.range, title)).find((a) => a.title === title)!;
  assert.ok(action.edit, `${title}: resolved, with its edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  return { action, doc, editor };
}

async function closeReverted(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

describe('Drafts leave the editor: the draft heading\'s lenses', function () {
  let api: Api;
  const acme = note('acme-backend.md');
  let doc: vscode.TextDocument;
  let heading: number;
  const HEADING = `## Draft: check-in email to Jane Doe (${TODAY})`;

  before(async function () {
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
    api = await ext.activate();
    await api.whenServerStarted();
  });

  after(async function () {
    if (vscode.window.activeTextEditor?.document.uri.toString() === acme.toString()) await closeReverted();
  });

  it('a draft from the light bulb is shown at its heading: selected, at the top of the editor', async function () {
    const drafted = await draftFromLightBulb(acme, 'check-in-due', 'Draft check-in email to Jane Doe');
    doc = drafted.doc;
    heading = headingLine(doc, HEADING);
    assert.ok(heading > 20, 'appended after the notes');
    // The walkthrough's command, carrying the note and the heading line of the server's reveal.
    const command = drafted.action.command!;
    assert.equal(command.command, DRAFTED);
    const [template, uri, line] = command.arguments ?? [];
    assert.equal(template, 'check-in-email');
    assert.equal(vscode.Uri.parse(uri as string).toString(), acme.toString());
    assert.equal(line, heading, 'the heading line, as the server reports it');
    // Nothing shows the draft yet: the caret is still on the finding, at the top of the note.
    const editor = drafted.editor;
    assert.equal(editor.selection.active.line, 12);
    assert.equal(editor.visibleRanges[0].start.line, 0, 'the editor shows the note from its first line');
    await run(command);
    assert.equal(vscode.window.activeTextEditor?.document, doc);
    const sel = vscode.window.activeTextEditor!.selection;
    assert.deepEqual([sel.start.line, sel.start.character, sel.end.line, sel.end.character], [heading, 0, heading, HEADING.length], 'the heading selected');
    // Revealed at the top: VS Code keeps five lines of context above a range revealed AtTop.
    // Before, the editor showed the note from its first line.
    await until(vscode.window.onDidChangeTextEditorVisibleRanges, () => {
      const top = editor.visibleRanges[0]?.start.line;
      return top !== undefined && top <= heading && heading - top <= 5;
    }, () => `the heading (line ${heading + 1}) at the top; visible ${JSON.stringify(editor.visibleRanges.map((r) => [r.start.line + 1, r.end.line + 1]))}`);
    if (ui) await ui.waitFor('.monaco-editor .view-line', HEADING);
  });

  it('with the draft in the note, the light bulb shows it instead of writing it twice', async function () {
    const d = await withRule(acme, 'check-in-due');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(d.range.start, d.range.start);
    const show = (await codeActions(acme, d.range, 'Show the draft to Jane Doe')).find((a) => a.title === 'Show the draft to Jane Doe')!;
    assert.equal(show.edit, undefined, 'no edit: nothing is written');
    assert.equal(show.command?.command, 'interviewFollowup.revealDraft', 'the server shows it (window/showDocument)');
    const onHeading = until(vscode.window.onDidChangeTextEditorSelection, () => vscode.window.activeTextEditor?.selection.start.line === heading,
      () => `the caret on the heading (line ${heading + 1}); at ${vscode.window.activeTextEditor!.selection.start.line + 1}`);
    await run(show.command!);
    await onHeading;
    // The Follow-ups view's Draft the Email on Acme does the same.
    editor.selection = new vscode.Selection(d.range.start, d.range.start);
    const entry = api.view.agenda!.groups.flatMap((g) => g.entries).find((e) => e.company === 'Acme Corp')!;
    const r = await vscode.commands.executeCommand<{ applied: boolean; title?: string }>('interviewFollowup.view.draft', entry);
    assert.deepEqual(r, { applied: false, title: 'Show the draft to Jane Doe' });
    const sel = vscode.window.activeTextEditor!.selection;
    assert.deepEqual([vscode.window.activeTextEditor!.document, sel.start.line, sel.end.line, sel.end.character], [doc, heading, heading, HEADING.length]);
    assert.equal(doc.getText().split('## Draft:').length, 2, 'one draft in the note');
  });

  it('the heading has the lenses Open in mail app, Copy and Mark sent', async function () {
    const lenses = await draftLenses(acme, heading);
    assert.deepEqual(lenses.map((c) => [c.title, c.command]), [['Open in mail app', OPEN], ['Copy', COPY], ['Mark sent', MARK_SENT]]);
    if (ui) {
      for (const title of ['Open in mail app', 'Copy', 'Mark sent']) await ui.waitFor('.codelens-decoration a', title);
    }
  });

  it('Open in mail app hands the mail app the server\'s mailto: URI, byte for byte (RFC 6068)', async function () {
    const open = (await draftLenses(acme, heading))[0];
    const [uri, mailto, bodyInLink] = open.arguments ?? [];
    assert.equal(vscode.Uri.parse(uri as string).toString(), acme.toString());
    assert.equal(bodyInLink, true);
    const seen = await openedExternally(api, () => run(open));
    assert.deepEqual(seen, [mailto], 'the URI as the server wrote it, a string, once');
    const sent = seen[0] as string;
    // As RFC 6068 writes this draft: percent-encoded UTF-8, %20 for a space, %0D%0A for a line break, no '+'.
    const draft = draftIn(doc, heading);
    assert.equal(sent, `mailto:jane.doe@acme.example?subject=${rfc6068(draft.subject)}&body=${rfc6068(draft.body)}`);
    assert.ok(sent.startsWith('mailto:jane.doe@acme.example?subject=Following%20up%20on%20the%20Senior%20Backend%20Engineer%20position&body=Dear%20Jane%2C%0D%0A%0D%0AI%20hope%20you%20are%20well.'), sent);
    assert.ok(sent.endsWith('%0D%0AAlex%20Rivera%0D%0Aalex.rivera%40example.com%0D%0A%2B1%20555%200142'), sent);
    assert.doesNotMatch(sent, /[\s+]/, 'no space, line break or + left unescaped');
    const read = readMailto(sent);
    assert.equal(read.to, 'jane.doe@acme.example');
    assert.deepEqual(Object.keys(read.fields), ['subject', 'body']);
    assert.equal(read.fields.subject, 'Following up on the Senior Backend Engineer position');
    assert.equal(read.fields.body, draft.body.replace(/\n/g, '\r\n'));
    assert.match(read.fields.body, /^Dear Jane,\r\n\r\nI hope you are well\. .*\r\n\r\nBest regards,\r\nAlex Rivera\r\nalex\.rivera@example\.com\r\n\+1 555 0142$/s);
  });

  it('the To: line is a link that opens the same URI, as written, from the editor', async function () {
    const mailto = (await draftLenses(acme, heading))[0].arguments![1] as string;
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', acme)) ?? [];
    const to = links.find((l) => l.range.start.line === heading + 2 && l.target?.scheme === 'command');
    assert.ok(to, `a link on the To: line; links: ${JSON.stringify(links.map((l) => [l.range.start.line + 1, l.target?.toString()]))}`);
    assert.equal(doc.getText(to.range), 'Jane Doe <jane.doe@acme.example>');
    // Open in mail app, with the exact URI (a vscode.Uri of the mailto: would be re-encoded on its way out).
    assert.equal(to.target!.path, OPEN);
    assert.deepEqual(JSON.parse(decodeURIComponent(to.target!.query)), [null, mailto, true, null]);
    // Opened as the user opens a link: the caret on it, Open Link (the workbench's opener runs the command).
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document, doc);
    editor.selection = new vscode.Selection(heading + 2, 6, heading + 2, 6); // on "Jane", outside the <address>
    if (ui) await ui.waitFor('.monaco-editor .detected-link', 'Jane Doe');
    const seen = await openedExternally(api, async (called) => {
      // The editor finds its links a moment after a change: until it has, Open Link does nothing; ask again.
      for (let attempt = 1; attempt <= 10; attempt++) {
        await vscode.commands.executeCommand('editor.action.openLink');
        if (await Promise.race([called.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 1000))])) return;
      }
    });
    assert.ok(seen.length >= 1 && seen.every((s) => s === mailto), `opened ${JSON.stringify(seen)}; the lens's URI ${mailto}`);
  });

  it('a body with & = % ? # and accents reaches the mail app as written: nothing decoded, nothing escaped twice', async function () {
    const tricky = 'R&D asked: is 100% = done? café #1, naïve';
    await replaceIn(doc, 'I hope you are well.', `I hope you are well. ${tricky}`);
    const open = (await draftLenses(acme, heading))[0];
    const mailto = open.arguments![1] as string;
    assert.ok(mailto.includes('R%26D%20asked%3A%20is%20100%25%20%3D%20done%3F%20caf%C3%A9%20%231%2C%20na%C3%AFve'), mailto);
    const seen = await openedExternally(api, () => run(open));
    assert.deepEqual(seen, [mailto]);
    const read = readMailto(seen[0] as string);
    assert.deepEqual(Object.keys(read.fields), ['subject', 'body'], 'the & of the body is no field separator');
    assert.ok(read.fields.body.includes(tricky), read.fields.body);
    assert.equal(read.fields.body, draftIn(doc, heading).body.replace(/\n/g, '\r\n'));
  });

  it('Copy puts the draft on the clipboard', async function () {
    const copy = (await draftLenses(acme, heading))[1];
    await vscode.env.clipboard.writeText('something else');
    await run(copy);
    const copied = await vscode.env.clipboard.readText();
    assert.equal(copied, copy.arguments![0]);
    const draft = draftIn(doc, heading);
    assert.equal(copied, `To: ${draft.to}\nSubject: ${draft.subject}\n\n${draft.body}`, 'the draft below its heading: To, Subject, the body');
    assert.match(copied, /^To: Jane Doe <jane\.doe@acme\.example>\nSubject: Following up on the Senior Backend Engineer position\n\nDear Jane,\n/);
  });

  it('a draft too long for a link: the link carries the subject, the body goes to the clipboard, and a message says so', async function () {
    const long = `P.S. ${'A longer word about the ledger migration and idempotency keys. '.repeat(34)}`.trim();
    await replaceIn(doc, 'Best regards,', `${long}\n\nBest regards,`);
    const open = (await draftLenses(acme, heading))[0];
    const [, mailto, bodyInLink, body] = open.arguments ?? [];
    assert.equal(bodyInLink, false);
    assert.equal(mailto, 'mailto:jane.doe@acme.example?subject=Following%20up%20on%20the%20Senior%20Backend%20Engineer%20position');
    assert.equal(body, draftIn(doc, heading).body);
    await vscode.env.clipboard.writeText('something else');
    const seen = await openedExternally(api, () => run(open));
    assert.deepEqual(seen, [mailto]);
    assert.equal(await vscode.env.clipboard.readText(), body, 'the body on the clipboard');
    if (ui) await ui.waitFor('.notifications-toasts', 'The body is on the clipboard');
  });

  it('Mark sent records the check-in in follow_ups and renames the heading, nothing else', async function () {
    const before = doc.getText();
    const mark = (await draftLenses(acme, heading))[2];
    assert.equal(vscode.Uri.parse(mark.arguments![0] as string).toString(), acme.toString());
    assert.equal(mark.arguments![1], heading);
    const changed = textUntil(doc, (t) => t.includes(`## Sent: check-in email to Jane Doe (${TODAY})`), 'the heading renamed ## Sent:');
    await run(mark);
    const after = await changed;
    assert.ok(!after.includes('## Draft:'), 'no draft heading left');
    assert.match(after, new RegExp(`^follow_ups:\\n  - ${TODAY}\\n`, 'm'), 'the check-in recorded');
    // Nothing else: the two changes undone give the note back.
    assert.equal(after.replace('## Sent:', '## Draft:').replace(`follow_ups:\n  - ${TODAY}\n`, ''), before);
    await withoutRule(acme, 'check-in-due');
    await closeReverted();
  });

  it('Mark sent on a thank-you draft records thank_you_sent', async function () {
    const globex = note('globex-frontend.md');
    const { action, doc: gdoc } = await draftFromLightBulb(globex, 'thank-you-due', 'Draft thank-you email to Priya Natarajan');
    await run(action.command!);
    const line = headingLine(gdoc, `## Draft: thank-you email to Priya Natarajan (${TODAY})`);
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, line, 'shown at its heading');
    const mark = (await draftLenses(globex, line)).find((c) => c.title === 'Mark sent')!;
    const changed = textUntil(gdoc, (t) => t.includes('## Sent: thank-you email to Priya Natarajan'), 'the heading renamed ## Sent:');
    await run(mark);
    const after = await changed;
    assert.match(after, new RegExp(`^thank_you_sent: ${TODAY}$`, 'm'));
    await withoutRule(globex, 'thank-you-due');
    await closeReverted();
  });
});
