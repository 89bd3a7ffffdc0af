/**
 * Reading typed values out of parsed YAML mappings, the root's or a round's alike: each
 * reader answers a Field (absent, ok, invalid) and records the problem of an invalid value
 * once, with the span where it is written.
 */
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { Day, looksLikeIsoDate, parseIsoDay } from './dates';
import { Span } from './frontmatter';
import type { Field, KeyInfo, Person, Problem } from './model';
import { unsafeIn, unsafeMessage } from './safe/values';

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/** A value quoted in a message, cut short: a diagnostic should not carry megabytes of the note. */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function shift(span: Span, base: number): Span {
  return { start: span.start + base, end: span.end + base };
}

/** The keys of a mapping as written (first occurrence), spans relative to the YAML text. */
export function keysOf(map: YAMLMap, base = 0): Map<string, KeyInfo> {
  const keys = new Map<string, KeyInfo>();
  for (const pair of map.items) {
    const key = (pair as Pair).key;
    if (!isScalar(key) || !key.range) continue;
    const name = key.value === null ? '' : String(key.value);
    if (!keys.has(name)) keys.set(name, { name, keySpan: shift({ start: key.range[0], end: key.range[1] }, base), pair: pair as Pair });
  }
  return keys;
}

/** What a value is, in a message: "a list", "the number 3", "'soonish'". */
export function describe(node: unknown): string {
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

export interface Written {
  key: KeyInfo;
  /** The value, aliases followed. */
  node: Node | null;
  /** Where the value is written (after the key when empty). */
  span: Span;
}

export class Reader {
  readonly problems: Problem[] = [];

  constructor(private readonly doc: Document, private readonly base: number, private readonly source: string) {}

  spanOf(node: Node): Span {
    return shift({ start: node.range![0], end: node.range![1] }, this.base);
  }

  /** The `-` of a list entry written empty (`- `), before `at` on its line. */
  dashOf(at: number): Span | undefined {
    const lineStart = this.source.lastIndexOf('\n', at - 1) + 1;
    const dash = this.source.lastIndexOf('-', at);
    return dash >= lineStart ? { start: dash, end: dash + 1 } : undefined;
  }

  /** A list entry's span without the line break a block mapping's range ends with. */
  entrySpan(node: Node): Span {
    const span = this.spanOf(node);
    while (span.end > span.start && /\s/.test(this.source[span.end - 1])) span.end--;
    return span;
  }

  /** An alias is followed one step, to the node it names: nothing is ever expanded (an alias bomb costs nothing). */
  resolve(node: unknown): Node | null {
    if (isAlias(node)) return ((node as Alias).resolve(this.doc) as Node | undefined) ?? null;
    return (node as Node | null) ?? null;
  }

  keys(map: YAMLMap): Map<string, KeyInfo> {
    return keysOf(map, this.base);
  }

  lookup(keys: Map<string, KeyInfo>, name: string): Written | undefined {
    const key = keys.get(name);
    if (!key) return undefined;
    const written = key.pair.value as Node | null;
    const span = written && written.range ? this.spanOf(written) : { start: key.keySpan.end, end: key.keySpan.end };
    return { key, node: this.resolve(written), span };
  }

  isEmpty(node: Node | null): boolean {
    return node === null || (isScalar(node) && (node.value === null || (typeof node.value === 'string' && node.value.trim() === '')));
  }

  problem(rule: Problem['rule'], span: Span, message: string, suggestion?: string, data?: Problem['data']): void {
    this.problems.push({ rule, span, message, suggestion, data });
  }

  invalid<T>(rule: Problem['rule'], key: KeyInfo, span: Span, message: string, suggestion?: string): Field<T> {
    this.problem(rule, span, message, suggestion);
    return { kind: 'invalid', span, key };
  }

  /** A text field; numbers pass only where free text may be one (`stage: 2`). */
  text(keys: Map<string, KeyInfo>, name: string, numbers: boolean): Field<string> {
    const f = this.lookup(keys, name);
    if (!f) return { kind: 'absent' };
    if (this.isEmpty(f.node)) return { kind: 'absent', key: f.key };
    if (isScalar(f.node) && (typeof f.node.value === 'string' || (numbers && typeof f.node.value === 'number'))) {
      const value = String(f.node.value).trim();
      if (!this.safe(name, value, f.span, name === 'pitch')) return { kind: 'invalid', span: f.span, key: f.key };
      return { kind: 'ok', value, span: f.span, key: f.key };
    }
    const hint = isScalar(f.node) ? ` (quote it if you mean the text: "${clip(f.node.source ?? String(f.node.value))}")` : '';
    return this.invalid('invalid-value', f.key, f.span, `${name} should be text, not ${describe(f.node)}${hint}`);
  }

  /**
   * False, with `invalid-value` on the value, when it is not one line of printable text (a
   * line break, a control, a bidi override): such a value never reaches a header, a heading, a
   * URI, an ICS line or the terminal. `pitch` is a paragraph of the body: lines, none a draft's heading.
   */
  safe(label: string, value: string, span: Span, paragraph = false): boolean {
    const u = unsafeIn(value, { lineBreaks: paragraph });
    if (u) {
      this.problem('invalid-value', span, unsafeMessage(label, value, u), undefined, { kind: 'unsafe' });
      return false;
    }
    // A name goes onto the draft's To: line beside the address: "@", "<" or ">" in it would read as another recipient.
    const addressy = / name$/.test(label) ? /[@<>]/.exec(value) : null;
    if (addressy) {
      this.problem('invalid-value', span, `${label} holds '${addressy[0]}', which would read as an address on the draft's To: line: write the address in email; no draft is offered until it is fixed`, undefined, { kind: 'unsafe' });
      return false;
    }
    if (paragraph && /(?:^|\n)[ \t]*#{1,6}[ \t]+(?:draft|sent):/i.test(value)) {
      this.problem('invalid-value', span, `${label} has a line that reads as a draft's heading ('## Draft:'), which would add a draft to the note: a value must be one line of printable text or plain lines; no draft is offered until it is fixed`, undefined, { kind: 'unsafe' });
      return false;
    }
    return true;
  }

  dateOf(node: Node | null, label: string): { day?: Day; problem?: string } {
    if (isScalar(node) && typeof node.value === 'string') {
      const day = parseIsoDay(node.value);
      if (day !== undefined) return { day };
      return {
        problem: looksLikeIsoDate(node.value)
          ? `${label} '${clip(node.value.trim())}' is not a real date`
          : `${label} '${clip(node.value.trim())}' is not a date: write YYYY-MM-DD`,
      };
    }
    return { problem: `${label} should be a date (YYYY-MM-DD), not ${describe(node)}` };
  }

  date(keys: Map<string, KeyInfo>, name: string, label = name): Field<Day> {
    const f = this.lookup(keys, name);
    if (!f) return { kind: 'absent' };
    if (this.isEmpty(f.node)) return { kind: 'absent', key: f.key };
    const r = this.dateOf(f.node, label);
    if (r.day === undefined) return this.invalid('invalid-date', f.key, f.span, r.problem!);
    return { kind: 'ok', value: r.day, span: f.span, key: f.key };
  }

  person(node: Node | null, span: Span, label: string, allowName: boolean): Person | undefined {
    if (allowName && isScalar(node) && typeof node.value === 'string') {
      const name = node.value.trim();
      return this.safe(`${label} name`, name, span) ? { name } : undefined;
    }
    if (!isMap(node)) {
      this.problem('invalid-value', span, `${label} should be a mapping with name and email, not ${describe(node)}`);
      return undefined;
    }
    const p: Person = {};
    for (const item of node.items) {
      const k = isScalar(item.key) ? String(item.key.value) : undefined;
      if (k !== 'name' && k !== 'email' && k !== 'phone' && k !== 'title' && k !== 'highlight') continue;
      const v = this.resolve(item.value);
      if (this.isEmpty(v)) continue;
      const vSpan = item.value && (item.value as Node).range ? this.spanOf(item.value as Node) : span;
      // A phone may be written as a number; a name or an address may not.
      if (!isScalar(v) || typeof v.value === 'object' || typeof v.value === 'boolean' || (k !== 'phone' && typeof v.value === 'number')) {
        this.problem('invalid-value', vSpan, `${label} ${k} should be text, not ${describe(v)}`);
        continue;
      }
      const value = String(v.value).trim();
      if (!this.safe(`${label} ${k}`, value, vSpan)) continue;
      if (k === 'email' && !EMAIL.test(value)) {
        this.problem('invalid-value', vSpan, `${label} email '${clip(value)}' is not an email address`);
        continue;
      }
      p[k] = value;
    }
    return p;
  }

  /** A list of people (`interviewers`): each a mapping, or just a name. */
  people(keys: Map<string, KeyInfo>, name: string): Field<Person[]> {
    const f = this.lookup(keys, name);
    if (!f) return { kind: 'absent' };
    if (this.isEmpty(f.node)) return { kind: 'absent', key: f.key };
    if (!isSeq(f.node)) {
      return this.invalid('invalid-value', f.key, f.span, `${name} should be a list of people ({name, email, title}), not ${describe(f.node)}`);
    }
    const people: Person[] = [];
    for (const item of f.node.items) {
      const written = item as Node;
      const span = written && written.range ? this.spanOf(written) : f.span;
      const p = this.person(this.resolve(written), span, 'An interviewer', true);
      if (p) people.push(p);
    }
    return { kind: 'ok', value: people, span: f.span, key: f.key };
  }
}
