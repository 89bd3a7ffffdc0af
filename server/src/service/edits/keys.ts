/** Edits of top-level keys and their scalar values. */
import { isAlias, isMap, isScalar, Node, Scalar } from 'yaml';
import { KeyInfo, ParsedNote } from '../model';
import { aliased, rootIndent, rootItem, rootShared } from './syntax';
import { abs, Edit, lineEnd, styled } from './text';

const STR = 'tag:yaml.org,2002:str';

/** Appends `key: value` as the last line of the front matter. */
export function insertKey(note: ParsedNote, key: string, value: string, comment?: string): Edit | undefined {
  const indent = rootIndent(note);
  const close = note.frontMatter.close;
  if (indent === undefined || !close) return undefined;
  if (note.keys.has(key)) return undefined; // a second `key:` would be a duplicate-key error
  const line = `${indent}${key}:${value ? ` ${value}` : ''}${comment ? `${value ? '  ' : ' '}# ${comment}` : ''}`;
  return { span: { start: close.start, end: close.start }, newText: line + note.frontMatter.eol };
}

/**
 * The value line of an explicit key written without one (`? key` alone): `:` and `rest` on a
 * new line after the key's own. Undefined for any other key.
 */
export function explicitValue(note: ParsedNote, info: KeyInfo, indent: string, rest: string): Edit | undefined {
  if (!rootItem(note, info.pair.key as Node)?.explicit) return undefined;
  const at = lineEnd(note.text, info.keySpan.end);
  return { span: { start: at, end: at }, newText: `${note.frontMatter.eol}${indent}:${rest}` };
}

/** Sets a top-level scalar: replaces the written value, fills an empty one, or adds the key. */
export function setValue(note: ParsedNote, key: string, value: string): Edit | undefined {
  const info = note.keys.get(key);
  if (!info) return insertKey(note, key, value);
  const indent = rootIndent(note);
  const item = rootItem(note, info.pair.key as Node);
  if (indent === undefined || !item) return undefined;
  const node = info.pair.value as Node | null;
  // An alias only refers to its anchor: writing the value in its place leaves the anchor, and
  // every other alias of it, reading what they did.
  if (isAlias(node)) return { span: abs(note, node), newText: value };
  if (node && !isScalar(node)) return undefined; // a mapping or list: not ours to overwrite
  // Writing into an anchored value would change each alias of it too; under a tag other than
  // !!str the text may mean something else (`!!null 2026-11-26` is null to most readers).
  if (aliased(note, node) || (node?.tag && node.tag !== STR)) return undefined;
  if (node?.range && node.range[1] > node.range[0]) {
    // A block scalar's range holds its header line: a comment there (`| # for now`) would go too.
    if (item.value?.type === 'block-scalar' && item.value.props.some((t) => t.type === 'comment')) return undefined;
    const span = abs(note, node);
    // A block scalar (`|-` and its lines) runs up to the next key: keep that line break.
    while (span.end > span.start && /\s/.test(note.text[span.end - 1])) span.end--;
    return { span, newText: styled(value, node) };
  }
  // Nothing written: the value goes after its anchor or tag (`&t 2026-11-26`), else right after
  // the `:`, before any comment; `? key` with no `:` gets a value line.
  const at = item.propsEnd ?? (item.colon === undefined ? undefined : item.colon + 1);
  if (at === undefined) return explicitValue(note, info, indent, ` ${value}`);
  return { span: { start: at, end: at }, newText: ` ${value}` };
}

/** Renames a top-level key, keeping its quoting, anchor, tag and value. */
export function renameKey(note: ParsedNote, key: string, to: string): Edit | undefined {
  const info = note.keys.get(key);
  if (!info || note.keys.has(to) || rootShared(note)) return undefined;
  const k = info.pair.key as Scalar;
  // An alias of the key would read the new name; a block scalar key (`? |`) ends with its line break.
  if (aliased(note, k) || !(k.type === Scalar.PLAIN || k.type === Scalar.QUOTE_DOUBLE || k.type === Scalar.QUOTE_SINGLE)) return undefined;
  return { span: info.keySpan, newText: styled(to, k) };
}

/** Is the front matter a block mapping we can edit? */
export function editable(note: ParsedNote): boolean {
  return isMap(note.root) && rootIndent(note) !== undefined;
}
