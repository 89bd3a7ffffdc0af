/**
 * Stage 4: what changes in which note, each change with its field, old and new value and,
 * for a reply, the sentence that led to it. Steps are applied through edit.ts as planned.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { formatDay } from '../dates';
import { ParsedNote, parseNote } from '../model';
import { statusOf } from '../rules/common';
import { yamlString } from '../safe/yaml';
import { addRound, apply, appendTo, firstRound, flowPeople, inRound, setContact, setTop, Step } from './edit';
import type { RoundFacts } from './invite';
import { hasReply, shown } from './match';
import type { ReplyFacts } from './reply';

export interface Change {
  field: string;
  old?: string;
  new: string;
  /** Why the change is made, in our words. */
  why?: string;
  /** The sentence of a reply that led to it, as written. */
  sentence?: string;
}

export interface Planned {
  text: string;
  changes: Change[];
  /** What the note's reader should know that changed nothing, one line each. */
  said: string[];
}

class Plan {
  changes: Change[] = [];
  said: string[] = [];
  constructor(public text: string) {}
  do(step: Step, change: Change): void {
    this.text = apply(this.text, step, `set ${change.field}`);
    this.changes.push(change);
  }
}

function roundValues(note: ParsedNote, index: number): Record<string, unknown> {
  const seq = note.keys.get('rounds')?.pair.value;
  const entry = isSeq(seq) ? seq.items[index] : undefined;
  return isMap(entry) ? (entry.toJSON() as Record<string, unknown>) : {};
}

/** The round's keys an invite sets, with their YAML text, for the fields it knows. */
function roundFields(f: RoundFacts): [string, string, string][] {
  const out: [string, string, string][] = [];
  if (f.stage) out.push(['stage', f.stage, yamlString(f.stage)]);
  if (f.duration) out.push(['duration', String(f.duration), String(f.duration)]);
  if (f.link) out.push(['link', f.link, yamlString(f.link)]);
  if (f.location) out.push(['location', f.location, yamlString(f.location)]);
  if (f.interviewers.length > 0) out.push(['interviewers', f.interviewers.map((p) => p.name ?? p.email).join(', '), flowPeople(f.interviewers)]);
  out.push(['uid', f.uid, yamlString(f.uid)]);
  if (f.sequence > 0) out.push(['sequence', String(f.sequence), String(f.sequence)]);
  return out;
}

/** The SEQUENCE a round was last updated from: its `sequence` (written when over 0), else 0. */
const sequenceOf = (was: Record<string, unknown>) => (Number.isSafeInteger(was.sequence) && (was.sequence as number) > 0 ? (was.sequence as number) : 0);

/** What a newer invite says of the round besides its date, where the round says otherwise: shown, never written. */
const TOLD = ['location', 'link', 'duration'];

/**
 * An invite for a round the note already has (same uid). Only a newer version (a SEQUENCE
 * above the round's) changes it, and only its `date` (moved) or `cancelled`, and `sequence`:
 * the rest of the round is the user's. An older or equal one changes nothing and says why.
 */
export function updateRound(text: string, note: ParsedNote, index: number, f: RoundFacts): Planned {
  const p = new Plan(text);
  const was = roundValues(note, index);
  const label = `rounds[${index + 1}]`;
  const oldDate = shown(was.date);
  const stored = sequenceOf(was);
  const cancels = f.cancelled && was.cancelled !== true;
  const moves = !f.cancelled && oldDate !== f.date;
  if (f.sequence <= stored) {
    if (cancels || moves) p.said.push(`${label} not ${cancels ? 'cancelled' : 'moved'}: this invite is SEQUENCE ${f.sequence}, ${f.sequence < stored ? `older than the SEQUENCE ${stored}` : 'the same as the one'} the round was last updated from (it stays on ${oldDate})`);
    return p;
  }
  if (cancels) p.do(inRound(index, 'cancelled', 'true'), { field: `${label}.cancelled`, new: 'true', why: `the ${f.date} interview is cancelled` });
  if (!f.cancelled && was.cancelled === true) p.do(inRound(index, 'cancelled', 'false'), { field: `${label}.cancelled`, old: 'true', new: 'false', why: 'the interview is on again' });
  if (moves) p.do(inRound(index, 'date', f.date), { field: `${label}.date`, old: oldDate, new: f.date, why: `moved from ${oldDate} to ${f.date}` });
  if (p.changes.length === 0) return p;
  p.do(inRound(index, 'sequence', String(f.sequence)), { field: `${label}.sequence`, old: shown(was.sequence), new: String(f.sequence), why: 'the version of the invite the round is now from' });
  if (f.cancelled) return p;
  const told = roundFields(f).filter(([key, value]) => TOLD.includes(key) && shown(was[key]) !== value).map(([key, value, yaml]) => `${key} ${key === 'duration' ? value : yaml}`);
  if (told.length > 0) p.said.push(`${label}: the invite also says ${told.join(', ')} (not written: the round keeps yours)`);
  return p;
}

/** A new round in a note of the same process, in date order. */
export function addToProcess(text: string, note: ParsedNote, f: RoundFacts): Planned {
  const p = new Plan(text);
  const i = note.interview!;
  const rounds = i.rounds.kind === 'ok' ? i.rounds.value : undefined;
  const day = f.date.slice(0, 10);
  let index: number;
  if (rounds) {
    const later = rounds.findIndex((r) => r.day !== undefined && formatDay(r.day) > day);
    index = later < 0 ? rounds.length : later;
  } else {
    index = 1; // after the round `interviewed` becomes
  }
  if (f.cancelled) return p; // a cancelled round never held: nothing to add
  p.do(addRound(f.date, index), { field: `rounds[${index + 1}].date`, new: f.date, why: rounds ? undefined : 'interviewed becomes the first of the rounds' });
  for (const [key, value, yaml] of roundFields(f)) p.do(inRound(index, key, yaml), { field: `rounds[${index + 1}].${key}`, new: value });
  contactFrom(p, note, f);
  return p;
}

/** A new note's text (the template rendered), its first round set from the invite. */
export function fillNew(text: string, f: RoundFacts): Planned {
  const p = new Plan(text);
  p.do(firstRound(f.date), { field: 'rounds[1].date', new: f.date });
  for (const [key, value, yaml] of roundFields(f)) p.do(inRound(0, key, yaml), { field: `rounds[1].${key}`, new: value });
  const note = parseNote(p.text);
  if (note) contactFrom(p, note, f);
  return p;
}

function contactFrom(p: Plan, note: ParsedNote, f: RoundFacts): void {
  const c = note.interview?.contact;
  if (!f.organizer || (c?.kind === 'ok' && c.value.name?.trim())) return;
  p.do(setContact(f.organizer), { field: 'contact', new: `${f.organizer.name}${f.organizer.email ? ` <${f.organizer.email}>` : ''}`, why: 'the organizer' });
}

/** A reply: recorded in `replies`, and what it says (status, timeline) set. */
export function applyReply(text: string, note: ParsedNote, r: ReplyFacts): Planned {
  const p = new Plan(text);
  if (hasReply(note, r)) return p;
  const entry = `{date: ${r.date}, from: ${yamlString(r.from)}${r.subject ? `, subject: ${yamlString(r.subject)}` : ''}}`;
  p.do(appendTo('replies', entry), { field: 'replies', new: `${r.date} from ${r.from}${r.subject ? `: ${r.subject}` : ''}` });
  const i = note.interview!;
  const status = statusOf(i);
  const open = status === 'waiting' || status === 'advanced' || status === 'offer';
  if (r.kind === 'rejection' && open) p.do(setTop('status', 'rejected'), { field: 'status', old: status, new: 'rejected', sentence: r.sentence });
  if (r.kind === 'offer' && open && status !== 'offer') p.do(setTop('status', 'offer'), { field: 'status', old: status, new: 'offer', sentence: r.sentence });
  if (r.kind === 'timeline' && r.expect !== undefined && open) {
    const old = i.expectReplyBy.kind === 'ok' ? formatDay(i.expectReplyBy.value.day) : undefined;
    const to = formatDay(r.expect);
    const written = isScalar(i.expectReplyBy.key?.pair.value) ? shown((i.expectReplyBy.key!.pair.value as { value: unknown }).value) : undefined;
    if (old !== to || written !== to) p.do(setTop('expect_reply_by', to), { field: 'expect_reply_by', old: written, new: to, sentence: r.sentence });
  }
  return p;
}
