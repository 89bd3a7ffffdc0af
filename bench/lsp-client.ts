/**
 * A minimal LSP client for the benchmark: spawns the real server over stdio, answers what the
 * server asks an editor (configuration, registrations, progress), and timestamps every
 * publishDiagnostics and log message as it arrives.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeAction, CodeActionRequest, ConfigurationRequest, createProtocolConnection, Diagnostic,
  DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
  InitializeRequest, InitializeResult, LogMessageNotification, ProtocolConnection, PublishDiagnosticsNotification, Range,
  RegistrationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, TextDocumentContentChangeEvent,
  UnregistrationRequest, WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';

export const REPO = path.resolve(__dirname, '../..');
export const BIN = path.join(REPO, 'bin', 'interview-followup.js');

export interface Publication {
  at: number;
  uri: string;
  diagnostics: Diagnostic[];
}

type Listener = () => void;

/** USER_HZ: the unit of /proc/<pid>/stat times; 100 on every mainstream Linux. */
const CLOCK_TICKS = 100;

export class BenchClient {
  readonly publications: Publication[] = [];
  readonly latest = new Map<string, Publication>();
  readonly logs: { at: number; message: string }[] = [];
  stderr = '';
  exited = false;
  initializeResult?: InitializeResult;
  private readonly listeners = new Set<Listener>();
  private readonly versions = new Map<string, number>();

  private constructor(readonly dir: string, readonly child: ChildProcess, readonly connection: ProtocolConnection) {}

  /** Spawns `interview-followup lsp --stdio` in `dir` (not yet initialized). */
  static spawn(dir: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): BenchClient {
    const child = spawn(process.execPath, [...nodeArgs, BIN, 'lsp', '--stdio'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new BenchClient(dir, child, connection);
    child.stderr!.on('data', (c: Buffer) => { client.stderr += c.toString(); });
    child.on('exit', () => { client.exited = true; client.fire(); });
    child.stdin!.on('error', () => undefined);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const pub = { at: performance.now(), uri: p.uri, diagnostics: p.diagnostics };
      client.publications.push(pub);
      client.latest.set(p.uri, pub);
      client.fire();
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      client.logs.push({ at: performance.now(), message: p.message });
      client.fire();
    });
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => null));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onError(() => undefined);
    connection.listen();
    return client;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** initialize + initialized, with the capabilities of a typical editor (VS Code-like). */
  async initialize(): Promise<InitializeResult> {
    const rootUri = pathToFileURL(this.dir).href;
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(this.dir) }],
      capabilities: {
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
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  private fire(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolves with probe()'s first non-undefined value, evaluated now and on every message. */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const listener = () => {
        const v = probe();
        if (v !== undefined) {
          done();
          resolve(v);
        } else if (this.exited) {
          done();
          reject(new Error(`server exited while waiting for ${what}\nstderr:\n${this.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nstderr:\n${this.stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
      listener();
    });
  }

  /**
   * A round trip through the server's message queue: a request no server handles, answered
   * (MethodNotFound) only after every message sent before it has been processed.
   */
  async ping(): Promise<void> {
    try {
      await this.connection.sendRequest('$/interviewFollowupBench/ping', {});
    } catch {
      // MethodNotFound is the expected answer
    }
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
  }

  async change(uri: string, ...contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const r = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } });
    return (r ?? []) as CodeAction[];
  }

  /** VmHWM (peak RSS) and VmRSS of the server process, in KiB, from /proc (Linux only). */
  memory(): { hwmKiB?: number; rssKiB?: number } {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const field = (name: string) => {
        const m = new RegExp(`^${name}:\\s*(\\d+)\\s*kB`, 'm').exec(status);
        return m ? Number(m[1]) : undefined;
      };
      return { hwmKiB: field('VmHWM'), rssKiB: field('VmRSS') };
    } catch {
      return {};
    }
  }

  /** CPU time (user + system, all threads) the server has used so far, in ms (Linux only). */
  cpuMs(): number | undefined {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS; // utime, stime
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit; the process is killed (by its pid) if it does not exit in time. */
  async close(timeoutMs = 5000): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.exited) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      if (!this.exited) {
        await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, timeoutMs))]);
        await this.connection.sendNotification(ExitNotification.type);
      }
    } catch {
      // dead already
    }
    const timer = setTimeout(() => { if (!this.exited) this.child.kill('SIGKILL'); }, timeoutMs);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
