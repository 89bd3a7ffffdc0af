/** The plain front matter path's first stage: the text as lines of content, with what lies between them. */

export interface Line {
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

/** The lines of a text, and the comment lines after the last (at column 0: the document's comment). */
export interface Lines {
  lines: Line[];
  trailing?: string[];
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
 * Splits the text into lines of content, each with the blank and comment lines before it;
 * undefined on anything that needs `yaml` at the level of lines (a line of spaces, a tab, a
 * control, a comment after a quote or a `#` not after a space, blank lines and comments
 * together, a comment at another indentation than what follows it).
 */
export function splitLines(text: string): Lines | undefined {
  const lines: Line[] = [];
  let blank = false;
  let comments: { indent: number; text: string }[] | undefined;
  let start = 0;
  while (start < text.length) {
    const eol = text.indexOf('\n', start);
    if (eol < 0) return undefined; // no line feed at the end
    if (eol === start) {
      blank = true;
      start = eol + 1;
      continue;
    }
    let indent = start;
    while (text.charCodeAt(indent) === 0x20) indent++;
    if (indent === eol || text.charCodeAt(eol - 1) === 0x20) return undefined; // spaces only, or trailing
    let hash = -1;
    for (let i = indent; i < eol; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x23 && hash < 0) hash = i;
      else if (!plainChar(c) && c !== 0x23) return undefined;
    }
    if (hash >= 0 && hash === eol - 1) return undefined; // an empty comment (`yaml` makes it a space)
    if (hash === indent) {
      (comments ??= []).push({ indent: indent - start, text: text.slice(hash + 1, eol) });
      start = eol + 1;
      continue;
    }
    const line: Line = { start, indent: indent - start, end: eol, eol };
    if (hash >= 0) {
      if (text.charCodeAt(hash - 1) !== 0x20) return undefined; // `a#b`: not a comment
      let end = hash;
      while (text.charCodeAt(end - 1) === 0x20) end--;
      for (let i = indent; i < end; i++) if (text.charCodeAt(i) === 0x22 || text.charCodeAt(i) === 0x27) return undefined; // a `#` in quotes?
      line.end = end;
      line.comment = text.slice(hash + 1, eol);
    }
    if (blank && comments) return undefined;
    if (blank) line.blank = true;
    if (comments) {
      if (comments.some((c) => c.indent !== line.indent)) return undefined;
      line.comments = comments.map((c) => c.text);
    }
    blank = false;
    comments = undefined;
    lines.push(line);
    start = eol + 1;
  }
  if (blank || lines.length === 0 || lines[0].indent !== 0 || lines[0].blank) return undefined;
  if (!comments) return { lines };
  if (comments.some((c) => c.indent !== 0)) return undefined;
  return { lines, trailing: comments.map((c) => c.text) };
}
