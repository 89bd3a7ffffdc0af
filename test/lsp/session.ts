/**
 * One connection to a server process, as an editor holds it: it answers what the server asks
 * (configuration, capability registration, progress, workspace/applyEdit, window/showDocument),
 * records every message the server sends with the time it arrived, and lets a test wait for an
 * event, never for a fixed time. The typed requests and notifications are in client.ts.
 */
import { ChildProcess } from 'node:child_process';
import { promises as fsp, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  ApplyWorkspaceEditParams, ApplyWorkspaceEditRequest, ClientCapabilities, ConfigurationRequest, createProtocolConnection, Diagnostic, DiagnosticRefreshRequest, ErrorCodes,
  ExitNotification, InitializeResult, LogMessageNotification, MessageType,
  ProgressToken, ProtocolConnection, PublishDiagnosticsNotification, Registration, RegistrationRequest, ResponseError,
  ShowDocumentParams, ShowDocumentRequest, ShowMessageNotification, ShowMessageRequest, ShowMessageRequestParams, ShutdownRequest, StreamMessageReader, StreamMessageWriter, UnregistrationRequest, WorkDoneProgress,
  WorkDoneProgressBegin, WorkDoneProgressCreateRequest, WorkDoneProgressEnd, WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { Notifications, ScanDoneParams, SETTINGS_SECTION } from '../../server/src/protocol';
import { ServerProcess, track } from './process';

export const DEFAULT_TIMEOUT = 5000;

export interface SessionOptions {
  /** What workspace/configuration answers for the settings section. Default {}. */
  settings?: Record<string, unknown>;
  /** Adjusts the capabilities sent with initialize (a VS Code-like set); a returned value replaces them. */
  capabilities?: (caps: ClientCapabilities) => ClientCapabilities | void;
  /** Answer these server requests with an error, as some clients do. */
  refuse?: { registrations?: boolean; configuration?: boolean; progress?: boolean; applyEdit?: boolean; showDocument?: boolean };
  /** false: no workspaceFolders and no rootUri in initialize (single-file mode). Default true. */
  workspace?: boolean;
  initializationOptions?: unknown;
  /** Answer workspace/applyEdit `{applied: false}` with no reason, as VS Code does when its preview is discarded. */
  declineEdits?: boolean;
  /** The title of the action window/showMessageRequest answers (as a user clicks it); none: dismissed. */
  messageAnswer?: string;
  /** How long a wait or a request may take before it fails. Default 5 s. */
  timeoutMs?: number;
}

/** performance.now() when the message arrived. */
export interface Publication { at: number; uri: string; diagnostics: Diagnostic[] }
export interface LogEntry { at: number; type: MessageType; message: string }
export interface ScanDone extends ScanDoneParams { at: number }
export interface ProgressEntry { token: ProgressToken; value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd }
export interface ExitStatus { code: number | null; signal: NodeJS.Signals | null }

type Settle<T> = (resolve: (value: T) => void, reject: (err: unknown) => void) => void;
interface Waiter { check(): void; cancel(): void }

export class LspSession {
  /** Latest diagnostics published per URI (absent: never published). */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publishDiagnostics, in order. */
  readonly published: Publication[] = [];
  /** Every window/logMessage, in order. */
  readonly logs: LogEntry[] = [];
  /** Every interviewFollowup/scanDone, in order. */
  readonly scans: ScanDone[] = [];
  /** window/showMessage notifications. */
  readonly messages: { type: MessageType; message: string }[] = [];
  /** window/showMessageRequest requests, in order (answered with `messageAnswer`). */
  readonly messageRequests: ShowMessageRequestParams[] = [];
  readonly registrations: Registration[] = [];
  /** Tokens the server created with window/workDoneProgress/create, and every $/progress, in order. */
  readonly progressTokens: ProgressToken[] = [];
  readonly progress: ProgressEntry[] = [];
  /** workspace/applyEdit requests, in order (answered applied unless refused: the test applies them to its text). */
  readonly applyEdits: ApplyWorkspaceEditParams[] = [];
  /** window/showDocument requests, in order (answered success unless refused). */
  readonly shownDocuments: ShowDocumentParams[] = [];
  configurationRequests = 0;
  diagnosticRefreshes = 0;
  settings: Record<string, unknown>;
  initializeResult?: InitializeResult;
  readonly dir: string;
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  protected readonly timeoutMs: number;
  /** Folders to remove on dispose. */
  protected readonly ownedDirs: string[] = [];
  private stderrText = '';
  private exit: ExitStatus | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly untrack: () => void;
  private disposing: Promise<void> | undefined;

  protected constructor(server: ServerProcess, protected readonly options: SessionOptions) {
    this.dir = server.dir;
    this.child = server.child;
    if (server.owned) this.ownedDirs.push(server.dir);
    this.settings = options.settings ?? {};
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT;
    const reader = new StreamMessageReader(this.child.stdout!);
    // vscode-jsonrpc re-arms a 10 s timer for as long as a frame stays incomplete, and
    // dispose() does not clear it: a server killed mid-frame would keep the process alive.
    reader.partialMessageTimeout = 0;
    this.connection = createProtocolConnection(reader, new StreamMessageWriter(this.child.stdin!));
    this.untrack = track({ dir: this.dir, kill: () => this.killNow(), dispose: () => this.dispose() });
    this.wire();
  }

  private wire(): void {
    const { connection, child } = this;
    child.stderr!.on('data', (chunk: Buffer) => (this.stderrText += chunk.toString()));
    child.on('exit', (code, signal) => this.exited({ code, signal }));
    child.on('error', (err) => {
      this.stderrText += `spawn failed: ${err.message}\n`;
      this.exited({ code: null, signal: null });
    });
    if (child.exitCode !== null || child.signalCode !== null) this.exit = { code: child.exitCode, signal: child.signalCode };
    // A write to a dead child must fail the waiting test, not the process.
    child.stdin!.on('error', () => undefined);
    const record = <T>(list: T[], item: T) => {
      list.push(item);
      this.notify();
    };
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      record(this.published, { at: performance.now(), uri: p.uri, diagnostics: p.diagnostics });
    });
    connection.onNotification(LogMessageNotification.type, (p) => record(this.logs, { at: performance.now(), type: p.type, message: p.message }));
    connection.onNotification(Notifications.scanDone, (p: ScanDoneParams) => record(this.scans, { ...p, at: performance.now() }));
    connection.onNotification(ShowMessageNotification.type, (p) => record(this.messages, p));
    const refuse = this.options.refuse ?? {};
    connection.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationRequests++;
      if (refuse.configuration) return new ResponseError(ErrorCodes.MethodNotFound, 'workspace/configuration is not supported');
      return p.items.map((item) => (item.section === SETTINGS_SECTION ? this.settings : null));
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
      connection.onProgress(WorkDoneProgress.type, p.token, (value) => record(this.progress, { token: p.token, value }));
      this.notify();
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      record(this.applyEdits, p);
      return refuse.applyEdit ? { applied: false, failureReason: 'refused by the test' } : { applied: !this.options.declineEdits };
    });
    connection.onRequest(ShowMessageRequest.type, (p) => {
      record(this.messageRequests, p);
      return p.actions?.find((a) => a.title === this.options.messageAnswer) ?? null;
    });
    connection.onRequest(ShowDocumentRequest.type, (p) => {
      record(this.shownDocuments, p);
      return { success: !refuse.showDocument };
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.diagnosticRefreshes++;
      this.notify();
    });
    connection.onError(() => undefined);
    connection.listen();
  }

  private exited(status: ExitStatus): void {
    this.exit ??= status;
    this.notify();
  }

  // ---- waiting on events -----------------------------------------------------------------

  private notify(): void {
    for (const w of [...this.waiters]) w.check();
  }

  /**
   * Runs `step` now and on every message from the server until it settles the promise, which
   * fails with `timeoutError()` after `timeoutMs`. `start` runs once, with the same settlers.
   */
  private wait<T>(timeoutMs: number, timeoutError: () => Error, step: Settle<T>, start?: Settle<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const ok = (v: T) => (waiter.cancel(), resolve(v));
      const fail = (e: unknown) => (waiter.cancel(), reject(e));
      const timer = setTimeout(() => fail(timeoutError()), timeoutMs);
      const waiter: Waiter = {
        check: () => step(ok, fail),
        cancel: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
        },
      };
      this.waiters.add(waiter);
      start?.(ok, fail);
      waiter.check(); // the event may already have happened
    });
  }

  /**
   * Resolves with what `probe` returns once it returns something, probed now and on every
   * message from the server; fails when the server exits first or after `timeoutMs`.
   */
  waitUntil<T>(what: string, probe: () => T | undefined, timeoutMs = this.timeoutMs, detail: () => string = () => ''): Promise<T> {
    return this.wait<T>(timeoutMs,
      () => new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${detail()}\nlogs:\n${this.logs.map((l) => l.message).join('\n')}\nstderr:\n${this.stderrText}`),
      (resolve, reject) => {
        let value: T | undefined;
        try {
          value = probe();
        } catch (err) {
          return reject(err);
        }
        if (value !== undefined) resolve(value);
        else if (this.exit) reject(new Error(`server exited (${JSON.stringify(this.exit)}) while waiting for ${what}\n${detail()}\nstderr:\n${this.stderrText}`));
      });
  }

  /** A request's answer, or a rejection when it takes over `timeoutMs` or the server dies first. */
  within<T>(what: string, answer: Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    return this.wait<T>(timeoutMs,
      () => new Error(`no answer to ${what} within ${timeoutMs} ms\nstderr:\n${this.stderrText}`),
      (_, reject) => {
        if (this.exit) reject(new Error(`server exited (${JSON.stringify(this.exit)}) before answering ${what}\nstderr:\n${this.stderrText}`));
      },
      (resolve, reject) => void answer.then(resolve, reject));
  }

  /**
   * Resolves with the diagnostics for `uri` once the latest publication satisfies `predicate`.
   * A URI never published counts as [].
   */
  waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs = this.timeoutMs): Promise<Diagnostic[]> {
    return this.waitUntil(`diagnostics on ${uri}`, () => {
      const d = this.diagnostics.get(uri) ?? [];
      return predicate(d) ? d : undefined;
    }, timeoutMs, () => `latest for ${uri}: ${JSON.stringify(this.diagnostics.get(uri) ?? null)}`);
  }

  /** The first log message (window/logMessage) matching `predicate`. */
  waitForLog(predicate: (message: string) => boolean, timeoutMs = this.timeoutMs): Promise<LogEntry> {
    return this.waitUntil('a log message', () => this.logs.find((l) => predicate(l.message)), timeoutMs);
  }

  /** The end of the first workspace scan (the scanDone notification): every note found has been published. */
  waitForScan(timeoutMs = this.timeoutMs): Promise<ScanDone> {
    return this.waitUntil('the end of the workspace scan', () => this.scans[0], timeoutMs);
  }

  /** The progress notifications of the first token whose work has ended. */
  waitForProgressEnd(timeoutMs = this.timeoutMs): Promise<ProgressEntry[]> {
    return this.waitUntil('a $/progress end', () => {
      const end = this.progress.find((p) => p.value.kind === 'end');
      return end && this.progress.filter((p) => p.token === end.token);
    }, timeoutMs, () => `progress: ${JSON.stringify(this.progress)}`);
  }

  waitForRegistration(method: string, timeoutMs = this.timeoutMs): Promise<Registration> {
    return this.waitUntil(`registration of ${method}`, () => this.registrations.find((r) => r.method === method), timeoutMs,
      () => `registrations: ${JSON.stringify(this.registrations)}`);
  }

  /** The exit status once the server process has exited. */
  waitForExit(timeoutMs = this.timeoutMs): Promise<ExitStatus> {
    return this.wait<ExitStatus>(timeoutMs, () => new Error(`server did not exit within ${timeoutMs} ms`), (resolve) => {
      if (this.exit) resolve(this.exit);
    });
  }

  // ---- state -----------------------------------------------------------------------------

  /** Log messages of type error (the server reports handler failures there). */
  errors(): string[] {
    return this.logs.filter((l) => l.type === MessageType.Error).map((l) => l.message);
  }

  get stderr(): string {
    return this.stderrText;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  get exitStatus(): ExitStatus | undefined {
    return this.exit;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  // ---- the end ---------------------------------------------------------------------------

  /** shutdown + exit, as an editor closing does; resolves with the exit status. */
  async shutdown(timeoutMs = 2000): Promise<ExitStatus> {
    await this.within('shutdown', this.connection.sendRequest(ShutdownRequest.type), timeoutMs);
    await this.connection.sendNotification(ExitNotification.type);
    return this.waitForExit(timeoutMs);
  }

  /** Kills the server if still running and removes the folders the client made. Safe to call twice. */
  dispose(): Promise<void> {
    this.disposing ??= (async () => {
      // Pending waits stay pending, with no timer left to keep the process alive.
      for (const w of [...this.waiters]) w.cancel();
      this.connection.dispose();
      if (this.alive && this.child.exitCode === null && this.child.signalCode === null) {
        const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
        this.child.kill('SIGKILL');
        await gone;
      }
      for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) s?.destroy();
      for (const dir of this.ownedDirs) await fsp.rm(dir, { recursive: true, force: true });
      this.untrack();
    })();
    return this.disposing;
  }

  /** At process exit, synchronously. */
  private killNow(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    for (const dir of this.ownedDirs) rmSync(dir, { recursive: true, force: true });
  }
}
