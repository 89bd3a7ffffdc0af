/**
 * The test LSP client: the real server (`node bin/interview-followup.js lsp --stdio`) in a
 * folder of its own, driven over stdio the way an editor drives it. Used by the protocol,
 * hostile and fuzz tests and by the benchmark.
 *
 *   const client = await LspClient.start({ files: { 'acme.md': text } });
 *   const uri = await client.open('acme.md');
 *   const [due] = await client.waitForDiagnostics(uri, (d) => d.length === 1);
 *   const actions = await client.codeActions(uri, due.range, [due]);
 *   await client.dispose();
 *
 * process.ts spawns and pools the servers, session.ts holds the connection and what the
 * server sent, edits.ts applies the edits it answers.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource, ClientCapabilities, CodeAction, CodeActionRequest, CodeActionResolveRequest, CodeLens, CodeLensRequest, CompletionItem,
  CompletionRequest, Diagnostic, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, DocumentDiagnosticReport, DocumentDiagnosticRequest, DocumentLink, DocumentLinkRequest, DocumentSymbol,
  DocumentSymbolRequest, ExecuteCommandRequest,
  FileChangeType, Hover, HoverRequest, InitializedNotification, InitializeRequest, InlayHint, InlayHintRequest, Position,
  PreviousResultId, Range,
  TextDocumentContentChangeEvent, WorkspaceDiagnosticReport, WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol/node';
import { ReportCommand, ReportResult, Requests } from '../../server/src/protocol';
import { launch, ProcessOptions, tempDir } from './process';
import { LspSession, SessionOptions } from './session';

export * from './edits';
export { BIN, DEFAULT_TODAY, EXAMPLES, exitOf, REPO, tempDir } from './process';
export type { ExitStatus, LogEntry, ProgressEntry, Publication, ScanDone } from './session';
export { FileChangeType };

export interface StartOptions extends ProcessOptions, SessionOptions {
  /** Files to create in the folder before initialize: relative path -> text. */
  files?: Record<string, string>;
  /** A folder whose files (dotfiles included, not subfolders) are copied in before initialize. */
  copyFrom?: string;
  /** More workspace folders at initialize, after the first: each a new temporary folder with these files. */
  moreFolders?: Record<string, string>[];
}

export class LspClient extends LspSession {
  private readonly versions = new Map<string, number>();
  /** The folders of `moreFolders`, in order. */
  readonly moreFolders: string[] = [];

  /**
   * A server (the spare that booted during the previous test when the options allow, else a
   * new process), its folder filled, initialized.
   */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const client = new LspClient(launch(options), options);
    try {
      if (options.copyFrom) {
        for (const e of await fsp.readdir(options.copyFrom, { withFileTypes: true })) {
          if (e.isFile()) await fsp.copyFile(path.join(options.copyFrom, e.name), client.path(e.name));
        }
      }
      for (const [rel, text] of Object.entries(options.files ?? {})) await client.writeFile(rel, text);
      for (const files of options.moreFolders ?? []) client.moreFolders.push(await client.newFolder(files));
      await client.initialize();
    } catch (err) {
      await client.dispose();
      throw err;
    }
    return client;
  }

  /** initialize, with the capabilities of a VS Code-like editor, then initialized. */
  private async initialize(): Promise<void> {
    const rootUri = pathToFileURL(this.dir).href;
    let capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        didChangeConfiguration: { dynamicRegistration: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true, dataSupport: true },
        codeAction: {
          dynamicRegistration: false,
          isPreferredSupport: true,
          disabledSupport: true,
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
        },
      },
      window: { workDoneProgress: true },
    };
    capabilities = this.options.capabilities?.(capabilities) ?? capabilities;
    const workspace = this.options.workspace !== false;
    this.initializeResult = await this.within('initialize', this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: workspace ? rootUri : null,
      workspaceFolders: workspace ? [this.dir, ...this.moreFolders].map((d) => ({ uri: pathToFileURL(d).href, name: path.basename(d) })) : null,
      capabilities,
      ...(this.options.initializationOptions !== undefined ? { initializationOptions: this.options.initializationOptions } : {}),
    }));
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  // ---- the folder --------------------------------------------------------------------------

  path(rel: string): string {
    return path.join(this.dir, rel);
  }

  uri(rel: string): string {
    return pathToFileURL(this.path(rel)).href;
  }

  async writeFile(rel: string, text: string): Promise<void> {
    await fsp.mkdir(path.dirname(this.path(rel)), { recursive: true });
    await fsp.writeFile(this.path(rel), text);
  }

  /** Sends workspace/didChangeWatchedFiles, as the editor's file watcher would. */
  async filesChanged(...changes: [rel: string, type: FileChangeType][]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: changes.map(([rel, type]) => ({ uri: this.uri(rel), type })),
    });
  }

  /** Another temporary folder (removed on dispose) with `files`. */
  private async newFolder(files: Record<string, string>): Promise<string> {
    const dir = tempDir();
    this.ownedDirs.push(dir);
    for (const [rel, text] of Object.entries(files)) {
      await fsp.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await fsp.writeFile(path.join(dir, rel), text);
    }
    return dir;
  }

  /** Creates another temporary folder with `files` and adds it as a workspace folder. */
  async addFolder(files: Record<string, string>): Promise<string> {
    const dir = await this.newFolder(files);
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: pathToFileURL(dir).href, name: path.basename(dir) }], removed: [] },
    });
    return dir;
  }

  async removeFolder(dir: string): Promise<void> {
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [{ uri: pathToFileURL(dir).href, name: path.basename(dir) }] },
    });
  }

  /** Changes what workspace/configuration answers and tells the server (pull model). */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  // ---- documents -----------------------------------------------------------------------------

  /** Opens a file of the folder (its text on disk unless given); resolves with its URI. */
  async open(rel: string, text?: string, version = 1): Promise<string> {
    const uri = this.uri(rel);
    await this.openUri(uri, text ?? await fsp.readFile(this.path(rel), 'utf8'), version);
    return uri;
  }

  /** Opens a document under a URI spelled by the caller. */
  async openUri(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** didChange with the next version. */
  change(uri: string, ...contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.changeAsVersion(uri, (this.versions.get(uri) ?? 0) + 1, ...contentChanges);
  }

  /** didChange naming `version`, e.g. to send changes out of order. */
  async changeAsVersion(uri: string, version: number, ...contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    this.versions.set(uri, Math.max(version, this.versions.get(uri) ?? 0));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  // ---- requests ------------------------------------------------------------------------------

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.within('hover', this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r = await this.within('completion', this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
    return Array.isArray(r) ? r : r?.items ?? [];
  }

  async codeLenses(uri: string): Promise<CodeLens[]> {
    return (await this.within('codeLens', this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }))) ?? [];
  }

  async documentLinks(uri: string): Promise<DocumentLink[]> {
    return (await this.within('documentLink', this.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } }))) ?? [];
  }

  /** The job search report (interviewFollowup.report): its HTML page and its JSON figures. */
  report(): Promise<ReportResult> {
    return this.executeCommand(ReportCommand, []) as Promise<ReportResult>;
  }

  /** workspace/executeCommand; what the server asks meanwhile lands in applyEdits, shownDocuments, messages. */
  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.within(`executeCommand ${command}`, this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }));
  }

  async inlayHints(uri: string, range: Range): Promise<InlayHint[]> {
    return (await this.within('inlayHint', this.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range }))) ?? [];
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    return ((await this.within('documentSymbol', this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }))) ?? []) as DocumentSymbol[];
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
    const result = await this.within('codeAction', this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } }));
    return (result ?? []) as CodeAction[];
  }

  resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.within('codeAction/resolve', this.connection.sendRequest(CodeActionResolveRequest.type, action));
  }

  /** textDocument/diagnostic. */
  pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.within('textDocument/diagnostic', this.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri }, ...(previousResultId !== undefined ? { previousResultId } : {}),
    }));
  }

  /**
   * workspace/diagnostic. The server holds it until it has news for us; `cancel` (a promise)
   * cancels it, as a client does before re-requesting.
   */
  async pullWorkspaceDiagnostics(previousResultIds: PreviousResultId[] = [], options: { timeoutMs?: number; cancel?: Promise<unknown> } = {}): Promise<WorkspaceDiagnosticReport> {
    const source = new CancellationTokenSource();
    void options.cancel?.then(() => source.cancel());
    try {
      return await this.within('workspace/diagnostic', this.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds }, source.token), options.timeoutMs);
    } finally {
      source.dispose();
    }
  }

  /** A full rescan; resolves with the number of markdown files found. */
  recheckAll(): Promise<number> {
    return this.within(Requests.recheckAll, this.connection.sendRequest<number>(Requests.recheckAll, null));
  }

  /**
   * A round trip through the server's message queue: a request no server handles, answered
   * (MethodNotFound) only after every message sent before it has been processed.
   */
  async ping(): Promise<void> {
    await this.within('ping', this.connection.sendRequest('$/interviewFollowupTest/ping', {}).catch(() => undefined));
  }
}
