/**
 * Minimal, exact edits to a note. Front-matter edits are computed from `yaml` node ranges and
 * touch only the bytes of the value, key or line concerned, so comments, key order, quoting,
 * indentation and block/flow style survive. Each returns undefined when it cannot edit safely
 * (a flow-style root mapping, say); the action is then not offered.
 */
import { isMap, isScalar, isSeq, Node, Scalar, YAMLSeq } from 'yaml';
import { Span } from './frontmatter';
import { ParsedNote } from './model';

export interface Edit {
  span: Span;
  newText: string;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset`, before its line ending. */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

const base = (note: ParsedNote) => note.frontMatter.content.start;
const abs = (note: ParsedNote, node: Node): Span => ({ start: node.range![0] + base(note), end: node.range![1] + base(note) });

/** The indentation of the root mapping's keys; undefined for a flow mapping `{...}`. */
function rootIndent(note: ParsedNote): string | undefined {
  if (!note.root || note.root.flow) return undefined;
  const first = note.root.items[0]?.key as Node | undefined;
  if (!first?.range) return '';
  const start = first.range[0] + base(note);
  const indent = note.text.slice(lineStart(note.text, start), start);
  return /^[ \t]*$/.test(indent) ? indent : undefined;
}

/** A scalar as written in the same style as `like` (plain, 'single' or "double" quoted). */
function styled(value: string, like: Node | null | undefined): string {
  if (isScalar(like)) {
    if (like.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
    if (like.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  }
  return value;
}

/** Appends `key: value` as the last line of the front matter. */
export function insertKey(note: ParsedNote, key: string, value: string, comment?: string): Edit | undefined {
  const indent = rootIndent(note);
  const close = note.frontMatter.close;
  if (indent === undefined || !close) return undefined;
  if (note.keys.has(key)) return undefined; // a second `key:` would be a duplicate-key error
  const line = `${indent}${key}:${value ? ` ${value}` : ''}${comment ? `${value ? '  ' : ' '}# ${comment}` : ''}`;
  return { span: { start: close.start, end: close.start }, newText: line + note.frontMatter.eol };
}

/** Sets a top-level scalar: replaces the written value, fills an empty one, or adds the key. */
export function setValue(note: ParsedNote, key: string, value: string): Edit | undefined {
  const info = note.keys.get(key);
  if (!info) return insertKey(note, key, value);
  if (rootIndent(note) === undefined) return undefined;
  const node = info.pair.value as Node | null;
  if (node && !isScalar(node)) return undefined; // a mapping or list: not ours to overwrite
  if (node?.range && node.range[1] > node.range[0]) {
    const span = abs(note, node);
    // A block scalar (`|-` and its lines) runs up to the next key: keep that line break.
    while (span.end > span.start && /\s/.test(note.text[span.end - 1])) span.end--;
    return { span, newText: styled(value, node) };
  }
  // `key:` with nothing after it (maybe a comment): write the value right after the colon.
  const colon = note.text.indexOf(':', info.keySpan.end);
  if (colon < 0) return undefined;
  return { span: { start: colon + 1, end: colon + 1 }, newText: ` ${value}` };
}

export function renameKey(note: ParsedNote, key: string, to: string): Edit | undefined {
  const info = note.keys.get(key);
  if (!info) return undefined;
  return { span: info.keySpan, newText: styled(to, info.pair.key as Node) };
}

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

/** Appends a block of text at the end of the note, after its last line. */
export function appendToBody(note: ParsedNote, block: string): Edit {
  const { text } = note;
  const { eol } = note.frontMatter;
  const lines = block.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n').map((l) => l.replace(/[ \t]+$/, ''));
  const body = lines.join(eol);
  // Never address the empty "line" after a final newline: some clients then add or join
  // lines. Insert at the end of the last real line instead; the final newline stays last.
  let at = text.length;
  if (text.endsWith('\n')) at = text.endsWith('\r\n') ? text.length - 2 : text.length - 1;
  return { span: { start: at, end: at }, newText: `${eol}${eol}${body}` };
}

/** Is the front matter a block mapping we can edit? */
export function editable(note: ParsedNote): boolean {
  return isMap(note.root) && rootIndent(note) !== undefined;
}
