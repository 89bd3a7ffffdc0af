/**
 * The daily view: for each note, the next thing to do and its date, grouped by urgency. Built
 * on the same timeline and plans the rules fire on, so the agenda never disagrees with the
 * diagnostics.
 */
import { Config } from './config';
import { Day, formatDay, LAST_DAY, relativeDay } from './dates';
import { mainContact, ParsedNote } from './model';
import { reminds, silenceOf } from './directives';
import { checkInPlan, letGoPlan, statusOf } from './rules/common';
import { Meeting, timelineOf } from './rules/timeline';
import { isOpen, NoteSummary, Search } from './search';
import { RuleId } from './types';

export const AGENDA_GROUPS = ['overdue', 'today', 'withdraw', 'upcoming', 'interviews', 'waiting', 'let-go'] as const;
export type AgendaGroup = (typeof AGENDA_GROUPS)[number];

export const GROUP_TITLES: Record<AgendaGroup, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  withdraw: 'Withdraw',
  upcoming: 'Coming up',
  interviews: 'Interviews coming up',
  waiting: 'Waiting',
  'let-go': 'Let go',
};

export type AgendaKind = 'thank-you' | 'check-in' | 'let-go' | 'stop-following-up' | 'weigh-offer' | 'interview' | 'withdraw';

export interface AgendaItem {
  group: AgendaGroup;
  kind: AgendaKind;
  /** The date the action is due (or, for waiting, when something next happens). */
  day: Day;
  /** What to do, in a few words: "check in with Jane Doe". */
  action: string;
  /** "11 days overdue", "today", "in 3 days". */
  when: string;
  company: string;
  role: string;
}

/** Skipped: closed, has errors to fix first, or its reminders turned off by the note's directives (`quiet`). */
export type AgendaResult =
  | { item: AgendaItem }
  | { item?: undefined; skipped: 'closed' | 'invalid' | 'quiet' };

/** "the onsite on 2026-12-03" */
function interviewText(m: Meeting): string {
  return `${m.stage ? `the ${m.stage}` : 'the interview'} on ${formatDay(m.day)}`;
}

/** An open process once an offer elsewhere is accepted: the next thing to do is a polite withdrawal. */
export function withdrawItem(self: NoteSummary, search: Search, today: Day): AgendaItem | undefined {
  const accepted = isOpen(self) ? search.acceptedOtherThan(self.name) : undefined;
  if (!accepted) return undefined;
  return {
    group: 'withdraw', kind: 'withdraw', day: today, when: 'today', company: self.company ?? '[company]', role: self.role ?? '[role]',
    action: `withdraw: you accepted the offer from ${accepted.company ?? accepted.name} (${accepted.name})`,
  };
}

/**
 * The next action for a note; `horizon` is how many days ahead counts as "coming up". With
 * its search (`cross`), an accepted offer elsewhere makes it a withdrawal. An action whose rule
 * the note (`# interview-followup-disable`) or the configuration (`rules: {id: off}`) turned off
 * is passed over for the next.
 */
export function agendaOf(note: ParsedNote, today: Day, config: Config, horizon: number, cross?: { self: NoteSummary; search: Search }): AgendaResult {
  if (silenceOf(note)?.all) return { skipped: 'quiet' };
  let hushed = false;
  const on = (rule: RuleId): boolean => {
    if (reminds(silenceOf(note), config, rule)) return true;
    hushed = true;
    return false;
  };
  // withdraw-others turned off leaves the process as it was: not a rule passed over (`quiet`).
  const withdraw = cross && reminds(silenceOf(note), config, 'withdraw-others') && withdrawItem(cross.self, cross.search, today);
  if (withdraw) return { item: withdraw };
  const i = note.interview;
  const t = i && i.followUps.kind !== 'invalid' ? timelineOf(i, today) : undefined;
  if (!i || !t || t.meetings.length === 0) return { skipped: 'invalid' };
  const status = statusOf(i);
  if (status === undefined) return { skipped: 'invalid' };
  const base = { company: i.company.kind === 'ok' ? i.company.value : '[company]', role: i.role.kind === 'ok' ? i.role.value : '[role]' };
  const name = mainContact(i)?.name;
  const dated = (kind: AgendaKind, day: Day, action: string, waitingAction = action): AgendaItem => {
    const group: AgendaGroup = day < today ? 'overdue' : day === today ? 'today' : day - today <= horizon ? 'upcoming' : 'waiting';
    return { ...base, kind, day, group, action: group === 'waiting' ? waitingAction : action, when: relativeDay(day, today, 'due') };
  };
  const scheduled = (m: Meeting): AgendaResult => ({
    item: { ...base, kind: 'interview', day: m.day, group: 'interviews', action: `${interviewText(m)}`.replace(/^the /, ''), when: relativeDay(m.day, today, 'due') },
  });
  if (status === 'offer') {
    if (!on('weigh-offer')) return { skipped: 'quiet' };
    const by = i.offerDeadline.kind === 'ok' ? `; they need your answer by ${formatDay(i.offerDeadline.value)} (${relativeDay(i.offerDeadline.value, today, 'due')})` : '';
    return { item: { ...base, kind: 'weigh-offer', day: today, group: 'today', action: `weigh the offer before accepting or declining${by}`, when: 'today' } };
  }
  if (status !== 'waiting' && status !== 'advanced') return { skipped: 'closed' };
  const { current } = t;
  if (!current) return scheduled(t.meetings[0]);
  const followUps = t.followUps;
  if (followUps.length > config.maxFollowUps && on('second-follow-up')) {
    const last = followUps[followUps.length - 1].day ?? today;
    return { item: { ...base, kind: 'stop-following-up', day: last, group: 'let-go', action: 'stop following up: set status closed', when: `${followUps.length} follow-ups sent` } };
  }
  if (current.thankYouSent.kind === 'absent' && on('thank-you-due')) {
    return { item: dated('thank-you', current.day, `send the thank-you note${name ? ` to ${name}` : ''}`, `${interviewText(current).replace(/^the /, '')}, then the thank-you note`) };
  }
  if (t.next) return scheduled(t.next);
  if (status === 'advanced') return { skipped: 'closed' }; // followed in the next round's note
  const checkIn = checkInPlan(i, config, today);
  // Dates end at 9999-12-31, as in the calendar: a check-in or a let-go after it has no day to show.
  const beyond = (what: string): AgendaResult => ({ item: { ...base, kind: 'check-in', day: LAST_DAY, group: 'waiting', action: `waiting; ${what} would fall after ${formatDay(LAST_DAY)}`, when: 'no date' } });
  if (checkIn && checkIn.due > LAST_DAY && on('check-in-due')) return beyond('a check-in');
  if (checkIn && on('check-in-due')) {
    const promised = checkIn.promised ? `reply promised by ${formatDay(checkIn.promised.day)}` : 'no timeline given';
    return { item: dated('check-in', checkIn.due, `check in${name ? ` with ${name}` : ''}`, `waiting (${promised}); check in on ${formatDay(checkIn.due)}`) };
  }
  const letGo = letGoPlan(i, config, today);
  if (letGo && letGo.due > LAST_DAY && on('let-it-go')) return beyond('letting it go');
  if (letGo && on('let-it-go')) {
    if (today >= letGo.due) {
      return { item: { ...base, kind: 'let-go', day: letGo.due, group: 'let-go', action: `no answer since ${formatDay(letGo.from)}: let it go (set status closed)`, when: `since ${formatDay(letGo.due)}` } };
    }
    return { item: { ...base, kind: 'let-go', day: letGo.due, group: 'waiting', action: `waiting for a reply to ${letGo.what}; let it go on ${formatDay(letGo.due)}`, when: relativeDay(letGo.due, today, 'due') } };
  }
  return { skipped: hushed ? 'quiet' : 'invalid' };
}

/** Sorts by group, then date (the most overdue first), then company. */
export function compareAgenda(a: AgendaItem, b: AgendaItem): number {
  return AGENDA_GROUPS.indexOf(a.group) - AGENDA_GROUPS.indexOf(b.group) || a.day - b.day || a.company.localeCompare(b.company);
}
