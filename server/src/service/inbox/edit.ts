/**
 * Stage 5: exact front-matter edits, one step at a time over a re-read note (each step is an
 * edit of service/edits, which keeps every other byte). A step that cannot be made exactly
 * stops the plan for that note: nothing half-written.
 */
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { appendRound, appendToList, convertToRounds, Edit, insertKey, setInRound, setValue } from '../edits';
import { linesOf, removeKey } from '../edits/rounds';
import { rootIndent } from '../edits/syntax';
import { abs, base, lineStart } from '../edits/text';
import { parseNote, ParsedNote } from '../model';
import { yamlString } from '../safe/yaml';
import type { Person } from './invite';

export class NotExact extends Error {}

export type Step = (note: ParsedNote) => Edit | Edit[] | undefined;

/** The text after `step`; throws NotExact when the edit cannot be made exactly. */
export function apply(text: string, step: Step, what: string): string {
  const note = parseNote(text);
  const edits = note && step(note);
  if (!edits) throw new NotExact(`cannot ${what} without touching other lines of the note (edit it by hand)`);
  let out = text;
  for (const e of (Array.isArray(edits) ? edits : [edits]).sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  }
  return out;
}

export const flowPerson = (p: Person) => `{${[p.name && `name: ${yamlString(p.name)}`, p.email && `email: ${yamlString(p.email)}`].filter(Boolean).join(', ')}}`;
export const flowPeople = (people: Person[]) => `[${people.map(flowPerson).join(', ')}]`;

/** Sets a key of round `index`. */
export const inRound = (index: number, key: string, value: string): Step => (n) => setInRound(n, index, key, value);

/**
 * A round dated `date` at `index` of `rounds` (index = length: at the end). On a note with
 * `interviewed` (and no round yet) it converts the note first, as "Add the next round" does.
 */
export const addRound = (date: string, index: number): Step => (n) => {
  if (!n.keys.has('rounds')) return convertToRounds(n, date);
  const seq = n.keys.get('rounds')!.pair.value;
  if (!isSeq(seq)) return undefined;
  if (index >= seq.items.length || seq.flow) return appendRound(n, date);
  const item = seq.items[index] as Node;
  if (!item?.range) return undefined;
  const at = item.range[0] + base(n);
  const start = lineStart(n.text, at);
  const dash = /^([ \t]*)-[ \t]+$/.exec(n.text.slice(start, at));
  return dash ? { span: { start, end: start }, newText: `${dash[1]}- date: ${date}${n.frontMatter.eol}` } : undefined;
};

/**
 * A new note's first round, in place of the template's `interviewed` line (and its `stage`
 * line, which the round carries): `rounds:` with one entry.
 */
export const firstRound = (date: string): Step => (n) => {
  const indent = rootIndent(n);
  const lines = indent === undefined ? undefined : linesOf(n, 'interviewed', indent);
  if (indent === undefined || !lines) return undefined;
  const eol = n.frontMatter.eol;
  const edits: Edit[] = [{ span: lines, newText: `${indent}rounds:${eol}${indent}  - date: ${date}${eol}` }];
  if (n.keys.has('stage')) {
    const stage = removeKey(n, 'stage');
    if (!stage) return undefined;
    edits.push(stage);
  }
  return edits;
};

/** The contact, when the note has none (no key, or a mapping whose name is empty). */
export const setContact = (p: Person): Step => (n) => {
  const info = n.keys.get('contact');
  if (!info) return insertKey(n, 'contact', flowPerson(p));
  const map = info.pair.value;
  if (!isMap(map)) return isScalar(map) && !map.value ? setValue(n, 'contact', flowPerson(p)) : undefined;
  const edits: Edit[] = [];
  for (const [key, value] of [['name', p.name], ['email', p.email]] as const) {
    if (!value) continue;
    const pair = (map as YAMLMap).items.find((i) => isScalar(i.key) && i.key.value === key);
    const node = pair?.value as Node | null | undefined;
    if (!pair || !isScalar(node) || !node.range || node.anchor || node.tag) return undefined;
    edits.push({ span: abs(n, node), newText: yamlString(value) });
  }
  return edits;
};

export const setTop = (key: string, value: string): Step => (n) => setValue(n, key, value);
export const appendTo = (key: string, value: string): Step => (n) => appendToList(n, key, value);
