/** What the rules' quick fixes share: plain edits, and drafts rendered from templates. */
import type { Addressee, TemplateName } from '../drafts';
import { disableInNote, Edit, setValue } from '../edits';
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

/** A draft for a finding (the drafts' stages are in ../drafts). */
export function draft(ctx: FixContext, finding: Finding, name: TemplateName, title: string, preferred = false, to?: string): PlannedAction {
  // Loaded with the first fix, not with the rules: a check makes none.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { plannedDraft } = require('../drafts') as typeof import('../drafts');
  return { ...plannedDraft(ctx, name, title, to, preferred), finding };
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
