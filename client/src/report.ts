/**
 * "Show Job Search Report": the server's report page (interviewFollowup.report) in a webview
 * beside the editor. Scripts stay disabled and no local resource is allowed: the page is one
 * self-contained document with its own strict Content-Security-Policy. It is asked for again
 * whenever a markdown file is saved while the panel is open.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportCommand, ReportResult } from '../../server/src/protocol';

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The figures last shown (for the tests and anyone scripting the extension). */
  last: ReportResult['json'] | undefined;
  /** Resolves once the panel shows the answer to the latest request. */
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.subscriptions.push(vscode.workspace.onDidSaveTextDocument((doc) => {
      if (this.panel && doc.languageId === 'markdown') void this.refresh();
    }));
  }

  async show(): Promise<void> {
    if (this.panel) this.panel.reveal(vscode.ViewColumn.Beside, true);
    else {
      this.panel = vscode.window.createWebviewPanel('interviewFollowup.report', 'Job Search Report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    await this.refresh();
  }

  get visible(): boolean {
    return this.panel !== undefined;
  }

  /** The page as the webview has it (for the tests). */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(async () => {
      const lc = this.client();
      const panel = this.panel;
      if (!lc || !panel) return;
      const r = await lc.sendRequest<ReportResult>('workspace/executeCommand', { command: ReportCommand, arguments: [] });
      if (this.panel !== panel) return;
      this.last = r.json;
      panel.webview.html = r.html;
    }).catch((err: unknown) => void vscode.window.showErrorMessage(`Interview Follow-up: the report failed: ${err instanceof Error ? err.message : String(err)}`));
    return this.refreshing;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
