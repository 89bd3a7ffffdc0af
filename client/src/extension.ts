/**
 * The VS Code client: starts the bundled language server, contributes the commands and the
 * status-bar count of follow-ups due, and tells the server whether the workspace is trusted
 * (a restricted workspace gets the built-in templates only).
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CONFIG_FILE, Commands, Requests, SETTINGS_SECTION } from '../../server/src/protocol';
import { DueFollowUp, DueStatus, dueFollowUps } from './followups';
import { newInterviewNote, NewNoteArgs } from './newNote';

/** The client id is the settings section, so `interviewFollowup.trace.server` traces it. */
export const SECTION = SETTINGS_SECTION;
export const COMMANDS = Commands;

/** What `activate` returns: for the end-to-end tests, and for anyone scripting the extension. */
export interface Api {
  readonly client: LanguageClient;
  /** The follow-ups due today, as the status bar counts them. */
  dueFollowUps(): DueFollowUp[];
  readonly status: DueStatus;
  /** Whether the server was started for a trusted workspace (templates of the workspace allowed). */
  readonly serverTrusted: boolean;
  /** The notice shown in a restricted workspace, once; undefined when none was shown. */
  readonly restrictedNotice: string | undefined;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  const output = vscode.window.createOutputChannel('Interview Follow-up', { log: true });
  context.subscriptions.push(output);
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  let serverTrusted = vscode.workspace.isTrusted;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
    // Read at every (re)start: granting trust restarts the server with templates allowed.
    initializationOptions: () => ({ workspaceTrusted: (serverTrusted = vscode.workspace.isTrusted) }),
  };
  client = new LanguageClient(SECTION, 'Interview Follow-up', serverOptions, clientOptions);
  const lc = client;

  const status = new DueStatus(COMMANDS.showFollowUpsDue);
  context.subscriptions.push(status);
  void vscode.workspace.findFiles(`**/${CONFIG_FILE}`, '**/node_modules/**', 1).then((found) => status.setAlwaysShow(found.length > 0));

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newNote, (args?: NewNoteArgs) => newInterviewNote(context.extensionUri, args ?? {})),
    vscode.commands.registerCommand(COMMANDS.recheckAll, async () => {
      const count = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Interview Follow-up: re-checking notes' },
        () => lc.sendRequest<number>(Requests.recheckAll),
      );
      vscode.window.setStatusBarMessage(`Interview Follow-up: re-checked ${count} markdown file${count === 1 ? '' : 's'}`, 4000);
      return count;
    }),
    vscode.commands.registerCommand(COMMANDS.showFollowUpsDue, () => showFollowUpsDue()),
  );

  let notice: Promise<string | undefined> = Promise.resolve(undefined);
  if (!vscode.workspace.isTrusted) {
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      output.info('Workspace trusted: restarting the server so that the workspace templates apply.');
      await lc.restart();
    }));
    notice = noticeRestricted(output);
  }

  await lc.start();
  const restrictedNotice = await notice;
  output.info(`Interview Follow-up ${context.extension.packageJSON.version} started (${context.extensionMode === vscode.ExtensionMode.Production ? 'installed' : 'development'} at ${context.extensionUri.fsPath}).`);
  return {
    client: lc,
    dueFollowUps: () => dueFollowUps(),
    status,
    get serverTrusted() {
      return serverTrusted;
    },
    restrictedNotice,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/**
 * In Restricted Mode the workspace's own templates are not loaded: drafts come from the
 * built-in ones. Said once, and only when the workspace has templates to ignore.
 */
async function noticeRestricted(output: vscode.LogOutputChannel): Promise<string | undefined> {
  const message = 'Interview Follow-up: this workspace is in Restricted Mode, so its own templates are not loaded; drafts use the built-in templates. Trust the workspace to use them.';
  output.info(message);
  const found = await vscode.workspace.findFiles('**/{thank-you-email,check-in-email,offer-checklist,interview-note}.hbs', '**/node_modules/**', 1);
  if (found.length === 0) return undefined;
  void vscode.window.showInformationMessage(message, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return message;
}

/**
 * Opens the Problems view and lists the follow-ups due in a picker: choosing one opens the
 * note on the finding, where its quick fixes (the drafts) are. Resolves with the count once
 * the picker is shown.
 */
async function showFollowUpsDue(): Promise<number> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const due = dueFollowUps();
  if (due.length === 0) {
    void vscode.window.showInformationMessage('Interview Follow-up: no thank-you note or check-in is due today.');
    return 0;
  }
  type Item = vscode.QuickPickItem & { due: DueFollowUp };
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = `Follow-ups due today (${due.length})`;
  pick.placeholder = 'Open a note to draft the email (its quick fixes: Ctrl+.)';
  pick.matchOnDescription = true;
  pick.items = due.map((d) => ({
    label: `${d.rule === 'thank-you-due' ? '$(heart)' : '$(mail)'} ${vscode.workspace.asRelativePath(d.uri)}`,
    description: `line ${d.diagnostic.range.start.line + 1}`,
    detail: d.diagnostic.message,
    due: d,
  }));
  pick.onDidAccept(async () => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (!chosen) return;
    const editor = await vscode.window.showTextDocument(chosen.due.uri, { selection: chosen.due.diagnostic.range });
    editor.revealRange(chosen.due.diagnostic.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return due.length;
}
