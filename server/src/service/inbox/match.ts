/** Stage 3: which note an invite or a reply belongs to. */
import { isMap, isScalar, isSeq } from 'yaml';
import { parseNote, ParsedNote } from '../model';
import { statusOf } from '../rules/common';
import { domainOf } from './clean';
import { isPublicDomain, RoundFacts } from './invite';
import type { ReplyFacts } from './reply';
import { processKey } from '../search';

export interface NoteIn {
  /** The path as the caller names it (relative to DIR or the workspace). */
  file: string;
  text: string;
}

export interface Candidate {
  file: string;
  note: ParsedNote;
}

export function candidates(notes: readonly NoteIn[]): Candidate[] {
  const out: Candidate[] = [];
  for (const n of notes) {
    const note = parseNote(n.text);
    if (note?.interview) out.push({ file: n.file, note });
  }
  return out;
}

const isOpenNote = (c: Candidate) => ['waiting', 'advanced', 'offer'].includes(statusOf(c.note.interview!) ?? '');

/**
 * What matching reads of a parsed note, worked out once per parse: an import of thousands of
 * events asks it of every note for each event.
 */
const memo = new WeakMap<ParsedNote, { process?: string; uids?: (string | undefined)[] }>();
const memoOf = (note: ParsedNote) => {
  let m = memo.get(note);
  if (!m) memo.set(note, (m = {}));
  return m;
};

/** Company and role, as one process is known across its notes (the rules' key). */
const processOf = (c: Candidate) => {
  const m = memoOf(c.note);
  if (!('process' in m)) {
    const i = c.note.interview!;
    m.process = processKey(i.company.kind === 'ok' ? i.company.value : undefined, i.role.kind === 'ok' ? i.role.value : undefined);
  }
  return m.process;
};

/** The day of a note's latest round (its `interviewed`): of one process's notes, the one that follows it now. */
function latestDay(c: Candidate): number {
  const i = c.note.interview!;
  const days = [...(i.rounds.kind === 'ok' ? i.rounds.value.map((r) => r.day ?? -Infinity) : []), i.interviewed.kind === 'ok' ? i.interviewed.value : -Infinity];
  return Math.max(...days);
}

/** Notes of one process (one search may keep a note per round): the latest; else undefined. */
function latestOfOneProcess(notes: Candidate[]): Candidate | undefined {
  const key = notes.length > 0 ? processOf(notes[0]) : undefined;
  if (key === undefined || !notes.every((c) => processOf(c) === key)) return undefined;
  return [...notes].sort((a, b) => latestDay(b) - latestDay(a) || a.file.localeCompare(b.file))[0];
}

/** The uid of each round of a note, in order (undefined where none is written). */
export function roundUids(note: ParsedNote): (string | undefined)[] {
  const m = memoOf(note);
  return (m.uids ??= readUids(note));
}

function readUids(note: ParsedNote): (string | undefined)[] {
  const seq = note.keys.get('rounds')?.pair.value;
  if (!isSeq(seq)) return [];
  return seq.items.map((item) => {
    if (!isMap(item)) return undefined;
    const uid = item.get('uid', true);
    return isScalar(uid) ? String(uid.value) : undefined;
  });
}

/** Every address written in a note: the contact's, the interviewers' (top level and per round). */
export function addressesOf(note: ParsedNote): string[] {
  const i = note.interview!;
  const people = [
    ...(i.contact.kind === 'ok' ? [i.contact.value] : []),
    ...(i.interviewers.kind === 'ok' ? i.interviewers.value : []),
    ...(i.rounds.kind === 'ok' ? i.rounds.value.flatMap((r) => r.interviewers) : []),
  ];
  return people.map((p) => p.email?.trim().toLowerCase()).filter((e): e is string => !!e);
}

export type InviteMatch =
  | { kind: 'round'; target: Candidate; index: number }
  | { kind: 'process'; target: Candidate }
  | { kind: 'new' };

export function matchInvite(f: RoundFacts, notes: Candidate[]): InviteMatch {
  for (const c of notes) {
    const index = roundUids(c.note).indexOf(f.uid);
    if (index >= 0) return { kind: 'round', target: c, index };
  }
  const open = notes.filter(isOpenNote);
  if (f.company && f.role) {
    const key = processKey(f.company, f.role);
    const same = latestOfOneProcess(open.filter((c) => processOf(c) === key));
    if (same) return { kind: 'process', target: same };
  }
  if (!f.company && f.domain) {
    const byDomain = open.filter((c) => addressesOf(c.note).some((a) => domainOf(a) === f.domain));
    const one = byDomain.length === 1 ? byDomain[0] : latestOfOneProcess(byDomain);
    if (one) return { kind: 'process', target: one };
  }
  return { kind: 'new' };
}

/** A value read from the note as the import compares and shows it (undefined when empty). */
export const shown = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Whether the note's `replies` already hold this one (its date, sender and subject). */
export function hasReply(note: ParsedNote, r: Pick<ReplyFacts, 'date' | 'from' | 'subject'>): boolean {
  const seq = note.keys.get('replies')?.pair.value;
  return isSeq(seq) && seq.items.some((item) => {
    const v = isMap(item) ? (item.toJSON() as Record<string, unknown>) : {};
    return shown(v.date) === r.date && shown(v.from) === r.from && (shown(v.subject) ?? '') === r.subject;
  });
}

export type ReplyMatch = { kind: 'note'; target: Candidate; by: string } | { kind: 'none'; why: string };

export function matchReply(from: string, notes: Candidate[]): ReplyMatch {
  const bySender = notes.filter((c) => addressesOf(c.note).includes(from));
  const openSender = bySender.filter(isOpenNote);
  const pick = openSender.length > 0 ? openSender : bySender;
  if (pick.length === 1) return { kind: 'note', target: pick[0], by: `${from} is in it` };
  const latest = latestOfOneProcess(pick);
  if (latest) return { kind: 'note', target: latest, by: `${from} is in it, the latest note of its process` };
  if (pick.length > 1) return { kind: 'none', why: `${from} is in ${pick.length} notes (${pick.map((c) => c.file).join(', ')}): import it into one by hand` };
  const domain = domainOf(from);
  if (isPublicDomain(domain)) return { kind: 'none', why: `no note has ${from} as its contact or an interviewer` };
  const byDomain = notes.filter(isOpenNote).filter((c) => addressesOf(c.note).some((a) => domainOf(a) === domain));
  const one = byDomain.length === 1 ? byDomain[0] : latestOfOneProcess(byDomain);
  if (one) return { kind: 'note', target: one, by: `the one open process at ${domain}` };
  if (byDomain.length > 1) return { kind: 'none', why: `${byDomain.length} open processes at ${domain} (${byDomain.map((c) => c.file).join(', ')}), and ${from} is in none of them` };
  return { kind: 'none', why: `no note has ${from} as its contact or an interviewer, and no open process is at ${domain}` };
}
