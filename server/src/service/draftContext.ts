/**
 * What a draft's template sees: the note's facts, the person it is addressed to, and
 * placeholders in brackets where the note lacks something, so a gap is visible in the draft
 * rather than papered over with generic words.
 */
import { Config } from './config';
import { Day, formatDay, longDay, weekdayName } from './dates';
import { Interview, mainContact, Person } from './model';
import { timelineOf } from './rules/timeline';
import type { NoteSummary } from './search';
import { telUri } from './safe/tel';

export { telUri };

export interface DateInfo {
  date: string;
  long: string;
  weekday: string;
}

/** A person a draft can be addressed to: the contact, or an interviewer of the latest round. */
export interface Addressee extends Person {
  /** An interviewer (not the contact): the thank-you mentions their title. */
  interviewer: boolean;
}

export interface DraftContext {
  company: string;
  role: string;
  stage?: string;
  pitch?: string;
  /** The one thing you talked about: the latest round's, else the note's. */
  highlight?: string;
  /** The main contact, whoever the draft is addressed to. */
  contact: { name: string; firstName: string; email: string; phone?: string; title?: string };
  /** The addressee: `tel` is the phone as a `tel:` URI; `phone` a placeholder without one. */
  person: { name: string; firstName: string; email: string; phone: string; tel?: string; title?: string; interviewer: boolean };
  /** "Jane Doe <jane@acme.example>": the addressee. */
  to: string;
  /** The addressee's first name, or "Hiring Team". */
  greetingName: string;
  interviewers: Person[];
  /** The latest interview held; `when` is "today", "yesterday" or "on Tuesday, 24 November 2026". */
  interviewed?: DateInfo & { when: string };
  expectReplyBy?: DateInfo & { phrase?: string };
  thankYouSent?: DateInfo;
  today: DateInfo;
  /** A week from today: the date to name when asking for time to decide on an offer. */
  decideBy: DateInfo;
  sender: { name: string; email?: string; phone?: string };
  /** The sender's phone, or a placeholder: a voicemail must leave a number. */
  callback: string;
  /** The company whose offer you accepted, when another note of the search says so. */
  acceptedElsewhere?: string;
  /** The other open processes of the search, for the offer checklist. */
  others: { company: string; role?: string; next: string; name: string }[];
}

export function dateInfo(day: Day): DateInfo {
  return { date: formatDay(day), long: longDay(day), weekday: weekdayName(day) };
}

/** "today", "yesterday", or "on Tuesday, 24 November 2026": how a careful writer dates a meeting. */
function when(day: Day, today: Day): string {
  return day === today ? 'today' : day === today - 1 ? 'yesterday' : `on ${longDay(day)}`;
}


/**
 * Who the messages of the process can go to: the contact (or, without one, the first
 * interviewer), then each interviewer of the latest round held (of the note, without rounds),
 * each once. One unnamed entry when the note names nobody.
 */
/** The most people a thank-you is offered to: the contact and the first interviewers. */
export const MAX_PEOPLE = 8;

export function peopleOf(i: Interview, today: Day): Addressee[] {
  const out: Addressee[] = [];
  const seen = new Set<string>();
  const add = (p: Person | undefined, interviewer: boolean) => {
    const key = p?.name?.trim().toLowerCase();
    if (!p || !key || seen.has(key)) return;
    seen.add(key);
    out.push({ ...p, interviewer });
  };
  const main = mainContact(i);
  add(main, i.contact.kind !== 'ok');
  const current = timelineOf(i, today)?.current;
  const rounds = i.rounds.kind === 'ok' ? i.rounds.value : undefined;
  const met = rounds && current?.round !== undefined ? rounds[current.round]?.interviewers ?? [] : i.interviewers.kind === 'ok' ? i.interviewers.value : [];
  // A panel is a handful of people: past that, a list of hundreds would offer hundreds of actions.
  for (const p of met) if (out.length < MAX_PEOPLE) add(p, true);
  return out.length > 0 ? out : [{ ...main, interviewer: false }];
}

/**
 * Data for a trial render when a template is checked: some errors (`{{#each}}` with no
 * argument) only show when rendering. Every optional field is present so each branch runs.
 */
export function sampleContext(): DraftContext {
  const day = (n: number) => dateInfo(20_395 + n); // 2025-11-03, a Monday
  const jane = { name: 'Jane Doe', firstName: 'Jane', email: 'jane@acme.example', phone: '+1 555 0100', title: 'Recruiter' };
  return {
    company: 'Acme Corp', role: 'Engineer', stage: 'onsite', pitch: 'A short pitch.', highlight: 'the ledger',
    contact: jane, person: { ...jane, tel: 'tel:+15550100', interviewer: true },
    to: 'Jane Doe <jane@acme.example>', greetingName: 'Jane',
    interviewers: [{ name: 'Sam Lee', email: 'sam@acme.example', title: 'Manager' }],
    interviewed: { ...day(0), when: 'on Monday, 3 November 2025' }, expectReplyBy: { ...day(10), phrase: 'within two weeks' },
    thankYouSent: day(0), today: day(14), decideBy: day(21),
    sender: { name: 'Alex Rivera', email: 'alex@example.com', phone: '+1 555 0142' }, callback: '+1 555 0142',
    acceptedElsewhere: 'Globex',
    others: [{ company: 'Globex', role: 'Engineer', next: 'onsite 2025-11-20', name: 'globex.md' }],
  };
}

export interface DraftExtras {
  /** The addressee; the main contact without one. */
  person?: Addressee;
  /** The other open processes of the search. */
  others?: NoteSummary[];
  /** The note whose offer was accepted, if another one was. */
  accepted?: NoteSummary;
}

/** The template data for a note and one addressee. */
export function draftContext(i: Interview, config: Config, today: Day, extras: DraftExtras = {}): DraftContext {
  const contact: Person = mainContact(i) ?? {};
  const person = extras.person ?? { ...contact, interviewer: i.contact.kind !== 'ok' };
  const named = (p: Person) => {
    const name = p.name ?? '';
    return { name, firstName: name.split(/\s+/)[0] ?? '', email: p.email ?? `[email address${name ? ` of ${name}` : ''}]` };
  };
  const c = named(contact);
  const p = named(person);
  const current = timelineOf(i, today)?.current;
  const highlight = current?.highlight ?? (i.highlight.kind === 'ok' ? i.highlight.value : undefined);
  return {
    company: i.company.kind === 'ok' ? i.company.value : '[company]',
    role: i.role.kind === 'ok' ? i.role.value : '[role]',
    stage: current?.stage ?? (i.stage.kind === 'ok' ? i.stage.value : undefined),
    pitch: i.pitch.kind === 'ok' ? i.pitch.value : undefined,
    highlight,
    contact: { ...c, phone: contact.phone, title: contact.title },
    person: {
      ...p, phone: person.phone ?? `[phone number${p.name ? ` of ${p.name}` : ''}]`, tel: person.phone ? telUri(person.phone) : undefined,
      title: person.title, interviewer: person.interviewer,
    },
    to: p.name ? `${p.name} <${p.email}>` : p.email,
    greetingName: p.firstName || 'Hiring Team', // "Dear Jane,": the name they introduced themselves with
    interviewers: i.interviewers.kind === 'ok' ? i.interviewers.value : [],
    interviewed: current ? { ...dateInfo(current.day), when: when(current.day, today) } : undefined,
    expectReplyBy: i.expectReplyBy.kind === 'ok' ? { ...dateInfo(i.expectReplyBy.value.day), phrase: i.expectReplyBy.value.phrase } : undefined,
    thankYouSent: i.thankYouSent.kind === 'ok' ? dateInfo(i.thankYouSent.value) : undefined,
    today: dateInfo(today),
    decideBy: dateInfo(today + 7),
    sender: { name: config.sender.name ?? '[your name]', email: config.sender.email, phone: config.sender.phone },
    callback: config.sender.phone ?? '[your phone number]',
    acceptedElsewhere: extras.accepted ? extras.accepted.company ?? extras.accepted.name : undefined,
    others: (extras.others ?? []).map((o) => ({ company: o.company ?? o.name, role: o.role, next: o.next, name: o.name })),
  };
}
