/**
 * A big repository of plain markdown (3,000 files by default, most with front matter, none an interview
 * note): the extension starts (workspaceContains:**\/*.md), reads the head of each file once,
 * finds no note and starts no server. The suite reports how long the look took.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Api, EXTENSION_ID, figures, folder, pollUntil, serverProcesses, ui } from './helpers';

const hostStarted = Date.now() - process.uptime() * 1000;

describe('A repository of plain markdown, no interview note', function () {
  let api: Api;
  let ext: vscode.Extension<Api>;

  before(async function () {
    ext = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
    await pollUntil(() => ext.isActive, () => 'the extension to activate on its own');
    api = ext.exports;
  });

  it('pays one short scan and keeps no server running', async function () {
    assert.equal(api.activation.reason, undefined);
    assert.equal(api.activation.scanned, Number(process.env.E2E_MARKDOWN_FILES || 3000) + 1, 'every markdown file read once (and the README)');
    figures['no-note scan'] = `${api.activation.scanned} markdown files read in ${api.activation.ms} ms; extension active ${((api.timings.activated - hostStarted) / 1000).toFixed(2)} s after the extension host started`;
    assert.equal(api.client, undefined);
    assert.deepEqual(serverProcesses(ext.extensionPath), []);
  });

  it('opening a markdown file that is not a note starts no server either; the view welcomes', async function () {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'docs/section-01/page-1.md'));
    await vscode.window.showTextDocument(doc);
    await pollUntil(() => api.view.state === 'none', () => `the view state 'none' (it is '${api.view.state}')`, 10_000);
    assert.equal(api.client, undefined);
    assert.deepEqual(serverProcesses(ext.extensionPath), []);
    if (ui) {
      await vscode.commands.executeCommand('interviewFollowup.showFollowUps');
      await ui.waitFor('.part.sidebar .welcome-view-content', 'No interview notes yet');
    }
  });
});
