/**
 * "Import Invite or Reply..." in a real VS Code: the example job search, today pinned to
 * 2026-11-26. The command runs on a Google Calendar invite (its URI as the command's argument,
 * as the explorer's context menu passes it: the file picker cannot be driven); the server's
 * edit needs confirmation, so VS Code shows its refactor preview with the change unticked;
 * nothing changes until the user ticks it and applies the preview (its own
 * `refactorPreview.apply`, the Apply button's command). Then the note has the round. Every wait is on an event or a value asked again.
 * The bundled example invite and reply, in the workspace, are then dragged with the mouse from
 * the Explorer onto the Follow-ups view and into the note (Chromium's drag and drop, VS Code's
 * own data transfer).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportAnswer } from '../../../server/src/protocol';
import { Api, EXTENSION_ID, note, pollUntil, textUntil, ui } from './helpers';

const REPO = path.resolve(__dirname, '../../../..');
const EXPLORER_ROW = '.part.sidebar .explorer-folders-view .monaco-list-row';
const VIEW_ROW = '.part.sidebar .pane:has(.pane-header:has-text("Follow-ups")) .monaco-list-row';
const INVITE = vscode.Uri.file(path.join(REPO, 'test/fixtures/inbox/google-final.ics'));
const ROUND = [
  '  - date: 2026-12-09T',
  '    stage: final',
  '    duration: 60',
  '    link: "https://meet.google.com/abc-defg-hij"',
  '    interviewers: [{name: Jane Doe, email: jane.doe@acme.example}, {name: Priya Natarajan, email: priya.natarajan@acme.example}]',
  '    uid: 7kq2v9c1s0m3hd8f4r6t@google.com',
];

/** The refactor preview the import opens: nothing changed yet; the user ticks the note, then applies. */
async function confirmInPreview(doc: vscode.TextDocument, before: string): Promise<void> {
  await ui!.waitFor('.bulk-edit-panel', undefined, 'visible', 20_000);
  assert.equal(doc.getText(), before, 'nothing changes before Apply');
  const box = '.bulk-edit-panel .monaco-list-row:has-text("acme-backend.md") input.edit-checkbox';
  await ui!.click(box);
  await ui!.waitFor(`${box}:checked`, undefined, 'visible', 5_000);
  await vscode.commands.executeCommand('refactorPreview.apply');
}

describe('Import Invite or Reply... through the refactor preview', function () {
  const acme = note('acme-backend.md');
  let original: string;

  before(async function () {
    const api = await vscode.extensions.getExtension<Api>(EXTENSION_ID)!.activate();
    await api.whenServerStarted();
    original = fs.readFileSync(acme.fsPath, 'utf8');
  });

  after(() => fs.writeFileSync(acme.fsPath, original));

  it('shows the import in the refactor preview, changes nothing before Apply, and the note has the round after', async function () {
    const doc = await vscode.workspace.openTextDocument(acme);
    await vscode.window.showTextDocument(doc);
    let done = false;
    const running = Promise.resolve(vscode.commands.executeCommand<ImportAnswer>('interviewFollowup.importFiles', INVITE)).finally(() => (done = true));

    // The preview, as the user sees it: the panel, with the note and the server's label.
    assert.ok(ui, 'the UI probe (code-server) shows what the workbench shows');
    await ui.waitFor('.bulk-edit-panel', undefined, 'visible', 20_000);
    const shown = (await ui.text('.bulk-edit-panel')).join('\n');
    assert.match(shown, /acme-backend\.md/, `the preview lists the note: ${shown}`);
    assert.equal(done, false, 'the import waits on the preview');
    assert.equal(doc.getText(), original, 'nothing changes before Apply');
    assert.equal(fs.readFileSync(acme.fsPath, 'utf8'), original);

    // Changes that need confirmation are listed unchecked: the user ticks the note, then applies.
    const box = '.bulk-edit-panel .monaco-list-row:has-text("acme-backend.md") input.edit-checkbox';
    assert.equal(await ui.count(`${box}:checked`), 0, 'the import starts unticked');
    await ui.click(box);
    await ui.waitFor(`${box}:checked`, undefined, 'visible', 5_000);
    await vscode.commands.executeCommand('refactorPreview.apply');
    const answer = await running;
    assert.equal(answer?.applied, true, JSON.stringify(answer));
    assert.deepEqual(answer.errors, []);
    const text = await textUntil(doc, (t) => t.includes('uid: 7kq2v9c1s0m3hd8f4r6t@google.com'), 'the round in the note');
    const round = text.split('\n').findIndex((l) => l.startsWith(ROUND[0]));
    assert.ok(round > 0, text);
    assert.deepEqual(text.split('\n').slice(round + 1, round + ROUND.length), ROUND.slice(1));
    assert.match(text, /^rounds:\n {2}- date: 2026-11-02\n/m, 'interviewed became the first of the rounds');
    assert.ok(text.endsWith(original.slice(original.indexOf('\n---\n'))), 'the body is untouched');
    // A refactoring's files are saved (files.refactoring.autoSave): the note on disk has it too.
    await pollUntil(() => fs.readFileSync(acme.fsPath, 'utf8') === text, () => 'the note saved with the round', 10_000);
    await ui.waitFor('.bulk-edit-panel', undefined, 'hidden', 10_000);
  });

  it('an invite dragged from the Explorer onto the Follow-ups view is imported, through the same preview', async function () {
    assert.ok(ui, 'the UI probe (code-server) drags as a mouse does');
    const doc = await vscode.workspace.openTextDocument(acme);
    const before = doc.getText();
    // The Follow-ups view beside the Explorer, in one side bar: both in sight, as a user arranges them to drag.
    await vscode.commands.executeCommand('vscode.moveViews', { viewIds: ['interviewFollowup.followUps'], destinationId: 'workbench.view.explorer' });
    await vscode.commands.executeCommand('workbench.view.explorer');
    await ui.waitFor(EXPLORER_ROW, 'acme-final.ics');
    // Any row of the view takes the drop: the invite finds its note by its organizer.
    await ui.waitFor(VIEW_ROW, 'Umbrella');
    await ui.drag(EXPLORER_ROW, 'acme-final.ics', VIEW_ROW, 'Umbrella');
    await confirmInPreview(doc, before);
    const text = await textUntil(doc, (t) => t.includes('uid: 0f3c2b9e8d7a6b5c4d3e2f1a0b9c8d7e@google.com'), 'the dropped invite\'s round in the note');
    assert.match(text, /^ {2}- date: 2026-12-03T\d\d:00\n {4}stage: final$/m, text);
    assert.ok(text.endsWith(original.slice(original.indexOf('\n---\n'))), 'the body is untouched');
  });

  it('a reply dropped into the note (Shift held, as VS Code asks) is imported, and no link to the file is written', async function () {
    assert.ok(ui, 'the UI probe (code-server) drags as a mouse does');
    const doc = await vscode.workspace.openTextDocument(acme);
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    await vscode.commands.executeCommand('workbench.view.explorer');
    await ui.waitFor(EXPLORER_ROW, 'acme-reply.eml');
    await ui.drag(EXPLORER_ROW, 'acme-reply.eml', '.part.editor .monaco-editor .view-lines', undefined, true);
    await confirmInPreview(doc, before);
    const text = await textUntil(doc, (t) => /^replies:$/m.test(t), 'the reply recorded in the note');
    assert.match(text, /^ {2}- \{date: 2026-12-04, from: jane\.doe@acme\.example, subject: "Re: Thank you"\}$/m, text);
    assert.match(text, /^expect_reply_by: 2026-12-18/m, 'the timeline the reply gave');
    assert.doesNotMatch(text, /acme-reply\.eml/, 'no link to the file dropped');
  });
});
