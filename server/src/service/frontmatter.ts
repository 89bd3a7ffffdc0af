/** Locates the YAML front matter of a markdown note without looking at the body. */

export interface Span {
  start: number;
  end: number;
}

/** Do two spans share an offset (touching ends count, as a cursor at the end of a value does)? */
export function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export interface FrontMatter {
  /** The opening `---`, without its line ending. */
  open: Span;
  /** The YAML text between the delimiters: from after the opening line to the closing line. */
  content: Span;
  /** The closing `---` or `...`, without its line ending; undefined when never closed. */
  close?: Span;
  /** The line ending the note uses (taken from the opening line). */
  eol: '\n' | '\r\n';
}

const OPEN = /^---[ \t]*$/;

/**
 * Is the line [start, end) a closing fence: `---` or `...`, then spaces or tabs only? `end` is
 * where the line ends before its `\r\n` or `\n`. Over a char-code accessor so that text and bytes
 * (the NoteReader's head-of-file check) share the one grammar.
 */
export function isClosingLine(at: (i: number) => number, start: number, end: number): boolean {
  const c = at(start);
  if ((c !== 45 && c !== 46) || start + 3 > end || at(start + 1) !== c || at(start + 2) !== c) return false;
  for (let j = start + 3; j < end; j++) if (at(j) !== 32 && at(j) !== 9) return false;
  return true;
}

/** Returns [lineStart, lineEnd (before \r?\n), nextLineStart]. */
function lineAt(text: string, start: number): [number, number, number] {
  const nl = text.indexOf('\n', start);
  if (nl < 0) return [start, text.length, text.length];
  const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  return [start, end, nl + 1];
}

export function locateFrontMatter(text: string): FrontMatter | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const [s0, e0, n0] = lineAt(text, bom);
  if (!OPEN.test(text.slice(s0, e0)) || n0 === e0) return undefined; // a lone `---` with no line after
  const eol: '\n' | '\r\n' = text.charCodeAt(e0) === 13 ? '\r\n' : '\n';
  const at = (i: number) => text.charCodeAt(i);
  let pos = n0;
  while (pos < text.length) {
    const [s, e, n] = lineAt(text, pos);
    if (isClosingLine(at, s, e)) {
      return { open: { start: s0, end: e0 }, content: { start: n0, end: s }, close: { start: s, end: e }, eol };
    }
    pos = n;
  }
  return { open: { start: s0, end: e0 }, content: { start: n0, end: text.length }, eol };
}

const MARKER = /^(?:interviewed:|rounds:|type:[ \t]*["']?interview["']?[ \t\r]*(?:#.*)?$)/m;

/** For front matter we cannot parse: does it still say it is an interview note? */
export function hasInterviewMarker(text: string, content: Span): boolean {
  return MARKER.test(text.slice(content.start, content.end));
}

/**
 * A span an editor can show. YAML reports some errors (an unclosed `[` or quote) as an empty
 * span at the very end of the text, where no squiggle is visible: widen an empty span to the
 * trimmed line it is on, or to the last line with content before it.
 */
export function visibleSpan(text: string, span: Span, within: Span): Span {
  const start = Math.max(within.start, Math.min(span.start, within.end));
  const end = Math.max(start, Math.min(span.end, within.end));
  if (end > start) return { start, end };
  let at = start;
  while (at > within.start && (at >= within.end || /\s/.test(text[at]))) at--;
  if (at >= within.end || /\s/.test(text[at])) return { start, end }; // nothing but blanks
  let from = Math.max(within.start, text.lastIndexOf('\n', at) + 1);
  let to = text.indexOf('\n', at);
  to = to < 0 || to > within.end ? within.end : to;
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  return { start: from, end: to };
}
