/**
 * The plain front matter path's scalars and flow collections, one line's worth: resolved by
 * the document's schema as `yaml` resolves them.
 */
import { Document, isScalar, Pair, Scalar, ScalarTag, Schema, YAMLMap, YAMLSeq } from 'yaml';

export type Node = Scalar | YAMLMap | YAMLSeq;

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

/** The first `:` in text[from, end), or -1: searched within the line only (indexOf would go on to the end of the text, once per line). */
export function colonIn(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 0x3a) return i;
  return -1;
}

/** A key: a word (letters, digits, `_`, `-`), not starting with a digit or `-`. */
export const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Can a plain scalar start with `c` and mean the same as its text says? Not an indicator
 * (`-?:,[]{}#&*!|>'"%@` and the backquote) and not a space.
 */
export function plainStart(c: number): boolean {
  if (c >= 0x30 && c <= 0x39) return true; // digits
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  return c === 0x5f || c === 0x2e || c === 0x2b || c === 0x28 || c === 0x7e || c === 0x24 || c === 0x2f || c >= 0xa1;
}

export class Inline {
  /** The schema's tags that resolve a plain scalar by a test (null, bool, int, float). */
  private readonly tests: ScalarTag[];
  /** They are YAML 1.2 core's: a scalar that cannot start one of theirs is a string. */
  private readonly core: boolean;

  constructor(private readonly text: string, private readonly doc: Document.Parsed) {
    this.tests = testsOf(doc.schema);
    this.core = isCore(this.tests);
  }

  /** A scalar of the text [from, to): its value resolved by the document's schema. */
  scalar(from: number, to: number, end: number): Scalar {
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

  /** Where a quoted scalar opening at `from` closes (after its closing quote), if on this line and without escapes. */
  quoted(from: number, end: number): number | undefined {
    const text = this.text;
    const quote = text.charCodeAt(from);
    for (let i = from + 1; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === quote) return text.charCodeAt(i + 1) === quote ? undefined : i + 1; // '' is an escape
      if (c === 0x5c && quote === 0x22) return undefined; // an escape sequence
    }
    return undefined;
  }

  quotedScalar(from: number, close: number, end: number): Scalar {
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
  flow(from: number, end: number): YAMLSeq | YAMLMap | undefined {
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
        i = colonIn(text, at, end);
        if (i < 0 || text.charCodeAt(i + 1) !== 0x20 || !KEY.test(text.slice(at, i))) return undefined;
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
  flowScalar(from: number, end: number): Scalar | undefined {
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
}
