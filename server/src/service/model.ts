/**
 * Parses a note once: front matter located, YAML parsed with the Document API (node ranges
 * kept, so every finding and edit can point at the exact bytes), and a typed interview model
 * built from it. Validation problems are recorded here once; the rules read them.
 */
import { Document, isAlias, isMap, isScalar, isSeq, Pair, YAMLMap } from 'yaml';
import type { Day } from './dates';
import type { Channel, Status } from './format';
import { FrontMatter, hasInterviewMarker, locateFrontMatter, Span, visibleSpan } from './frontmatter';
import { buildInterview } from './interview';
import { clip, keysOf, shift } from './reader';
import { misspeltKey } from './spelling';
import type { FindingData } from './types';
import { MAX_YAML_CHARS, parseYaml } from './yamlparse';

export type { Span } from './frontmatter';
export { clip } from './reader';

export { KNOWN_KEYS, STATUSES } from './format';
export type { Status } from './format';

export interface KeyInfo {
  name: string;
  keySpan: Span;
  pair: Pair;
}

/** A field's state: absent (or empty), usable, or invalid (its own error speaks for it). */
export type Field<T> =
  | { kind: 'absent'; key?: KeyInfo }
  | { kind: 'ok'; value: T; span: Span; key: KeyInfo }
  | { kind: 'invalid'; span: Span; key: KeyInfo };

export interface Problem {
  rule: 'invalid-date' | 'invalid-value' | 'missing-field';
  span: Span;
  message: string;
  /** A replacement value for a near miss (`wating` -> `waiting`). */
  suggestion?: string;
  /** What a quick fix needs (a top-level thank_you_sent to move into the latest round). */
  data?: FindingData;
}

export interface Person {
  name?: string;
  email?: string;
  phone?: string;
  title?: string;
  /** What you talked about with this person, for their thank-you. */
  highlight?: string;
}

export interface FollowUp {
  index: number;
  span: Span;
  /** undefined when the entry is not a real date. */
  day?: Day;
  /** How it went out, for a `{date, channel}` entry. */
  channel?: Channel;
}

/** One interview of a process, as a `rounds` entry. */
export interface Round {
  index: number;
  /** The entry as written. */
  span: Span;
  /** Its keys as written. */
  keys: Map<string, KeyInfo>;
  /** undefined when missing or not a real date (its own error speaks). */
  day?: Day;
  /** Where the date is written; the entry when it is missing. */
  daySpan: Span;
  stage?: string;
  highlight?: string;
  interviewers: Person[];
  thankYouSent: Field<Day>;
  /** `cancelled: true` (an import of a cancellation): the round counts for no rule. */
  cancelled?: boolean;
  /** The time of day its date names (`2026-12-03T10:00`), `HH:MM`; undefined for a date alone. */
  time?: string;
  /** `duration` in minutes, and the conference `link`, as an import writes them: the calendar's event. */
  minutes?: number;
  link?: string;
  /** `location`, as an import writes it (a room, "Phone call"): a draft reads a call from it. */
  location?: string;
}

export interface ExpectedReply {
  day: Day;
  /** The interviewer's words when the value was a phrase rather than a date. */
  phrase?: string;
}

export interface Interview {
  company: Field<string>;
  role: Field<string>;
  interviewed: Field<Day>;
  /** The interviews of the process, oldest first; a note has this or `interviewed`. */
  rounds: Field<Round[]>;
  expectReplyBy: Field<ExpectedReply>;
  thankYouSent: Field<Day>;
  followUps: Field<FollowUp[]>;
  status: Field<Status>;
  contact: Field<Person>;
  interviewers: Field<Person[]>;
  stage: Field<string>;
  pitch: Field<string>;
  /** One thing you talked about, in your words, for the thank-you. */
  highlight: Field<string>;
  /** When they need your answer to an offer. */
  offerDeadline: Field<Day>;
  /** The days of the `replies` recorded (an import of a saved email), each a date. */
  replies: Day[];
  problems: Problem[];
}

export interface SyntaxProblem {
  span: Span;
  message: string;
}

export interface ParsedNote {
  text: string;
  frontMatter: FrontMatter;
  /** Syntax problems: parse errors, a root that is not a mapping, an unclosed block. */
  syntax: SyntaxProblem[];
  /** The parsed front matter; undefined when it could not be parsed. */
  doc?: Document.Parsed;
  /** The root mapping when the front matter is one. */
  root?: YAMLMap;
  /** Top-level keys as written (first occurrence). */
  keys: Map<string, KeyInfo>;
  /** The typed model; undefined when the front matter is not a readable mapping. */
  interview?: Interview;
}

/** Parses `text`; undefined when it is not an interview note (no diagnostics, ever). */
export function parseNote(text: string): ParsedNote | undefined {
  const fm = locateFrontMatter(text);
  if (!fm) return undefined;
  const note: ParsedNote = { text, frontMatter: fm, syntax: [], keys: new Map() };
  if (!fm.close) {
    if (!hasInterviewMarker(text, fm.content)) return undefined;
    note.syntax.push({ span: fm.open, message: 'The front matter is never closed: end it with a --- line' });
    return note;
  }
  const base = fm.content.start;
  const size = fm.content.end - fm.content.start;
  if (size > MAX_YAML_CHARS) {
    // Parsing costs about a second per 500 KB: a front matter this size is not a note's.
    if (!hasInterviewMarker(text, fm.content)) return undefined;
    note.syntax.push({ span: fm.open, message: `The front matter is too large to check (${Math.ceil(size / 1024)} KB; at most ${MAX_YAML_CHARS / 1024} KB)` });
    return note;
  }
  let doc: Document.Parsed;
  try {
    // Tags are never evaluated: `!!binary` and custom tags stay plain strings.
    doc = parseYaml(text.slice(fm.content.start, fm.content.end));
  } catch (err) {
    // The parser can exhaust the stack on pathological nesting; report, do not crash.
    if (!hasInterviewMarker(text, fm.content)) return undefined;
    note.syntax.push({ span: fm.open, message: `The front matter cannot be parsed: ${firstLine(String((err as Error)?.message ?? err))}` });
    return note;
  }
  if (doc.errors.length > 0) {
    if (!hasInterviewMarker(text, fm.content)) return undefined;
    for (const e of doc.errors) {
      note.syntax.push({ span: visibleSpan(text, shift({ start: e.pos[0], end: e.pos[1] }, base), fm.content), message: firstLine(e.message) });
    }
    return note;
  }
  note.doc = doc;
  if (!isMap(doc.contents)) {
    if (!hasInterviewMarker(text, fm.content)) return undefined;
    const what = doc.contents === null ? 'empty' : isSeq(doc.contents) ? 'a list' : 'a single value';
    note.syntax.push({ span: fm.open, message: `The front matter is ${what}; an interview note needs a mapping of keys (company, role, interviewed, ...)` });
    return note;
  }
  const root = doc.contents;
  note.root = root;
  note.keys = keysOf(root, base);
  const typeNode = note.keys.get('type')?.pair.value;
  const typeValue = isAlias(typeNode) ? typeNode.resolve(doc) : typeNode;
  const isInterview = note.keys.has('interviewed') || note.keys.has('rounds') || (isScalar(typeValue) && typeValue.value === 'interview') || almostInterview(note);
  if (!isInterview) return undefined;
  note.interview = buildInterview(note.keys, doc, base, text);
  return note;
}

/**
 * A note with `company` or `role` and a near miss of `interviewed` (`interviewd:`) is one: its
 * typo gets unknown-field rather than silencing every rule.
 */
export function almostInterview(note: Pick<ParsedNote, 'keys'>): boolean {
  if (!note.keys.has('company') && !note.keys.has('role')) return false;
  for (const name of note.keys.keys()) if (misspeltKey(name) === 'interviewed') return true;
  return false;
}

function firstLine(message: string): string {
  return clip(message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), 200);
}

/** Who the emails go to: the contact, else the first interviewer; undefined when the note names nobody. */
export function mainContact(i: Interview): Person | undefined {
  if (i.contact.kind === 'ok') return i.contact.value;
  return i.interviewers.kind === 'ok' ? i.interviewers.value[0] : undefined;
}
