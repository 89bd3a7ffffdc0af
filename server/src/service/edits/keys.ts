/** Edits of top-level keys and their scalar values. */
import { isMap, isScalar, Node } from 'yaml';
import { ParsedNote } from '../model';
import { abs, base, Edit, lineStart, styled } from './text';

/** The indentation of the root mapping's keys; undefined for a flow mapping `{...}`. */
export function rootIndent(note: ParsedNote): string | undefined {
  if (!note.root || note.root.flow) return undefined;
  const first = note.root.items[0]?.key as Node | undefined;
  if (!first?.range) return '';
  const start = first.range[0] + base(note);
  const indent = note.text.slice(lineStart(note.text, start), start);
  return /^[ \t]*$/.test(indent) ? indent : undefined;
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


/** Is the front matter a block mapping we can edit? */
export function editable(note: ParsedNote): boolean {
  return isMap(note.root) && rootIndent(note) !== undefined;
}
