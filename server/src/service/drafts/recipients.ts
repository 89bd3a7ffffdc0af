/**
 * To whom: the people a note's messages can go to, and the one a draft is addressed to by name.
 */
import { Day } from '../dates';
import { Interview, mainContact, Person } from '../model';
import { timelineOf } from '../rules/timeline';
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

/** The person a draft is addressed to, by name; the main contact without a name. */
export function personNamed(ctx: FixContext, to: string | undefined): Addressee | undefined {
  const people = peopleOf(ctx.interview, ctx.today);
  return to === undefined ? people[0] : people.find((p) => p.name === to);
}
