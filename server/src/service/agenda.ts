/**
 * The daily view: for each note, the next thing to do and its date, grouped by urgency; and
 * the dates worth a calendar entry. Built on the same plans the rules fire on, so the agenda
 * never disagrees with the diagnostics.
 */
import { Config } from './config';
import { Day, days, formatDay } from './dates';
import { Interview, ParsedNote } from './model';
import { silenced, silenceOf } from './directives';
import { checkInPlan, letGoPlan, statusOf } from './rules/common';
import { RuleId } from './types';

export const AGENDA_GROUPS = ['overdue', 'today', 'upcoming', 'waiting', 'let-go'] as const;
export type AgendaGroup = (typeof AGENDA_GROUPS)[number];

export const GROUP_TITLES: Record<AgendaGroup, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  upcoming: 'Coming up',
  waiting: 'Waiting',
  'let-go': 'Let go',
};

export type AgendaKind = 'thank-you' | 'check-in' | 'let-go' | 'stop-following-up' | 'weigh-offer';

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

function whenText(day: Day, today: Day): string {
  if (day === today) return 'today';
  return day < today ? `${days(today - day)} overdue` : `in ${days(day - today)}`;
}

function who(i: Interview): string {
  const person = i.contact.kind === 'ok' ? i.contact.value : i.interviewers.kind === 'ok' ? i.interviewers.value[0] : undefined;
  return person?.name ? ` to ${person.name}` : '';
}

/**
 * The next action for a note; `horizon` is how many days ahead counts as "coming up". An action
 * whose rule the note turned off (`# interview-followup-disable`) is passed over for the next.
 */
export function agendaOf(note: ParsedNote, today: Day, config: Config, horizon: number): AgendaResult {
  const i = note.interview;
  if (silenceOf(note)?.all) return { skipped: 'quiet' };
  if (!i || i.interviewed.kind !== 'ok' || i.followUps.kind === 'invalid') return { skipped: 'invalid' };
  let hushed = false;
  const on = (rule: RuleId): boolean => {
    if (!silenced(note, rule)) return true;
    hushed = true;
    return false;
  };
  const status = statusOf(i);
  if (status === undefined) return { skipped: 'invalid' };
  const base = { company: i.company.kind === 'ok' ? i.company.value : '[company]', role: i.role.kind === 'ok' ? i.role.value : '[role]' };
  const dated = (kind: AgendaKind, day: Day, action: string, waitingAction = action): AgendaItem => {
    const group: AgendaGroup = day < today ? 'overdue' : day === today ? 'today' : day - today <= horizon ? 'upcoming' : 'waiting';
    return { ...base, kind, day, group, action: group === 'waiting' ? waitingAction : action, when: whenText(day, today) };
  };
  if (status === 'offer') {
    if (!on('weigh-offer')) return { skipped: 'quiet' };
    return { item: { ...base, kind: 'weigh-offer', day: today, group: 'today', action: 'weigh the offer before accepting or declining', when: 'today' } };
  }
  if (status !== 'waiting' && status !== 'advanced') return { skipped: 'closed' };
  const interviewed = i.interviewed.value;
  const followUps = i.followUps.kind === 'ok' ? i.followUps.value : [];
  if (followUps.length > config.maxFollowUps && on('second-follow-up')) {
    const last = followUps[followUps.length - 1].day ?? today;
    return { item: { ...base, kind: 'stop-following-up', day: last, group: 'let-go', action: 'stop following up: set status closed', when: `${followUps.length} follow-ups sent` } };
  }
  if (i.thankYouSent.kind === 'absent' && on('thank-you-due')) {
    return { item: dated('thank-you', interviewed, `send the thank-you note${who(i)}`, `interview on ${formatDay(interviewed)}, then the thank-you note`) };
  }
  if (status === 'advanced') return { skipped: 'closed' }; // followed in the next round's note
  const checkIn = checkInPlan(i, config);
  if (checkIn && on('check-in-due')) {
    const promised = checkIn.promised ? `reply promised by ${formatDay(checkIn.promised.day)}` : 'no timeline given';
    return { item: dated('check-in', checkIn.due, `check in${who(i).replace(' to ', ' with ')}`, `waiting (${promised}); check in on ${formatDay(checkIn.due)}`) };
  }
  const letGo = letGoPlan(i, config);
  if (letGo && on('let-it-go')) {
    if (today >= letGo.due) {
      return { item: { ...base, kind: 'let-go', day: letGo.due, group: 'let-go', action: `no answer since ${formatDay(letGo.from)}: let it go (set status closed)`, when: `since ${formatDay(letGo.due)}` } };
    }
    return { item: { ...base, kind: 'let-go', day: letGo.due, group: 'waiting', action: `waiting for a reply to ${letGo.what}; let it go on ${formatDay(letGo.due)}`, when: whenText(letGo.due, today) } };
  }
  return { skipped: hushed ? 'quiet' : 'invalid' };
}

/** Sorts by group, then date (the most overdue first), then company. */
export function compareAgenda(a: AgendaItem, b: AgendaItem): number {
  return AGENDA_GROUPS.indexOf(a.group) - AGENDA_GROUPS.indexOf(b.group) || a.day - b.day || a.company.localeCompare(b.company);
}

export type CalendarKind = 'reply-promised' | 'check-in' | 'thank-you';

export interface CalendarEntry {
  kind: CalendarKind;
  day: Day;
  summary: string;
  description: string;
  /** What identifies the interview across edits of the note, for stable event ids. */
  identity: string;
}

/**
 * All-day calendar entries for an open process: the promised reply date, the check-in date,
 * and the thank-you note (sent, or due on the interview day). The two reminders (the thank-you
 * due, the check-in) follow their rules' directives; what was sent or promised stays.
 */
export function calendarOf(note: ParsedNote, config: Config): CalendarEntry[] {
  const i = note.interview;
  if (!i || i.interviewed.kind !== 'ok') return [];
  const status = statusOf(i);
  if (status !== 'waiting' && status !== 'advanced') return [];
  const company = i.company.kind === 'ok' ? i.company.value : '[company]';
  const role = i.role.kind === 'ok' ? i.role.value : '[role]';
  const contact = i.contact.kind === 'ok' ? i.contact.value : undefined;
  const identity = `${company}\u0000${role}\u0000${formatDay(i.interviewed.value)}`;
  const about = `${company}, ${role} (interviewed ${formatDay(i.interviewed.value)})`;
  const reach = contact?.name ? `\nContact: ${contact.name}${contact.email ? ` <${contact.email}>` : ''}` : '';
  const out: CalendarEntry[] = [];
  if (i.thankYouSent.kind === 'ok') {
    out.push({ kind: 'thank-you', day: i.thankYouSent.value, identity, summary: `Thank-you note sent: ${company}`, description: `${about}${reach}` });
  } else if (i.thankYouSent.kind === 'absent' && !silenced(note, 'thank-you-due')) {
    out.push({ kind: 'thank-you', day: i.interviewed.value, identity, summary: `Send the thank-you note: ${company}`, description: `Right after the interview: ${about}${reach}` });
  }
  if (status !== 'waiting') return out;
  if (i.expectReplyBy.kind === 'ok') {
    const words = i.expectReplyBy.value.phrase ? ` ('${i.expectReplyBy.value.phrase}')` : '';
    out.push({ kind: 'reply-promised', day: i.expectReplyBy.value.day, identity, summary: `Reply promised: ${company}`, description: `They said you would hear by this date${words}: ${about}${reach}` });
  }
  const checkIn = checkInPlan(i, config);
  if (checkIn && !silenced(note, 'check-in-due')) {
    out.push({ kind: 'check-in', day: checkIn.due, identity, summary: `Check in: ${company}`, description: `No word yet? Send one brief, polite check-in: ${about}${reach}` });
  }
  return out;
}
