/**
 * Waiting inside the extension host: on VS Code events (diagnostics, document changes), each
 * with a timeout that says what was seen, never a fixed sleep. And the UI probe: what the
 * user sees in the workbench, when the shim offers it (code-server); undefined on desktop.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'interview-followup.interview-followup';

/** Measurements a suite reports to the launcher (activation timings), by name. */
export const figures: Record<string, string> = {};
export const SOURCE = 'interview-followup';
export const TODAY = '2026-11-26';

export interface AgendaEntry {
  group: string;
  kind: string;
  company: string;
  role: string;
  action: string;
  when: string;
  date: string;
  uri: string;
  rule?: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface Agenda {
  today: string;
  notes: number;
  groups: { id: string; title: string; entries: AgendaEntry[] }[];
  invalid: string[];
}

export interface Api {
  client: { state: number; sendRequest<R>(method: string, params?: unknown): Promise<R> } | undefined;
  activation: { reason?: string; file?: string; scanned: number; ms: number };
  timings: { activated: number; started?: number; scanned?: number; scan?: { files: number; ms: number } };
  whenServerStarted(): Promise<unknown>;
  dueFollowUps(): { uri: vscode.Uri; diagnostic: vscode.Diagnostic; rule: string }[];
  status: { count: number; onDidUpdate: vscode.Event<number> };
  view: {
    agenda: Agenda | undefined;
    state: 'loading' | 'none' | 'empty' | 'ready';
    tree: vscode.TreeView<unknown>;
    refresh(): Promise<void>;
    onDidRefresh: vscode.Event<Agenda | undefined>;
  };
  walkthrough: { senderName: string | undefined; hasNotes: boolean; draftedThankYou: boolean };
  serverTrusted: boolean;
  restrictedNotice: string | undefined;
  /** The extension's own `vscode.env` (not the tests'): its openExternal can be replaced to see what leaves the editor. */
  env: { openExternal(target: unknown): Thenable<boolean> };
}

/** The view's groups as [title, companies], once `ok` holds for them. */
export function viewUntil(api: Api, ok: (groups: [string, string[]][]) => boolean, what: string, ms = 20_000): Promise<[string, string[]][]> {
  const groups = (): [string, string[]][] => (api.view.agenda?.groups ?? []).map((g) => [g.title, g.entries.map((e) => e.company)]);
  return until(api.view.onDidRefresh, () => (ok(groups()) ? groups() : undefined), () => `${what}; the view shows ${JSON.stringify(groups())} (${api.view.state})`, ms);
}

/** Polls `check` (there is no event for it) until it holds, or fails after `ms`. */
export async function pollUntil<T>(check: () => T | undefined | false, what: () => string, ms = 60_000, every = 100): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Processes running this extension's bundled server (dist/server.js), from /proc. */
export function serverProcesses(extensionPath: string): number[] {
  const server = `${extensionPath}/dist/server.js`;
  const pids: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').some((arg) => arg === server)) pids.push(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
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

/**
 * The user's way to apply a quick fix, through the UI probe: `open` shows the menu (Ctrl+. on
 * the finding, or a click on the lens), which opens on the preferred fix, `title`; Enter applies
 * it when `apply`. VS Code's markdown extension registers its providers a few seconds after the
 * first note opens, which cancels the menu's request (the menu closes, or Enter applies
 * nothing): the menu is opened again then, three times at most. `applied` waits for the result.
 */
export async function quickFixMenu(probe: Probe, open: () => Thenable<unknown>, title: string, applied?: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await open();
      await probe.waitFor('.action-widget .monaco-list-row.focused', title, 'visible', 5_000);
      if (!applied) return;
      await probe.press('Enter');
      await applied();
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await vscode.commands.executeCommand('hideCodeActionWidget');
    }
  }
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
  hover(selector: string, hasText?: string): Promise<void>;
  /** Clicks the inline action (by its label) of the row holding `hasText`, hovering the row as a mouse does. */
  clickInline(selector: string, hasText: string, action: string): Promise<void>;
  /** Drags the element onto the target with the mouse (HTML drag and drop), Shift held when asked. */
  drag(selector: string, hasText: string | undefined, target: string, targetText?: string, shift?: boolean): Promise<void>;
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
    hover: async (selector, hasText) => void (await call({ op: 'hover', selector, hasText })),
    clickInline: async (selector, hasText, action) => void (await call({ op: 'clickInline', selector, hasText, action })),
    drag: async (selector, hasText, target, targetText, shift) => void (await call({ op: 'drag', selector, hasText, target, targetText, shift })),
    type: async (text) => void (await call({ op: 'type', text })),
    press: async (key) => void (await call({ op: 'press', key })),
    screenshot: async (path) => void (await call({ op: 'screenshot', path })),
  };
}
