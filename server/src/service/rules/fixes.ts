/** What the rules' quick fixes share: plain edits, and drafts rendered from templates. */
import { Addressee, draftContext, peopleOf, TemplateError, TemplateName } from '../drafts';
import { appendToBody, disableInNote, Edit, setValue } from '../edits';
import { mainContact } from '../model';
import { Finding } from '../types';
import { FixContext, PlannedAction } from './rule';

/** A fix made of edits; none when they cannot be made exactly (the edit says undefined). */
export function edit(title: string, finding: Finding, e: Edit | Edit[] | undefined, preferred = false): PlannedAction[] {
  return e ? [{ title, finding, edits: Array.isArray(e) ? e : [e], preferred }] : [];
}

/** " to Jane Doe" for an action's title; empty when the note names nobody. */
export function addressee(ctx: FixContext): string {
  const name = mainContact(ctx.interview)?.name;
  return name ? ` to ${name}` : '';
}

/** " to Sam Lee" for one person; empty for nobody named. */
export const toName = (person: Addressee | undefined): string => (person?.name ? ` to ${person.name}` : '');

/** A draft, before it has a finding: what rules' fixes and assists share. */
export type PlannedDraft = Omit<PlannedAction, 'finding'>;

/**
 * A draft from a template, addressed to `to` (a person's name; the main contact without one):
 * rendered now, or (deferred) only compiled until it is chosen.
 */
export function plannedDraft(ctx: FixContext, name: TemplateName, title: string, to?: string, preferred = false): PlannedDraft {
  const unsafe = unsafeValue(ctx);
  if (unsafe) return { title, template: name, to, disabled: unsafe };
  const source = ctx.templates(name);
  if (!source) return { title, template: name, to, disabled: `No template '${name}' found` };
  if (ctx.defer) {
    try {
      ctx.renderer.compile(source);
    } catch (err) {
      return { title, template: name, to, disabled: templateProblem(err, source.origin) };
    }
    return { title, template: name, to, preferred };
  }
  const rendered = renderDraft(ctx, name, to, source);
  return { title, template: name, to, ...rendered, preferred: rendered.edits ? preferred : undefined };
}

export function draft(ctx: FixContext, finding: Finding, name: TemplateName, title: string, preferred = false, to?: string): PlannedAction {
  return { ...plannedDraft(ctx, name, title, to, preferred), finding };
}

/** The person a draft is addressed to, by name; the main contact without a name. */
export function personNamed(ctx: FixContext, to: string | undefined): Addressee | undefined {
  const people = peopleOf(ctx.interview, ctx.today);
  return to === undefined ? people[0] : people.find((p) => p.name === to);
}

/** Renders a draft into the edit that appends it to the note, or says why it cannot. */
export function renderDraft(ctx: FixContext, name: TemplateName, to?: string, source = ctx.templates(name)): { edits?: Edit[]; disabled?: string } {
  const text = renderText(ctx, name, to, source);
  return text.text === undefined ? { disabled: text.disabled } : { edits: [appendToBody(ctx.note, text.text)] };
}

/** A draft's text, or why there is none. */
export function renderText(ctx: FixContext, name: TemplateName, to?: string, source = ctx.templates(name)): { text?: string; disabled?: string } {
  if (!source) return { disabled: `No template '${name}' found` };
  const unsafe = unsafeValue(ctx);
  if (unsafe) return { disabled: unsafe };
  const person = personNamed(ctx, to);
  if (!person) return { disabled: `Nobody named ${to} in this note any more` };
  try {
    const text = ctx.renderer.render(source, draftContext(ctx.interview, ctx.config, ctx.today, {
      // The list of other processes is the checklist's alone: thousands in a large workspace.
      person, others: name === 'offer-checklist' ? ctx.search.openOtherThan(ctx.name) : [], accepted: ctx.search.acceptedOtherThan(ctx.name),
    }));
    if (text.trim() === '') return { disabled: `Template ${source.origin} rendered nothing` };
    return { text };
  } catch (err) {
    return { disabled: templateProblem(err, source.origin) };
  }
}

/**
 * Why no draft is offered: a value of the note with a line break, a control or a bidi
 * override (its `invalid-value` says where). A draft never carries one, not even flattened.
 */
export function unsafeValue(ctx: Pick<FixContext, 'interview'>): string | undefined {
  const p = ctx.interview.problems.find((x) => x.data?.kind === 'unsafe');
  return p && `Fix the note first: ${p.message.replace(/: a value must be.*$/, '')}`;
}

function templateProblem(err: unknown, origin: string): string {
  const e = err as TemplateError;
  return `Template error in ${e.origin ?? origin}: ${e.message}`;
}

/** "Set status: closed (let it go)", offered by the rules that say to stop following up. */
export function closeIt(ctx: FixContext, finding: Finding, preferred = false): PlannedAction[] {
  return edit('Set status: closed (let it go)', finding, setValue(ctx.note, 'status', 'closed'), preferred);
}

/**
 * "Don't remind me of <rule> in this note": offered by the reminders (the timing rules), never
 * by the rules about what is wrong in the note. It writes the directive into the front matter.
 */
export function dontRemind(ctx: FixContext, finding: Finding): PlannedAction[] {
  return edit(`Don't remind me of ${finding.rule} in this note`, finding, disableInNote(ctx.note, finding.rule));
}
