/**
 * "Show Job Search Report": the example job search (today 2026-11-26) in a webview beside the
 * editor, scripts disabled; its icon in the Follow-ups view's title bar; a note saved with a
 * new status changes the page shown. Every wait is on an event or a value asked again.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, note, pollUntil, ui } from './helpers';

interface ReportApi {
  whenServerStarted(): Promise<unknown>;
  report: { visible: boolean; html: string | undefined; last: { processes: number; by_status: Record<string, number> } | undefined };
}

describe('The job search report in a webview', function () {
  let api: ReportApi;
  const acme = note('acme-backend.md');
  let original: string;

  before(async function () {
    const ext = vscode.extensions.getExtension<ReportApi>(EXTENSION_ID)!;
    api = await ext.activate();
    await api.whenServerStarted();
    original = fs.readFileSync(acme.fsPath, 'utf8');
  });

  after(async function () {
    fs.writeFileSync(acme.fsPath, original);
  });

  it('has an icon in the Follow-ups view\'s title bar', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const menu = pkg.contributes.menus['view/title'].find((m: { command: string }) => m.command === 'interviewFollowup.showReport');
    assert.equal(menu?.when, 'view == interviewFollowup.followUps');
    assert.match(menu.group, /^navigation/);
    assert.ok(pkg.contributes.commands.find((c: { command: string; icon?: string }) => c.command === 'interviewFollowup.showReport')?.icon);
  });

  it('opens the report beside the editor with four charts and no script', async function () {
    await vscode.window.showTextDocument(acme, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('interviewFollowup.showReport');
    const html = await pollUntil(() => api.report.visible && api.report.html, () => 'the report page');
    assert.equal(api.report.last?.processes, 13);
    assert.equal((html.match(/<svg /g) ?? []).length, 4);
    assert.doesNotMatch(html, /<script/i);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => ({ t, column: g.viewColumn })));
    // The workbench lists the panel's tab a moment after it is created.
    const tab = await pollUntil(() => tabs().find(({ t }) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('interviewFollowup.report')),
      () => `a report tab among ${JSON.stringify(tabs().map(({ t, column }) => [t.label, column, (t.input as { viewType?: string })?.viewType]))}`, 10_000);
    assert.equal(tab.t.label, 'Job Search Report');
    assert.equal(tab.column, vscode.ViewColumn.Two, 'beside the editor');
    if (ui && process.env.E2E_SHOT_DIR) {
      await ui.waitFor('iframe.webview', undefined, 'visible', 10_000).catch(() => undefined);
      await ui.screenshot(path.join(process.env.E2E_SHOT_DIR, 'vscode-report.png'));
    }
  });

  it('is drawn again when a note is saved', async function () {
    const before = api.report.last!.by_status;
    const doc = await vscode.workspace.openTextDocument(acme);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    const at = doc.getText().indexOf('status: waiting');
    assert.ok(at >= 0);
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'status: waiting'.length)), 'status: rejected'));
    await doc.save();
    const after = await pollUntil(() => api.report.last!.by_status.rejected === before.rejected + 1 && api.report.last!.by_status, () => `rejected ${api.report.last?.by_status.rejected}`);
    assert.equal(after.waiting, before.waiting - 1);
  });
});
