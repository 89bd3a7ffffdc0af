/**
 * Drafts leave the editor: the client's side of a draft heading's code lenses
 * (`## Draft: <what> to <name> (<date>)`) and the reveal of a draft just inserted.
 *
 * The server serves the lenses on our commands because the client says it registers them
 * (initialization option `draftCommands: true`): "Open in mail app" ({@link DraftCommands.open})
 * and "Copy" ({@link DraftCommands.copy}). "Mark sent" and the server's reveal are the server's
 * own commands (SERVER_COMMANDS), registered by the language client, not here.
 */
import * as vscode from 'vscode';
import { DraftCommands } from '../../server/src/protocol';

/** A draft heading, as the templates write it. */
const DRAFT_HEADING = /^##\s+Draft\b/;

/**
 * Opens the server's `mailto:` URI in the mail app, exactly as the server wrote it (RFC 6068:
 * `%20`, `%0D%0A`, UTF-8 escapes). It goes to `env.openExternal` as a string: the extension host
 * accepts one and passes it on untouched, whereas a `vscode.Uri` would be decoded and written
 * again (`encodeURI(uri.toString(true))`), which turns an escaped `&` or `=` of the body into a
 * field separator and escapes `%` twice. When the link had to leave the body out (too long for
 * a URI), the body goes to the clipboard first, and a message says so.
 */
export async function openDraft(uri: unknown, mailto: unknown, bodyInLink: unknown, body: unknown): Promise<boolean> {
  if (typeof mailto !== 'string' || !mailto.startsWith('mailto:')) {
    void vscode.window.showWarningMessage('Interview Follow-up: this draft has no mail link to open.');
    return false;
  }
  const copied = bodyInLink === false && typeof body === 'string';
  if (copied) await vscode.env.clipboard.writeText(body);
  const openExternal = vscode.env.openExternal as (target: vscode.Uri | string) => Thenable<boolean>;
  const opened = await openExternal(mailto);
  if (copied) {
    const where = typeof uri === 'string' ? ` (${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))})` : '';
    void vscode.window.showInformationMessage(`Interview Follow-up: the draft${where} is too long for a mail link, so the mail app gets the address and subject only. The body is on the clipboard: paste it into the message.`);
  }
  return opened;
}

/**
 * What a `mailto:` URI from the server (a draft's `To:` line, a document link) becomes in VS
 * Code: a link that runs Open in mail app with the exact string. A `vscode.Uri` of the mailto:
 * itself would reach the mail app decoded and written again (a `?` of the body as `%253F`, an
 * `&` as a field separator). The workbench runs a link's `command:` URI with the JSON arguments
 * of its query, percent-decoded once.
 */
export function mailtoLinkTarget(mailto: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: DraftCommands.open, query: encodeURIComponent(JSON.stringify([null, mailto, true, null])) });
}

/** Copies a draft (its text, as the lens carries it) to the clipboard. */
export async function copyDraft(text: unknown): Promise<boolean> {
  if (typeof text !== 'string') return false;
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage('$(copy) Interview Follow-up: draft copied to the clipboard', 4000);
  return true;
}

/** The line of the draft heading to show: `line` when it holds one, else the last draft heading of the note. */
export function draftHeadingLine(doc: vscode.TextDocument, line?: unknown): number | undefined {
  if (typeof line === 'number' && Number.isInteger(line) && line >= 0 && line < doc.lineCount && DRAFT_HEADING.test(doc.lineAt(line).text)) return line;
  for (let i = doc.lineCount - 1; i >= 0; i--) if (DRAFT_HEADING.test(doc.lineAt(i).text)) return i;
  return undefined;
}

/**
 * Shows a draft just inserted: the note in its editor (where it is already shown, else the
 * active column), the heading selected and at the top, so the draft reads from its start.
 * `line` is the heading's line as the server reported it; without one (or when it no longer
 * holds a draft heading) the last draft heading of the note.
 */
export async function revealDraft(uri: vscode.Uri | string | undefined, line?: unknown): Promise<vscode.TextEditor | undefined> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) return undefined;
  const doc = await vscode.workspace.openTextDocument(target);
  const heading = draftHeadingLine(doc, line);
  if (heading === undefined) return undefined;
  const range = doc.lineAt(heading).range;
  const shown = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn, preview: false, selection: new vscode.Selection(range.start, range.end) });
  editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  return editor;
}

/**
 * The arguments [uri, line] of the server's reveal command, when `command` is that command
 * (as a code action carries it, in VS Code's or LSP's shape).
 */
export function revealArguments(command: unknown): [string, number] | undefined {
  const c = command as { command?: unknown; arguments?: unknown } | undefined;
  if (c?.command !== DraftCommands.reveal || !Array.isArray(c.arguments)) return undefined;
  const [uri, line] = c.arguments as unknown[];
  return typeof uri === 'string' && typeof line === 'number' ? [uri, line] : undefined;
}

/** The client's draft commands (the lenses' Open in mail app and Copy). */
export function registerDraftCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(DraftCommands.open, openDraft),
    vscode.commands.registerCommand(DraftCommands.copy, copyDraft),
  ];
}
