/** The dates worth a calendar entry, from the same timeline and plans the rules fire on. */
import { Config } from './config';
import { Day, formatDay } from './dates';
import { mainContact, ParsedNote, Person, Round } from './model';
import { reminds, silenceOf } from './directives';
import { checkInPlan, statusOf } from './rules/common';
import { timelineOf } from './rules/timeline';
import { gateOf } from './gate';
import { NoteSummary, Search } from './search';

export type CalendarKind = 'reply-promised' | 'check-in' | 'thank-you' | 'interview' | 'withdraw';

export interface CalendarEntry {
  kind: CalendarKind;
  day: Day;
  summary: string;
  /** Lines: what the day is about, then the contact's name, email and phone, each on its own line. */
  description: string;
  /** What identifies the entry across edits of the note, for stable event ids. */
  identity: string;
  /** The person the process goes through (the contact, else the first interviewer), as the note has them. */
  contact?: Pick<Person, 'name' | 'email' | 'phone'>;
  /** A check-in's draft as a `mailto:` URI (LanguageService.calendar renders it; calendarOf leaves it out). */
  mailto?: string;
  /** Something to do (a thank-you or a check-in due), not a fact (sent, promised, scheduled). */
  reminder?: true;
  /** An interview at a time of day (`HH:MM`, local), with its length and conference link: a timed event. */
  time?: string;
  minutes?: number;
  link?: string;
  /** A cancelled round (`cancelled: true`): exported with STATUS:CANCELLED, so a calendar app drops it. */
  cancelled?: true;
}

/** The contact's name, email and phone, each on a line of its own (after the line before). */
const reachOf = (contact: CalendarEntry['contact']): string => [
  contact?.name && `\nContact: ${contact.name}`, contact?.email && `\nEmail: ${contact.email}`, contact?.phone && `\nPhone: ${contact.phone}`,
].filter(Boolean).join('');

/**
 * All-day entries for an open process: each interview still to come, the thank-you note of the
 * latest one (sent, or due on its day), the promised reply date and the check-in date.
 */
export function calendarOf(note: ParsedNote, config: Config, today: Day): CalendarEntry[] {
  const i = note.interview;
  const t = i && timelineOf(i, today);
  const rounds = i?.rounds.kind === 'ok' ? i.rounds.value : undefined;
  // A process whose only rounds are cancelled still exports them, as cancelled.
  if (!i || !t || (t.meetings.length === 0 && !rounds?.some((r) => r.cancelled && r.day !== undefined))) return [];
  const status = statusOf(i);
  if (status !== 'waiting' && status !== 'advanced') return [];
  const company = i.company.kind === 'ok' ? i.company.value : '[company]';
  const role = i.role.kind === 'ok' ? i.role.value : '[role]';
  const person = mainContact(i);
  // Only what was written: a contact with none of the three adds nothing.
  const contact = person && (person.name || person.email || person.phone) ? { name: person.name, email: person.email, phone: person.phone } : undefined;
  // The first round as written, cancelled or not: cancelling it must not change every event's id.
  const first = rounds?.find((r) => r.day !== undefined)?.day ?? t.meetings[0].day;
  // The process is known by its first interview: adding a round keeps every event's id.
  const identity = `${company}\u0000${role}\u0000${formatDay(first)}`;
  const about = `${company}, ${role} (interviewed ${formatDay(t.current?.day ?? first)})`;
  const reach = reachOf(contact);
  const out: CalendarEntry[] = [];
  const push = (e: Omit<CalendarEntry, 'contact'>) => out.push(contact ? { ...e, contact } : e);
  // Each round still to come, the cancelled ones too (their event says so); a timed round is a timed event.
  const coming = rounds
    ? rounds.filter((r) => r.day !== undefined && r.day > today).map((r) => ({ ...r, day: r.day! }))
    : t.meetings.filter((x) => x.day > today);
  for (const m of coming) {
    const what = m.stage ?? 'interview';
    const r = m as Partial<Round>;
    const timing = { ...(r.time ? { time: r.time } : {}), ...(r.minutes ? { minutes: r.minutes } : {}), ...(r.link ? { link: r.link } : {}), ...(r.cancelled ? { cancelled: true as const } : {}) };
    push({
      kind: 'interview', day: m.day, identity: `${identity}\u0000${formatDay(m.day)}`, ...timing,
      summary: `${r.cancelled ? 'Cancelled: ' : ''}Interview (${what}): ${company}`,
      description: `${company}, ${role}: ${what}${r.time ? ` at ${r.time}` : ''}${r.link ? `\nJoin: ${r.link}` : ''}${reach}`,
    });
  }
  const current = t.current;
  if (!current) return out;
  if (current.thankYouSent.kind === 'ok') {
    push({ kind: 'thank-you', day: current.thankYouSent.value, identity, summary: `Thank-you note sent: ${company}`, description: `${about}${reach}` });
  } else if (current.thankYouSent.kind === 'absent' && reminds(silenceOf(note), config, 'thank-you-due')) {
    push({ kind: 'thank-you', day: current.day, identity, summary: `Send the thank-you note: ${company}`, description: `Right after the interview: ${about}${reach}`, reminder: true });
  }
  if (status !== 'waiting') return out;
  if (t.promise && !t.next) {
    const words = t.promise.phrase ? ` ('${t.promise.phrase}')` : '';
    push({ kind: 'reply-promised', day: t.promise.day, identity, summary: `Reply promised: ${company}`, description: `They said you would hear by this date${words}: ${about}${reach}` });
  }
  const checkIn = checkInPlan(i, config, today);
  // The two reminders follow their rules (directives, configuration); what was sent, promised or scheduled stays.
  if (checkIn && reminds(silenceOf(note), config, 'check-in-due')) {
    push({ kind: 'check-in', day: checkIn.due, identity, summary: `Check in: ${company}`, description: `No word yet? Send one brief, polite check-in: ${about}${reach}`, reminder: true });
  }
  return out;
}

/**
 * What the rest of the search makes of a note's entries (gate.ts): a process another of its
 * notes closed has none, as a closed note; an open process once an offer of another is
 * accepted (`withdraw-others`, where the note and the configuration leave that rule on) sees
 * its reminders give way to one event today, the withdrawal, as the agenda has it, with the
 * process's contact; what was sent, promised or scheduled stays.
 */
export function withdrawing(entries: CalendarEntry[], self: NoteSummary, search: Search, config: Config, today: Day): CalendarEntry[] {
  const gate = gateOf(self, search, config);
  if (!gate) return entries;
  if (gate.kind === 'closed') return [];
  const { accepted } = gate;
  const company = self.company ?? '[company]';
  const role = self.role ?? '[role]';
  // The note's own contact (an offer, or a note whose reminders are all off, has no other event to take it from).
  const contact = self.contact ?? entries.find((e) => e.contact)?.contact;
  const reach = reachOf(contact);
  const withdraw: CalendarEntry = {
    // The process as the note's other events know it (by its first interview): two notes of one
    // company and role (a round each, or applied twice) are two withdrawals, not one UID twice.
    kind: 'withdraw', day: today, identity: `${company}\u0000${role}\u0000${self.first === undefined ? '' : formatDay(self.first)}\u0000withdraw`, reminder: true,
    summary: `Withdraw: ${company}`,
    description: `You accepted the offer from ${accepted.company ?? accepted.name}: withdraw from ${company}, ${role}, with a short, gracious note${reach}`,
    ...(contact ? { contact } : {}),
  };
  return [...entries.filter((e) => !e.reminder), withdraw];
}
