/**
 * Drafts, one stage per module, in the order a draft is made:
 *   due.ts         what is due: the drafts a note offers now, and one draft's text by kind
 *   recipients.ts  to whom: the contact and the people met, and the one named
 *   facts.ts       the facts a template sees, placeholders where the note lacks one
 *   render.ts      the template, rendered in a sandbox (sandbox.ts)
 *   message.ts     the text as a message: an unsent .eml, a mailto: link
 *   lenses.ts      a draft in the note: its heading, lenses, To: link and Mark sent
 * This module runs the middle stages for one draft (renderText) and is what the rest imports.
 */
import { appendToBody, Edit } from '../edits';
import type { FixContext, PlannedAction } from '../rules/rule';
import { draftContext } from './facts';
import { personNamed } from './recipients';
import { TemplateError, TemplateName } from './render';

export { draftOffers, draftPeople, draftText } from './due';
export type { DraftOffer } from './due';
export { givenName, greetingOf, MAX_PEOPLE, metIn, peopleOf, personNamed, samePerson, thankYouPeople } from './recipients';
export type { Addressee } from './recipients';
export { dateInfo, draftContext, sampleContext, telUri } from './facts';
export type { DateInfo, DraftContext, DraftExtras } from './facts';
export { DraftRenderer, TEMPLATE_NAMES, TemplateError } from './render';
export type { TemplateLookup, TemplateName, TemplateSource } from './render';
export { addressOf, emlOf, mailtoEncode, mailtoOf, MAILTO_LIMIT, parseDraft, quotedPrintable, UnsafeHeader } from './message';
export type { DraftParts } from './message';
export { appendedHeadingLine, draftKindOf, draftLenses, draftLinks, draftSections, markSentEdits, unsentDraft } from './lenses';
export type { DraftLensOptions, DraftSection, MarkSent } from './lenses';

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

/** Renders a draft into the edit that appends it to the note, or says why it cannot. */
export function renderDraft(ctx: FixContext, name: TemplateName, to?: string, source = ctx.templates(name)): { edits?: Edit[]; disabled?: string } {
  const text = renderText(ctx, name, to, source);
  return text.text === undefined ? { disabled: text.disabled } : { edits: [appendToBody(ctx.note, text.text)] };
}

/** A draft's text, or why there is none: to whom, the facts, the template. */
export function renderText(ctx: FixContext, name: TemplateName, to?: string, source = ctx.templates(name)): { text?: string; disabled?: string } {
  if (!source) return { disabled: `No template '${name}' found` };
  const unsafe = unsafeValue(ctx);
  if (unsafe) return { disabled: unsafe };
  const person = personNamed(ctx, to, name);
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
  return p && `Fix the note first: ${p.message.replace(/: a value must be.*$|; no draft is offered until it is fixed$/, '')}`;
}

function templateProblem(err: unknown, origin: string): string {
  const e = err as TemplateError;
  return `Template error in ${e.origin ?? origin}: ${e.message}`;
}
