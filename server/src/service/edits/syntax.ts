/**
 * What the composed `yaml` nodes do not say and an exact edit needs: where each top-level
 * entry's `:` is (if it has one), whether its key is explicit (`? key`), where the anchor or
 * tag written before a value ends, and which anchors some alias reads. Taken from the
 * concrete syntax tree of the front matter, never by searching the text for a `:`.
 */
import { Alias, CST, isAlias, isMap, isPair, isSeq, Node, Parser } from 'yaml';
import { ParsedNote } from '../model';

/** One entry of the root block mapping; offsets are absolute (in the note's text). */
export interface RootItem {
  /** Written `? key`. */
  explicit: boolean;
  /** The `:` before the value; undefined for an explicit key with no value line. */
  colon?: number;
  /** The end of the last anchor or tag before the value, when there is one. */
  propsEnd?: number;
  /** The value token: a collection's items and a block scalar's header are read from it. */
  value?: CST.Token;
}

interface Facts {
  /** The root block mapping's indentation; undefined when the root is not a block mapping. */
  indent?: string;
  /** Entries of the root mapping, by their key's offset in the front matter. */
  items: Map<number, RootItem>;
  /** A value node's offset in the front matter -> the offset of its first anchor or tag. */
  props: Map<number, number>;
  /** Anchor names that some alias in the front matter reads. */
  aliased: Set<string>;
}

/** One read of the syntax tree per parsed note: a request asks for several edits of one note. */
const cache = new WeakMap<ParsedNote, Facts>();

function facts(note: ParsedNote): Facts {
  let f = cache.get(note);
  if (!f) {
    f = read(note);
    cache.set(note, f);
  }
  return f;
}

const isProp = (t: CST.SourceToken) => t.type === 'anchor' || t.type === 'tag';
const firstProp = (tokens: CST.SourceToken[] | undefined) => tokens?.find(isProp)?.offset;
/** The tokens after an entry's `:` (none without one). */
const afterColon = (sep: CST.SourceToken[] | undefined) => {
  const at = (sep ?? []).findIndex((t) => t.type === 'map-value-ind');
  return at < 0 ? [] : sep!.slice(at + 1);
};

function read(note: ParsedNote): Facts {
  const base = note.frontMatter.content.start;
  const f: Facts = { items: new Map(), props: new Map(), aliased: aliasedAnchors(note) };
  const src = note.text.slice(base, note.frontMatter.content.end);
  const doc = [...new Parser().parse(src)].find((t): t is CST.Document => t.type === 'document');
  const root = doc?.value;
  if (!doc || !root) return f;
  const rootProps = firstProp(doc.start);
  if (rootProps !== undefined) f.props.set(root.offset, rootProps);
  if (root.type === 'block-map') {
    f.indent = ' '.repeat(root.indent);
    for (const item of root.items) {
      if (!item.key) continue;
      const colon = item.sep?.find((t) => t.type === 'map-value-ind');
      const props = afterColon(item.sep).filter(isProp);
      const last = props[props.length - 1];
      f.items.set(item.key.offset, {
        explicit: item.start.some((t) => t.type === 'explicit-key-ind'),
        colon: colon ? colon.offset + base : undefined,
        propsEnd: last ? last.offset + last.source.length + base : undefined,
        value: item.value,
      });
    }
  }
  // Where each node's anchor or tag starts, at any depth (an explicit stack: nesting is bounded
  // by the parse, but need not cost a frame per level).
  const stack: CST.Token[] = [root];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection') continue;
    for (const item of t.items) {
      // Values only: a block mapping starts where its first key does. In a mapping entry the
      // value's props follow the `:`; in a list item (`- &a x`, `[&a x]`) they precede the value.
      const isEntry = item.key !== undefined || (item.sep ?? []).some((s) => s.type === 'map-value-ind');
      const valueProps = isEntry ? firstProp(afterColon(item.sep)) : firstProp(item.start);
      if (item.value && valueProps !== undefined) f.props.set(item.value.offset, valueProps);
      if (item.key) stack.push(item.key);
      if (item.value) stack.push(item.value);
    }
  }
  return f;
}

/** Every anchor name an alias reads (by name: an anchor defined twice counts for both). */
function aliasedAnchors(note: ParsedNote): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [note.doc?.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isAlias(n)) out.add((n as Alias).source);
    else if (isMap(n) || isSeq(n)) stack.push(...(n.items as unknown[]));
    else if (isPair(n)) stack.push(n.key, n.value);
  }
  return out;
}

/** The root block mapping's indentation; undefined when the root is not one we can add lines to. */
export function rootIndent(note: ParsedNote): string | undefined {
  return note.root && !note.root.flow && !rootShared(note) ? facts(note).indent : undefined;
}

/** An alias reads the whole root mapping: any edit of it would change what the alias reads. */
export function rootShared(note: ParsedNote): boolean {
  return !!note.root && aliased(note, note.root);
}

/** The entry of a top-level key (undefined if the root is not a block mapping). */
export function rootItem(note: ParsedNote, key: Node): RootItem | undefined {
  return key.range ? facts(note).items.get(key.range[0]) : undefined;
}

/** Does an alias read this node (its anchor), so that changing it would change the alias too? */
export function aliased(note: ParsedNote, node: Node | null | undefined): boolean {
  return !!node && !isAlias(node) && !!node.anchor && facts(note).aliased.has(node.anchor);
}

/** Does the node, or anything in it, carry an anchor that an alias reads? */
export function holdsAliased(note: ParsedNote, node: Node | null | undefined): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (aliased(note, n as Node)) return true;
    if (isMap(n) || isSeq(n)) stack.push(...(n.items as unknown[]));
    else if (isPair(n)) stack.push(n.key, n.value);
  }
  return false;
}

/**
 * The absolute offset where a node begins with its anchor and tag (`&a !!str x` begins at `&`);
 * undefined when the node has props that the syntax tree does not place.
 */
export function startWithProps(note: ParsedNote, node: Node): number | undefined {
  const base = note.frontMatter.content.start;
  const at = facts(note).props.get(node.range![0]);
  if (at !== undefined) return at + base;
  return !isAlias(node) && (node.anchor || node.tag) ? undefined : node.range![0] + base;
}
