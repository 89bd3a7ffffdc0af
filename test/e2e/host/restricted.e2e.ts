/**
 * The installed .vsix in the same workspace, not trusted (Restricted Mode): the notes are
 * still checked, but the workspace's own templates are not loaded, and the extension says so
 * once.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Api, codeActions, EXTENSION_ID, insertedText, note, ui, withRule } from './helpers';

describe('Interview Follow-up in Restricted Mode', function () {
  let api: Api;

  before(async function () {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is not trusted');
    api = await vscode.extensions.getExtension<Api>(EXTENSION_ID)!.activate();
  });

  it('still checks the notes', async function () {
    const d = await withRule(note('acme-backend.md'), 'check-in-due');
    assert.match(d.message, /^Check-in 10 days overdue/);
    assert.equal(api.serverTrusted, false, 'the server was told');
  });

  it('drafts from the built-in templates, not the workspace ones', async function () {
    const globex = note('globex-frontend.md');
    const d = await withRule(globex, 'thank-you-due');
    const title = 'Draft thank-you email to Priya Natarajan';
    const draft = (await codeActions(globex, d.range, title)).find((a) => a.title === title)!;
    const text = insertedText(draft);
    assert.doesNotMatch(text, /WORKSPACE TEMPLATE/);
    assert.match(text, /^## Draft: thank-you email/m);
    assert.match(text, /^To: Priya Natarajan <priya@globex\.example>$/m);
  });

  it('says so, once', async function () {
    assert.match(api.restrictedNotice ?? '', /Restricted Mode, so its own templates are not loaded/);
    if (ui) {
      const toast = '.notifications-toasts .notification-toast';
      await ui.waitFor(toast, 'its own templates are not loaded');
      // More drafts and a full re-check do not repeat it.
      const globex = note('globex-frontend.md');
      const d = await withRule(globex, 'thank-you-due');
      await codeActions(globex, d.range, 'Draft thank-you email to Priya Natarajan');
      await vscode.commands.executeCommand('interviewFollowup.recheckAll');
      assert.equal(await ui.count(toast, 'its own templates are not loaded'), 1);
    }
  });

  // Trusting takes a click in the workbench: where the UI probe is (code-server).
  if (ui) it('uses the workspace templates once the workspace is trusted', async function () {
    if (!ui) throw new Error('no UI probe');
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    await vscode.commands.executeCommand('workbench.trust.manage');
    await ui.click('.workspace-trust-editor .monaco-button', 'Trust');
    await granted;
    const globex = note('globex-frontend.md');
    const d = await withRule(globex, 'thank-you-due');
    // The server restarts with the workspace trusted: its template applies.
    const title = 'Draft thank-you email to Priya Natarajan';
    const draft = (await codeActions(globex, d.range, title, 20_000, (a) => /WORKSPACE TEMPLATE/.test(insertedText(a)))).find((a) => a.title === title)!;
    assert.match(insertedText(draft), /^Hi Priya, thank you! \(WORKSPACE TEMPLATE\)$/m);
    assert.equal(api.serverTrusted, true);
  });
});
