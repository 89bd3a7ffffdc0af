/**
 * What a draft's template sees: the note's facts, the person it is addressed to, and
 * placeholders in brackets where the note lacks something, so a gap is visible in the draft
 * rather than papered over with generic words.
 */
import { Config } from '../config';
import { Day, formatDay, longDay, monthName, partsOf, weekdayName } from '../dates';
import { Interview, mainContact, Person, Round } from '../model';
import { Meeting, Promise_, timelineOf } from '../rules/timeline';
import { nextWorkingDay, WorkingDays, workingDaysAfter } from '../workdays';
import type { NoteSummary } from '../search';
import { Addressee, givenName, greetingOf, metIn, samePerson, thankYouPeople } from './recipients';
import { telUri } from '../safe/tel';

export { telUri };

export interface DateInfo {
  date: string;
  long: string;
  weekday: string;
}


export interface DraftContext {
  company: string;
  /** The role, or the placeholder `[role]` (for the body: a subject says `hasRole` first). */
  role: string;
  /** The note names its role: a subject without one leaves it out rather than carry a placeholder. */
  hasRole: boolean;
  stage?: string;
  /** The note's pitch, for the one thank-you of a round that says it (the first person met's, or the arranging contact's when theirs goes first). */
  pitch?: string;
  /**
   * The one thing you talked about with the addressee: their own `highlight`, else the round's
   * (the note's) when they were the one person met; for a panel member without one, a
   * placeholder; none for a contact who was not in the round (nobody gets another's topic).
   */
  highlight?: string;
  /** Whom you met in the latest round: "Ana Ruiz and Sam Lee" (empty when the note names nobody). */
  met: string;
  /** The latest round was a call (a phone screen, a stage naming a call or video, a conference link or a location naming a call): "speaking with me", "our call". */
  call: boolean;
  /** The thank-you is more than three days after the round: it says sorry for the delay. */
  late: boolean;
  /** The promised reply date (the current promise) is before today. */
  promisePassed: boolean;
  /** The main contact, whoever the draft is addressed to. */
  contact: { name: string; firstName: string; email: string; phone?: string; title?: string };
  /** The addressee: `tel` is the phone as a `tel:` URI; `phone` a placeholder without one. */
  person: {
    name: string; firstName: string; email: string; phone: string; tel?: string; title?: string; interviewer: boolean;
    /** Among the people met in the latest round (or, with nobody listed, the contact you met). */
    inRound: boolean;
    /** The contact, not in the round: thanked for arranging it, never for meeting. */
    arranged: boolean;
    /**
     * Not the first of a panel: the draft is shaped differently (and leaves the pitch to the
     * first), since a panel compares notes and two thank-yous alike read as a form letter.
     */
    panelist: boolean;
    /** The third, fifth... of a panel: a third shape, so that no two of a panel read alike. */
    alternate: boolean;
    /**
     * The fourth to the eighth of a panel (the most the editor offers): a shape each of their
     * own (templates test them before panelist and alternate). A ninth and later, drafted for
     * by name, repeat a wording: the ninth the third's, the tenth the second's, and so on.
     */
    fourth: boolean;
    fifth: boolean;
    sixth: boolean;
    seventh: boolean;
    eighth: boolean;
    highlight?: string;
  };
  /** "Jane Doe <jane@acme.example>": the addressee. */
  to: string;
  /** The addressee's first name, or "Hiring Team". */
  greetingName: string;
  interviewers: Person[];
  /**
   * The latest interview held; `when` as a person says it ("today", "yesterday", "on Tuesday"
   * within six days, else "on 24 November"); `onDay` the same naming the day, for a card read
   * days later ("on Tuesday", never "today"); `round` its stage as a noun (roundNoun: "onsite", "technical interview") or "interview".
   */
  interviewed?: DateInfo & { when: string; onDay: string; round: string };
  /** The next round booked, after today (a withdrawal asks to cancel it); `on` "Thursday, 3 December" (the year only when not this year's). */
  booked?: DateInfo & { when: string; on: string; round: string };
  /**
   * The current promise only (one made before the latest round is stale: absent). `said` is
   * the promise in its words as a sentence: "You mentioned I would hear within two weeks" to
   * the contact who gave it, "I was told I would hear within two weeks" to anyone else.
   */
  expectReplyBy?: DateInfo & { phrase?: string; said: string };
  thankYouSent?: DateInfo;
  today: DateInfo;
  /**
   * The date to ask for when deciding on an offer, always a working day: a week from today,
   * or with `offer_deadline` three working days past it when that is later.
   */
  decideBy: DateInfo & { on: string };
  /**
   * The offer's deadline (`offer_deadline`), when the note has one; `by` as a person says it
   * ("today", "by tomorrow", "by Friday" within six days, else "by 4 December"); `passed` once
   * it is before today.
   */
  offerDeadline?: DateInfo & { by: string; on: string; passed: boolean };
  sender: { name: string; email?: string; phone?: string };
  /** The sender's phone, or a placeholder: a voicemail must leave a number. */
  callback: string;
  /** The company whose offer you accepted, when another note of the search says so. */
  acceptedElsewhere?: string;
  /** The other open processes of the search, for the offer checklist. */
  others: { company: string; role?: string; next: string; name: string }[];
}

/** More time on an offer: a week from today, or a few working days past their deadline. */
function decideBy(today: Day, deadline: Day | undefined, config: WorkingDays): Day {
  const week = nextWorkingDay(today + 7, config).day;
  return deadline === undefined ? week : Math.max(week, workingDaysAfter(deadline, 3, config));
}

export function dateInfo(day: Day): DateInfo {
  return { date: formatDay(day), long: longDay(day), weekday: weekdayName(day) };
}

/** "24 November", with the year only when it is not this year's. */
function dayMonth(day: Day, today: Day): string {
  const d = partsOf(day);
  return `${d.day} ${monthName(d.month)}${d.year === partsOf(today).year ? '' : ` ${d.year}`}`;
}

/** A day as a person says it: "today", "yesterday", "on Tuesday" within six days, else "on 24 November". */
export function spokenDay(day: Day, today: Day): string {
  if (day === today) return 'today';
  if (day === today - 1) return 'yesterday';
  return cardDay(day, today);
}

/** An answer's deadline: "today", "by tomorrow", "by Friday" within six days, else "by 4 December"; passed once before today. */
function deadlineInfo(day: Day, today: Day): DateInfo & { by: string; on: string; passed: boolean } {
  const by = day === today ? 'today' : day === today + 1 ? 'by tomorrow' : day > today && day - today <= 6 ? `by ${weekdayName(day)}` : `by ${dayMonth(day, today)}`;
  return { ...dateInfo(day), by, on: onDate(day, today), passed: day < today };
}

/** "Thursday, 3 December": a date a draft proposes or names, the year only when not this year's. */
function onDate(day: Day, today: Day): string {
  return `${weekdayName(day)}, ${dayMonth(day, today)}`;
}

/** A day on a card, read days later: "on Tuesday" within six days, else "on 24 November"; never "today". */
export function cardDay(day: Day, today: Day): string {
  return Math.abs(today - day) <= 6 ? `on ${weekdayName(day)}` : `on ${dayMonth(day, today)}`;
}

const CALL = /\b(phone|call|video|zoom|teams|meet|webex)\b/i;
const IN_PERSON = /\b(onsite|on-site|in person|in-person|office|lunch|dinner|coffee)\b/i;

/**
 * The round was a call: its stage names one, or (a stage that does not say it was in person)
 * it has a conference link or a location naming a call. Calendars attach a Meet link to an
 * onsite too, so the stage speaks first.
 */
function wasCall(stage: string | undefined, round: Round | undefined): boolean {
  if (CALL.test(stage ?? '')) return true;
  if (IN_PERSON.test(stage ?? '')) return false;
  return !!round?.link || CALL.test(round?.location ?? '');
}

/** A stage's last word that names a kind of meeting ("onsite", "phone screen"): else it is one more word for an interview. */
const NOUN = /\b(?:interviews?|screen|screening|call|round|loop|onsite|on-site|chat|session|meeting|panel|conversation|visit|presentation|exercise|assessment|test|challenge|day|lunch|dinner|coffee|walkthrough|review|debrief|pairing|superday|take-home|takehome|assignment|case study|task|homework|workshop|demo)$/i;

/** The round as a noun: "my onsite", "my phone screen", "my technical interview" (never "my technical" or "my hiring manager"). */
export function roundNoun(stage: string | undefined): string {
  const s = stage?.trim();
  if (!s) return 'interview';
  return NOUN.test(s) ? s : `${s} interview`;
}

/** Words that point at a day from when they were said ("next week", "by Friday"): quoted later, they need that day beside them. */
const DEICTIC = /\b(?:next|this|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|end of)\b/i;

/** "I would hear within two weeks": the promise in its words, else by its date; "by Friday (6 November)" for words that point at a day. */
function promised(p: Promise_, today: Day): string {
  const phrase = p.phrase?.trim();
  if (!phrase) return `I would hear by ${onDate(p.day, today)}`;
  const day = DEICTIC.test(phrase) ? ` (${new RegExp(`\\b${weekdayName(p.day)}\\b`, 'i').test(phrase) ? '' : `${weekdayName(p.day)}, `}${dayMonth(p.day, today)})` : '';
  if (/^(within|in|by|before|on|after|next|this|early|late|mid)\b/i.test(phrase)) {
    return /^(early|late|mid)\b/i.test(phrase) ? `I would hear in ${phrase}${day}` : `I would hear ${phrase}${day}`;
  }
  if (/^end\b/i.test(phrase)) return `I would hear by the ${phrase}${day}`;
  return `I would hear by ${onDate(p.day, today)}`; // not a phrase a sentence can carry: its date
}

/** Past this many people met, a sentence names the first few and counts the others. */
const NAMED_MET = 4;

/** "Ana Ruiz", "Ana Ruiz and Sam Lee", "Ana Ruiz, Sam Lee and Lee Park"; "Ana Ruiz, Sam Lee, Lee Park and 9 others" for a big panel. */
function names(people: Person[]): string {
  const n = people.map((p) => p.name ?? '').filter(Boolean);
  if (n.length > NAMED_MET) return `${n.slice(0, NAMED_MET - 1).join(', ')} and ${n.length - NAMED_MET + 1} others`;
  return n.length <= 1 ? n.join('') : `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
}

type PanelPlace = Pick<DraftContext['person'], 'panelist' | 'alternate' | 'fourth' | 'fifth' | 'sixth' | 'seventh' | 'eighth'>;

/**
 * Where the addressee sits in a panel: the first (none), the second, fourth... (panelist), the
 * third, fifth... (alternate too), and the fourth to the eighth each a shape of their own.
 */
function panelPlace(person: Person, met: Person[], inRound: boolean): PanelPlace {
  const at = inRound && met.length > 1 ? met.findIndex((m) => samePerson(m, person)) : -1;
  return { panelist: at > 0, alternate: at > 0 && at % 2 === 0, fourth: at === 3, fifth: at === 4, sixth: at === 5, seventh: at === 6, eighth: at === 7 };
}

/** A highlight goes mid-sentence: "the ledger." and "Rust!" lose the stop they were written with. */
const phrase = (x: string | undefined) => x?.trim().replace(/\s*[.!?;:,]+$/, '') || undefined;

/** The person's own highlight, else the round's when they were the one person met, else a placeholder in a panel. */
function highlightFor(person: Person, met: Person[], current: Meeting | undefined, inRound: boolean): string | undefined {
  const own = phrase(person.highlight ?? met.find((m) => samePerson(m, person))?.highlight);
  if (own) return own;
  if (!inRound) return undefined;
  if (met.length <= 1) return phrase(current?.highlight);
  return `[what you discussed with ${person.name || 'them'}]`;
}


/**
 * Data for a trial render when a template is checked: some errors (`{{#each}}` with no
 * argument) only show when rendering. Every optional field is present so each branch runs.
 */
export function sampleContext(): DraftContext {
  const day = (n: number) => dateInfo(20_395 + n); // 2025-11-03, a Monday
  const jane = { name: 'Jane Doe', firstName: 'Jane', email: 'jane@acme.example', phone: '+1 555 0100', title: 'Recruiter' };
  return {
    company: 'Acme Corp', role: 'Engineer', hasRole: true, stage: 'onsite', pitch: 'A short pitch.', highlight: 'the ledger',
    met: 'Sam Lee', call: true, late: true, promisePassed: true,
    contact: jane, person: { ...jane, tel: 'tel:+15550100', interviewer: true, inRound: true, arranged: true, highlight: 'the ledger', panelist: true, alternate: true, fourth: true, fifth: true, sixth: true, seventh: true, eighth: true },
    to: 'Jane Doe <jane@acme.example>', greetingName: 'Jane',
    interviewers: [{ name: 'Sam Lee', email: 'sam@acme.example', title: 'Manager' }],
    interviewed: { ...day(0), when: 'on Monday', onDay: 'on Monday', round: 'onsite' },
    booked: { ...day(16), when: 'on Wednesday', on: 'Wednesday, 19 November', round: 'final interview' },
    expectReplyBy: { ...day(10), phrase: 'within two weeks', said: 'You mentioned I would hear within two weeks' },
    thankYouSent: day(0), today: day(14), decideBy: { ...day(21), on: 'Monday, 24 November' }, offerDeadline: { ...day(24), by: 'by 27 November', on: 'Thursday, 27 November', passed: true },
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
    return { name, firstName: givenName(name), greeting: greetingOf(name), email: p.email ?? `[email address${name ? ` of ${name}` : ''}]` };
  };
  const c = named(contact);
  const p = named(person);
  const timeline = timelineOf(i, today);
  const current = timeline?.current;
  const met = metIn(i, current);
  // With nobody listed for the round, the contact is who you met (a phone screen, a one-person note).
  const inRound = met.length === 0 ? !person.interviewer || person.name === contact.name : met.some((m) => samePerson(m, person));
  const arranged = !inRound && !person.interviewer;
  const highlight = highlightFor(person, met, current, inRound);
  const stage = current?.stage ?? (i.stage.kind === 'ok' ? i.stage.value : undefined);
  const promise = timeline?.promise;
  const next = timeline?.next;
  const toContact = !person.interviewer || samePerson(person, contact);
  // The pitch is said once a round: to the first person met, or, when the round's thank-you
  // goes first to the contact who arranged it (nobody met has an email), to the contact only.
  const lead = thankYouPeople(i, today)[0];
  const leadArranged = lead !== undefined && met.length > 0 && !met.some((m) => samePerson(m, lead));
  const pitchHere = arranged ? lead !== undefined && samePerson(lead, person) : !(leadArranged && inRound);
  return {
    company: i.company.kind === 'ok' ? i.company.value : '[company]',
    role: i.role.kind === 'ok' ? i.role.value : '[role]',
    hasRole: i.role.kind === 'ok',
    stage,
    pitch: i.pitch.kind === 'ok' && pitchHere ? i.pitch.value : undefined,
    highlight,
    met: names(met),
    call: wasCall(stage, current?.round !== undefined && i.rounds.kind === 'ok' ? i.rounds.value[current.round] : undefined),
    late: current !== undefined && today - current.day > 3,
    promisePassed: promise !== undefined && promise.day < today,
    contact: { name: c.name, firstName: c.firstName, email: c.email, phone: contact.phone, title: contact.title },
    person: {
      name: p.name, firstName: p.firstName, email: p.email, phone: person.phone ?? `[phone number${p.name ? ` of ${p.name}` : ''}]`, tel: person.phone ? telUri(person.phone) : undefined,
      title: person.title, interviewer: person.interviewer, inRound, arranged, highlight: phrase(person.highlight),
      ...panelPlace(person, met, inRound),
    },
    to: p.name ? `${p.name} <${p.email}>` : p.email,
    greetingName: p.greeting || 'Hiring Team', // "Dear Jane,": the name they introduced themselves with ("Dear Dr. Doe," with a title first)
    interviewers: i.interviewers.kind === 'ok' ? i.interviewers.value : [],
    interviewed: current
      ? { ...dateInfo(current.day), when: spokenDay(current.day, today), onDay: cardDay(current.day, today), round: roundNoun(current.stage) }
      : undefined,
    booked: next ? { ...dateInfo(next.day), when: spokenDay(next.day, today), on: onDate(next.day, today), round: roundNoun(next.stage) } : undefined,
    expectReplyBy: promise
      ? { ...dateInfo(promise.day), phrase: promise.phrase, said: `${toContact ? 'You mentioned' : 'I was told'} ${promised(promise, today)}` }
      : undefined,
    thankYouSent: i.thankYouSent.kind === 'ok' ? dateInfo(i.thankYouSent.value) : undefined,
    today: dateInfo(today),
    decideBy: ((d) => ({ ...dateInfo(d), on: onDate(d, today) }))(decideBy(today, i.offerDeadline.kind === 'ok' ? i.offerDeadline.value : undefined, config)),
    ...(i.offerDeadline.kind === 'ok' ? { offerDeadline: deadlineInfo(i.offerDeadline.value, today) } : {}),
    sender: { name: config.sender.name ?? '[your name]', email: config.sender.email, phone: config.sender.phone },
    callback: config.sender.phone ?? '[your phone number]',
    acceptedElsewhere: extras.accepted ? extras.accepted.company ?? extras.accepted.name : undefined,
    others: (extras.others ?? []).map((o) => ({ company: o.company ?? o.name, role: o.role, next: o.next, name: o.name })),
  };
}
