/**
 * A small LSP test client: spawns the real server (`node bin/interview-followup.js lsp --stdio`)
 * in a temporary workspace and speaks JSON-RPC to it over the child's stdio, the way an editor
 * does. It answers the server's requests (configuration, capability registration, progress),
 * keeps the latest diagnostics per URI, and lets a test wait for an event, never for a
 * fixed time.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, promises as fsp, realpathSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource, ClientCapabilities, CodeAction, CodeActionRequest, CodeActionResolveRequest,
  ConfigurationRequest, createProtocolConnection, Diagnostic, DiagnosticRefreshRequest,
  DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  DocumentDiagnosticReport, DocumentDiagnosticRequest, ErrorCodes, ExitNotification, FileChangeType, FileEvent,
  InitializedNotification, InitializeRequest, InitializeResult, LogMessageNotification, PreviousResultId,
  ProgressToken, ProtocolConnection, PublishDiagnosticsNotification, Range, Registration, RegistrationRequest,
  ResponseError, ShowMessageNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
  TextDocumentContentChangeEvent, TextEdit, UnregistrationRequest, WorkDoneProgress, WorkDoneProgressBegin,
  WorkDoneProgressCreateRequest, WorkDoneProgressEnd, WorkDoneProgressReport, WorkspaceDiagnosticReport,
  WorkspaceDiagnosticRequest, WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { lineStarts } from '../fuzz/invariants';

/** The repository root, from out/test/protocol/. */
export const REPO = path.resolve(__dirname, '../../..');
export const BIN = path.join(REPO, 'bin', 'interview-followup.js');
export const EXAMPLES = path.join(REPO, 'examples', 'notes');
export const DEFAULT_TODAY = '2026-11-26';
const DEFAULT_TIMEOUT = 5000;

export interface StartOptions {
  /** Files to create in the workspace before initialize: relative path -> text. */
  files?: Record<string, string>;
  /** A folder whose files (dotfiles included, not subfolders) are copied into the workspace before initialize. */
  copyFrom?: string;
  /** INTERVIEW_FOLLOWUP_TODAY for the server process; null leaves it unset. */
  today?: string | null;
  /** What workspace/configuration answers for the `interviewFollowup` section. */
  settings?: Record<string, unknown>;
  /** Adjusts the client capabilities sent with initialize. */
  capabilities?: (caps: ClientCapabilities) => void;
  /** Answer client/registerCapability and workspace/configuration with an error, as some clients do. */
  refuse?: { registrations?: boolean; configuration?: boolean; progress?: boolean };
  /** false: no workspaceFolders and no rootUri in initialize (single-file mode). Default true. */
  workspace?: boolean;
  /** initializationOptions sent with initialize. */
  initializationOptions?: Record<string, unknown>;
}

/** A $/progress notification as received. */
export interface ProgressEntry {
  token: ProgressToken;
  value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;
}

export interface LogEntry {
  type: number;
  message: string;
}

interface Waiter {
  check: () => boolean;
}

// ---- server processes ---------------------------------------------------------------
//
// Booting node and loading the server is most of a test's time, and the server touches
// nothing before `initialize`. So while one test runs, the next server boots in an empty
// workspace folder of its own (a spare); the next test writes its files there and only then
// initializes. A spare is unref'd so it never keeps mocha alive, and killed on exit.

interface Spare {
  dir: string;
  child: ChildProcess;
  today: string | null;
}

let spare: Spare | undefined;

async function makeTempDir(): Promise<string> {
  // realpath: the server compares paths it walks with paths from URIs.
  return realpathSync(await fsp.mkdtemp(path.join(os.tmpdir(), 'interview-followup-lsp-')));
}

function spawnServer(dir: string, today: string | null): { dir: string; child: ChildProcess } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.INTERVIEW_FOLLOWUP_TODAY;
  if (today !== null) env.INTERVIEW_FOLLOWUP_TODAY = today;
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
  return { dir, child };
}

type Unrefable = { ref?: () => void; unref?: () => void };
const handles = (c: ChildProcess) => [c, c.stdin, c.stdout, c.stderr] as unknown as Unrefable[];

function prepareSpare(): void {
  if (spare) return;
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'interview-followup-lsp-')));
  const { child } = spawnServer(dir, DEFAULT_TODAY);
  child.on('error', () => undefined);
  for (const h of handles(child)) h.unref?.();
  spare = { dir, child, today: DEFAULT_TODAY };
}

function takeSpare(today: string | null): { dir: string; child: ChildProcess } | undefined {
  const s = spare;
  if (!s || s.today !== today) return undefined;
  spare = undefined;
  if (s.child.exitCode !== null || s.child.signalCode !== null) {
    rmSync(s.dir, { recursive: true, force: true });
    return undefined;
  }
  for (const h of handles(s.child)) h.ref?.();
  return s;
}

/** Kills the spare server, if any (also done at exit). */
export function releaseSpare(): void {
  const s = spare;
  spare = undefined;
  if (!s) return;
  s.child.kill('SIGKILL');
  rmSync(s.dir, { recursive: true, force: true });
}

process.on('exit', releaseSpare);

export class TestClient {
  /** Latest diagnostics published per URI (absent: never published). */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publishDiagnostics, in order. */
  readonly published: { uri: string; diagnostics: Diagnostic[] }[] = [];
  readonly registrations: Registration[] = [];
  readonly logs: LogEntry[] = [];
  /** How many workspace/configuration requests the server made. */
  configurationRequests = 0;
  /** Tokens the server asked to create with window/workDoneProgress/create, in order. */
  readonly progressTokens: ProgressToken[] = [];
  /** Every $/progress notification, in order. */
  readonly progress: ProgressEntry[] = [];
  /** How many workspace/diagnostic/refresh requests the server made. */
  diagnosticRefreshes = 0;
  /** window/showMessage notifications. */
  readonly messages: { type: number; message: string }[] = [];
  settings: Record<string, unknown>;
  initializeResult?: InitializeResult;
  private stderr = '';
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly versions = new Map<string, number>();

  /** Workspace folders added with addFolder(), removed on dispose. */
  private readonly extraDirs: string[] = [];

  private constructor(readonly dir: string, readonly child: ChildProcess, readonly connection: ProtocolConnection, private readonly options: StartOptions) {
    this.settings = options.settings ?? {};
  }

  /** Takes a booted server (or spawns one), fills its workspace, and completes initialize/initialized. */
  static async start(options: StartOptions = {}): Promise<TestClient> {
    const today = options.today === undefined ? DEFAULT_TODAY : options.today;
    const { dir, child } = takeSpare(today) ?? spawnServer(await makeTempDir(), today);
    prepareSpare(); // the next test's server boots while this one runs
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(dir, child, connection, options);
    client.wire();
    try {
      if (options.copyFrom) {
        for (const e of await fsp.readdir(options.copyFrom, { withFileTypes: true })) {
          if (e.isFile()) await fsp.copyFile(path.join(options.copyFrom, e.name), path.join(dir, e.name));
        }
      }
      for (const [rel, text] of Object.entries(options.files ?? {})) await client.writeFile(rel, text);
      await client.initialize();
    } catch (err) {
      await client.dispose();
      throw err;
    }
    return client;
  }

  private wire(): void {
    const { connection, child } = this;
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    child.on('exit', (code, signal) => {
      this.exited = { code, signal };
      this.notify();
    });
    if (child.exitCode !== null || child.signalCode !== null) this.exited = { code: child.exitCode, signal: child.signalCode };
    // A write to a dead child must fail the waiting test, not the mocha process.
    child.stdin!.on('error', () => undefined);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.published.push({ uri: p.uri, diagnostics: p.diagnostics });
      this.notify();
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push({ type: p.type, message: p.message });
      this.notify();
    });
    const refuse = this.options.refuse ?? {};
    connection.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationRequests++;
      if (refuse.configuration) return new ResponseError(ErrorCodes.MethodNotFound, 'workspace/configuration is not supported');
      return p.items.map((item) => (item.section === 'interviewFollowup' ? this.settings : null));
    });
    connection.onRequest(RegistrationRequest.type, (p) => {
      if (refuse.registrations) return new ResponseError(ErrorCodes.MethodNotFound, 'client/registerCapability is not supported');
      this.registrations.push(...p.registrations);
      this.notify();
      // void: vscode-jsonrpc answers `result: null`
    });
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
      if (refuse.progress) return new ResponseError(ErrorCodes.InternalError, 'no progress here');
      // As an editor does: listen to the token the server created.
      this.progressTokens.push(p.token);
      connection.onProgress(WorkDoneProgress.type, p.token, (value) => {
        this.progress.push({ token: p.token, value });
        this.notify();
      });
      this.notify();
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.diagnosticRefreshes++;
      this.notify();
    });
    connection.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
      this.notify();
    });
    connection.onError(() => undefined);
    connection.listen();
  }

  private async initialize(): Promise<void> {
    const rootUri = pathToFileURL(this.dir).href;
    const capabilities: ClientCapabilities = {
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
    this.options.capabilities?.(capabilities);
    const workspace = this.options.workspace !== false;
    this.initializeResult = await this.withTimeout('initialize', this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: workspace ? rootUri : null,
      workspaceFolders: workspace ? [{ uri: rootUri, name: path.basename(this.dir) }] : null,
      capabilities,
      ...(this.options.initializationOptions ? { initializationOptions: this.options.initializationOptions } : {}),
    }), DEFAULT_TIMEOUT);
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with what `probe` returns once it returns something, re-probed on every message from the server. */
  private waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number, detail: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          let value: T | undefined;
          try {
            value = probe();
          } catch (err) {
            done();
            reject(err);
            return true;
          }
          if (value !== undefined) {
            done();
            resolve(value);
            return true;
          }
          if (this.exited) {
            done();
            reject(new Error(`server exited (${JSON.stringify(this.exited)}) while waiting for ${what}\n${detail()}\nstderr:\n${this.stderr}`));
            return true;
          }
          return false;
        },
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${detail()}\nlogs:\n${this.logs.map((l) => l.message).join('\n')}\nstderr:\n${this.stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      waiter.check(); // the event may already have happened
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) w.check();
  }

  /** A request's answer, or a rejection when it takes too long or the server dies first. */
  private withTimeout<T>(what: string, p: Promise<T>, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          if (!this.exited) return false;
          settle();
          reject(new Error(`server exited (${JSON.stringify(this.exited)}) before answering ${what}\nstderr:\n${this.stderr}`));
          return true;
        },
      };
      const timer = setTimeout(() => {
        settle();
        reject(new Error(`no answer to ${what} within ${timeoutMs} ms\nstderr:\n${this.stderr}`));
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      if (waiter.check()) return;
      p.then((v) => { settle(); resolve(v); }, (e) => { settle(); reject(e); });
    });
  }

  /**
   * Resolves with the diagnostics for `uri` once the latest publication satisfies `predicate`
   * (checked now, then on each publication). A URI never published counts as [].
   */
  waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs = DEFAULT_TIMEOUT): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics on ${uri}`, () => {
      const d = this.diagnostics.get(uri) ?? [];
      return predicate(d) ? d : undefined;
    }, timeoutMs, () => `latest for ${uri}: ${JSON.stringify(this.diagnostics.get(uri) ?? null)}`);
  }

  /** Resolves with the first log message (window/logMessage) matching `predicate`. */
  waitForLog(predicate: (message: string) => boolean, timeoutMs = DEFAULT_TIMEOUT): Promise<LogEntry> {
    return this.waitFor('a log message', () => this.logs.find((l) => predicate(l.message)), timeoutMs, () => '');
  }

  /** The server logs this when the workspace scan is done: every note has been published. */
  waitForScan(timeoutMs = DEFAULT_TIMEOUT): Promise<LogEntry> {
    return this.waitForLog((m) => /checked \d+ markdown files/.test(m), timeoutMs);
  }

  /** Resolves once `probe` returns something, re-probed on every message from the server. */
  waitUntil<T>(what: string, probe: () => T | undefined, timeoutMs = DEFAULT_TIMEOUT): Promise<T> {
    return this.waitFor(what, probe, timeoutMs, () => '');
  }

  /** Resolves with the progress notifications of the first token whose work has ended. */
  waitForProgressEnd(timeoutMs = DEFAULT_TIMEOUT): Promise<ProgressEntry[]> {
    return this.waitFor('a $/progress end', () => {
      const end = this.progress.find((p) => p.value.kind === 'end');
      return end && this.progress.filter((p) => p.token === end.token);
    }, timeoutMs, () => `progress: ${JSON.stringify(this.progress)}`);
  }

  waitForRegistration(method: string, timeoutMs = DEFAULT_TIMEOUT): Promise<Registration> {
    return this.waitFor(`registration of ${method}`, () => this.registrations.find((r) => r.method === method), timeoutMs,
      () => `registrations: ${JSON.stringify(this.registrations)}`);
  }

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

  /** Creates another temporary folder with `files` and adds it as a workspace folder. */
  async addFolder(files: Record<string, string>): Promise<string> {
    const dir = await makeTempDir();
    this.extraDirs.push(dir);
    for (const [rel, text] of Object.entries(files)) {
      await fsp.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await fsp.writeFile(path.join(dir, rel), text);
    }
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

  /** Sends workspace/didChangeWatchedFiles, as the editor's file watcher would. */
  async filesChanged(...changes: [rel: string, type: FileChangeType][]): Promise<void> {
    const events: FileEvent[] = changes.map(([rel, type]) => ({ uri: this.uri(rel), type }));
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: events });
  }

  /** Changes what workspace/configuration answers and tells the server (pull model). */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async open(rel: string, text?: string): Promise<string> {
    const uri = this.uri(rel);
    const content = text ?? await fsp.readFile(this.path(rel), 'utf8');
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: content },
    });
    return uri;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async change(uri: string, ...contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
    const result = await this.withTimeout('codeAction', this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range, context: { diagnostics },
    }), DEFAULT_TIMEOUT);
    return (result ?? []) as CodeAction[];
  }

  async resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.withTimeout('codeAction/resolve', this.connection.sendRequest(CodeActionResolveRequest.type, action), DEFAULT_TIMEOUT);
  }

  /** textDocument/diagnostic. */
  async pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.withTimeout('textDocument/diagnostic', this.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri }, ...(previousResultId !== undefined ? { previousResultId } : {}),
    }), DEFAULT_TIMEOUT);
  }

  /**
   * workspace/diagnostic. The server holds it until it has news for us; `cancel` (a promise)
   * cancels it, as a client does before re-requesting.
   */
  async pullWorkspaceDiagnostics(previousResultIds: PreviousResultId[] = [], options: { timeoutMs?: number; cancel?: Promise<unknown> } = {}): Promise<WorkspaceDiagnosticReport> {
    const source = new CancellationTokenSource();
    void options.cancel?.then(() => source.cancel());
    try {
      return await this.withTimeout('workspace/diagnostic', this.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds }, source.token),
        options.timeoutMs ?? DEFAULT_TIMEOUT);
    } finally {
      source.dispose();
    }
  }

  /** Log messages of type error (the server reports handler failures there). */
  errors(): string[] {
    return this.logs.filter((l) => l.type === 1).map((l) => l.message);
  }

  get serverStderr(): string {
    return this.stderr;
  }

  get hasExited(): boolean {
    return this.exited !== undefined;
  }

  /** Resolves with the exit status once the server process has exited. */
  waitForExit(timeoutMs = DEFAULT_TIMEOUT): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return new Promise((resolve, reject) => {
      if (this.exited) return resolve(this.exited);
      const timer = setTimeout(() => reject(new Error(`server did not exit within ${timeoutMs} ms`)), timeoutMs);
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal });
      });
    });
  }

  /** shutdown + exit, as an editor closing does. */
  async shutdown(timeoutMs = 2000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    await this.withTimeout('shutdown', this.connection.sendRequest(ShutdownRequest.type), timeoutMs);
    await this.connection.sendNotification(ExitNotification.type);
    return this.waitForExit(timeoutMs);
  }

  /** Kills the server if still running and removes the workspace. Safe to call twice. */
  async dispose(): Promise<void> {
    for (const w of [...this.waiters]) this.waiters.delete(w);
    this.connection.dispose();
    if (!this.exited && this.child.exitCode === null && this.child.signalCode === null) {
      const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGKILL');
      await gone;
    }
    for (const dir of [this.dir, ...this.extraDirs]) await fsp.rm(dir, { recursive: true, force: true });
  }
}

// ---- edits -----------------------------------------------------------------------------


/**
 * A UTF-16 offset for an LSP position. Strict on purpose: a position past the end of its
 * line or of the document is an error here (the protocol would clamp it, but our server
 * should never send one).
 */
export function offsetAt(text: string, pos: { line: number; character: number }): number {
  const starts = lineStarts(text);
  if (pos.line < 0 || pos.line >= starts.length) throw new Error(`line ${pos.line} out of range (0..${starts.length - 1})`);
  const start = starts[pos.line];
  let end = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  if (pos.character < 0 || start + pos.character > end) throw new Error(`character ${pos.character} out of range on line ${pos.line}`);
  return start + pos.character;
}

/** Applies text edits (all against the original text, non-overlapping, as LSP requires). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const spans = edits.map((e, i) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), text: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k].start < spans[k - 1].end) throw new Error(`overlapping edits: ${JSON.stringify(edits)}`);
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.end < s.start) throw new Error(`reversed range in edit ${s.i}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Applies a WorkspaceEdit to the given documents (uri -> text); returns the new texts. */
export function applyEdits(edit: WorkspaceEdit, documents: Record<string, string>): Record<string, string> {
  const out = { ...documents };
  const apply = (uri: string, edits: TextEdit[]) => {
    if (!(uri in out)) throw new Error(`edit for a document we do not have: ${uri}`);
    out[uri] = applyTextEdits(out[uri], edits);
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change)) throw new Error(`unsupported resource operation: ${JSON.stringify(change)}`);
    apply(change.textDocument.uri, change.edits as TextEdit[]);
  }
  return out;
}

/** The diagnostics with a given rule id (the `code`). */
export function byRule(diagnostics: Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === rule);
}

/** A diagnostic's message as text (3.18 allows MarkupContent; ours are plain strings). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export const rules = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();

export { FileChangeType };
