/**
 * What the rest of the search says of a note (SPEC part 3, "Each moment its one message"), in
 * one place for the diagnostics, the agenda, the calendar and the drafts: once another note of
 * its process closed it, nothing chases it; once an offer of another process is accepted,
 * withdrawing is the one thing due. Read from the summaries alone, as the cross-note rules are.
 */
import type { Config } from './config';
import { reminds } from './directives';
import type { Day } from './dates';
import type { NoteView } from './document';
import { isOpen, NoteSummary, Search, summarize } from './search';
import type { RuleId } from './types';

/** The rules that chase, time or weigh a process: silent where the gate is shut. */
export const CHASING: ReadonlySet<RuleId> = new Set<RuleId>(['thank-you-due', 'ask-timeline', 'check-in-due', 'let-it-go', 'second-follow-up', 'weigh-offer']);

export type Gate =
  /** Another note of its process says rejected, withdrawn, declined, closed or accepted. */
  | { kind: 'closed'; by: NoteSummary }
  /** An offer of another process is accepted (and withdraw-others is on for this note). */
  | { kind: 'withdraw'; accepted: NoteSummary };

/** The gate on an open note; undefined when the search changes nothing (its own rules speak). */
export function gateOf(self: NoteSummary, search: Search, config: Pick<Config, 'rules'>): Gate | undefined {
  if (!isOpen(self)) return undefined;
  const by = search.closedBy(self);
  if (by) return { kind: 'closed', by };
  // withdraw-others turned off leaves the process as it was: its reminders go on.
  if (!reminds(self.silence, config, 'withdraw-others')) return undefined;
  const accepted = search.acceptedOtherThan(self);
  return accepted ? { kind: 'withdraw', accepted } : undefined;
}

/** Whether the gate silences a rule's findings on the note. */
export const gated = (gate: Gate | undefined, rule: RuleId): boolean => gate !== undefined && CHASING.has(rule);

/** The gate on a note open in the editor, when the host passed the other notes of its search. */
export function gateOfView(view: NoteView, options: { today: Day; config: Pick<Config, 'rules'>; search?: Search; name?: string }): Gate | undefined {
  const self = options.search && summarize(view, options.name ?? view.doc.uri, options.today);
  return self ? gateOf(self, options.search!, options.config) : undefined;
}

/** What the gate means for a reminder of the note's own, in a sentence (the hover on its date). */
export function gateSays(gate: Gate): string {
  const of = (n: NoteSummary) => `${n.company ?? n.name}${n.company ? ` (${n.name})` : ''}`;
  return gate.kind === 'withdraw'
    ? `No check-in: you accepted the offer from ${of(gate.accepted)}; withdraw from this process instead.`
    : `No check-in: this process is ${gate.by.status ?? 'closed'} in ${gate.by.name}.`;
}
