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
 */
import { Composer, Document, DocumentOptions, isScalar, Pair, ParseOptions, Scalar, ScalarTag, Schema, SchemaOptions, YAMLMap, YAMLSeq } from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions;
type Node = Scalar | YAMLMap | YAMLSeq;

/**
 * The tests of YAML 1.2 core's tags for plain scalars that are not strings (null, bool, int,
 * float), in `yaml`'s order: none matches a text that starts otherwise than with `~`, `n`,
 * `N`, `t`, `T`, `f`, `F`, a digit, `+`, `-` or `.` (or an empty one), so most scalars, names
 * and keys, need not run them. Another `yaml` with other tests runs them all.
 */
const CORE_TESTS = [
  '^(?:~|[Nn]ull|NULL)?$', '^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$', '^0o[0-7]+$', '^[-+]?[0-9]+$', '^0x[0-9a-fA-F]+$',
  '^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$', '^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$',
  '^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$',
];

/** Could a scalar starting with `c` (NaN: an empty one) be other than a string under the core schema? */
function mayNotBeString(c: number): boolean {
  return !(c >= 0) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x7e
    || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46;
}

/** The tags of a schema that resolve a plain scalar by a test, in its order. */
const testsOf = (schema: Schema): ScalarTag[] => schema.tags.filter((t): t is ScalarTag => t.default === true && !!(t as ScalarTag).test);

const isCore = (tests: ScalarTag[]) => tests.length === CORE_TESTS.length && tests.every((t, i) => t.test!.source === CORE_TESTS[i]);

/** Is the schema YAML 1.2 core as CORE_TESTS has it (so that names skip the tests)? */
export const isCoreSchema = (schema: Schema): boolean => isCore(testsOf(schema));

/** Deeper than this is left to `yaml`: front matter nests 3 or 4 levels. */
const MAX_DEPTH = 8;

/** A key: a word (letters, digits, `_`, `-`), not starting with a digit or `-`. */
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The Directives class `yaml` composes documents with (not exported on its own). */
type Directives = { atDocument(): unknown };
let directivesClass: (new (o: { version: '1.1' | '1.2' }) => Directives) | undefined;

interface Line {
  start: number;
  indent: number;
  /** Where the line's content ends: before a comment after it (and the spaces before that), else at its line feed. */
  end: number;
  /** Its line feed. */
  eol: number;
  /** The comment after the content (`a: x  # this`), without its `#`. */
  comment?: string;
  /** Blank lines just before it. */
  blank?: true;
  /** Comment lines just before it, at its indentation. */
  comments?: string[];
}

/**
 * Can `c` (a UTF-16 code unit) be part of a plain scalar here without doubt? Printable ASCII
 * but `#` (a comment after a space), and anything from U+00A1 on but the byte-order mark,
 * the line and paragraph separators and the non-characters U+FFFE and U+FFFF.
 */
function plainChar(c: number): boolean {
  if (c < 0x7f) return c >= 0x20 && c !== 0x23;
  return c >= 0xa1 && c !== 0xfeff && c !== 0x2028 && c !== 0x2029 && c < 0xfffe;
}

/**
 * Can a plain scalar start with `c` and mean the same as its text says? Not an indicator
 * (`-?:,[]{}#&*!|>'"%@` and the backquote) and not a space.
 */
function plainStart(c: number): boolean {
  if (c >= 0x30 && c <= 0x39) return true; // digits
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  return c === 0x5f || c === 0x2e || c === 0x2b || c === 0x28 || c === 0x7e || c === 0x24 || c === 0x2f || c >= 0xa1;
}

/** A node with the comment after it on its line, if any. */
function commented<T extends Node>(node: T, line: Line): T {
  if (line.comment !== undefined) node.comment = line.comment;
  return node;
}

class Reader {
  private readonly lines: Line[] = [];
  private at = 0;

  /** The schema's tags that resolve a plain scalar by a test (null, bool, int, float). */
  private readonly tests: ScalarTag[];
  /** They are YAML 1.2 core's: a scalar that cannot start one of theirs is a string. */
  private readonly core: boolean;

  constructor(private readonly text: string, private readonly doc: Document.Parsed) {
    this.tests = testsOf(doc.schema);
    this.core = isCore(this.tests);
  }

  /** Comment lines after the last content, at column 0: the document's comment. */
  trailing?: string[];

  /**
   * Splits the text into lines of content, each with the blank and comment lines before it;
   * false on anything that needs `yaml` at the level of lines (a line of spaces, a tab, a
   * control, a comment after a quote or a `#` not after a space, blank lines and comments
   * together, a comment at another indentation than what follows it).
   */
  split(): boolean {
    const text = this.text;
    let blank = false;
    let comments: { indent: number; text: string }[] | undefined;
    let start = 0;
    while (start < text.length) {
      const eol = text.indexOf('\n', start);
      if (eol < 0) return false; // no line feed at the end
      if (eol === start) {
        blank = true;
        start = eol + 1;
        continue;
      }
      let indent = start;
      while (text.charCodeAt(indent) === 0x20) indent++;
      if (indent === eol || text.charCodeAt(eol - 1) === 0x20) return false; // spaces only, or trailing
      let hash = -1;
      for (let i = indent; i < eol; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x23 && hash < 0) hash = i;
        else if (!plainChar(c) && c !== 0x23) return false;
      }
      if (hash >= 0 && hash === eol - 1) return false; // an empty comment (`yaml` makes it a space)
      if (hash === indent) {
        (comments ??= []).push({ indent: indent - start, text: text.slice(hash + 1, eol) });
        start = eol + 1;
        continue;
      }
      const line: Line = { start, indent: indent - start, end: eol, eol };
      if (hash >= 0) {
        if (text.charCodeAt(hash - 1) !== 0x20) return false; // `a#b`: not a comment
        let end = hash;
        while (text.charCodeAt(end - 1) === 0x20) end--;
        for (let i = indent; i < end; i++) if (text.charCodeAt(i) === 0x22 || text.charCodeAt(i) === 0x27) return false; // a `#` in quotes?
        line.end = end;
        line.comment = text.slice(hash + 1, eol);
      }
      if (blank && comments) return false;
      if (blank) line.blank = true;
      if (comments) {
        if (comments.some((c) => c.indent !== line.indent)) return false;
        line.comments = comments.map((c) => c.text);
      }
      blank = false;
      comments = undefined;
      this.lines.push(line);
      start = eol + 1;
    }
    if (blank || this.lines.length === 0 || this.lines[0].indent !== 0 || this.lines[0].blank) return false;
    if (comments) {
      if (comments.some((c) => c.indent !== 0)) return false;
      this.trailing = comments.map((c) => c.text);
    }
    return true;
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

  /** The first `:` in [from, end), or -1: searched within the line only (indexOf would go on to the end of the text, once per line). */
  private colon(from: number, end: number): number {
    for (let i = from; i < end; i++) if (this.text.charCodeAt(i) === 0x3a) return i;
    return -1;
  }

  /** A scalar of the text [from, to): its value resolved by the document's schema. */
  private scalar(from: number, to: number, end: number): Scalar {
    const source = this.text.slice(from, to);
    // The first tag whose test matches, as `yaml` resolves a plain scalar; a string when none does.
    const tag = this.core && !mayNotBeString(source.charCodeAt(0)) ? undefined : this.tests.find((t) => t.test!.test(source));
    const value = tag?.resolve ? (tag.resolve as (s: string, onError: () => void, o: unknown) => unknown)(source, () => undefined, this.doc.options) : source;
    const scalar = isScalar(value) ? value : new Scalar(value); // the null tag resolves to a Scalar
    scalar.range = [from, to, end];
    scalar.source = source;
    scalar.type = 'PLAIN';
    if (tag?.format) scalar.format = tag.format;
    return scalar;
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
      const flow = this.flow(from, line.end);
      if (!flow || flow.range![1] !== line.end) return undefined;
      flow.range![2] = line.eol + 1;
      return commented(flow, line);
    }
    if (c === 0x22 || c === 0x27) {
      const close = this.quoted(from, line.end);
      if (close !== line.end) return undefined;
      return commented(this.quotedScalar(from, close, line.eol + 1), line);
    }
    if (!plainStart(c)) return undefined;
    if (text.charCodeAt(line.end - 1) === 0x3a) return undefined; // `:` last: a key
    // `: ` inside: a key and a value.
    for (let i = this.colon(from, line.end); i >= 0; i = this.colon(i + 1, line.end)) if (text.charCodeAt(i + 1) === 0x20) return undefined;
    return commented(this.scalar(from, line.end, line.eol + 1), line);
  }

  /** Where a quoted scalar opening at `from` closes (after its closing quote), if on this line and without escapes. */
  private quoted(from: number, end: number): number | undefined {
    const text = this.text;
    const quote = text.charCodeAt(from);
    for (let i = from + 1; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === quote) return text.charCodeAt(i + 1) === quote ? undefined : i + 1; // '' is an escape
      if (c === 0x5c && quote === 0x22) return undefined; // an escape sequence
    }
    return undefined;
  }

  private quotedScalar(from: number, close: number, end: number): Scalar {
    const value = this.text.slice(from + 1, close - 1);
    const scalar = new Scalar(value);
    scalar.range = [from, close, end];
    scalar.source = value;
    scalar.type = this.text.charCodeAt(from) === 0x22 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    return scalar;
  }

  /**
   * A flow sequence or mapping of scalars opening at `from`, within the line (before `end`):
   * its range ends after the closing bracket, the caller sets the end of the node.
   */
  private flow(from: number, end: number): YAMLSeq | YAMLMap | undefined {
    const text = this.text;
    const isMap = text.charCodeAt(from) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const node = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    node.flow = true;
    let i = from + 1;
    const spaces = () => {
      while (text.charCodeAt(i) === 0x20) i++;
    };
    for (spaces(); ;) {
      if (i >= end) return undefined;
      if (text.charCodeAt(i) === close) break;
      let key: Scalar | undefined;
      if (isMap) {
        const at = i;
        while (i < end && text.charCodeAt(i) !== 0x3a) i++;
        if (i >= end || text.charCodeAt(i + 1) !== 0x20 || !KEY.test(text.slice(at, i))) return undefined;
        key = this.scalar(at, i, i);
        i++;
        spaces();
      }
      const item = this.flowScalar(i, end);
      if (!item) return undefined;
      i = item.range![2];
      if (key) (node as YAMLMap).items.push(new Pair(key, item));
      else (node as YAMLSeq).items.push(item);
      if (text.charCodeAt(i) === 0x2c) {
        i++;
        spaces();
      } else if (text.charCodeAt(i) !== close) return undefined;
    }
    node.range = [from, i + 1, i + 1];
    return node;
  }

  /** A scalar in a flow collection at `from`: its node ends before the `,` or bracket after it (spaces included). */
  private flowScalar(from: number, end: number): Scalar | undefined {
    const text = this.text;
    const c = text.charCodeAt(from);
    let to: number;
    let scalar: Scalar;
    if (c === 0x22 || c === 0x27) {
      const close = this.quoted(from, end);
      if (close === undefined) return undefined;
      to = close;
      scalar = this.quotedScalar(from, close, close);
    } else {
      if (!plainStart(c)) return undefined;
      to = from;
      for (; to < end; to++) {
        const d = text.charCodeAt(to);
        if (d === 0x2c || d === 0x5d || d === 0x7d) break;
        if (d === 0x3a || d === 0x5b || d === 0x7b) return undefined; // `:` or a nested collection
      }
      while (text.charCodeAt(to - 1) === 0x20) to--;
      scalar = this.scalar(from, to, to);
    }
    let after = to;
    while (text.charCodeAt(after) === 0x20) after++;
    scalar.range![2] = after;
    return scalar;
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
      const keyStart = k === 0 && first !== undefined ? first : line.start + line.indent;
      if (!(k === 0 && first !== undefined) && line.indent !== column) {
        if (line.indent > column) return undefined; // a line a space off
        break;
      }
      const colon = this.colon(keyStart, line.end);
      // Over 1024 characters, a key is an error of `yaml`'s (KEY_OVER_1024_CHARS).
      if (colon < 0 || colon - keyStart > 1024 || !KEY.test(text.slice(keyStart, colon))) return undefined;
      const key = this.scalar(keyStart, colon, colon);
      if (!(k === 0 && first !== undefined)) this.gap(key, line);
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
      const colon = this.colon(from, line.end);
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
  directivesClass ??= (new Composer(options) as unknown as { directives: { constructor: typeof directivesClass } }).directives.constructor;
  const doc = new Document(undefined, { _directives: new directivesClass!({ version: options.version === '1.1' ? '1.1' : '1.2' }), ...options } as Options) as Document.Parsed;
  const reader = new Reader(text, doc);
  if (!reader.split()) return undefined;
  const map = reader.top();
  if (!map) return undefined;
  doc.contents = map as unknown as Document.Parsed['contents'];
  doc.range = [map.range![0], map.range![2], text.length];
  if (reader.trailing) doc.comment = reader.trailing.join('\n');
  return doc;
}
