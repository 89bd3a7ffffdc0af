/**
 * The front matter most notes have, composed without `yaml`'s lexer and parser: block
 * mappings and block sequences, one plain, quoted or flow scalar per line, comments and blank
 * lines between them. Nearly every note is written that way, and `yaml` spent most of a check
 * reading it (its generator-based lexer and parser, about half the CLI's time on 10,000 notes).
 *
 * Not a second YAML parser: a recognizer of a strict subset whose meaning is not in doubt,
 * that builds what `yaml` builds for it (its own Document, YAMLMap, YAMLSeq, Pair and Scalar
 * classes, its schema's scalar resolution, the same ranges and comments), and gives up
 * (undefined) on the first thing outside the subset: a block scalar, an escape, a tab, an
 * anchor, an alias, a tag, an explicit key, an empty value, a scalar over two lines, a line a
 * space off, a comment where `yaml` would hang it elsewhere, a character that is not plain
 * text. `yaml` reads those. test/unit/yamlplain.test.ts holds the two to the same result,
 * node for node, on generated and real front matter.
 *
 * In stages: lines.ts (the lines, and the blank and comment lines between them), then here the
 * mappings and sequences by indentation, then inline.ts (a line's scalar or flow collection).
 */
import { Composer, Document, DocumentOptions, Pair, ParseOptions, SchemaOptions, YAMLMap, YAMLSeq } from 'yaml';
import { colonIn, Inline, KEY, Node, plainStart } from './inline';
import { Line, splitLines } from './lines';

export { isCoreSchema } from './inline';

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** Deeper than this is left to `yaml`: front matter nests 3 or 4 levels. */
const MAX_DEPTH = 8;

/** The Directives class `yaml` composes documents with (not exported on its own). */
type Directives = { atDocument(): unknown };
let directivesClass: (new (o: { version: '1.1' | '1.2' }) => Directives) | undefined;

/** A node with the comment after it on its line, if any. */
function commented<T extends Node>(node: T, line: Line): T {
  if (line.comment !== undefined) node.comment = line.comment;
  return node;
}

/** The block structure: mappings and sequences by indentation, a line at a time. */
class Reader {
  private at = 0;
  private readonly inline: Inline;

  constructor(private readonly text: string, private readonly doc: Document.Parsed, private readonly lines: Line[]) {
    this.inline = new Inline(text, doc);
  }

  /** What the lines before a node's first line say of it: blank lines, comments. */
  private gap(node: Node, line: Line): void {
    if (line.blank) node.spaceBefore = true;
    if (line.comments) node.commentBefore = line.comments.join('\n');
  }

  /** The whole text as one mapping at column 0, or undefined. */
  top(): YAMLMap | undefined {
    const map = this.map(0, 1);
    return map && this.at === this.lines.length ? map : undefined;
  }

  /**
   * The value from `from` to the end of line `line`: a plain or quoted scalar, or a flow
   * sequence or mapping of those; undefined when it could be read as anything else (an
   * indicator first, `: ` inside or `:` last) or continues on the next line.
   */
  private value(from: number, line: Line, column: number): Node | undefined {
    const next = this.lines[this.at];
    if (next && next.indent > column) return undefined; // more indented: it continues the value
    const text = this.text;
    const c = text.charCodeAt(from);
    if (c === 0x5b || c === 0x7b) {
      const flow = this.inline.flow(from, line.end);
      if (!flow || flow.range![1] !== line.end) return undefined;
      flow.range![2] = line.eol + 1;
      return commented(flow, line);
    }
    if (c === 0x22 || c === 0x27) {
      const close = this.inline.quoted(from, line.end);
      if (close !== line.end) return undefined;
      return commented(this.inline.quotedScalar(from, close, line.eol + 1), line);
    }
    if (!plainStart(c)) return undefined;
    if (text.charCodeAt(line.end - 1) === 0x3a) return undefined; // `:` last: a key
    // `: ` inside: a key and a value.
    for (let i = colonIn(text, from, line.end); i >= 0; i = colonIn(text, i + 1, line.end)) if (text.charCodeAt(i + 1) === 0x20) return undefined;
    return commented(this.inline.scalar(from, line.end, line.eol + 1), line);
  }

  /** The node under a key with nothing after its colon: a mapping or sequence on the lines below. */
  private below(column: number, depth: number): YAMLMap | YAMLSeq | undefined {
    const next = this.lines[this.at];
    if (!next || next.indent <= column) return undefined; // an empty value: left to `yaml`
    if (next.blank || next.comments) return undefined; // said of the collection, not of its first item
    const c = this.text.charCodeAt(next.start + next.indent);
    if (c === 0x2d) return this.seq(next.indent, depth + 1);
    return this.map(next.indent, depth + 1);
  }

  /** A block mapping whose keys stand at `column`, its first key on the current line (at `first`, if given). */
  private map(column: number, depth: number, first?: number): YAMLMap | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const text = this.text;
    const map = new YAMLMap(this.doc.schema);
    let end = 0;
    for (let k = 0; this.at < this.lines.length; k++) {
      const line = this.lines[this.at];
      const onDash = k === 0 && first !== undefined; // `- key: value`: the line is the sequence item's
      const keyStart = onDash ? first : line.start + line.indent;
      if (!onDash && line.indent !== column) {
        if (line.indent > column) return undefined; // a line a space off
        break;
      }
      const colon = colonIn(text, keyStart, line.end);
      // Over 1024 characters, a key is an error of `yaml`'s (KEY_OVER_1024_CHARS).
      if (colon < 0 || colon - keyStart > 1024 || !KEY.test(text.slice(keyStart, colon))) return undefined;
      const key = this.inline.scalar(keyStart, colon, colon);
      if (!onDash) this.gap(key, line);
      this.at++;
      let value: Node | undefined;
      if (colon + 1 === line.end) {
        if (line.comment !== undefined) return undefined; // `key:  # a comment`, then what?
        value = this.below(column, depth);
      } else {
        if (text.charCodeAt(colon + 1) !== 0x20) return undefined;
        let from = colon + 1;
        while (text.charCodeAt(from) === 0x20) from++;
        value = this.value(from, line, column);
      }
      if (!value) return undefined;
      map.items.push(new Pair(key, value));
      end = value.range![2];
      if (map.items.length === 1) map.range = [keyStart, end, end];
    }
    if (map.items.length === 0) return undefined;
    map.range![1] = map.range![2] = end;
    return map;
  }

  /** A block sequence whose `-` stand at `column`. */
  private seq(column: number, depth: number): YAMLSeq | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const text = this.text;
    const seq = new YAMLSeq(this.doc.schema);
    let end = 0;
    let start = -1;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (line.indent !== column) {
        if (line.indent > column) return undefined;
        break;
      }
      const dash = line.start + line.indent;
      if (text.charCodeAt(dash) !== 0x2d || text.charCodeAt(dash + 1) !== 0x20) return undefined;
      if (start < 0) start = dash;
      let from = dash + 1;
      while (text.charCodeAt(from) === 0x20) from++;
      let item: Node | undefined;
      const colon = colonIn(text, from, line.end);
      const first = text.charCodeAt(from);
      const inline = first === 0x5b || first === 0x7b || first === 0x22 || first === 0x27; // a flow collection or a quoted scalar
      if (!inline && colon >= 0 && (colon + 1 === line.end || text.charCodeAt(colon + 1) === 0x20)) {
        item = this.map(from - line.start, depth + 1, from); // `- key: value`: a mapping at the key's column
      } else {
        this.at++;
        item = this.value(from, line, column);
      }
      if (!item) return undefined;
      this.gap(item, line);
      seq.items.push(item);
      end = item.range![2];
    }
    if (start < 0) return undefined;
    seq.range = [start, end, end];
    return seq;
  }
}

/**
 * The document `yaml` would compose for `text`, when the text is in the subset above;
 * undefined otherwise (parse it with `yaml`). `options` as parseYaml passes them.
 */
export function composePlain(text: string, options: Options): Document.Parsed | undefined {
  if (text.length === 0 || text.charCodeAt(0) === 0x2d || text.charCodeAt(0) === 0x2e) return undefined; // `---`, `...`, a top-level sequence
  const split = splitLines(text);
  if (!split) return undefined; // before the document is made: most texts given up go no further
  directivesClass ??= (new Composer(options) as unknown as { directives: { constructor: typeof directivesClass } }).directives.constructor;
  const doc = new Document(undefined, { _directives: new directivesClass!({ version: options.version === '1.1' ? '1.1' : '1.2' }), ...options } as Options) as Document.Parsed;
  const map = new Reader(text, doc, split.lines).top();
  if (!map) return undefined;
  doc.contents = map as unknown as Document.Parsed['contents'];
  doc.range = [map.range![0], map.range![2], text.length];
  if (split.trailing) doc.comment = split.trailing.join('\n');
  return doc;
}
