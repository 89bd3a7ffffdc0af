/**
 * Doing a process's next action from the Follow-ups view or the next-action lens: the server's
 * own quick fixes at the finding (asked over LSP, so a note nobody opened works too and no
 * other extension's provider interferes), applied as VS Code applies a chosen quick fix.
 */
import * as vscode from 'vscode';
import { CodeAction, CodeActionKind, CodeActionRequest, CodeActionResolveRequest, LanguageClient } from 'vscode-languageclient/node';
import { AgendaEntry, WireRange } from '../../server/src/protocol';
import { revealArguments, revealDraft } from './drafts';
import { draftTemplate } from './server';

/** The quick fixes of the finding of `rule` at `range`. */
async function fixesAt(lc: LanguageClient, uri: string, range: WireRange, rule: string): Promise<CodeAction[]> {
  const all = await lc.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [], only: [CodeActionKind.QuickFix] } });
  return (all ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'))
    .filter((a) => !a.diagnostics || a.diagnostics.some((d) => String(d.code) === rule));
}

/** Resolves (renders a draft) and applies one action; says why when it cannot. The action applied, resolved; undefined when not. */
async function apply(lc: LanguageClient, action: CodeAction): Promise<CodeAction | undefined> {
  const resolved = action.edit || !action.data ? action : await lc.sendRequest(CodeActionResolveRequest.type, action);
  if (!resolved.edit) {
    void vscode.window.showWarningMessage(`${action.title}: ${resolved.disabled?.reason ?? action.disabled?.reason ?? 'not available'}`);
    return undefined;
  }
  const applied = await vscode.workspace.applyEdit(await lc.protocol2CodeConverter.asWorkspaceEdit(resolved.edit));
  if (!applied) void vscode.window.showWarningMessage(`${action.title}: the note changed meanwhile; try again.`);
  return applied ? resolved : undefined;
}

export async function openAt(uri: string, range: WireRange, lc?: LanguageClient): Promise<vscode.TextEditor> {
  const selection = lc ? lc.protocol2CodeConverter.asRange(range) : new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export interface ActionResult {
  applied: boolean;
  /** The title of the action applied (or attempted). */
  title?: string;
  /** The draft's template, when a draft was inserted. */
  template?: string;
}

/** Inserts the draft the finding offers (the preferred one, addressed to the contact) and shows it. */
export async function draftFor(lc: LanguageClient, entry: AgendaEntry): Promise<ActionResult> {
  if (!entry.rule) return { applied: false };
  const fixes = await fixesAt(lc, entry.uri, entry.range, entry.rule);
  // A draft already in the note, unsent, is offered as "Show the draft" (its reveal, no edit) rather than written twice.
  const shows = (a: CodeAction) => !a.edit && !a.data && revealArguments(a.command) !== undefined;
  const drafts = (a: CodeAction) => !!draftTemplate(a) || a.title.startsWith('Draft ') || shows(a);
  const draft = fixes.find((a) => drafts(a) && a.isPreferred) ?? fixes.find(drafts);
  if (!draft) {
    void vscode.window.showInformationMessage(`${entry.company}: nothing to draft any more.`);
    return { applied: false };
  }
  if (shows(draft)) {
    const [uri, line] = revealArguments(draft.command)!;
    await revealDraft(uri, line);
    return { applied: false, title: draft.title };
  }
  const applied = await apply(lc, draft);
  // Shown as after a draft from the light bulb: the heading the server's reveal names, else the last one.
  if (applied) await revealDraft(entry.uri, revealArguments(applied.command)?.[1]);
  return { applied: !!applied, title: draft.title, template: draftTemplate(draft) };
}

/** Records the thank-you or the check-in as sent today ("Mark ... sent today"), in the front matter. */
export async function markSent(lc: LanguageClient, entry: AgendaEntry): Promise<ActionResult> {
  if (!entry.rule) return { applied: false };
  const fixes = await fixesAt(lc, entry.uri, entry.range, entry.rule);
  const mark = fixes.find((a) => /^Mark .* sent today/.test(a.title));
  if (!mark) {
    void vscode.window.showInformationMessage(`${entry.company}: nothing to mark as sent.`);
    return { applied: false };
  }
  const target = vscode.Uri.parse(entry.uri).toString();
  const find = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === target);
  // A note in no editor tab, with no unsaved change (other extensions may hold it in memory),
  // is saved at once: the record is made, there is nothing to review.
  const inTab = vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === target));
  const untouched = !inTab && !find()?.isDirty;
  const applied = !!(await apply(lc, mark));
  if (applied && untouched) await find()?.save();
  return { applied, title: mark.title };
}

/**
 * The next-action lens: opens the note at the finding and, when there is one, its quick
 * fixes (the draft first); else the caret on the date the action counts from.
 */
export async function nextAction(lc: LanguageClient | undefined, uri: string, range: WireRange, rule: string | null): Promise<void> {
  await openAt(uri, range, lc);
  if (rule) await vscode.commands.executeCommand('editor.action.quickFix');
}
