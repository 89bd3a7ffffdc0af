/**
 * Stage 2 for an invite: each event's facts for a round. The start is a local date-time in
 * the user's zone; people are `{name, email}` without you, rooms, resources and schedulers.
 */
import { address, domainOf, link, oneLine } from './clean';
import { Ical, ICAL, InboxError } from './parse';
import { findPhrase, TABLES } from './phrases';
import { formatWall, formatWallDay, ianaZone, instantOf, wallIn } from './zones';

export interface Person {
  name?: string;
  email?: string;
}

export interface RoundFacts {
  uid: string;
  sequence: number;
  cancelled: boolean;
  /** `YYYY-MM-DDTHH:MM` in the user's zone, or `YYYY-MM-DD` for an all-day event. */
  date: string;
  stage?: string;
  duration?: number;
  link?: string;
  location?: string;
  interviewers: Person[];
  /** The organizer when a person (not a scheduler or a no-reply address). */
  organizer?: Person;
  company?: string;
  role?: string;
  /** The organizer's (or a person attendee's) company domain, never a public or scheduler one. */
  domain?: string;
  summary: string;
  /** What the import should say of the event though it imports it (a time zone it had to guess). */
  warnings: string[];
}

export interface InviteOptions {
  /** The user's addresses (config `me`, `--me`), lower-cased. */
  me: readonly string[];
  /** The user's IANA time zone. */
  zone: string;
}

/** Domains of public mail and of schedulers: never a company's. */
const PUBLIC = /(?:^|\.)(?:gmail\.com|googlemail\.com|google\.com|outlook\.com|hotmail\.[a-z.]+|live\.com|msn\.com|yahoo\.[a-z.]+|icloud\.com|me\.com|mac\.com|aol\.com|proton\.me|protonmail\.com|gmx\.[a-z.]+|mail\.com|yandex\.[a-z]+|fastmail\.com|zoho\.com|greenhouse\.io|lever\.co|calendly\.com|zoom\.us|goodtime\.io|ashbyhq\.com|myworkday\.com|workday\.com|icims\.com|smartrecruiters\.com|teamtailor\.com|workable\.com|jobvite\.com|microsoft\.com|office365\.com|resource\.calendar\.google\.com)$/i;
const NO_REPLY = /^(?:no-?reply|do-?not-?reply|noreply|notifications?|calendar(?:-notification)?|scheduler|scheduling|invites?|mailer-daemon|bounce[s]?)(?:[+._-].*)?@/i;

export const isPublicDomain = (domain: string | undefined) => !domain || PUBLIC.test(domain);
export const isScheduler = (email: string | undefined) => !!email && (NO_REPLY.test(email) || /(?:^|\.)(?:greenhouse\.io|lever\.co|calendly\.com|goodtime\.io|ashbyhq\.com)$/i.test(domainOf(email)!));

const LINK = /https?:\/\/(?:[\w-]+\.)*(?:zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com)\/[^\s"'<>\])}]*/i;

export function inviteFacts(calendar: Ical, options: InviteOptions): RoundFacts[] {
  const method = String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase();
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length === 0) throw new InboxError('a calendar without an event (VEVENT)');
  const all: RoundFacts[] = events.map((v: Ical) => {
    try {
      return eventFacts(v, method, options);
    } catch (err) {
      // ical.js reads values lazily and throws on what parse.ts did not foresee: a file's error, not a crash.
      if (err instanceof InboxError) throw err;
      throw new InboxError(`not valid iCalendar: ${String((err as Error).message ?? err).split('\n')[0].slice(0, 120)}`, lineOf(v));
    }
  });
  // One UID twice at one SEQUENCE in one file is one event written twice: the first counts, and the import says so.
  const out: RoundFacts[] = [];
  for (const f of all) {
    const first = out.find((o) => o.uid === f.uid && o.sequence === f.sequence);
    if (!first) out.push(f);
    else if (first.date !== f.date) first.warnings.push(`event ${f.uid} is in the file twice with the same SEQUENCE: the one on ${first.date} is imported, not the one on ${f.date}`);
  }
  return out;
}

function text(v: Ical, name: string): string {
  const p = v.getFirstProperty(name);
  const value = p?.getFirstValue();
  return value === undefined || value === null ? '' : String(value);
}

function eventFacts(v: Ical, method: string, o: InviteOptions): RoundFacts {
  const event = new (ICAL().Event)(v);
  const uid = oneLine(event.uid, 300);
  if (!uid) throw new InboxError('an event without a UID', lineOf(v));
  const startProp = v.getFirstProperty('dtstart');
  const start = event.startDate;
  if (!start) throw new InboxError(`event ${uid} has no start (DTSTART)`);
  if (start.year > 9999 || start.year < 1000) throw new InboxError(`event ${uid} is dated ${start.year}: past what a date can be written as (years 1000-9999)`);
  let date: string;
  let duration: number | undefined;
  const warnings: string[] = [];
  if (start.isDate) {
    date = formatWallDay(start);
  } else {
    const ms = instant(start, startProp, o.zone);
    const tzid = startProp?.getParameter('tzid');
    if (tzid && (!start.zone || start.zone.tzid === 'floating') && !ianaZone(String(tzid))) {
      const hhmm = `${String(start.hour).padStart(2, '0')}:${String(start.minute).padStart(2, '0')}`;
      warnings.push(`event ${uid}: the time zone ${JSON.stringify(oneLine(String(tzid), 60))} is neither defined in the invite nor a known one: ${hhmm} is read as your time (${o.zone}); check the round's date`);
    }
    const wall = wallIn(ms, o.zone);
    if (wall.year > 9999) throw new InboxError(`event ${uid} is dated past 9999`);
    date = formatWall(wall);
    const seconds = event.duration?.toSeconds();
    if (seconds && seconds > 0 && seconds <= 24 * 3600) duration = Math.round(seconds / 60);
  }
  const status = text(v, 'status').toUpperCase();
  const summary = oneLine(event.summary);
  const description = text(v, 'description');
  const location = oneLine(text(v, 'location'));
  const sources = [
    ...v.getAllProperties('conference').map((p: Ical) => String(p.getFirstValue() ?? '')),
    text(v, 'x-google-conference'), text(v, 'x-microsoft-skypeteamsmeetingurl'), text(v, 'x-microsoft-onlinemeetingconflink'),
    // The raw location: the one-line value is cut at 200 characters, and a Teams link is longer.
    text(v, 'location'), text(v, 'url'), description, text(v, 'x-alt-desc'),
  ];
  const found = sources.map((s) => LINK.exec(s)?.[0]).find(Boolean);
  const me = new Set(o.me);
  const organizerProp = v.getFirstProperty('organizer');
  const organizer = organizerProp ? personOf(organizerProp) : undefined;
  const sentBy = address(String(organizerProp?.getParameter('sent-by') ?? ''));
  const organizerIsPerson = !!organizer?.email && !isScheduler(organizer.email) && !me.has(organizer.email) && !!organizer.name;
  const interviewers: Person[] = [];
  for (const p of v.getAllProperties('attendee')) {
    const cutype = String(p.getParameter('cutype') ?? 'INDIVIDUAL').toUpperCase();
    if (cutype === 'ROOM' || cutype === 'RESOURCE' || cutype === 'GROUP') continue;
    const person = personOf(p);
    if (!person || !person.email || me.has(person.email) || isScheduler(person.email)) continue;
    if (/resource\.calendar\.google\.com$/i.test(person.email)) continue;
    if (person.email === organizer?.email && !organizerIsPerson) continue;
    if (!interviewers.some((i) => i.email === person.email)) interviewers.push(person);
  }
  const domains = [organizerIsPerson ? organizer!.email : undefined, sentBy, ...interviewers.map((i) => i.email)].map(domainOf).filter((d) => !isPublicDomain(d));
  const { company, role } = processOf(summary);
  return {
    uid, sequence: sequenceOf(v),
    cancelled: method === 'CANCEL' || status === 'CANCELLED',
    date, duration,
    stage: stageOf(summary),
    link: link(found),
    location: location && !/^https?:/i.test(location) && !/^microsoft teams meeting$|^zoom$|^google meet$/i.test(location) ? location : undefined,
    interviewers, organizer: organizerIsPerson ? organizer : undefined,
    company, role, domain: domains[0], summary, warnings,
  };
}

/** SEQUENCE, the event's version (RFC 5545: a non-negative integer, 0 when absent). */
function sequenceOf(v: Ical): number {
  const n = Number(v.getFirstPropertyValue('sequence') ?? 0);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** The event's start as an instant: its VTIMEZONE, else the TZID's zone (Windows names too), else the user's. */
function instant(start: Ical, prop: Ical, zone: string): number {
  const tzid = prop?.getParameter('tzid');
  if (start.zone && start.zone.tzid !== 'floating') return start.toUnixTime() * 1000;
  const named = tzid ? ianaZone(String(tzid)) : undefined;
  return instantOf({ year: start.year, month: start.month, day: start.day, hour: start.hour, minute: start.minute }, named ?? zone);
}

function personOf(p: Ical): Person | undefined {
  const email = address(String(p.getFirstValue() ?? '')) ?? address(String(p.getParameter('email') ?? ''));
  const cn = oneLine(String(p.getParameter('cn') ?? ''), 100).replace(/^"|"$/g, '');
  // A name goes onto a draft's To: line beside the address: one holding "@", "<" or ">" (an
  // address, or a recipient forged into the CN) is no name, and the person is their address.
  const name = cn && !/[@<>]/.test(cn) ? cn : undefined;
  if (!email && !name) return undefined;
  return { name, email };
}

function lineOf(v: Ical): number {
  void v;
  return 1;
}

/** The stage a summary names ("Onsite", "Phone screen"), from the phrase tables. */
export function stageOf(summary: string): string | undefined {
  for (const t of TABLES) {
    for (const [stage, words] of Object.entries(t.stages)) if (findPhrase(summary, words)) return stage;
  }
  return undefined;
}

/**
 * Company and role from a summary as schedulers write it: "Interview: Senior Engineer at
 * Acme", "Acme - Onsite - Senior Engineer", "Senior Engineer interview with Acme", "Acme |
 * Senior Engineer | Phone Screen". What does not fit one of these is left unknown.
 */
export function processOf(summary: string): { company?: string; role?: string } {
  const s = summary.replace(/^(?:updated|rescheduled|canceled|cancelled|invitation|invite|confirmed|new event)\s*:\s*/i, '').replace(/\s*@\s.*$/, '').trim();
  const at = /^(.+?)\s+(?:at|@)\s+(.+?)(?:\s*[-–(|].*)?$/i.exec(s);
  // "Phone Screen: Alex Candidate for Site Reliability Engineer at Umbrella": the role follows "for".
  if (at && !/\binterview\b/i.test(at[2])) return tidy(at[2], at[1].replace(/^[^:]*:\s*/, '').replace(/^.*\bfor\s+/i, ''));
  const withCo = /^(.+?)\s+(?:interview|call|chat|screen)\s+with\s+(.+?)(?:\s*[-–(|].*)?$/i.exec(s);
  if (withCo) return tidy(withCo[2], withCo[1]);
  const parts = s.split(/\s+[-–|]\s+|\s*\|\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length >= 3) {
    const rest = parts.slice(1).filter((p) => !stageOf(p) && !/\binterview\b/i.test(p));
    if (rest.length >= 1) return tidy(parts[0], rest[0]);
  }
  return {};
}

/** A stage's words, "interview" and such taken away: what is left of a summary's role part. */
const STAGE_ONLY = /^(?:(?:the|a|an|\d+\s*minutes?|phone|recruiter|screen(?:ing)?|technical|coding|system|design|onsite|on-site|virtual|final|round|hiring|manager|interview|call|chat|loop|intro)\s*)+$/i;

function tidy(company: string, role: string): { company?: string; role?: string } {
  const clean = (x: string) => oneLine(x.replace(/^(?:interview|the)\s+/i, '').replace(/[:,]+$/, ''), 100) || undefined;
  const c = clean(company);
  const r = clean(role);
  if (!c || /\s(?:and|with|between)\s/i.test(c)) return {};
  return r && !STAGE_ONLY.test(r) ? { company: c, role: r } : { company: c };
}
