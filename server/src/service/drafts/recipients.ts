/**
 * To whom: the people a note's messages can go to, and the one a draft is addressed to by name.
 */
import { Day } from '../dates';
import { Interview, mainContact, Person } from '../model';
import { Meeting, timelineOf } from '../rules/timeline';
import type { FixContext } from '../rules/rule';

/** A person a draft can be addressed to: the contact, or an interviewer of the latest round. */
export interface Addressee extends Person {
  /** An interviewer (not the contact): the thank-you mentions their title. */
  interviewer: boolean;
}

/** The most people a thank-you is offered to: the contact and the first interviewers. */
export const MAX_PEOPLE = 8;

/**
 * Who the messages of the process can go to: the contact (or, without one, the first
 * interviewer), then each interviewer of the latest round held (of the note, without rounds),
 * each once. One unnamed entry when the note names nobody.
 */
export function peopleOf(i: Interview, today: Day, limit = MAX_PEOPLE): Addressee[] {
  const out: Addressee[] = [];
  const seen = new Set<string>();
  const add = (p: Person | undefined, interviewer: boolean) => {
    const key = p?.name?.trim().toLowerCase();
    if (!p || !key) return;
    if (seen.has(key)) {
      // The contact met again in the round: what the round says of them (a title, an email) fills in what the contact lacks.
      const k = out.findIndex((o) => samePerson(o, p));
      if (k >= 0) out[k] = { ...p, ...Object.fromEntries(Object.entries(out[k]).filter(([, v]) => v !== undefined)), interviewer: out[k].interviewer } as Addressee;
      return;
    }
    seen.add(key);
    out.push({ ...p, interviewer });
  };
  const main = mainContact(i);
  add(main, i.contact.kind !== 'ok');
  const met = metIn(i, timelineOf(i, today)?.current);
  // A panel is a handful of people: past that, a list of hundreds would offer hundreds of actions.
  for (const p of met) if (out.length < limit) add(p, true);
  return out.length > 0 ? out : [{ ...main, interviewer: false }];
}

/** The people met in a round: its interviewers (the note's, without rounds). */
export function metIn(i: Interview, current: Meeting | undefined): Person[] {
  const rounds = i.rounds.kind === 'ok' ? i.rounds.value : undefined;
  if (rounds && current?.round !== undefined) return rounds[current.round]?.interviewers ?? [];
  return i.interviewers.kind === 'ok' ? i.interviewers.value : [];
}

/** A title before a name ("Dr. Jane Doe"): not the name a person goes by. */
const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|miss|prof|professor|sir|dame|rev)\.?$/i;

/** The name a person goes by: "Jane" of "Jane Doe" and of "Dr. Jane Doe". */
export function givenName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (words.length > 1 && HONORIFIC.test(words[0]) ? words[1] : words[0]) ?? '';
}

/** How a draft greets them: "Jane" of "Jane Doe", "Dr. Doe" of "Dr. Jane Doe" (the title they put first). */
export function greetingOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words.length > 1 && HONORIFIC.test(words[0]) ? `${words[0]} ${words[words.length - 1]}` : words[0] ?? '';
}

/** One person, however their name is spaced or cased. */
export function samePerson(a: Person, b: Person): boolean {
  const key = (p: Person) => p.name?.trim().toLowerCase().replace(/\s+/g, ' ');
  return key(a) !== undefined && key(a) !== '' && key(a) === key(b);
}

/**
 * The people a round's thank-you goes to, the default first: the first interviewer of the
 * round with an email (who you met), else the contact; then the others in peopleOf's order.
 */
export function thankYouPeople(i: Interview, today: Day, limit = MAX_PEOPLE): Addressee[] {
  const people = peopleOf(i, today, limit);
  const first = metIn(i, timelineOf(i, today)?.current).find((m) => m.email);
  const k = first ? people.findIndex((p) => samePerson(p, first)) : -1;
  return k <= 0 ? people : [people[k], ...people.slice(0, k), ...people.slice(k + 1)];
}

/** The person a draft is addressed to, by name; without one, the default (of a thank-you: thankYouPeople's). */
export function personNamed(ctx: FixContext, to: string | undefined, kind?: string): Addressee | undefined {
  // A person asked for by name is found past the handful offered (`draft --to` the ninth of a panel).
  const limit = to !== undefined ? Infinity : MAX_PEOPLE;
  const people = kind?.startsWith('thank-you') ? thankYouPeople(ctx.interview, ctx.today, limit) : peopleOf(ctx.interview, ctx.today, limit);
  if (to !== undefined) return people.find((p) => p.name === to);
  // Without a contact, the message goes to someone it can reach: the first person met with an email.
  return ctx.interview.contact.kind !== 'ok' ? people.find((p) => p.email) ?? people[0] : people[0];
}
