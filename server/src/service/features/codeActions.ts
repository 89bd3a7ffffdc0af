/**
 * Quick fixes: plain WorkspaceEdits any client can apply without a command of ours. Each
 * finding's fixes come from its rule module; findings are recomputed from the text, so stale
 * client state cannot produce a wrong edit.
 */
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { ASSISTS } from '../assists';
import { NoteView, overlaps } from '../document';
import { DraftRenderer, TemplateLookup, TemplateName } from '../drafts';
import { Edit } from '../edits';
import { FixContext, PlannedAction, ruleModule } from '../rules';
import { renderDraft } from '../rules/fixes';
import { Search } from '../search';
import { RuleId } from '../types';
import { CheckOptions, findingsOf, RatedFinding, toDiagnostic } from './diagnostics';

export interface ActionOptions extends CheckOptions {
  templates: TemplateLookup;
  /**
   * Leave drafts unrendered: each draft action comes without `edit`, with `data` for
   * resolveCodeAction (the host's `codeAction/resolve`), so only the draft chosen is rendered.
   */
  deferDrafts?: boolean;
  /**
   * The client applies `documentChanges` (workspace.workspaceEdit.documentChanges): edits then
   * name the document version they were computed for, and a client refuses them on newer text.
   */
  documentChanges?: boolean;
}

/** The `data` of a deferred draft action: enough to find its finding again. Range in UTF-16. */
export interface DraftActionData {
  rule: RuleId;
  template: TemplateName;
  range: Range;
}

function fixContext(view: NoteView, options: ActionOptions, renderer: DraftRenderer, defer?: boolean): FixContext | undefined {
  const note = view.note;
  if (!note?.interview) return undefined;
  return {
    note, interview: note.interview, config: options.config, today: options.today, templates: options.templates, renderer, defer,
    search: options.search ?? Search.empty, name: options.name ?? view.doc.uri,
  };
}

const fixesOf = (ctx: FixContext, f: RatedFinding): PlannedAction[] => ruleModule(f.rule)?.fixes?.(ctx, f) ?? [];

/** Edits to the note, versioned when the client takes `documentChanges`. */
function noteEdit(view: NoteView, edits: Edit[], options: ActionOptions): WorkspaceEdit {
  const textEdits = edits.map((e): TextEdit => ({ range: view.rangeOf(e.span), newText: e.newText }));
  const { uri, version } = view.doc;
  if (!options.documentChanges) return { changes: { [uri]: textEdits } };
  return { documentChanges: [{ textDocument: { uri, version: version ?? null }, edits: textEdits }] };
}

/** Code actions for the findings overlapping `range` or matching the client's context diagnostics. */
export function codeActions(view: NoteView, range: Range, context: Diagnostic[], options: ActionOptions, renderer: DraftRenderer): CodeAction[] {
  const ctx = fixContext(view, options, renderer, options.deferDrafts);
  if (!ctx) return [];
  // Some clients send context diagnostics without a range (Neovim 0.7): those match nothing
  // rather than failing the whole request. A set: 10,000 follow-ups make as many of each.
  const at = (code: unknown, p: { line?: unknown; character?: unknown } | undefined) => `${code}:${p?.line}:${p?.character}`;
  const asked = new Set(context.map((c) => at(c?.code, c?.range?.start)));
  const out: CodeAction[] = [];
  const titles = new Set<string>();
  for (const f of findingsOf(view, options)) {
    const diag = toDiagnostic(view, f);
    if (!overlaps(diag.range, range) && !asked.has(at(diag.code, diag.range.start))) continue;
    for (const a of fixesOf(ctx, f)) {
      if (titles.has(a.title)) continue; // "set status: closed" from several findings
      titles.add(a.title);
      const action: CodeAction = { title: a.title, kind: CodeActionKind.QuickFix, diagnostics: [diag] };
      if (a.edits) action.edit = noteEdit(view, a.edits, options);
      else if (a.template && a.disabled === undefined) action.data = { rule: f.rule, template: a.template, range: diag.range } satisfies DraftActionData;
      else action.disabled = { reason: a.disabled ?? 'Not available' };
      if (a.preferred) action.isPreferred = true;
      out.push(action);
    }
  }
  // Assists: where the cursor is, with no diagnostic to fix.
  const cursor = { start: view.offsetAt(range.start), end: view.offsetAt(range.end) };
  for (const assist of ASSISTS) {
    for (const a of assist(ctx, cursor)) {
      if (titles.has(a.title)) continue;
      titles.add(a.title);
      out.push({ title: a.title, kind: CodeActionKind.RefactorRewrite, edit: noteEdit(view, a.edits, options) });
    }
  }
  return out;
}

/**
 * Renders a deferred draft action against the current text: the action with its `edit`, or
 * with `disabled` when the finding is gone or the template fails. Extra keys in `data` (the
 * host's) are ignored.
 */
export function resolveCodeAction(view: NoteView, action: CodeAction, options: ActionOptions, renderer: DraftRenderer): CodeAction {
  const data = action.data as Partial<DraftActionData> | undefined;
  const gone = (reason: string): CodeAction => ({ ...action, disabled: { reason } });
  if (!data || typeof data.rule !== 'string' || typeof data.template !== 'string') return gone('Not a draft of interview-followup');
  const ctx = fixContext(view, options, renderer, true);
  if (!ctx) return gone('This is no longer an interview note');
  const at = data.range?.start;
  const candidates = findingsOf(view, options).filter((f) => f.rule === data.rule)
    .filter((f) => fixesOf(ctx, f).some((a) => a.template === data.template));
  // The finding the action was offered for; if the note moved since, the same rule's.
  const finding = candidates.find((f) => {
    const start = view.positionAt(f.span.start);
    return at !== undefined && start.line === at.line && start.character === at.character;
  }) ?? candidates[0];
  if (!finding) return gone('The note changed: nothing to draft here any more');
  const rendered = renderDraft(ctx, data.template);
  if (!rendered.edits) return gone(rendered.disabled ?? 'Not available');
  return { ...action, edit: noteEdit(view, rendered.edits, options) };
}
