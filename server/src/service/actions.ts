/**
 * Code actions: plain WorkspaceEdits, so every LSP client can apply them without a command of
 * ours. Each finding maps to the fixes the spec lists for its rule.
 */
import { formatDay, Day } from './dates';
import { DraftRenderer, draftContext, TemplateError, TemplateLookup, TemplateName } from './drafts';
import { appendToBody, appendToList, Edit, insertKey, removeFromList, renameKey, setValue } from './edits';
import { Config } from './config';
import { Interview, ParsedNote } from './model';
import { Finding } from './types';

export interface PlannedAction {
  title: string;
  finding: Finding;
  /** The edits, or why the action cannot be applied (a template error). */
  edits?: Edit[];
  disabled?: string;
  preferred?: boolean;
  /** The template of a draft. A deferred draft has neither edits nor `disabled` until renderDraft(). */
  template?: TemplateName;
}

export interface ActionContext {
  note: ParsedNote;
  interview: Interview;
  config: Config;
  today: Day;
  templates: TemplateLookup;
  renderer: DraftRenderer;
  /**
   * Leave drafts unrendered, for a client that resolves code actions (`codeAction/resolve`):
   * only the draft chosen is rendered. Templates are still compiled (cached), so one that
   * does not compile shows as a disabled action, as without deferral.
   */
  defer?: boolean;
}

function draft(ctx: ActionContext, finding: Finding, name: TemplateName, title: string, preferred = false): PlannedAction {
  const source = ctx.templates(name);
  if (!source) return { title, finding, template: name, disabled: `No template '${name}' found` };
  if (ctx.defer) {
    try {
      ctx.renderer.compile(source);
    } catch (err) {
      return { title, finding, template: name, disabled: templateProblem(err, source.origin) };
    }
    return { title, finding, template: name, preferred };
  }
  const rendered = renderDraft(ctx, name, source);
  return { title, finding, template: name, ...rendered, preferred: rendered.edits ? preferred : undefined };
}

/** Renders a draft into the edit that appends it to the note, or says why it cannot. */
export function renderDraft(ctx: ActionContext, name: TemplateName, source = ctx.templates(name)): { edits?: Edit[]; disabled?: string } {
  if (!source) return { disabled: `No template '${name}' found` };
  try {
    const text = ctx.renderer.render(source, draftContext(ctx.interview, ctx.config, ctx.today));
    if (text.trim() === '') return { disabled: `Template ${source.origin} rendered nothing` };
    return { edits: [appendToBody(ctx.note, text)] };
  } catch (err) {
    return { disabled: templateProblem(err, source.origin) };
  }
}

function templateProblem(err: unknown, origin: string): string {
  const e = err as TemplateError;
  return `Template error in ${e.origin ?? origin}: ${e.message}`;
}

function edit(title: string, finding: Finding, e: Edit | undefined, preferred = false): PlannedAction[] {
  return e ? [{ title, finding, edits: [e], preferred }] : [];
}

function addressee(ctx: ActionContext): string {
  const i = ctx.interview;
  const person = i.contact.kind === 'ok' ? i.contact.value : i.interviewers.kind === 'ok' ? i.interviewers.value[0] : undefined;
  return person?.name ? ` to ${person.name}` : '';
}

/** The actions for one finding. */
export function actionsFor(ctx: ActionContext, f: Finding): PlannedAction[] {
  const today = formatDay(ctx.today);
  const { note } = ctx;
  switch (f.rule) {
    case 'thank-you-due':
      return [
        draft(ctx, f, 'thank-you-email', `Draft thank-you email${addressee(ctx)}`, true),
        ...edit(`Mark thank-you sent today (${today})`, f, setValue(note, 'thank_you_sent', today)),
      ];
    case 'ask-timeline':
      return edit('Add `expect_reply_by` (the date or their words)', f,
        insertKey(note, 'expect_reply_by', '', "when they said you would hear: a date or their words, e.g. 'within two weeks'"));
    case 'check-in-due':
      return [
        draft(ctx, f, 'check-in-email', `Draft check-in email${addressee(ctx)}`, true),
        ...edit(`Mark check-in sent today (${today})`, f, appendToList(note, 'follow_ups', today)),
      ];
    case 'let-it-go':
      return edit('Set status: closed (let it go)', f, setValue(note, 'status', 'closed'), true);
    case 'second-follow-up': {
      const index = f.data?.kind === 'follow-up' ? f.data.index : -1;
      const status = ctx.interview.status;
      return [
        ...edit(`Remove follow-up ${index + 1}`, f, removeFromList(note, 'follow_ups', index), true),
        ...(status.kind === 'ok' && status.value === 'closed' ? [] : edit('Set status: closed (let it go)', f, setValue(note, 'status', 'closed'))),
      ];
    }
    case 'weigh-offer':
      return [draft(ctx, f, 'offer-checklist', 'Insert an offer decision checklist')];
    case 'missing-field': {
      if (f.data?.kind !== 'missing') return [];
      // The interview date defaults to today (notes are mostly written the day of); the
      // others get an empty value to fill in.
      const value = f.data.key === 'interviewed' ? today : '""';
      return edit(`Add \`${f.data.key}\``, f, insertKey(note, f.data.key, value));
    }
    case 'invalid-value':
      return f.data?.kind === 'replace' ? edit(`Change status to '${f.data.to}'`, f, setValue(note, 'status', f.data.to), true) : [];
    case 'unknown-field': {
      if (f.data?.kind !== 'rename') return [];
      const key = note.text.slice(f.span.start, f.span.end);
      const name = [...note.keys.values()].find((k) => k.keySpan.start === f.span.start)?.name ?? key;
      return edit(`Rename \`${name}\` to \`${f.data.to}\``, f, renameKey(note, name, f.data.to), true);
    }
    default:
      return [];
  }
}
