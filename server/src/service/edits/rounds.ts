/**
 * Edits inside `rounds`: a key of one entry set, a round appended, and a note with
 * `interviewed` converted to `rounds` with every other byte kept. Exact or not offered: an
 * alias, anchor or tag anywhere in what moves makes the edit undefined.
 */
import { isMap, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { ParsedNote } from '../model';
import { appendToList } from './lists';
import { holdsAliased, rootIndent, rootItem, rootShared } from './syntax';
import { abs, base, Edit, lineEnd, lineStart, nextLineStart, styled } from './text';

/** Has the node (or anything in it) an anchor or a tag? Such a value is not moved or rewritten here. */
function decorated(node: unknown): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as (Node & { items?: unknown[] }) | Pair | null;
    if (!n) continue;
    if ('anchor' in n && (n.anchor || n.tag)) return true;
    if (isMap(n) || isSeq(n)) stack.push(...(n.items as unknown[]));
    else if (n instanceof Pair) stack.push(n.key, n.value);
  }
  return false;
}

function roundsSeq(note: ParsedNote): YAMLSeq | undefined {
  const seq = note.keys.get('rounds')?.pair.value;
  if (!isSeq(seq) || rootShared(note) || holdsAliased(note, seq) || decorated(seq)) return undefined;
  return seq as YAMLSeq;
}

/** Sets `key: value` in rounds entry `index`: replaces a plain scalar, fills an empty one, or adds the line. */
export function setInRound(note: ParsedNote, index: number, key: string, value: string): Edit | undefined {
  const seq = roundsSeq(note);
  const entry = seq?.items[index];
  if (!isMap(entry) || !entry.range) return undefined;
  const { text } = note;
  const pair = (entry as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === key);
  if (pair) {
    const node = pair.value as Node | null;
    if (node && !isScalar(node)) return undefined;
    if (node?.range && node.range[1] > node.range[0]) {
      const span = abs(note, node);
      while (span.end > span.start && /\s/.test(text[span.end - 1])) span.end--;
      return { span, newText: styled(value, node) };
    }
    // `key:` with nothing after it: the colon must follow the key itself (a plain, implicit key).
    const keyEnd = (pair.key as Node).range![1] + base(note);
    const colon = /^[ \t]*:/.exec(text.slice(keyEnd, keyEnd + 64));
    if (!colon) return undefined;
    const at = keyEnd + colon[0].length;
    return { span: { start: at, end: at }, newText: ` ${value}` };
  }
  const items = (entry as YAMLMap).items;
  const last = items[items.length - 1];
  const lastEnd = ((last?.value as Node | null)?.range ?? (last?.key as Node | null)?.range)?.[1];
  if (lastEnd === undefined) return undefined;
  if ((entry as YAMLMap).flow) {
    const at = lastEnd + base(note);
    return { span: { start: at, end: at }, newText: `, ${key}: ${value}` };
  }
  // A new line at the column of the entry's keys, after its last line.
  const firstKey = (items[0].key as Node).range![0] + base(note);
  const column = firstKey - lineStart(text, firstKey);
  let end = lastEnd + base(note);
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const at = lineEnd(text, end);
  return { span: { start: at, end: at }, newText: `${note.frontMatter.eol}${' '.repeat(column)}${key}: ${value}` };
}

/** Appends a round dated `date` to `rounds`. */
export function appendRound(note: ParsedNote, date: string): Edit | undefined {
  const seq = roundsSeq(note);
  if (!seq) return undefined;
  return appendToList(note, 'rounds', seq.flow ? `{date: ${date}}` : `date: ${date}`);
}

/** The whole lines a top-level key and its value are written on, when nothing else shares them. */
export function linesOf(note: ParsedNote, name: string, indent: string): { start: number; end: number } | undefined {
  const info = note.keys.get(name);
  if (!info) return undefined;
  const { text } = note;
  const item = rootItem(note, info.pair.key as Node);
  const value = info.pair.value as Node | null;
  if (!item || item.explicit || decorated(info.pair.key) || decorated(value) || holdsAliased(note, value)) return undefined;
  const start = lineStart(text, info.keySpan.start);
  if (text.slice(start, info.keySpan.start) !== indent) return undefined;
  let end = value?.range ? value.range[1] + base(note) : info.keySpan.end;
  while (end > info.keySpan.end && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return { start, end: nextLineStart(text, lineEnd(text, end)) };
}

/** Removes a top-level key with its value: its whole lines (a key moving elsewhere, with its comment). */
export function removeKey(note: ParsedNote, key: string): Edit | undefined {
  const indent = rootIndent(note);
  const lines = indent === undefined ? undefined : linesOf(note, key, indent);
  return lines && { span: lines, newText: '' };
}

const MOVED = ['stage', 'interviewers', 'thank_you_sent'] as const;

/**
 * A note with `interviewed` as `rounds`: `interviewed` becomes the first entry's `date` (its
 * comment kept), `stage`, `interviewers` and `thank_you_sent` move into that entry (their lines
 * indented under it, as written), the list stands where `interviewed` stood, and a round dated
 * `next` follows. Nothing else changes.
 */
export function convertToRounds(note: ParsedNote, next: string): Edit[] | undefined {
  const indent = rootIndent(note);
  if (indent === undefined || note.keys.has('rounds') || !note.frontMatter.close) return undefined;
  const interviewed = linesOf(note, 'interviewed', indent);
  if (!interviewed) return undefined;
  const { text } = note;
  const { eol } = note.frontMatter;
  const moved: { start: number; end: number }[] = [];
  for (const name of MOVED) {
    if (!note.keys.has(name)) continue;
    const lines = linesOf(note, name, indent);
    if (!lines) return undefined;
    moved.push(lines);
  }
  moved.sort((a, b) => a.start - b.start);
  const under = (block: string) => block.split('\n').map((line, i, all) => (i === all.length - 1 || line.replace(/\r$/, '') === '' ? line : `    ${line}`)).join('\n');
  const keyStart = note.keys.get('interviewed')!.keySpan;
  const rest = text.slice(keyStart.end, interviewed.end); // `: 2026-11-02  # comment` and its line break
  const nl = rest.indexOf('\n') + 1;
  const first = `${indent}rounds:${eol}${indent}  - date${rest.slice(0, nl)}${under(rest.slice(nl))}`;
  const entry = first + moved.map((m) => under(text.slice(m.start, m.end))).join('') + `${indent}  - date: ${next}${eol}`;
  return [
    { span: interviewed, newText: entry },
    ...moved.map((m) => ({ span: m, newText: '' })),
  ];
}
