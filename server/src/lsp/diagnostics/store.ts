/**
 * What the client has been given: the diagnostics last computed for each file (by path) or
 * untitled buffer (by URI). A push client is sent each change; for a pull client they wait
 * here to be pulled, and held workspace pulls are woken.
 */
import { createHash } from 'node:crypto';
import { CancellationToken, Diagnostic, PreviousResultId, PublishDiagnosticsNotification, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { toPath } from '../features';
import { Host } from '../host';

interface Published {
  uri: string;
  json: string;
  diagnostics: Diagnostic[];
  /** For pull clients: the same diagnostics always get the same id. */
  resultId: string;
  /** `uri` is the file's path as a URL (no editor had it open): the same path, the same URI. */
  fromPath?: boolean;
}

export const resultIdOf = (json: string): string => createHash('sha1').update(json).digest('hex').slice(0, 16);
const EMPTY_RESULT_ID = resultIdOf('[]');

/**
 * What a push client was sent: only the JSON is kept (10,000 notes' diagnostics as objects
 * held megabytes); the rest is derived on demand, should the client pull all the same.
 */
class Pushed implements Published {
  private id?: string;

  constructor(readonly uri: string, readonly json: string, readonly fromPath: boolean) {}

  get diagnostics(): Diagnostic[] {
    return JSON.parse(this.json) as Diagnostic[];
  }

  get resultId(): string {
    return (this.id ??= resultIdOf(this.json));
  }
}

export class DiagnosticStore {
  private readonly published = new Map<string, Published>();
  /** Woken whenever `published` changes: held workspace/diagnostic requests. */
  private readonly waiters = new Set<() => void>();

  constructor(private readonly host: Host) {}

  /** The keys with diagnostics: paths, and URIs of untitled buffers. */
  keys(): string[] {
    return [...this.published.keys()];
  }

  diagnosticsOf(key: string): Diagnostic[] {
    return this.published.get(key)?.diagnostics ?? [];
  }

  /** Records (and for a push client sends) the diagnostics of a file, under the URI the client knows it by. */
  publishFile(file: string, diagnostics: Diagnostic[]): void {
    this.publishFileJson(file, JSON.stringify(diagnostics), diagnostics);
  }

  publishFileJson(file: string, json: string, parsed?: Diagnostic[]): void {
    // A URL per path costs microseconds: thousands republished at once reuse the last one.
    const fromPath = !this.host.documents.atPath(file);
    const prev = fromPath ? this.published.get(file) : undefined;
    this.deliverJson(file, prev?.fromPath ? prev.uri : this.host.uriFor(file), json, parsed, fromPath);
  }

  /** Records the diagnostics of `key` (a path, or an untitled URI); a push client is sent them when they changed. */
  deliver(key: string, uri: string, diagnostics: Diagnostic[]): void {
    this.deliverJson(key, uri, JSON.stringify(diagnostics), diagnostics);
  }

  /** deliver() for diagnostics kept as JSON: parsed only when a pull client or the connection needs them as objects. */
  deliverJson(key: string, uri: string, json: string, parsed?: Diagnostic[], fromPath = false): void {
    const prev = this.published.get(key);
    if (prev && prev.uri === uri && prev.json === json) return;
    if (!prev && json === '[]') return; // the client has nothing to clear
    const pull = this.host.features.pull;
    if (json === '[]') this.published.delete(key);
    else this.published.set(key, pull ? { uri, json, diagnostics: parsed ?? (JSON.parse(json) as Diagnostic[]), resultId: resultIdOf(json), fromPath } : new Pushed(uri, json, fromPath));
    if (pull) {
      this.wakeAll();
      return;
    }
    if (prev && prev.uri !== uri) this.send(prev.uri, '[]');
    this.send(uri, json, parsed);
  }

  private send(uri: string, json: string, parsed?: Diagnostic[]): void {
    const { host } = this;
    if (host.notifyJson) host.notifyJson(PublishDiagnosticsNotification.method, `{"uri":${JSON.stringify(uri)},"diagnostics":${json}}`);
    else void host.connection.sendDiagnostics({ uri, diagnostics: parsed ?? (JSON.parse(json) as Diagnostic[]) });
  }

  /** Reports for every document with diagnostics, and for those the client holds that have none any more. */
  workspaceReports(previous: PreviousResultId[]): { items: WorkspaceDocumentDiagnosticReport[]; news: boolean } {
    const held = new Map<string, PreviousResultId>();
    for (const p of previous) held.set(toPath(p.uri) ?? p.uri, p);
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    let news = false;
    const add = (uri: string, resultId: string, diagnostics: Diagnostic[], before: string | undefined) => {
      const version = this.host.documents.get(uri)?.version ?? null;
      if (before === resultId) items.push({ kind: 'unchanged', uri, version, resultId });
      else {
        items.push({ kind: 'full', uri, version, resultId, items: diagnostics });
        news = true;
      }
    };
    for (const [key, r] of this.published) {
      const p = held.get(key);
      held.delete(key);
      add(p?.uri ?? r.uri, r.resultId, r.diagnostics, p?.value);
    }
    for (const p of held.values()) add(p.uri, EMPTY_RESULT_ID, [], p.value);
    return { items, news };
  }

  /** Resolves at the next change of the diagnostics, or when the request is cancelled, or at shutdown. */
  nextChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.waiters.delete(wake);
        subscription.dispose();
        resolve();
      };
      this.waiters.add(wake);
      const subscription = token.onCancellationRequested(wake);
    });
  }

  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
