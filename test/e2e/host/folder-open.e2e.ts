/**
 * Opening a folder of notes is enough: the example notes without `.interview-followup.yaml`,
 * no note opened by anyone. The extension starts on its own (workspaceContains), finds a note,
 * starts the server, and the Problems panel and the Follow-ups view fill. The suite reports how
 * long that took, from the extension host's start.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Api, EXTENSION_ID, figures, note, ours, pollUntil, ruleOf, ui, until, viewUntil, withRule } from './helpers';

const VIEW_ROW = '.part.sidebar .monaco-list-row';
const hostStarted = Date.now() - process.uptime() * 1000;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

describe('Opening a folder of notes, without a config file', function () {
  let api: Api;
  let ext: vscode.Extension<Api>;

  before(async function () {
    ext = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
    assert.ok(!fs.existsSync(note('.interview-followup.yaml').fsPath), 'no config file');
    // No activate() here: the folder alone must start the extension.
    await pollUntil(() => ext.isActive, () => 'the extension to activate on its own');
    api = ext.exports;
  });

  it('starts the server because the folder holds interview notes, with no note open', async function () {
    assert.equal(api.activation.reason, 'interview note');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith('.md')), 'no markdown document is open');
    await api.whenServerStarted();
    assert.equal(api.client?.state, 2 /* Running */);
  });

  it('fills the Problems panel for every note, none of them opened', async function () {
    const acme = await withRule(note('acme-backend.md'), 'check-in-due');
    assert.match(acme.message, /^Check-in 10 days overdue/);
    await withRule(note('globex-frontend.md'), 'thank-you-due');
    await withRule(note('tyrell-design.md'), 'missing-field');
    const t = await pollUntil(() => api.timings.scanned, () => 'the first scan');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path.endsWith('.md')), 'still no markdown document open');
    figures['extension activated'] = `${secs(api.timings.activated - hostStarted)} after the extension host started`;
    figures['looking for a note'] = `${api.activation.ms} ms (the first one it read was a note)`;
    figures['server running'] = `${secs(api.timings.started! - api.timings.activated)} after activation`;
    figures['Problems filled'] = `${secs(t - hostStarted)} after the extension host started (server scan: ${api.timings.scan?.files} markdown files in ${api.timings.scan?.ms} ms)`;
    if (ui) {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await ui.waitFor('.markers-panel .monaco-list-row', 'Check-in 10 days overdue');
    }
  });

  it('fills the Follow-ups view too', async function () {
    const groups = await viewUntil(api, (g) => g.length === 5, 'five groups');
    assert.deepEqual(groups[0], ['Overdue', ['Acme Corp', 'Umbrella', 'Pied Piper']]);
    assert.equal(api.view.tree.badge?.value, 5);
    if (ui) {
      await vscode.commands.executeCommand('interviewFollowup.showFollowUps');
      await ui.waitFor(VIEW_ROW, 'Umbrella');
    }
  });

  it('"Mark Sent Today" in the view records the check-in in a note nobody opened, saved, and the view follows', async function () {
    const acme = note('acme-backend.md');
    const entry = api.view.agenda!.groups[0].entries.find((e) => e.company === 'Acme Corp')!;
    const saved = () => until(vscode.workspace.onDidSaveTextDocument, () => fs.readFileSync(acme.fsPath, 'utf8').includes('follow_ups:'), () => 'acme-backend.md saved with the check-in');
    if (ui) {
      // One click (the test asserts the check-in is recorded once): clickInline hovers the row
      // again while a re-render hides the button, and clicks only once it shows.
      await ui.clickInline(VIEW_ROW, 'Acme Corp', 'Mark Sent Today');
    } else {
      await vscode.commands.executeCommand('interviewFollowup.view.markSent', entry);
    }
    await saved();
    const text = fs.readFileSync(acme.fsPath, 'utf8');
    assert.match(text, /^follow_ups:\r?\n {2}- 2026-11-26$/m);
    assert.equal(text.split('- 2026-11-26').length, 2, 'recorded once');
    await until(vscode.languages.onDidChangeDiagnostics, () => !ours(acme).some((d) => ruleOf(d) === 'check-in-due'), () => 'check-in-due gone');
    const groups = await viewUntil(api, (g) => g[0]?.[1].join() === 'Umbrella,Pied Piper', 'Acme out of Overdue');
    assert.ok(groups.some(([title, companies]) => title === 'Waiting' && companies.includes('Acme Corp')), JSON.stringify(groups));
    assert.ok(!vscode.window.visibleTextEditors.some((e) => path.basename(e.document.uri.path) === 'acme-backend.md'), 'no editor opened for it');
  });
});
