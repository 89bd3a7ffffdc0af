/**
 * Drafts outside the editor (the CLI's `draft`): which drafts the note offers now, in the order
 * its code actions do, and one draft's text by kind and addressee, never an edit to the note.
 */
import { NoteView } from '../document';
import { DraftRenderer, TemplateName } from './render';
import { peopleOf } from './recipients';
import { ruleModule } from '../rules';
import { renderText } from '.';
import { ASSISTS } from '../assists';
import { ActionOptions, fixContext } from '../features/codeActions';
import { findingsOf } from '../features/diagnostics';
import { Interview } from '../model';
import { Day, formatDay } from '../dates';
import { timelineOf } from '../rules/timeline';
import { Gate, gateOfView } from '../gate';
import { isClosing } from '../search';

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

/**
 * The people a draft can go to, by name (the contact first), with their email when the note
 * has one: all of them, where the editor offers the first few (a `--to` names anyone of the round).
 */
export function draftPeople(view: NoteView, options: ActionOptions): { name: string; email?: string }[] | undefined {
  const i = view.note?.interview;
  return i ? peopleOf(i, options.today, Infinity).filter((p) => p.name).map((p) => ({ name: p.name!, ...(p.email ? { email: p.email } : {}) })) : undefined;
}

/** One draft's text, of any kind, to `to` (a name of draftPeople; the main contact without one). */
export function draftText(view: NoteView, kind: TemplateName, to: string | undefined, options: ActionOptions, renderer: DraftRenderer): { text?: string; disabled?: string } | undefined {
  const ctx = fixContext(view, options, renderer);
  if (!ctx) return undefined;
  const against = contradiction(ctx.interview, kind, options.today, gateOfView(view, options));
  return against ? { disabled: against } : renderText(ctx, kind, to);
}

/** What the status each kind answers to; a status after it (accepted, once it is sent) still fits. */
const STATUS_OF: Partial<Record<TemplateName, readonly string[]>> = {
  'offer-accept-email': ['offer', 'accepted'], 'offer-decline-email': ['offer', 'declined'],
  'offer-time-email': ['offer'], 'offer-checklist': ['offer'], 'rejection-reply-email': ['rejected'],
};

/**
 * Why a draft of `kind`, asked for by name, contradicts the note: an answer to an offer the
 * note does not have, a reply to a rejection it does not record, a thank-you or check-in
 * for a round not yet held, a withdrawal from a process you accepted or that ended; a
 * thank-you or check-in to a process that is over (its status, another note of it, or an
 * offer accepted elsewhere, `gate`), or an offer weighed after another was accepted.
 */
export function contradiction(i: Interview, kind: TemplateName, today: Day, gate?: Gate): string | undefined {
  const status = i.status.kind === 'ok' ? i.status.value : 'waiting';
  const wanted = STATUS_OF[kind];
  if (wanted && !wanted.includes(status)) return `the note's status is ${status}, not ${wanted[0]}`;
  if (kind === 'withdrawal-email' && ['accepted', 'rejected', 'declined'].includes(status)) return `the note's status is ${status}: there is nothing to withdraw from`;
  const chasing = /^(thank-you|check-in)/.test(kind);
  if (chasing) {
    const t = timelineOf(i, today);
    if (!t?.current) return t?.next ? `the ${t.next.stage ?? 'interview'} on ${formatDay(t.next.day)} has not been held yet` : 'the note has no interview held';
  }
  // A thank-you or a check-in says you look forward to hearing, or remain interested: not to a process that is over.
  if (chasing && isClosing({ status })) return `the note's status is ${status}: the process is over`;
  if (gate?.kind === 'closed' && chasing) return `this process is ${gate.by.status ?? 'closed'} in ${gate.by.name}`;
  if (gate?.kind === 'withdraw' && (chasing || ['offer-time-email', 'offer-accept-email', 'offer-checklist'].includes(kind))) {
    const by = gate.accepted;
    return `you accepted the offer from ${by.company ?? by.name}${by.company ? ` (${by.name})` : ''}: ${status === 'offer' ? 'decline this one instead (offer-decline-email)' : 'withdraw from this process instead (withdrawal-email)'}`;
  }
  return undefined;
}
