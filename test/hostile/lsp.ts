/**
 * A minimal LSP client for the robustness tests: spawns the real server over stdio with the
 * environment and initialize options a test needs (a fault to inject, an untrusted
 * workspace), records what it publishes and logs, and waits on events, never on time.
 * Kept apart from test/protocol/client.ts so these tests do not depend on its pooling.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ClientCapabilities, ConfigurationRequest, createProtocolConnection, Diagnostic, InitializeRequest, LogMessageNotification, ProtocolConnection,
  PublishDiagnosticsNotification, RegistrationRequest, StreamMessageReader, StreamMessageWriter, UnregistrationRequest,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';

export const REPO = path.resolve(__dirname, '../../..');
export const BIN = path.join(REPO, 'bin', 'interview-followup.js');

export interface LspOptions {
  root: string;
  today?: string;
  env?: Record<string, string>;
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
  settings?: Record<string, unknown>;
  /** Arguments for node itself (a heap limit). */
  nodeArgs?: string[];
}

export class Lsp {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly logs: { type: number; message: string }[] = [];
  private readonly waiters = new Set<() => boolean>();
  private exit?: string;
  private stderr = '';

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection) {}

  static async start(o: LspOptions): Promise<Lsp> {
    const env: NodeJS.ProcessEnv = { ...process.env, INTERVIEW_FOLLOWUP_TODAY: o.today ?? '2026-11-26', ...o.env };
    if (!o.env?.INTERVIEW_FOLLOWUP_TEST_FAULT) delete env.INTERVIEW_FOLLOWUP_TEST_FAULT;
    const child = spawn(process.execPath, [...(o.nodeArgs ?? []), BIN, 'lsp', '--stdio'], { cwd: o.root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const lsp = new Lsp(child, connection);
    child.stdin!.on('error', () => undefined);
    child.stderr!.on('data', (d: Buffer) => (lsp.stderr += d.toString()));
    child.on('exit', (code, signal) => {
      lsp.exit = `exited with ${code ?? signal}`;
      lsp.notify();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      lsp.diagnostics.set(p.uri, p.diagnostics);
      lsp.notify();
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      lsp.logs.push({ type: p.type, message: p.message });
      lsp.notify();
    });
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => o.settings ?? {}));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onError(() => undefined);
    connection.listen();
    const uri = pathToFileURL(o.root).href;
    await lsp.within('initialize', connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'ws' }],
      initializationOptions: o.initializationOptions,
      capabilities: o.capabilities ?? {
        workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
        textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, disabledSupport: true } },
      },
    }));
    await connection.sendNotification('initialized', {});
    return lsp;
  }

  private notify(): void {
    for (const w of [...this.waiters]) if (w()) this.waiters.delete(w);
  }

  /** Resolves when `probe` returns a value (checked on every message); fails on timeout or exit. */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}\nlogs: ${this.logs.map((l) => l.message).join('\n')}\nstderr: ${this.stderr}`));
      }, timeoutMs);
      const check = () => {
        const v = probe();
        if (v !== undefined) {
          clearTimeout(timer);
          resolve(v);
          return true;
        }
        if (this.exit) {
          clearTimeout(timer);
          reject(new Error(`server ${this.exit} while waiting for ${what}\nstderr: ${this.stderr}`));
          return true;
        }
        return false;
      };
      if (!check()) this.waiters.add(check);
    });
  }

  /** A request's answer; fails if the server dies or takes over `timeoutMs`. */
  within<T>(what: string, p: Promise<T>, timeoutMs = 20_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no answer to ${what} within ${timeoutMs} ms\nstderr: ${this.stderr}`));
      }, timeoutMs);
      const check = () => {
        if (!this.exit) return false;
        clearTimeout(timer);
        reject(new Error(`server ${this.exit} before answering ${what}\nstderr: ${this.stderr}`));
        return true;
      };
      if (check()) return;
      this.waiters.add(check);
      const settle = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      p.then((v) => (settle(), resolve(v)), (e) => (settle(), reject(e)));
    });
  }

  request<T>(method: string, params: unknown, timeoutMs?: number): Promise<T> {
    return this.within(method, this.connection.sendRequest(method, params) as Promise<T>, timeoutMs);
  }

  notifyServer(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  waitForScan(timeoutMs?: number): Promise<string> {
    return this.waitFor('the workspace scan', () => this.logs.find((l) => /checked \d+ markdown files/.test(l.message))?.message, timeoutMs);
  }

  errors(): string[] {
    return this.logs.filter((l) => l.type === 1).map((l) => l.message);
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  async dispose(): Promise<void> {
    this.connection.dispose();
    if (this.exit === undefined) {
      const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGKILL');
      await gone;
    }
  }
}
