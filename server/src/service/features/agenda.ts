/**
 * A note's agenda entry, for editors: the next action exactly as the CLI's agenda computes it
 * (agendaOf), and where in the note it is: the finding that says so, else the date it counts
 * from. The next-action lens and an editor's agenda view both read it.
 */
import type { Range } from 'vscode-languageserver-types';
import { AgendaItem, AgendaKind, agendaOf } from '../agenda';
import { NoteView } from '../document';
import { Span } from '../frontmatter';
import { Interview } from '../model';
import { checkInPlan, letGoPlan } from '../rules/common';
import { timelineOf } from '../rules/timeline';
import { summarize } from '../search';
import { RuleId } from '../types';
import { EditorOptions } from './dateSites';
import { findingsOf } from './diagnostics';

/** The rule whose finding stands for each kind of next action (a scheduled interview has none). */
export const RULE_OF_KIND: Record<AgendaKind, RuleId | undefined> = {
  'thank-you': 'thank-you-due',
  'check-in': 'check-in-due',
  'let-go': 'let-it-go',
  'stop-following-up': 'second-follow-up',
  'weigh-offer': 'weigh-offer',
  interview: undefined,
  withdraw: 'withdraw-others',
  waiting: undefined,
};

export type NoteAgenda =
  | { item: AgendaItem; range: Range; /** set when a finding of that rule is at `range` */ rule?: RuleId }
  | { item?: undefined; skipped: 'closed' | 'invalid' | 'quiet' };

export interface AgendaOptions extends EditorOptions {
  /** Days ahead that count as coming up (the CLI's `--days`). */
  horizon: number;
}

/** Undefined when the text is not an interview note. */
export function noteAgenda(view: NoteView, options: AgendaOptions): NoteAgenda | undefined {
  const note = view.note;
  if (!note?.interview) return undefined;
  // With the other notes of its search, an accepted offer elsewhere makes this a withdrawal.
  const self = options.search && summarize(view, options.name ?? view.doc.uri, options.today);
  const r = agendaOf(note, options.today, options.config, options.horizon, self ? { self, search: options.search! } : undefined);
  if (!r.item) return r;
  const rule = RULE_OF_KIND[r.item.kind];
  const finding = rule && findingsOf(view, options).find((f) => f.rule === rule);
  const span = finding?.span ?? siteOf(note.interview, r.item.kind, options) ?? note.frontMatter.open;
  return { item: r.item, range: view.rangeOf(span), rule: finding ? rule : undefined };
}

/** Where an action without a finding (not due yet, or its rule turned off) counts from. */
function siteOf(i: Interview, kind: AgendaKind, options: AgendaOptions): Span | undefined {
  const { config, today } = options;
  switch (kind) {
    case 'check-in':
      return checkInPlan(i, config, today)?.span;
    case 'let-go':
      return letGoPlan(i, config, today)?.span;
    case 'thank-you':
      return timelineOf(i, today)?.current?.span;
    case 'interview':
      return timelineOf(i, today)?.next?.span;
    case 'waiting':
      return timelineOf(i, today)?.current?.span;
    case 'weigh-offer':
    case 'withdraw':
      return i.status.kind === 'ok' ? i.status.span : undefined;
    case 'stop-following-up':
      return i.followUps.kind === 'ok' ? i.followUps.value[i.followUps.value.length - 1]?.span : undefined;
  }
}
