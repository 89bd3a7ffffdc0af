/**
 * An empty folder: nothing starts the extension but the user. Opening the Follow-ups view
 * shows its welcome ("No interview notes yet: create one") and no server runs; the first note
 * written starts one, and the view lists it.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Api, EXTENSION_ID, pollUntil, serverProcesses, ui, viewUntil } from './helpers';

const WELCOME = '.part.sidebar .welcome-view-content';

describe('An empty folder', function () {
  let api: Api;
  let ext: vscode.Extension<Api>;

  before(async function () {
    ext = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
    assert.equal(ext.isActive, false, 'nothing in the folder starts the extension');
    // As a user does: open the view (its activity-bar icon); that activates the extension.
    await vscode.commands.executeCommand('interviewFollowup.followUps.focus');
    await pollUntil(() => ext.isActive, () => 'the extension to activate when its view opens');
    api = ext.exports;
  });

  it('shows the welcome view, and runs no server', async function () {
    assert.equal(api.activation.reason, undefined);
    assert.equal(api.activation.scanned, 0);
    await pollUntil(() => api.view.state === 'none', () => `the view state 'none' (it is '${api.view.state}')`, 10_000);
    assert.equal(api.client, undefined);
    assert.deepEqual(serverProcesses(ext.extensionPath), []);
    if (ui) {
      await ui.waitFor(WELCOME, 'No interview notes yet: create one');
      await ui.waitFor(`${WELCOME} .monaco-button`, 'New Interview Note');
    }
  });

  it('the first note starts the server and fills the view', async function () {
    const created = vscode.commands.executeCommand<vscode.Uri>('interviewFollowup.newNote', { company: 'Acme Corp', role: 'Backend Engineer' });
    assert.ok(await created);
    await api.whenServerStarted();
    assert.equal(serverProcesses(ext.extensionPath).length, 1, 'one server');
    const groups = await viewUntil(api, (g) => g.length > 0, 'the note in the view');
    assert.deepEqual(groups, [['Due today', ['Acme Corp']]]);
    if (ui) await ui.waitFor('.part.sidebar .monaco-list-row', 'Acme Corp');
  });
});
