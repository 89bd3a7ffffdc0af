/**
 * The `include` / `exclude` globs, matched in time bounded by the pattern's length times the
 * path's: a regular expression such as picomatch makes of `*a*a*a*a*a*a*a*a*x` backtracks
 * exponentially on a long file name. Here `**` spans path segments (a table over segments)
 * and each segment is matched by the classic wildcard walk, which only ever backtracks to the
 * last `*`.
 *
 * Syntax, as picomatch with `dot: true` has it: `*` and `?` within a segment (dotfiles too),
 * `**` as a whole segment for any number of segments, `[abc]`, `[a-z]`, `[!x]`, `[^x]`,
 * `[[:alpha:]]`, `{a,b}` and `{1..3}`, `\` escapes; a leading `!` negates, a leading `./` is
 * dropped; `.` and `..` segments are matched only by themselves. Extended globs (`@(a|b)`) are
 * refused, as are a glob over MAX_GLOB_LENGTH and one that expands to over MAX_GLOB_ALTERNATIVES.
 */

export const MAX_GLOB_LENGTH = 1000;
export const MAX_GLOB_ALTERNATIVES = 100;

class GlobError extends Error {}

/** Why `glob` cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (err) {
    if (err instanceof GlobError) return err.message;
    throw err;
  }
}

/** A matcher of `/`-separated relative paths; throws on a glob that globProblem refuses. */
export function compileGlob(glob: string): (path: string) => boolean {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`is longer than ${MAX_GLOB_LENGTH} characters`);
  let negated = false;
  let g = glob;
  while (g.startsWith('!') && !g.startsWith('!(')) {
    negated = !negated;
    g = g.slice(1);
  }
  while (g.startsWith('./')) g = g.slice(2);
  if (/(?:^|[^\\])[@*+?!]\(/.test(g)) throw new GlobError('uses an extended glob such as @(a|b), which is not supported: use braces, {a,b}');
  const alternatives = expandBraces(g).map((p) => p.split('/').map(compileSegment));
  const match = (path: string) => {
    const segments = path.split('/');
    return alternatives.some((a) => matchSegments(a, segments));
  };
  return negated ? (path) => !match(path) : match;
}

// ---- braces ---------------------------------------------------------------------------

/** Every pattern `{...}` stands for, at most MAX_GLOB_ALTERNATIVES. */
function expandBraces(g: string): string[] {
  const out: string[] = [];
  const expand = (p: string): void => {
    const open = findBrace(p);
    if (!open) {
      if (out.length >= MAX_GLOB_ALTERNATIVES) throw new GlobError(`expands to more than ${MAX_GLOB_ALTERNATIVES} patterns`);
      out.push(p);
      return;
    }
    const [start, end, parts] = open;
    for (const part of parts) expand(p.slice(0, start) + part + p.slice(end + 1));
  };
  expand(g);
  return out;
}

/** The first `{...}` with a top-level comma or a range: [start, end, alternatives]. */
function findBrace(p: string): [number, number, string[]] | undefined {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(p, i) ?? i;
    else if (c === '{') {
      let depth = 0;
      const commas: number[] = [];
      for (let j = i; j < p.length; j++) {
        const d = p[j];
        if (d === '\\') j++;
        else if (d === '[') j = classEnd(p, j) ?? j;
        else if (d === '{') depth++;
        else if (d === ',' && depth === 1) commas.push(j);
        else if (d === '}' && --depth === 0) {
          const inner = p.slice(i + 1, j);
          if (commas.length > 0) {
            const bounds = [i, ...commas, j];
            return [i, j, bounds.slice(1).map((b, k) => p.slice(bounds[k] + 1, b))];
          }
          const range = rangeOf(inner);
          if (range) return [i, j, range];
          break; // `{x}`: literal braces
        }
      }
    }
  }
  return undefined;
}

/** `1..3` or `a..e` as its members. */
function rangeOf(inner: string): string[] | undefined {
  const m = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])$/.exec(inner);
  if (!m) return undefined;
  const numeric = /\d/.test(m[1]);
  if (numeric !== /\d/.test(m[2])) return undefined;
  const [a, b] = numeric ? [Number(m[1]), Number(m[2])] : [m[1].charCodeAt(0), m[2].charCodeAt(0)];
  if (Math.abs(b - a) >= MAX_GLOB_ALTERNATIVES) throw new GlobError(`expands to more than ${MAX_GLOB_ALTERNATIVES} patterns`);
  const step = a <= b ? 1 : -1;
  const out: string[] = [];
  for (let v = a; v !== b + step; v += step) out.push(numeric ? String(v) : String.fromCharCode(v));
  return out;
}

// ---- segments ---------------------------------------------------------------------------

const STAR = -1;
const ANY = -2;
/** A token: a char code, STAR, ANY, or a character class. */
type Token = number | CharClass;

interface CharClass {
  negated: boolean;
  /** Inclusive [low, high] code ranges. */
  ranges: [number, number][];
}

/** `**` as a whole segment, or a test of one segment. */
type Segment = 'globstar' | ((segment: string) => boolean);

const POSIX: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', xdigit: '0-9a-fA-F',
  space: ' \t\r\n\v\f', blank: ' \t', word: 'a-zA-Z0-9_',
};

/** Where the class opening at p[i] ends (its `]`), or undefined when `[` is a plain character. */
function classEnd(p: string, i: number): number | undefined {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++; // a leading `]` is a member
  for (; j < p.length; j++) {
    if (p[j] === '\\') j++;
    else if (p[j] === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      if (close > 0) j = close + 1;
    } else if (p[j] === ']') return j;
  }
  return undefined;
}

function parseClass(body: string): CharClass {
  const cls: CharClass = { negated: false, ranges: [] };
  let i = 0;
  if (body[0] === '!' || body[0] === '^') {
    cls.negated = true;
    i = 1;
  }
  const codes: number[] = [];
  for (; i < body.length; i++) {
    const close = body[i] === '[' && body[i + 1] === ':' ? body.indexOf(':]', i + 2) : -1;
    if (close > 0) {
      const name = body.slice(i + 2, close);
      if (!Object.prototype.hasOwnProperty.call(POSIX, name)) throw new GlobError(`uses an unknown class [:${name}:]`);
      cls.ranges.push(...parseClass(POSIX[name]).ranges);
      i = close + 1;
      continue;
    }
    if (body[i] === '\\' && i + 1 < body.length) i++;
    codes.push(body.charCodeAt(i));
    if (body[i + 1] === '-' && i + 2 < body.length) {
      let hi = i + 2;
      if (body[hi] === '\\' && hi + 1 < body.length) hi++;
      cls.ranges.push([codes.pop()!, body.charCodeAt(hi)]);
      i = hi;
    }
  }
  for (const c of codes) cls.ranges.push([c, c]);
  return cls;
}

function compileSegment(src: string): Segment {
  if (src === '**') return 'globstar';
  const tokens: Token[] = [];
  let literal = true;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) tokens.push(src.charCodeAt(++i));
    else if (c === '*') {
      literal = false;
      if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
    } else if (c === '?') {
      literal = false;
      tokens.push(ANY);
    } else if (c === '[' && classEnd(src, i) !== undefined) {
      const end = classEnd(src, i)!;
      literal = false;
      tokens.push(parseClass(src.slice(i + 1, end)));
      i = end;
    } else tokens.push(src.charCodeAt(i));
  }
  if (literal) {
    const text = String.fromCharCode(...(tokens as number[]));
    return (s) => s === text;
  }
  if (tokens.length === 1 && tokens[0] === STAR) return (s) => s !== '' && s !== '.' && s !== '..';
  return (s) => s !== '.' && s !== '..' && matchTokens(tokens, s);
}

function tokenMatches(t: Token, code: number): boolean {
  if (typeof t === 'number') return t === ANY || t === code;
  let inside = false;
  for (const [lo, hi] of t.ranges) {
    if (code >= lo && code <= hi) {
      inside = true;
      break;
    }
  }
  return inside !== t.negated;
}

/** Does the segment `s` match `tokens`? At most tokens × characters steps. */
function matchTokens(tokens: Token[], s: string): boolean {
  let t = 0;
  let i = 0;
  let starT = -1;
  let starI = 0;
  while (i < s.length) {
    if (t < tokens.length && tokens[t] === STAR) {
      starT = t++;
      starI = i;
    } else if (t < tokens.length && tokenMatches(tokens[t], s.charCodeAt(i))) {
      t++;
      i++;
    } else if (starT >= 0) {
      // Only the last star takes one more character: an earlier one could add nothing it cannot.
      t = starT + 1;
      i = ++starI;
    } else return false;
  }
  while (t < tokens.length && tokens[t] === STAR) t++;
  return t === tokens.length;
}

/** Do the path's segments match the pattern's? A table over segments: pattern × path steps. */
function matchSegments(pattern: Segment[], segments: string[]): boolean {
  // reach[j]: the pattern so far matches the first j segments.
  let reach = new Uint8Array(segments.length + 1);
  reach[0] = 1;
  for (const p of pattern) {
    const next = new Uint8Array(segments.length + 1);
    let any = false;
    if (p === 'globstar') {
      // Zero or more segments, neither `.` nor `..`.
      let on = false;
      for (let j = 0; j <= segments.length; j++) {
        on = reach[j] === 1 || (on && segments[j - 1] !== '.' && segments[j - 1] !== '..');
        if (on) next[j] = 1;
        any ||= on;
      }
    } else {
      for (let j = 0; j < segments.length; j++) {
        if (reach[j] && p(segments[j])) {
          next[j + 1] = 1;
          any = true;
        }
      }
    }
    if (!any) return false;
    reach = next;
  }
  return reach[segments.length] === 1;
}
