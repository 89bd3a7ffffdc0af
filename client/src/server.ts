/**
 * The language server, started on demand: only once the workspace has an interview note (or
 * its config file), so a repository of plain markdown keeps no server running. Restarted when
 * the workspace is trusted, so the workspace templates apply.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, Middleware, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { Commands, Notifications, ScanDoneParams, SETTINGS_SECTION } from '../../server/src/protocol';
import { mailtoLinkTarget, revealArguments } from './drafts';

/** A draft action's data, as the service defers it (DraftActionData). */
export function draftTemplate(action: unknown): string | undefined {
  const data = (action as { data?: { template?: unknown } } | undefined)?.data;
  return typeof data?.template === 'string' ? data.template : undefined;
}

/** The note a deferred draft action is for (the server adds it to the action's data). */
function draftUri(action: unknown): string | undefined {
  const data = (action as { data?: { uri?: unknown } } | undefined)?.data;
  return typeof data?.uri === 'string' ? data.uri : undefined;
}

export class Server implements vscode.Disposable {
  private current: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly startedEmitter = new vscode.EventEmitter<LanguageClient>();
  private readonly scannedEmitter = new vscode.EventEmitter<ScanDoneParams>();
  /** Fires when the server has checked the whole workspace (the one handler of its notification). */
  readonly onDidScan = this.scannedEmitter.event;
  /** Fires once the server runs (and again after a restart). */
  readonly onDidStart = this.startedEmitter.event;
  /** Why the server was started, for the output and the tests. */
  reason: string | undefined;
  /** Whether the running server was told the workspace is trusted. */
  trusted = vscode.workspace.isTrusted;
  /** When the server answered initialize, and when its first workspace scan was done (epoch ms). */
  readonly timings: { started?: number; scanned?: number; scan?: ScanDoneParams } = {};

  constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {
    context.subscriptions.push(this, vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (!this.current) return;
      output.info('Workspace trusted: restarting the server so that the workspace templates apply.');
      await this.current.restart();
      this.startedEmitter.fire(this.current);
    }));
  }

  get client(): LanguageClient | undefined {
    return this.current;
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  /** Asked to start and not running yet. */
  get launching(): boolean {
    return this.starting !== undefined && this.current === undefined;
  }

  /** Starts the server once; later calls get the same client. */
  start(reason: string): Promise<LanguageClient> {
    this.starting ??= this.launch(reason);
    return this.starting;
  }

  /** A request to the running server; undefined while none runs. */
  async request<R>(method: string, params?: unknown): Promise<R | undefined> {
    const lc = this.current;
    return lc ? lc.sendRequest<R>(method, params) : undefined;
  }

  private async launch(reason: string): Promise<LanguageClient> {
    this.reason = reason;
    const serverModule = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'server.js').fsPath;
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'untitled', language: 'markdown' },
      ],
      outputChannel: this.output,
      // Read at every (re)start: granting trust restarts the server with templates allowed.
      // draftCommands: the draft lenses' Open in mail app and Copy run here (drafts.ts).
      initializationOptions: () => ({
        workspaceTrusted: (this.trusted = vscode.workspace.isTrusted), nextActionCommand: Commands.nextAction, draftCommands: true,
      }),
      middleware: draftedMiddleware,
      // As the client's defaults, but a mailto: link (a draft's To: line) runs Open in mail app with the exact URI.
      uriConverters: {
        code2Protocol: (uri) => uri.toString(),
        protocol2Code: (value) => (value.startsWith('mailto:') ? mailtoLinkTarget(value) : vscode.Uri.parse(value)),
      },
    };
    // The client id is the settings section, so `interviewFollowup.trace.server` traces it.
    const lc = new LanguageClient(SETTINGS_SECTION, 'Interview Follow-up', serverOptions, clientOptions);
    const started = Date.now();
    // One handler per notification method (a second would replace it): others use onDidScan.
    lc.onNotification(Notifications.scanDone, (scan: ScanDoneParams) => {
      if (!this.timings.scanned) {
        this.timings.scanned = Date.now();
        this.timings.scan = scan;
      }
      this.scannedEmitter.fire(scan);
    });
    await lc.start();
    this.timings.started = Date.now();
    this.current = lc;
    this.output.info(`Language server started (${reason}) in ${Date.now() - started} ms.`);
    this.startedEmitter.fire(lc);
    return lc;
  }

  async stop(): Promise<void> {
    await this.current?.stop();
    this.current = undefined;
    this.starting = undefined;
  }

  dispose(): void {
    this.startedEmitter.dispose();
    this.scannedEmitter.dispose();
  }
}

/**
 * A draft chosen from the light bulb tells the extension once applied (the walkthrough's
 * "draft a thank-you" step completes on it) and shows the new draft: the resolved action's
 * command, which VS Code runs after the edit, becomes ours, with the note and heading line of
 * the server's reveal command when it has one ([template, uri, line]; drafts.ts reveals).
 */
const draftedMiddleware: Middleware = {
  async resolveCodeAction(item, token, next) {
    const resolved = await next(item, token);
    const template = draftTemplate(item);
    if (!resolved?.edit || !template) return resolved;
    const reveal = revealArguments(resolved.command) ?? revealArguments(item.command);
    if (resolved.command && !reveal) return resolved; // some other command: left as the server made it
    resolved.command = { title: 'Drafted', command: Commands.drafted, arguments: reveal ? [template, ...reveal] : [template, draftUri(item)] };
    return resolved;
  },
};
