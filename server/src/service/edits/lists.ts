/** Edits of top-level lists: append an item, remove one. */
import { isAlias, isPair, isScalar, isSeq, Node, YAMLSeq } from 'yaml';
import { ParsedNote } from '../model';
import { explicitValue } from './keys';
import { aliased, holdsAliased, rootIndent, rootItem, rootShared, startWithProps } from './syntax';
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
  const item = rootItem(note, info.pair.key as Node);
  const node = info.pair.value as Node | null;
  // Through an alias, or into a node an alias reads, the item would show up there too.
  if (!item || isAlias(node) || aliased(note, node)) return undefined;
  if (node === null || (isScalar(node) && node.value === null)) {
    if (node?.tag) return undefined; // `!!null`, `!!str`: a list is not what the tag says
    if (node?.range && node.range[1] > node.range[0]) {
      return { span: abs(note, node), newText: `[${value}]` }; // `key: ~` becomes `key: [value]`
    }
    // On the lines after the `:` (or the anchor) and any comment there; `? key` alone gets a `:` line.
    const list = `${eol}${indent}  - ${value}`;
    const after = item.propsEnd ?? item.colon;
    if (after === undefined) return explicitValue(note, info, indent, list);
    const at = lineEnd(text, after);
    return { span: { start: at, end: at }, newText: list };
  }
  if (!isSeq(node) || !node.range) return undefined;
  const seq = node as YAMLSeq;
  const items = seq.items as (Node | null)[];
  if (seq.flow) {
    if (!items.every((i) => i && !isPair(i) && i.range)) return undefined; // `[a: 1]` and such
    const last = items[items.length - 1];
    if (last?.range) {
      const at = last.range[1] + base(note);
      return { span: { start: at, end: at }, newText: `, ${value}` };
    }
    const close = item.value?.type === 'flow-collection' ? item.value.end.find((t) => t.type === 'flow-seq-end') : undefined;
    if (!close) return undefined;
    const at = close.offset + base(note);
    return { span: { start: at, end: at }, newText: value };
  }
  const last = items[items.length - 1];
  if (!last?.range) return undefined;
  const dashAt = seq.range![0] + base(note);
  const dashIndent = text.slice(lineStart(text, dashAt), dashAt);
  if (!/^[ \t]*$/.test(dashIndent)) return undefined;
  const at = lineEnd(text, last.range[1] + base(note) - 1);
  return { span: { start: at, end: at }, newText: `${eol}${dashIndent}- ${value}` };
}

/**
 * Removes item `index` of a top-level list: its whole line in a block list, `, x` in a flow one,
 * with its anchor or tag. Not when an alias reads the list or something in the item.
 */
export function removeFromList(note: ParsedNote, key: string, index: number): Edit | undefined {
  const info = note.keys.get(key);
  const seq = info?.pair.value;
  if (!info || !isSeq(seq) || rootShared(note) || aliased(note, seq)) return undefined;
  const items = (seq as YAMLSeq).items as (Node | null)[];
  const item = items[index];
  if (!item?.range || holdsAliased(note, item)) return undefined;
  const text = note.text;
  const start = startWithProps(note, item);
  if (start === undefined) return undefined;
  const span = { start, end: item.range[1] + base(note) };
  if ((seq as YAMLSeq).flow) {
    if (!items.every((i) => i && !isPair(i) && i.range)) return undefined;
    const prev = items[index - 1];
    const next = items[index + 1];
    if (prev?.range) return { span: { start: prev.range[1] + base(note), end: span.end }, newText: '' };
    if (next?.range) {
      const end = startWithProps(note, next);
      return end === undefined ? undefined : { span: { start, end }, newText: '' };
    }
    // The only item: a trailing comma goes with it, or `[,]` would be left.
    const token = rootItem(note, info.pair.key as Node)?.value;
    const rest = token?.type === 'flow-collection' ? token.items.slice(1) : [];
    if (rest.some((i) => i.value)) return undefined;
    const comma = rest.flatMap((i) => i.start).find((t) => t.type === 'comma');
    return { span: comma ? { start, end: comma.offset + 1 + base(note) } : span, newText: '' };
  }
  const lineAt = lineStart(text, start);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineAt, start))) return undefined; // `- - x` and such
  // A block scalar item (`- >-` and its lines) has its final line break in its range: without
  // it, the line after the item (maybe the closing `---`) would go too.
  let end = span.end;
  while (end > span.start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const after = text.slice(end, lineEnd(text, end));
  if (!/^[ \t]*(?:#.*)?$/.test(after)) return undefined; // something else shares the item's last line
  return { span: { start: lineAt, end: nextLineStart(text, end) }, newText: '' };
}
