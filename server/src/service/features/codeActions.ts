/**
 * Quick fixes: plain WorkspaceEdits any client can apply without a command of ours. Each
 * finding's fixes come from its rule module; findings are recomputed from the text, so stale
 * client state cannot produce a wrong edit.
 */
import { Command, CodeAction, CodeActionKind, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { DraftCommands } from '../../protocol';
import { ASSISTS } from '../assists';
import { formatDay } from '../dates';
import { NoteView, overlaps } from '../document';
import { DraftRenderer, personNamed, renderDraft, TemplateLookup, TemplateName } from '../drafts';
import { appendToBody, Edit } from '../edits';
import { FixContext, PlannedAction, ruleModule } from '../rules';
import { timelineOf } from '../rules/timeline';
import { Search } from '../search';
import { RuleId } from '../types';
import { CheckOptions, findingsOf, RatedFinding, toDiagnostic } from './diagnostics';
import { appendedHeadingLine, draftKindOf, DraftSection, draftSections, unsentDraft } from '../drafts';

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
  /**
   * The client shows what `window/showDocument` names: each draft action carries the command
   * DraftCommands.reveal [uri, the new heading's line], which the client runs once the edit is
   * applied, so the draft is scrolled to and selected.
   */
  revealDrafts?: boolean;
}

/** The `data` of a deferred draft action: enough to find its finding again. Range in UTF-16. */
export interface DraftActionData {
  /** The rule whose finding offered it; absent for an assist's draft (a closing message). */
  rule?: RuleId;
  template: TemplateName;
  range: Range;
  /** Whom it is addressed to; the main contact when absent. */
  to?: string;
}

export function fixContext(view: NoteView, options: ActionOptions, renderer: DraftRenderer, defer?: boolean): FixContext | undefined {
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
  /** "Show the draft" actions, with the <what> of their draft, to tell two to one person apart. */
  const shows = new Map<CodeAction, string>();
  for (const f of findingsOf(view, options)) {
    const diag = toDiagnostic(view, f);
    if (!overlaps(diag.range, range) && !asked.has(at(diag.code, diag.range.start))) continue;
    for (const a of fixesOf(ctx, f)) {
      if (titles.has(a.title)) continue; // "set status: closed" from several findings
      titles.add(a.title);
      const action: CodeAction = { title: a.title, kind: CodeActionKind.QuickFix, diagnostics: [diag] };
      settle(action, a, { rule: f.rule, template: a.template!, range: diag.range, to: a.to });
      if (a.preferred) action.isPreferred = true;
      out.push(action);
    }
  }
  // Assists: where the cursor is, with no diagnostic to fix.
  const cursor = { start: view.offsetAt(range.start), end: view.offsetAt(range.end) };
  for (const a of assistsAt(ctx, cursor)) {
    if (titles.has(a.title)) continue;
    titles.add(a.title);
    const action: CodeAction = { title: a.title, kind: a.template ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite };
    settle(action, a, { template: a.template!, range, to: a.to });
    out.push(action);
  }
  // Two drafts to one person shown: each says which.
  const twice = [...shows.keys()].filter((a, _, all) => all.some((b) => b !== a && b.title === a.title));
  for (const action of twice) action.title = action.title.replace('the draft', `the ${shows.get(action)} draft`);
  return out;

  /**
   * Its edit; or, for a deferred draft, the data to render it by; or why it cannot apply. A
   * draft already in the note, unsent, is shown rather than written twice.
   */
  function settle(action: CodeAction, a: { edits?: Edit[]; template?: TemplateName; disabled?: string; to?: string }, data: DraftActionData): void {
    const existing = a.template && existingDraft(view, ctx!, a.template, a.to);
    if (existing) {
      const name = existing.draft.to;
      action.title = `Show the draft${name ? ` to ${name}` : ''}`;
      action.command = revealCommand(view.doc.uri, existing.draft.line);
      shows.set(action, existing.what);
      return;
    }
    if (a.edits) action.edit = noteEdit(view, a.edits, options);
    else if (a.template && a.disabled === undefined) action.data = data;
    else action.disabled = { reason: a.disabled ?? 'Not available' };
    if (a.template && options.revealDrafts && !action.disabled) action.command = revealCommand(view.doc.uri, headingLine(view, a.edits));
  }
}

/** Shows the draft whose heading is on `line` (the server's `window/showDocument` with a selection). */
const revealCommand = (uri: string, line: number): Command => ({ title: 'Show the draft', command: DraftCommands.reveal, arguments: [uri, line] });

/** Where an appended draft's heading lands: from its edit, or (deferred, not rendered yet) where appending puts a first line. */
function headingLine(view: NoteView, edits: Edit[] | undefined): number {
  const e = edits?.[0] ?? (view.note && appendToBody(view.note, '#'));
  return e ? appendedHeadingLine(view, e) : view.positionAt(view.doc.text.length).line;
}

/**
 * The unsent draft in the note of the kind `template` writes, to the person it would go to,
 * written for what is due now: since the latest interview held, and for a check-in after the
 * latest check-in recorded (a draft left as `## Draft:` once its sending was recorded otherwise
 * is not taken for the next one).
 */
function existingDraft(view: NoteView, ctx: FixContext, template: TemplateName, to: string | undefined): { draft: DraftSection; what: string } | undefined {
  // Most notes hold no draft: then no template needs to be looked up (the host may read a file for it).
  if (draftSections(view).length === 0) return undefined;
  const source = ctx.templates(template);
  const what = source && draftKindOf(source.text);
  if (!what) return undefined;
  const person = personNamed(ctx, to, template);
  if (!person) return undefined;
  const t = timelineOf(ctx.interview, ctx.today);
  let since: { day: string; after: boolean } | undefined;
  if (t?.current) {
    since = { day: formatDay(t.current.day), after: false };
    const last = t.followUps.reduce((m, f) => Math.max(m, f.day ?? -Infinity), -Infinity); // no spread: a note may hold 10,000
    if (template.startsWith('check-in') && last > t.current.day) since = { day: formatDay(last), after: true };
  }
  const draft = unsentDraft(view, what, person.name, since);
  return draft && { draft, what };
}

const assistsAt = (ctx: FixContext, at: { start: number; end: number }) => ASSISTS.flatMap((assist) => assist(ctx, at));

/**
 * Renders a deferred draft action against the current text: the action with its `edit`, or
 * with `disabled` when the finding is gone or the template fails. Extra keys in `data` (the
 * host's) are ignored.
 */
export function resolveCodeAction(view: NoteView, action: CodeAction, options: ActionOptions, renderer: DraftRenderer): CodeAction {
  const data = action.data as Partial<DraftActionData> | undefined;
  const gone = (reason: string): CodeAction => ({ ...action, disabled: { reason } });
  if (!data || typeof data.template !== 'string' || (data.rule !== undefined && typeof data.rule !== 'string')) return gone('Not a draft of interview-followup');
  const ctx = fixContext(view, options, renderer, true);
  if (!ctx) return gone('This is no longer an interview note');
  const to = typeof data.to === 'string' ? data.to : undefined;
  const same = (a: { template?: TemplateName; to?: string }) => a.template === data.template && a.to === to;
  if (data.rule === undefined) {
    // An assist's draft: offered again where it was asked for, or gone.
    const r = data.range;
    const still = r?.start && r.end && assistsAt(ctx, { start: view.offsetAt(r.start), end: view.offsetAt(r.end) }).some(same);
    if (!still) return gone('The note changed: nothing to draft here any more');
    return rendered(renderDraft(ctx, data.template, to));
  }
  const at = data.range?.start;
  const candidates = findingsOf(view, options).filter((f) => f.rule === data.rule)
    .filter((f) => fixesOf(ctx, f).some(same));
  // The finding the action was offered for; if the note moved since, the same rule's.
  const finding = candidates.find((f) => {
    const start = view.positionAt(f.span.start);
    return at !== undefined && start.line === at.line && start.character === at.character;
  }) ?? candidates[0];
  if (!finding) return gone('The note changed: nothing to draft here any more');
  return rendered(renderDraft(ctx, data.template, to));

  function rendered(r: { edits?: Edit[]; disabled?: string }): CodeAction {
    if (!r.edits) return gone(r.disabled ?? 'Not available');
    const out: CodeAction = { ...action, edit: noteEdit(view, r.edits, options) };
    // The heading's line, now that the draft is rendered (and the note may have changed).
    if (options.revealDrafts) out.command = revealCommand(view.doc.uri, headingLine(view, r.edits));
    return out;
  }
}
