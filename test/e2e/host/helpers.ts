/**
 * Waiting inside the extension host: on VS Code events (diagnostics, document changes), each
 * with a timeout that says what was seen, never a fixed sleep. And the UI probe: what the
 * user sees in the workbench, when the shim offers it (code-server); undefined on desktop.
 */
import * as http from 'node:http';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'interview-followup.interview-followup';
export const SOURCE = 'interview-followup';
export const TODAY = '2026-11-26';

export interface Api {
  client: { state: number; sendRequest<R>(method: string, params?: unknown): Promise<R> };
  dueFollowUps(): { uri: vscode.Uri; diagnostic: vscode.Diagnostic; rule: string }[];
  status: { count: number; onDidUpdate: vscode.Event<number> };
  serverTrusted: boolean;
  restrictedNotice: string | undefined;
}

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the tests need a workspace folder');
  return f.uri;
}

export function note(name: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), name);
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  return d.code === undefined ? undefined : String(typeof d.code === 'object' ? d.code.value : d.code);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describe(diags: vscode.Diagnostic[]): string {
  return JSON.stringify(diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleOf(d)} ${d.message}`));
}

/** Resolves once `check()` returns a value, re-checking whenever `event` fires. */
export function until<T>(event: vscode.Event<unknown>, check: () => T | undefined | false, what: () => string, ms = 20_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = check();
    if (first) return resolve(first);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what()}`));
    }, ms);
    const sub = event(() => {
      const v = check();
      if (v) {
        clearTimeout(timer);
        sub.dispose();
        resolve(v);
      }
    });
  });
}

/** Our diagnostics for `uri` once they satisfy `ok`. */
export function diagnosticsUntil(uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, what: string, ms = 20_000): Promise<vscode.Diagnostic[]> {
  return until(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const d = ours(uri);
      return ok(d) ? d : undefined;
    },
    () => `${what} on ${vscode.workspace.asRelativePath(uri)}; have ${describe(ours(uri))}`,
    ms,
  );
}

export function withRule(uri: vscode.Uri, rule: string, what = `a ${rule} diagnostic`): Promise<vscode.Diagnostic> {
  return diagnosticsUntil(uri, (d) => d.some((x) => ruleOf(x) === rule), what).then((d) => d.find((x) => ruleOf(x) === rule)!);
}

export function withoutRule(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic[]> {
  return diagnosticsUntil(uri, (d) => !d.some((x) => ruleOf(x) === rule), `no ${rule} diagnostic`);
}

/** The document once its text satisfies `ok`. */
export function textUntil(doc: vscode.TextDocument, ok: (text: string) => boolean, what: string, ms = 20_000): Promise<string> {
  return until(vscode.workspace.onDidChangeTextDocument, () => (ok(doc.getText()) ? doc.getText() : undefined), () => `${what}; text:\n${doc.getText()}`, ms);
}

export function statusCount(api: Api, n: number): Promise<number> {
  return until(api.status.onDidUpdate, () => (api.status.count === n ? n : undefined), () => `the status bar to count ${n} (it counts ${api.status.count})`)
    .then(() => n);
}

/**
 * The quick fixes offered at `range`, as the light bulb would list them, once one titled
 * `title` is among them. VS Code cancels a code-action request when a provider registers
 * while it runs, which happens when the first markdown document wakes the built-in markdown
 * extension: such an answer is asked again, until the deadline.
 */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, title: string, ms = 20_000,
  accept: (action: vscode.CodeAction) => boolean = () => true): Promise<vscode.CodeAction[]> {
  await vscode.workspace.openTextDocument(uri);
  await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  const deadline = Date.now() + ms;
  let last: vscode.CodeAction[] = [];
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      // Resolved, as applying one from the menu does: the server renders drafts in codeAction/resolve.
      last = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, 20)) ?? [];
      error = undefined;
      if (last.some((a) => a.title === title && accept(a))) return last;
    } catch (err) {
      error = err; // Canceled: ask again
    }
  }
  throw new Error(`no quick fix '${title}' at ${range.start.line + 1}:${range.start.character + 1} of ${vscode.workspace.asRelativePath(uri)} in ${ms} ms; offered: ${JSON.stringify(last.map((a) => a.title))}${error ? ` (${error})` : ''}`);
}

/** The text an action would insert (all its edits' new text, joined). */
export function insertedText(action: vscode.CodeAction): string {
  return (action.edit?.entries() ?? []).flatMap(([, edits]) => edits.map((e) => e.newText)).join('');
}

/** The UI probe of the code-server shim; undefined where there is none (desktop VS Code). */
export const ui = process.env.E2E_UI_PROBE ? makeProbe(process.env.E2E_UI_PROBE) : undefined;

export interface Probe {
  text(selector: string): Promise<string[]>;
  count(selector: string, hasText?: string): Promise<number>;
  waitFor(selector: string, hasText?: string, state?: 'visible' | 'hidden' | 'detached', timeout?: number): Promise<string>;
  click(selector: string, hasText?: string): Promise<void>;
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
}

function makeProbe(base: string): Probe {
  const call = (body: Record<string, unknown>) => new Promise<unknown>((resolve, reject) => {
    const req = http.request(base, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => {
        const parsed = JSON.parse(data) as { result?: unknown; error?: string };
        if (parsed.error !== undefined) reject(new Error(`UI probe ${body.op} ${body.selector ?? ''} ${body.hasText ?? ''}: ${parsed.error}`));
        else resolve(parsed.result);
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
  return {
    text: (selector) => call({ op: 'text', selector }) as Promise<string[]>,
    count: (selector, hasText) => call({ op: 'count', selector, hasText }) as Promise<number>,
    waitFor: (selector, hasText, state, timeout) => call({ op: 'waitFor', selector, hasText, state, timeout }) as Promise<string>,
    click: async (selector, hasText) => void (await call({ op: 'click', selector, hasText })),
    type: async (text) => void (await call({ op: 'type', text })),
    press: async (key) => void (await call({ op: 'press', key })),
    screenshot: async (path) => void (await call({ op: 'screenshot', path })),
  };
}
