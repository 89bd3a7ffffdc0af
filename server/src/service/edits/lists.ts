/** Edits of top-level lists: append an item, remove one. */
import { isScalar, isSeq, Node, YAMLSeq } from 'yaml';
import { ParsedNote } from '../model';
import { rootIndent } from './keys';
import { abs, base, Edit, lineEnd, lineStart, nextLineStart } from './text';

/** Appends an item to a top-level list (block or flow), creating the list if need be. */
export function appendToList(note: ParsedNote, key: string, value: string): Edit | undefined {
  const info = note.keys.get(key);
  const indent = rootIndent(note);
  if (indent === undefined) return undefined;
  const { eol } = note.frontMatter;
  const text = note.text;
  if (!info) {
    const close = note.frontMatter.close;
    if (!close) return undefined;
    return { span: { start: close.start, end: close.start }, newText: `${indent}${key}:${eol}${indent}  - ${value}${eol}` };
  }
  const node = info.pair.value as Node | null;
  if (node === null || (isScalar(node) && node.value === null)) {
    if (node?.range && node.range[1] > node.range[0]) {
      return { span: abs(note, node), newText: `[${value}]` }; // `key: ~` becomes `key: [value]`
    }
    const keyIndent = text.slice(lineStart(text, info.keySpan.start), info.keySpan.start);
    return { span: { start: lineEnd(text, info.keySpan.end), end: lineEnd(text, info.keySpan.end) }, newText: `${eol}${keyIndent}  - ${value}` };
  }
  if (!isSeq(node) || !node.range) return undefined;
  const seq = node as YAMLSeq;
  const items = seq.items as (Node | null)[];
  if (seq.flow) {
    const last = items[items.length - 1];
    if (last?.range) {
      const at = last.range[1] + base(note);
      return { span: { start: at, end: at }, newText: `, ${value}` };
    }
    const close = text.lastIndexOf(']', seq.range![1] + base(note));
    if (close < 0) return undefined;
    return { span: { start: close, end: close }, newText: value };
  }
  const last = items[items.length - 1];
  if (!last?.range) return undefined;
  const dashAt = seq.range![0] + base(note);
  const dashIndent = text.slice(lineStart(text, dashAt), dashAt);
  if (!/^[ \t]*$/.test(dashIndent)) return undefined;
  const at = lineEnd(text, last.range[1] + base(note) - 1);
  return { span: { start: at, end: at }, newText: `${eol}${dashIndent}- ${value}` };
}

/** Removes item `index` of a top-level list: its whole line in a block list, `, x` in a flow one. */
export function removeFromList(note: ParsedNote, key: string, index: number): Edit | undefined {
  const info = note.keys.get(key);
  const seq = info?.pair.value;
  if (!isSeq(seq)) return undefined;
  const items = (seq as YAMLSeq).items as (Node | null)[];
  const item = items[index];
  if (!item?.range) return undefined;
  const text = note.text;
  const span = abs(note, item);
  if ((seq as YAMLSeq).flow) {
    const prev = items[index - 1];
    const next = items[index + 1];
    if (prev?.range) return { span: { start: prev.range[1] + base(note), end: span.end }, newText: '' };
    if (next?.range) return { span: { start: span.start, end: next.range[0] + base(note) }, newText: '' };
    return { span, newText: '' };
  }
  const start = lineStart(text, span.start);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(start, span.start))) return undefined; // `- - x` and such
  // A block scalar item (`- >-` and its lines) has its final line break in its range: without
  // it, the line after the item (maybe the closing `---`) would go too.
  let end = span.end;
  while (end > span.start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const after = text.slice(end, lineEnd(text, end));
  if (!/^[ \t]*(?:#.*)?$/.test(after)) return undefined; // something else shares the item's last line
  return { span: { start, end: nextLineStart(text, end) }, newText: '' };
}

