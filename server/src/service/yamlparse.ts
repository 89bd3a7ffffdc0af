/**
 * YAML parsing for hostile input, shared by notes and the config file: bounded time and
 * output whatever the text.
 *
 * - `yaml`'s own duplicate-key check (`uniqueKeys: true`) compares every key with every key
 *   before it: a mapping of 100,000 keys took minutes. Keys are checked here instead, with a
 *   set per mapping, and walked with an explicit stack (nesting can be thousands deep).
 * - Nesting deep enough to exhaust the stack made the parser report it once per level on the
 *   way out (hundreds of errors), at a depth that depended on the caller's stack: nesting is
 *   measured first, without recursion, and over 100 levels the text is not composed. Errors
 *   are deduplicated and capped.
 * - Tags are never evaluated (`resolveKnownTags: false`): `!!binary` and custom tags stay text.
 */
import { Composer, CST, Document, isMap, isPair, isScalar, isSeq, parseDocument, Parser, YAMLParseError } from 'yaml';
import { composePlain } from './yamlplain';

/** Front matter (or a config file) longer than this is not parsed: no real one comes near. */
export const MAX_YAML_CHARS = 256 * 1024;

/** Deeper collections are not read: real front matter has 3 or 4 levels. */
export const MAX_YAML_DEPTH = 100;

/** At most this many syntax errors are reported for one text. */
export const MAX_YAML_ERRORS = 20;

export function parseYaml(text: string, plain = true): Document.Parsed {
  const options = {
    uniqueKeys: false, // checked below, in linear time
    version: '1.2' as const,
    resolveKnownTags: false,
    prettyErrors: false,
    keepSourceTokens: false,
  };
  // The concrete syntax tree is built without recursion; composing it into a document
  // recurses once per level, and exhausting the stack there gave errors that depended on how
  // deep the caller's stack already was (the CLI and the server disagreed). Too deep: not composed.
  // Most front matter cannot nest that deep (see mayNestTooDeep): its tokens go straight to the composer.
  // The usual front matter needs neither (yamlplain/: the same document, without yaml's lexer and parser).
  const simple = plain ? composePlain(text, options) : undefined;
  if (simple) return finish(simple);
  const mayBeDeep = mayNestTooDeep(text);
  const tokens = mayBeDeep ? [...new Parser().parse(text)] : new Parser().parse(text);
  const deep = mayBeDeep ? tooDeep(tokens as CST.Token[]) : undefined;
  let doc: Document.Parsed | undefined;
  if (deep !== undefined) {
    doc = parseDocument('', options);
    doc.errors.push(new YAMLParseError([deep, deep + 1], 'RESOURCE_EXHAUSTION', `Nested too deeply to be read (over ${MAX_YAML_DEPTH} levels)`));
    return doc;
  }
  for (const d of new Composer(options).compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'More than one YAML document'));
      break;
    }
  }
  return finish(doc ?? parseDocument('', options));
}

/** Duplicate keys added to a document's errors, the errors deduplicated, sorted and capped. */
function finish(doc: Document.Parsed): Document.Parsed {
  const duplicates = duplicateKeys(doc.contents);
  if (doc.errors.length === 0 && duplicates.length === 0) return doc; // the usual case: nothing to sort out
  const errors = [...doc.errors];
  for (const [start, end] of duplicates) {
    errors.push(new YAMLParseError([start, end], 'DUPLICATE_KEY', 'Map keys must be unique'));
  }
  const seen = new Set<string>();
  doc.errors = errors
    .filter((e) => {
      const id = `${e.pos[0]}:${e.pos[1]}:${e.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => a.pos[0] - b.pos[0])
    .slice(0, MAX_YAML_ERRORS);
  return doc;
}

/**
 * Could `text` nest collections deeper than MAX_YAML_DEPTH? Every collection has an indicator
 * of its own (`-` before a list item, `:` or `?` in a mapping entry, `[` or `{`), so text with
 * no more of those characters than that cannot: tooDeep need not walk it (most front matter).
 */
function mayNestTooDeep(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 45 || c === 58 || c === 63 || c === 91 || c === 123) && ++n > MAX_YAML_DEPTH) return true;
  }
  return false;
}

/** The offset of the first collection nested deeper than MAX_YAML_DEPTH, if any. */
function tooDeep(tokens: CST.Token[]): number | undefined {
  const stack: [unknown, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    const t = token as { type?: string; offset?: number; value?: unknown; items?: { key?: unknown; value?: unknown }[] };
    if (!t || typeof t !== 'object') continue;
    if (t.type === 'document') {
      stack.push([t.value, depth]);
    } else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      if (depth + 1 > MAX_YAML_DEPTH) return t.offset ?? 0;
      for (const item of t.items ?? []) stack.push([item.key, depth + 1], [item.value, depth + 1]);
    }
  }
  return undefined;
}

/** Ranges of keys repeated within one mapping (every mapping, at any depth); aliases are not followed. */
function duplicateKeys(root: unknown): [number, number][] {
  const out: [number, number][] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node) && node.items.length <= 16) {
      // A few keys (most mappings): each compared with those before it, nothing allocated.
      const items = node.items;
      for (let i = 0; i < items.length; i++) {
        const key = items[i].key;
        if (isScalar(key)) {
          for (let j = 0; j < i; j++) {
            const other = items[j].key;
            if (isScalar(other) && sameKey(other.value, key.value)) {
              if (key.range) out.push([key.range[0], key.range[1]]);
              break;
            }
          }
        } else if (key) stack.push(key);
        if (items[i].value) stack.push(items[i].value);
      }
    } else if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          // What `yaml` compares: scalar values with ===, so `1` and '1' differ.
          const id = `${typeof key.value}:${String(key.value)}`;
          if (keys.has(id) && key.range) out.push([key.range[0], key.range[1]]);
          keys.add(id);
        } else if (key) stack.push(key);
        if (pair.value) stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Are two scalar key values the same key (the ids compared above: type, then text)? */
function sameKey(a: unknown, b: unknown): boolean {
  return typeof a === typeof b && (a === b || String(a) === String(b));
}
