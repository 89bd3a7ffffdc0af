/**
 * Per-note directives: a comment line in the front matter,
 * `# interview-followup-disable <rule-id>[, <rule-id>...]`, turns those rules off for the note;
 * with no rule id, every rule. Ids are separated by commas or blanks; a further `#` starts the
 * user's own words (`# interview-followup-disable thank-you-due # sent a card`). Only
 * whole-line YAML comments count: a `#` line inside a block scalar is text, a comment after a
 * value is about that value, the body is not read.
 *
 * Directives are read from front matter that parses, off its syntax tree (where YAML itself
 * says what is a comment). While it does not parse, no directive is read, so `yaml-syntax`
 * is never silenced by one: a broken front matter cannot say for sure what is a comment.
 */
import type { Config } from './config';
import { CST, Parser } from 'yaml';
import type { Span } from './frontmatter';
import type { ParsedNote } from './model';
import { RULE_IDS, RuleId } from './types';

export const DIRECTIVE = 'interview-followup-disable';

export interface Directive {
  /** The comment, from its `#` to the end of its line. */
  span: Span;
  /** The rule ids as written (known or not), with their spans. */
  ids: { id: string; span: Span }[];
  /** How another id is added: `, <id>` after the last id, or ` <id>` after a trailing comma. */
  append: { at: number; separator: string };
}

/** What a note's directives turn off: every rule, or these. */
export interface Silence {
  all: boolean;
  rules: Set<RuleId>;
}

const LINE = new RegExp(`^#[ \\t]*${DIRECTIVE}(?=[ \\t,]|$)`);

const cache = new WeakMap<ParsedNote, Directive[]>();

/** The directive comments of a note's front matter, in order. */
export function directivesOf(note: ParsedNote): Directive[] {
  let found = cache.get(note);
  if (!found) cache.set(note, (found = read(note)));
  return found;
}

/** What the directives turn off; undefined when the note has none (nearly every note). */
export function silenceOf(note: ParsedNote): Silence | undefined {
  const directives = directivesOf(note);
  if (directives.length === 0) return undefined;
  const silence: Silence = { all: false, rules: new Set() };
  for (const d of directives) {
    if (d.ids.length === 0) silence.all = true;
    for (const { id } of d.ids) {
      // The registry's own string, not the slice of the note (which would keep the note's text alive).
      const known = (RULE_IDS as readonly string[]).indexOf(id);
      if (known >= 0) silence.rules.add(RULE_IDS[known]);
    }
  }
  return silence;
}

/** Has the note turned this rule off? */
export function silenced(note: ParsedNote, rule: RuleId): boolean {
  const s = silenceOf(note);
  return !!s && (s.all || s.rules.has(rule));
}

/**
 * Does a note with these directives (silenceOf; a summary's `silence`) remind of `rule`, the
 * configuration (`rules: {id: off}`) leaving it on too?
 */
export function reminds(silence: Silence | undefined, config: Pick<Config, 'rules'>, rule: RuleId): boolean {
  return !(silence && (silence.all || silence.rules.has(rule))) && config.rules[rule] !== 'off';
}

function read(note: ParsedNote): Directive[] {
  const { content } = note.frontMatter;
  // The cheap test first: the syntax tree is walked only for a note that mentions the marker.
  const text = note.text;
  // Searched backwards from the end of the front matter: never through the body.
  const at = text.lastIndexOf(DIRECTIVE, content.end - DIRECTIVE.length);
  if (!note.doc || note.syntax.length > 0 || at < content.start) return [];
  const out: Directive[] = [];
  for (const c of comments(text.slice(content.start, content.end))) {
    const start = c.offset + content.start;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (!/^[ \t]*$/.test(text.slice(lineStart, start))) continue; // after a value: not a comment line
    const m = LINE.exec(c.source);
    if (!m) continue;
    const list = c.source.slice(m[0].length).split('#')[0];
    const ids: Directive['ids'] = [];
    for (const w of list.matchAll(/[^\s,]+/g)) {
      const at = start + m[0].length + w.index!;
      ids.push({ id: w[0], span: { start: at, end: at + w[0].length } });
    }
    const last = ids.length ? ids[ids.length - 1].span.end : start + m[0].length;
    const comma = /^[ \t]*,/.exec(text.slice(last, start + m[0].length + list.length));
    const append = comma ? { at: last + comma[0].length, separator: ' ' } : { at: last, separator: ', ' };
    out.push({ span: { start, end: start + c.source.length }, ids, append });
  }
  return out;
}

/** Every comment token of a YAML text (offsets into it), wherever the syntax tree holds one. */
function comments(src: string): CST.SourceToken[] {
  const out: CST.SourceToken[] = [];
  const stack: unknown[] = [...new Parser().parse(src)];
  while (stack.length > 0) {
    const t = stack.pop();
    if (Array.isArray(t)) stack.push(...t);
    else if (t && typeof t === 'object') {
      const token = t as { type?: string };
      if (token.type === 'comment') out.push(t as CST.SourceToken);
      // Tokens nest in their arrays and fields (start, sep, items, key, value, end, props).
      else for (const v of Object.values(t)) if (v && typeof v === 'object') stack.push(v);
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
