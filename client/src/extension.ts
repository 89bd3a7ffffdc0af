/**
 * The VS Code client: decides whether the workspace needs the language server (gate.ts) and
 * starts it then, shows the Follow-ups view and the status-bar count of follow-ups due,
 * contributes the commands and the walkthrough's events, and tells the server whether the
 * workspace is trusted (a restricted workspace gets the built-in templates only).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { CONFIG_FILE, Commands, Requests, Views, WireRange } from '../../server/src/protocol';
import { draftFor, markSent, nextAction, openAt } from './actions';
import { registerDraftCommands, revealDraft } from './drafts';
import { DueFollowUp, DueStatus, dueFollowUps } from './followups';
import { entryOf, FollowUpsView } from './followupsView';
import { GateReport, scanWorkspace, watchForNotes } from './gate';
import { importFiles, registerNoteDrop, viewDrop } from './inbox';
import { newInterviewNote, NewNoteArgs } from './newNote';
import { ReportPanel } from './report';
import { Server } from './server';
import { Walkthrough } from './walkthrough';

export const COMMANDS = Commands;

/** What `activate` returns: for the end-to-end tests, and for anyone scripting the extension. */
export interface Api {
  /** The language client; undefined while no server runs (a workspace without interview notes). */
  readonly client: LanguageClient | undefined;
  /** What decided whether to start the server, and how long the look took. */
  readonly activation: GateReport;
  /** Epoch ms: activation began; the server answered initialize; its first scan was done. */
  readonly timings: { activated: number; started?: number; scanned?: number; scan?: { files: number; ms: number } };
  /** Resolves with the client once a server runs. */
  whenServerStarted(): Promise<LanguageClient>;
  /** The follow-ups due today, as the status bar counts them. */
  dueFollowUps(): DueFollowUp[];
  readonly status: DueStatus;
  readonly view: FollowUpsView;
  readonly walkthrough: Walkthrough;
  /** The job search report's webview ("Show Job Search Report"). */
  readonly report: ReportPanel;
  /** Whether the server was started for a trusted workspace (templates of the workspace allowed). */
  readonly serverTrusted: boolean;
  /** The notice shown in a restricted workspace, once; undefined when none was shown. */
  readonly restrictedNotice: string | undefined;
  /**
   * This extension's own `vscode.env` (each extension gets its own API object): what a draft
   * lens hands the mail app goes through its `openExternal`, which the end-to-end tests replace
   * to see it.
   */
  readonly env: typeof vscode.env;
}

let server: Server | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  const activated = Date.now();
  const output = vscode.window.createOutputChannel('Interview Follow-up', { log: true });
  context.subscriptions.push(output);
  const srv = (server = new Server(context, output));
  const status = new DueStatus(COMMANDS.showFollowUpsDue);
  // An import needs the server: it starts one (a folder with no note yet still gets its first).
  const importClient = async () => srv.client ?? (vscode.workspace.workspaceFolders?.length ? await startServer('Import Invite or Reply') : undefined);
  const view = new FollowUpsView(srv, viewDrop(importClient) as vscode.TreeDragAndDropController<never>);
  const walkthrough = new Walkthrough(context.extensionUri, view);
  const report = new ReportPanel(() => srv.client);
  context.subscriptions.push(status, view, walkthrough, report);
  let restrictedNotice: string | undefined;
  srv.onDidStart(() => {
    void vscode.workspace.findFiles(`**/${CONFIG_FILE}`, '**/node_modules/**', 1).then((found) => status.setAlwaysShow(found.length > 0));
  });

  // Once, whatever asks first (the scan, a note appearing, Re-check All Notes): one notice too.
  let starting: Promise<LanguageClient> | undefined;
  const startServer = (reason: string): Promise<LanguageClient> => (starting ??= (async () => {
    const notice = vscode.workspace.isTrusted ? undefined : noticeRestricted(output);
    const lc = await srv.start(reason);
    restrictedNotice = await notice;
    return lc;
  })());
  const client = () => srv.client;
  const withClient = async <T>(fn: (lc: LanguageClient) => Promise<T>): Promise<T | undefined> => {
    const lc = srv.client;
    if (lc) return fn(lc);
    void vscode.window.showInformationMessage('Interview Follow-up: no interview note in this workspace yet.');
    return undefined;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newNote, (args?: NewNoteArgs) => newInterviewNote(context.extensionUri, args ?? {})),
    vscode.commands.registerCommand(COMMANDS.importFiles, (uri?: vscode.Uri, uris?: vscode.Uri[]) => importFiles(importClient, uris ?? (uri ? [uri] : undefined))),
    registerNoteDrop(importClient),
    vscode.commands.registerCommand(COMMANDS.recheckAll, async () => {
      const lc = client() ?? (await startServer('Re-check All Notes'));
      const count = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Interview Follow-up: re-checking notes' },
        () => lc.sendRequest<number>(Requests.recheckAll),
      );
      vscode.window.setStatusBarMessage(`Interview Follow-up: re-checked ${count} markdown file${count === 1 ? '' : 's'}`, 4000);
      await view.refresh();
      return count;
    }),
    vscode.commands.registerCommand(COMMANDS.showFollowUpsDue, () => showFollowUpsDue()),
    vscode.commands.registerCommand(COMMANDS.showFollowUps, () => vscode.commands.executeCommand(`${Views.followUps}.focus`)),
    vscode.commands.registerCommand(COMMANDS.openWalkthrough, () => vscode.commands.executeCommand('workbench.action.openWalkthrough', Views.walkthrough, false)),
    vscode.commands.registerCommand(COMMANDS.setSenderName, (name?: string) => walkthrough.setSenderName(name)),
    // After a draft from the light bulb: [template, uri, heading line] (server.ts's middleware).
    vscode.commands.registerCommand(COMMANDS.drafted, async (template?: string, uri?: string, line?: number) => {
      walkthrough.drafted(template);
      await revealDraft(uri, line);
    }),
    vscode.commands.registerCommand(COMMANDS.showReport, () => withClient(() => report.show())),
    ...registerDraftCommands(),
    vscode.commands.registerCommand(COMMANDS.nextAction, (uri: string, range: WireRange, rule: string | null) => nextAction(client(), uri, range, rule)),
    vscode.commands.registerCommand(COMMANDS.viewOpenNote, async (node: unknown) => {
      const e = entryOf(node);
      if (e) await openAt(e.uri, e.range, client());
    }),
    vscode.commands.registerCommand(COMMANDS.viewDraft, (node: unknown) => withClient(async (lc) => {
      const e = entryOf(node);
      const r = e ? await draftFor(lc, e) : undefined;
      if (r?.applied) walkthrough.drafted(r.template);
      return r;
    })),
    vscode.commands.registerCommand(COMMANDS.viewMarkSent, (node: unknown) => withClient(async (lc) => {
      const e = entryOf(node);
      return e ? markSent(lc, e) : undefined;
    })),
  );

  const activation = await scanWorkspace();
  if (activation.reason) {
    output.info(`Interview Follow-up: ${activation.reason} found (${activation.file}) in ${activation.ms} ms: starting the language server.`);
    walkthrough.setHasNotes(activation.reason !== 'config file');
    await startServer(activation.reason);
  } else {
    output.info(`Interview Follow-up: no interview note among ${activation.scanned} markdown files (${activation.ms} ms): no language server until one appears.`);
    context.subscriptions.push(watchForNotes((why) => void startServer(why)));
    await view.refresh(); // no server: the welcome view ("No interview notes yet")
  }
  output.info(`Interview Follow-up ${context.extension.packageJSON.version} active (${context.extensionMode === vscode.ExtensionMode.Production ? 'installed' : 'development'} at ${context.extensionUri.fsPath}).`);
  return {
    get client() {
      return srv.client;
    },
    activation,
    get timings() {
      return { activated, ...srv.timings };
    },
    whenServerStarted: () => srv.client ? Promise.resolve(srv.client) : new Promise((resolve) => {
      const sub = srv.onDidStart((lc) => {
        sub.dispose();
        resolve(lc);
      });
    }),
    dueFollowUps: () => dueFollowUps(),
    status,
    view,
    walkthrough,
    report,
    get serverTrusted() {
      return srv.trusted;
    },
    get restrictedNotice() {
      return restrictedNotice;
    },
    env: vscode.env,
  };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
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
