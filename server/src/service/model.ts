/**
 * Parses a note once: front matter located, YAML parsed with the Document API (node ranges
 * kept, so every finding and edit can point at the exact bytes), and a typed interview model
 * built from it. Validation problems are recorded here once; the rules read them.
 */
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { Day, looksLikeIsoDate, parseIsoDay } from './dates';
import { FrontMatter, hasInterviewMarker, locateFrontMatter, Span, visibleSpan } from './frontmatter';
import { PHRASE_EXAMPLES, resolvePhrase } from './phrases';
import { Status, STATUSES } from './format';
import { misspeltKey, nearest } from './spelling';
import { MAX_YAML_CHARS, parseYaml } from './yamlparse';

export type { Span } from './frontmatter';

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
  rule: 'invalid-date' | 'invalid-value';
  span: Span;
  message: string;
  /** A replacement value for a near miss (`wating` -> `waiting`). */
  suggestion?: string;
}

export interface Person {
  name?: string;
  email?: string;
  phone?: string;
  title?: string;
}

export interface FollowUp {
  index: number;
  span: Span;
  /** undefined when the entry is not a real date. */
  day?: Day;
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
  expectReplyBy: Field<ExpectedReply>;
  thankYouSent: Field<Day>;
  followUps: Field<FollowUp[]>;
  status: Field<Status>;
  contact: Field<Person>;
  interviewers: Field<Person[]>;
  stage: Field<string>;
  pitch: Field<string>;
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

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

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
  for (const pair of root.items) {
    const k = keyName(pair);
    if (k === undefined || note.keys.has(k.name)) continue;
    note.keys.set(k.name, { ...k, keySpan: shift(k.keySpan, base) });
  }
  const typeValue = note.keys.get('type') && resolveNode(doc, note.keys.get('type')!.pair.value);
  const isInterview = note.keys.has('interviewed') || (isScalar(typeValue) && typeValue.value === 'interview') || almostInterview(note);
  if (!isInterview) return undefined;
  note.interview = buildInterview(note, doc, base);
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

/** A value quoted in a message, cut short: a diagnostic should not carry megabytes of the note. */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function shift(span: Span, base: number): Span {
  return { start: span.start + base, end: span.end + base };
}

function keyName(pair: Pair): Omit<KeyInfo, 'keySpan'> & { keySpan: Span } | undefined {
  const key = pair.key;
  if (!isScalar(key) || !key.range) return undefined;
  const name = key.value === null ? '' : String(key.value);
  return { name, keySpan: { start: key.range[0], end: key.range[1] }, pair };
}

function resolveNode(doc: Document, node: unknown): Node | null {
  // An alias is followed one step, to the node it names: nothing is ever expanded, so an
  // alias bomb costs nothing here.
  if (isAlias(node)) {
    const target = (node as Alias).resolve(doc);
    return (target as Node | undefined) ?? null;
  }
  return (node as Node | null) ?? null;
}

function buildInterview(note: ParsedNote, doc: Document, base: number): Interview {
  const problems: Problem[] = [];
  const spanOf = (node: Node): Span => shift({ start: node.range![0], end: node.range![1] }, base);

  /** The key, its value node (aliases followed), and the span where the value is written. */
  const lookup = (name: string) => {
    const key = note.keys.get(name);
    if (!key) return undefined;
    const written = key.pair.value as Node | null;
    const node = resolveNode(doc, written);
    const span = written && written.range ? spanOf(written) : { start: key.keySpan.end, end: key.keySpan.end };
    return { key, node, span };
  };
  const isEmpty = (node: Node | null) =>
    node === null || (isScalar(node) && (node.value === null || (typeof node.value === 'string' && node.value.trim() === '')));

  const invalid = <T>(rule: Problem['rule'], key: KeyInfo, span: Span, message: string, suggestion?: string): Field<T> => {
    problems.push({ rule, span, message, suggestion });
    return { kind: 'invalid', span, key };
  };

  /** A text field; numbers pass only where free text may be one (`stage: 2`). */
  const text = (name: string, numbers: boolean): Field<string> => {
    const f = lookup(name);
    if (!f) return { kind: 'absent' };
    if (isEmpty(f.node)) return { kind: 'absent', key: f.key };
    if (isScalar(f.node) && (typeof f.node.value === 'string' || (numbers && typeof f.node.value === 'number'))) {
      return { kind: 'ok', value: String(f.node.value).trim(), span: f.span, key: f.key };
    }
    const hint = isScalar(f.node) ? ` (quote it if you mean the text: "${clip(f.node.source ?? String(f.node.value))}")` : '';
    return invalid('invalid-value', f.key, f.span, `${name} should be text, not ${describe(f.node)}${hint}`);
  };

  const dateOf = (node: Node | null, span: Span, label: string): { day?: Day; problem?: string } => {
    if (isScalar(node) && typeof node.value === 'string') {
      const day = parseIsoDay(node.value);
      if (day !== undefined) return { day };
      return {
        problem: looksLikeIsoDate(node.value)
          ? `${label} '${clip(node.value.trim())}' is not a real date`
          : `${label} '${clip(node.value.trim())}' is not a date: write YYYY-MM-DD`,
      };
    }
    void span;
    return { problem: `${label} should be a date (YYYY-MM-DD), not ${describe(node)}` };
  };

  const date = (name: string): Field<Day> => {
    const f = lookup(name);
    if (!f) return { kind: 'absent' };
    if (isEmpty(f.node)) return { kind: 'absent', key: f.key };
    const r = dateOf(f.node, f.span, name);
    if (r.day === undefined) return invalid('invalid-date', f.key, f.span, r.problem!);
    return { kind: 'ok', value: r.day, span: f.span, key: f.key };
  };

  const person = (node: Node | null, span: Span, label: string, allowName: boolean): Person | undefined => {
    if (allowName && isScalar(node) && typeof node.value === 'string') return { name: node.value.trim() };
    if (!isMap(node)) {
      problems.push({ rule: 'invalid-value', span, message: `${label} should be a mapping with name and email, not ${describe(node)}` });
      return undefined;
    }
    const p: Person = {};
    for (const item of node.items) {
      const k = isScalar(item.key) ? String(item.key.value) : undefined;
      if (k !== 'name' && k !== 'email' && k !== 'phone' && k !== 'title') continue;
      const v = resolveNode(doc, item.value);
      if (isEmpty(v)) continue;
      const vSpan = item.value && (item.value as Node).range ? spanOf(item.value as Node) : span;
      // A phone may be written as a number; a name or an address may not.
      if (!isScalar(v) || typeof v.value === 'object' || typeof v.value === 'boolean' || (k !== 'phone' && typeof v.value === 'number')) {
        problems.push({ rule: 'invalid-value', span: vSpan, message: `${label} ${k} should be text, not ${describe(v)}` });
        continue;
      }
      const value = String(v.value).trim();
      if (k === 'email' && !EMAIL.test(value)) {
        problems.push({ rule: 'invalid-value', span: vSpan, message: `${label} email '${clip(value)}' is not an email address` });
        continue;
      }
      p[k] = value;
    }
    return p;
  };

  const status = ((): Field<Status> => {
    const f = lookup('status');
    if (!f) return { kind: 'absent' };
    if (isEmpty(f.node)) return { kind: 'absent', key: f.key };
    const raw = isScalar(f.node) && typeof f.node.value === 'string' ? f.node.value.trim() : undefined;
    if (raw !== undefined && (STATUSES as readonly string[]).includes(raw)) {
      return { kind: 'ok', value: raw as Status, span: f.span, key: f.key };
    }
    const suggestion = raw === undefined ? undefined : nearest(raw, STATUSES);
    const shown = raw === undefined ? describe(f.node) : `'${clip(raw)}'`;
    return invalid('invalid-value', f.key, f.span,
      `Unknown status ${shown}${suggestion ? `: did you mean '${suggestion}'?` : ''} (one of ${STATUSES.join(', ')})`, suggestion);
  })();

  const interviewed = date('interviewed');
  const interviewDay = interviewed.kind === 'ok' ? interviewed.value : undefined;

  const expectReplyBy = ((): Field<ExpectedReply> => {
    const f = lookup('expect_reply_by');
    if (!f) return { kind: 'absent' };
    if (isEmpty(f.node)) return { kind: 'absent', key: f.key };
    if (!isScalar(f.node) || typeof f.node.value !== 'string') {
      return invalid('invalid-date', f.key, f.span, `expect_reply_by should be a date or their words ('within two weeks'), not ${describe(f.node)}`);
    }
    const words = f.node.value.trim();
    const iso = parseIsoDay(words);
    if (iso === undefined && looksLikeIsoDate(words)) {
      return invalid('invalid-date', f.key, f.span, `expect_reply_by '${clip(words)}' is not a real date`);
    }
    if (iso === undefined && interviewDay === undefined) {
      // A phrase needs the interview date; its own error speaks.
      return { kind: 'invalid', span: f.span, key: f.key };
    }
    const day = iso ?? resolvePhrase(words, interviewDay); // resolvePhrase answers a date with itself
    if (day === undefined) {
      return invalid('invalid-date', f.key, f.span,
        `expect_reply_by '${clip(words)}' cannot be resolved to a date: write YYYY-MM-DD or a phrase like ${PHRASE_EXAMPLES}`);
    }
    const phrase = iso === undefined ? words : undefined;
    return { kind: 'ok', value: { day, phrase }, span: f.span, key: f.key };
  })();

  const followUps = ((): Field<FollowUp[]> => {
    const f = lookup('follow_ups');
    if (!f) return { kind: 'absent' };
    if (isEmpty(f.node)) return { kind: 'absent', key: f.key };
    if (!isSeq(f.node)) {
      return invalid('invalid-value', f.key, f.span, `follow_ups should be a list of dates, not ${describe(f.node)}`);
    }
    const entries: FollowUp[] = [];
    (f.node as YAMLSeq).items.forEach((item, index) => {
      const written = item as Node;
      const span = written && written.range ? spanOf(written) : f.span;
      const r = dateOf(resolveNode(doc, written), span, `Follow-up ${index + 1}`);
      if (r.problem) problems.push({ rule: 'invalid-date', span, message: r.problem });
      entries.push({ index, span, day: r.day });
    });
    if (entries.length === 0) return { kind: 'absent', key: f.key };
    return { kind: 'ok', value: entries, span: f.span, key: f.key };
  })();

  const contact = ((): Field<Person> => {
    const f = lookup('contact');
    if (!f) return { kind: 'absent' };
    if (isEmpty(f.node)) return { kind: 'absent', key: f.key };
    const p = person(f.node, f.span, 'contact', false);
    return p ? { kind: 'ok', value: p, span: f.span, key: f.key } : { kind: 'invalid', span: f.span, key: f.key };
  })();

  const interviewers = ((): Field<Person[]> => {
    const f = lookup('interviewers');
    if (!f) return { kind: 'absent' };
    if (isEmpty(f.node)) return { kind: 'absent', key: f.key };
    if (!isSeq(f.node)) {
      return invalid('invalid-value', f.key, f.span, `interviewers should be a list of people ({name, email, title}), not ${describe(f.node)}`);
    }
    const people: Person[] = [];
    for (const item of (f.node as YAMLSeq).items) {
      const written = item as Node;
      const span = written && written.range ? spanOf(written) : f.span;
      const p = person(resolveNode(doc, written), span, 'An interviewer', true);
      if (p) people.push(p);
    }
    return { kind: 'ok', value: people, span: f.span, key: f.key };
  })();

  return {
    company: text('company', false),
    role: text('role', false),
    interviewed,
    expectReplyBy,
    thankYouSent: date('thank_you_sent'),
    followUps,
    status,
    contact,
    interviewers,
    stage: text('stage', true),
    pitch: text('pitch', true),
    problems,
  };
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isPair(node)) return 'a pair';
  if (isScalar(node)) {
    const v = (node as Scalar).value;
    if (typeof v === 'number') return `the number ${clip((node as Scalar).source ?? String(v))}`;
    if (typeof v === 'boolean') return `the boolean ${v}`;
    if (v === null) return 'nothing';
    return `'${clip(String(v))}'`;
  }
  return 'an unsupported value';
}

/** Who the emails go to: the contact, else the first interviewer; undefined when the note names nobody. */
export function mainContact(i: Interview): Person | undefined {
  if (i.contact.kind === 'ok') return i.contact.value;
  return i.interviewers.kind === 'ok' ? i.interviewers.value[0] : undefined;
}
