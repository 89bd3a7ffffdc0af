/** Offsets in the note's text, the scalar style of an existing node, and the body edit. */
import { isScalar, Node, Scalar } from 'yaml';
import { Span } from '../frontmatter';
import { ParsedNote } from '../model';
import { yamlDoubleQuoted } from '../safe/yaml';

export interface Edit {
  span: Span;
  newText: string;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset`, before its line ending. */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

export const base = (note: ParsedNote) => note.frontMatter.content.start;
export const abs = (note: ParsedNote, node: Node): Span => ({ start: node.range![0] + base(note), end: node.range![1] + base(note) });

/** A scalar as written in the same style as `like` (plain, 'single' or "double" quoted). */
export function styled(value: string, like: Node | null | undefined): string {
  if (isScalar(like)) {
    if (like.type === Scalar.QUOTE_DOUBLE) return yamlDoubleQuoted(value); // every unprintable character escaped (safe/yaml.ts)
    if (like.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  }
  return value;
}

/**
 * The line without the spaces and tabs it ends with. Not `/[ \t]+$/`, which is tried at each
 * character of a run of blanks not at the end (quadratic: a template can write 200 KB of them).
 */
function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/** Appends a block of text at the end of the note, after its last line. */
export function appendToBody(note: ParsedNote, block: string): Edit {
  const { text } = note;
  const { eol } = note.frontMatter;
  const lines = block.replace(/\r\n?/g, '\n').trimEnd().split('\n').map(withoutTrailingBlanks);
  const body = lines.join(eol);
  // Never address the empty "line" after a final newline: some clients then add or join
  // lines. Insert at the end of the last real line instead; the final newline stays last.
  let at = text.length;
  if (text.endsWith('\n')) at = text.endsWith('\r\n') ? text.length - 2 : text.length - 1;
  return { span: { start: at, end: at }, newText: `${eol}${eol}${body}` };
}

