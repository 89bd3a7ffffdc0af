/**
 * Drafts outside the editor (the CLI's `draft`): which drafts the note offers now, in the order
 * its code actions do, and one draft's text by kind and addressee, never an edit to the note.
 */
import { NoteView } from '../document';
import { DraftRenderer, peopleOf, TemplateName } from '../drafts';
import { ruleModule } from '../rules';
import { renderText } from '../rules/fixes';
import { ASSISTS } from '../assists';
import { ActionOptions, fixContext } from './codeActions';
import { findingsOf } from './diagnostics';

export interface DraftOffer {
  kind: TemplateName;
  title: string;
  /** The addressee's name; the main contact when absent. */
  to?: string;
  /** Why it cannot be drafted now (a call without a number). */
  disabled?: string;
  /** Offered by a finding (a thank-you or check-in that is due), not only on the status value. */
  due: boolean;
}

/** The drafts offered for the note: its findings' first, then the closing messages on its status. */
export function draftOffers(view: NoteView, options: ActionOptions, renderer: DraftRenderer): DraftOffer[] | undefined {
  const ctx = fixContext(view, options, renderer, true);
  if (!ctx) return undefined;
  const out: DraftOffer[] = [];
  const push = (due: boolean) => (a: { title: string; template?: TemplateName; to?: string; disabled?: string }) => {
    if (a.template && !out.some((o) => o.title === a.title)) out.push({ kind: a.template, title: a.title, to: a.to, disabled: a.disabled, due });
  };
  for (const f of findingsOf(view, options)) (ruleModule(f.rule)?.fixes?.(ctx, f) ?? []).forEach(push(true));
  const status = ctx.interview.status;
  if (status.kind === 'ok') for (const assist of ASSISTS) assist(ctx, status.span).forEach(push(false));
  return out;
}

/** The people a draft can go to, by name (the contact first), with their email when the note has one. */
export function draftPeople(view: NoteView, options: ActionOptions): { name: string; email?: string }[] | undefined {
  const i = view.note?.interview;
  return i ? peopleOf(i, options.today).filter((p) => p.name).map((p) => ({ name: p.name!, ...(p.email ? { email: p.email } : {}) })) : undefined;
}

/** One draft's text, of any kind, to `to` (a name of draftPeople; the main contact without one). */
export function draftText(view: NoteView, kind: TemplateName, to: string | undefined, options: ActionOptions, renderer: DraftRenderer): { text?: string; disabled?: string } | undefined {
  const ctx = fixContext(view, options, renderer);
  return ctx && renderText(ctx, kind, to);
}
