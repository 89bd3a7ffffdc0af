/**
 * Whole job searches for the simulated-search property test (SPEC part 3): processes of one to
 * three rounds with their people, promises in words and dates, thank-yous on time, late or
 * never, check-ins, offers (some with a deadline), rejections, one accepted offer at most,
 * processes kept in one note or a note a round; and the configuration (maxFollowUps 0-3,
 * working days, holidays). `notesOn(search, day)` writes the notes as a careful user would have
 * them that day: what has happened so far, the next round once it is booked.
 */
import fc from 'fast-check';
import { formatDay, parseIsoDay } from '../../server/src/service';

/** The first day of every simulated search. */
export const START = parseIsoDay('2026-10-01')!;
export const DAYS = 90;

export interface Person { name: string; email?: string; phone?: string; title?: string; highlight?: string }

export interface GenRound {
  /** Days after the previous round (the first: after START). */
  gap: number;
  stage: string;
  interviewers: Person[];
  /** Days after the round the thank-you went out; undefined: never. */
  thanks?: number;
}

export type Outcome =
  | { kind: 'none' }
  | { kind: 'rejected' | 'withdrawn' | 'closed'; after: number }
  | { kind: 'offer'; after: number; deadline?: number; accepted?: number };

export interface GenProcess {
  company: string;
  role: string;
  contact?: Person;
  rounds: GenRound[];
  /** The promise: days after its round, or their words. */
  promise?: { days: number } | { words: string };
  /** The round the promise was made at (0-based), kept after later rounds: a stale promise; the latest without. */
  promiseAt?: number;
  /** Check-ins: days after the latest round. */
  checkIns: number[];
  outcome: Outcome;
  /** A note a round (the earlier ones `advanced`), the later notes' company written differently. */
  split: boolean;
}

export interface GenSearch {
  processes: GenProcess[];
  maxFollowUps: number;
  workdays?: readonly string[];
  holidays: number[];
}

const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Hooli', 'Pied Piper', 'Umbrella'];
const ROLES = ['Backend Engineer', 'Data Engineer', 'SRE'];
const PEOPLE = ['Jane Doe', 'Sam Lee', 'Ana Ruiz', 'Lee Park', 'Priya Natarajan'];
const STAGES = ['phone screen', 'technical', 'onsite', 'final'];
const PHRASES = ['within two weeks', 'in 10 days', 'end of next week', 'within 5 business days'];

const TOPICS = ['the storage layer', 'the on-call rotation', 'the migration plan', 'the team\'s roadmap'];

const email = (name: string) => `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`;

const person: fc.Arbitrary<Person> = fc.record({
  name: fc.constantFrom(...PEOPLE),
  hasEmail: fc.boolean(),
  phone: fc.option(fc.constant('+1 555 0100'), { nil: undefined }),
  title: fc.option(fc.constantFrom('Staff Engineer', 'Recruiter', 'CTO'), { nil: undefined }),
}).map(({ name, hasEmail, phone, title }) => ({ name, ...(hasEmail ? { email: email(name) } : {}), ...(phone ? { phone } : {}), ...(title ? { title } : {}) }));

/** An interviewer: a person, some with their own highlight. */
const interviewer: fc.Arbitrary<Person> = fc.tuple(person, fc.option(fc.constantFrom(...TOPICS), { nil: undefined }))
  .map(([p, highlight]) => (highlight ? { ...p, highlight } : p));

const round = (i: number): fc.Arbitrary<GenRound> => fc.record({
  gap: i === 0 ? fc.integer({ min: 0, max: 45 }) : fc.integer({ min: 3, max: 16 }),
  stage: fc.constantFrom(...STAGES),
  interviewers: fc.uniqueArray(interviewer, { maxLength: 3, selector: (p) => p.name }),
  thanks: fc.option(fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }) }), { nil: undefined, freq: 5 }),
});

const outcome: fc.Arbitrary<Outcome> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Outcome>({ kind: 'none' }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('rejected' as const, 'withdrawn' as const, 'closed' as const), after: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({
    kind: fc.constant('offer' as const), after: fc.integer({ min: 1, max: 30 }),
    deadline: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }),
    accepted: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined, freq: 2 }),
  }, { requiredKeys: ['kind', 'after'] }) },
);

const process_: fc.Arbitrary<Omit<GenProcess, 'company' | 'role'>> = fc.record({
  contact: fc.option(person, { nil: undefined, freq: 4 }),
  rounds: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => round(i)))),
  promise: fc.option(fc.oneof(fc.record({ days: fc.integer({ min: 1, max: 21 }) }), fc.record({ words: fc.constantFrom(...PHRASES) })), { nil: undefined }),
  promiseAt: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined, freq: 3 }),
  checkIns: fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { maxLength: 4 }).map((xs) => xs.sort((a, b) => a - b)),
  outcome,
  split: fc.boolean(),
});

export const search: fc.Arbitrary<GenSearch> = fc.record({
  processes: fc.uniqueArray(fc.tuple(fc.constantFrom(...COMPANIES), fc.constantFrom(...ROLES), process_), { minLength: 1, maxLength: 4, selector: ([c]) => c }),
  maxFollowUps: fc.integer({ min: 0, max: 3 }),
  workdays: fc.constantFrom(undefined, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], ['sun', 'mon', 'tue', 'wed', 'thu']),
  holidays: fc.uniqueArray(fc.integer({ min: 0, max: DAYS + 40 }), { maxLength: 3 }).map((xs) => xs.map((x) => START + x)),
}).map(({ processes, ...rest }) => {
  // One accepted offer at most: a later acceptance would contradict the first.
  let accepted = false;
  return {
    ...rest,
    processes: processes.map(([company, role, p]): GenProcess => {
      if (p.outcome.kind === 'offer' && p.outcome.accepted !== undefined) {
        if (accepted) return { company, role, ...p, outcome: { ...p.outcome, accepted: undefined } };
        accepted = true;
      }
      return { company, role, ...p };
    }),
  };
});

/** The configuration file of a search. */
export function configText(s: GenSearch): string {
  return [`maxFollowUps: ${s.maxFollowUps}`, ...(s.workdays ? [`workdays: [${s.workdays.join(', ')}]`] : []),
    ...(s.holidays.length > 0 ? [`holidays: [${s.holidays.map(formatDay).join(', ')}]`] : []), ''].join('\n');
}

const flow = (p: Person) => `{${Object.entries(p).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}}`;

/** The status of a process on `today`, and its offer deadline. */
function statusOn(p: GenProcess, last: number, today: number): { status: string; deadline?: number } {
  const o = p.outcome;
  if (o.kind === 'none' || last + o.after > today) return { status: 'waiting' };
  if (o.kind !== 'offer') return { status: o.kind };
  const offered = last + o.after;
  const deadline = o.deadline === undefined ? undefined : offered + o.deadline;
  if (o.accepted !== undefined && offered + o.accepted <= today) return { status: 'accepted', deadline };
  return { status: 'offer', deadline };
}

/**
 * The notes as they stand on `today`, by file name: rounds held, the next one once booked (a
 * week ahead), thank-yous and check-ins sent by then, the promise of the latest round, the
 * status the company's answer gave it.
 */
export function notesOn(s: GenSearch, today: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of s.processes) {
    let day = START;
    const dated = p.rounds.map((r) => ({ ...r, day: (day += r.gap) }));
    const visible = dated.filter((r) => r.day - 7 <= today);
    if (visible.length === 0) continue;
    const held = visible.filter((r) => r.day <= today);
    const latest = held[held.length - 1];
    const last = dated[dated.length - 1];
    // The answer comes after the last round only; before it, the process is waiting.
    const { status, deadline } = latest === last ? statusOn(p, last.day, today) : { status: 'waiting' };
    const followUps = latest ? p.checkIns.map((d) => latest.day + d).filter((d) => d <= today) : [];
    // Promised at an earlier round and never updated: stale once a later round is held.
    const promisedAt = p.promiseAt !== undefined && p.promiseAt < held.length ? held[p.promiseAt] : latest;
    const promise = promisedAt && p.promise ? ('days' in p.promise ? formatDay(promisedAt.day + p.promise.days) : `'${p.promise.words}'`) : undefined;
    const head = (company: string) => [`company: ${company}`, `role: ${p.role}`, ...(p.contact ? [`contact: ${flow(p.contact)}`] : [])];
    const roundLines = (r: (typeof dated)[number]) => [
      `  - date: ${formatDay(r.day)}`, `    stage: ${r.stage}`,
      ...(r.interviewers.length > 0 ? [`    interviewers: [${r.interviewers.map(flow).join(', ')}]`] : []),
      ...(r.thanks !== undefined && r.day + r.thanks <= today ? [`    thank_you_sent: ${formatDay(r.day + r.thanks)}`] : []),
    ];
    const tail = [
      ...(promise ? [`expect_reply_by: ${promise}`] : []),
      ...(followUps.length > 0 ? [`follow_ups: [${followUps.map(formatDay).join(', ')}]`] : []),
      `status: ${status}`,
      ...(deadline !== undefined && (status === 'offer' || status === 'accepted') ? [`offer_deadline: ${formatDay(deadline)}`] : []),
    ];
    const slug = p.company.toLowerCase().replace(/\s+/g, '-');
    if (!p.split) {
      out[`${slug}.md`] = ['---', ...head(p.company), 'rounds:', ...visible.flatMap(roundLines), ...tail, '---', ''].join('\n');
      continue;
    }
    // A note a round: the earlier ones advanced; the later ones name the company in other case and spacing.
    visible.forEach((r, k) => {
      const company = k === 0 ? p.company : `${p.company.toUpperCase()} `;
      const lines = k < visible.length - 1 ? ['status: advanced'] : tail;
      out[`${slug}-${k + 1}.md`] = ['---', ...head(JSON.stringify(company)), 'rounds:', ...roundLines(r), ...lines, '---', ''].join('\n');
    });
  }
  return out;
}
