/**
 * LSP positions in another encoding than UTF-16. The service computes every range in UTF-16
 * code units (what TextDocument counts); a client that negotiated `positionEncoding: utf-8`
 * counts bytes instead. The host converts at its edge, both ways, with the text the
 * positions refer to. Lines are split as LSP splits them: \n, \r\n and \r.
 */
import type { Position, Range } from 'vscode-languageserver-types';

export type PositionEncoding = 'utf-16' | 'utf-8';

/** The encoding to use from what the client offers (`general.positionEncodings`): UTF-8 when offered. */
export function negotiateEncoding(offered: readonly string[] | undefined): PositionEncoding {
  return Array.isArray(offered) && offered.includes('utf-8') ? 'utf-8' : 'utf-16';
}

/** Converts positions over one text between UTF-16 and the client's encoding. */
export class PositionConverter {
  private starts?: number[];

  constructor(private readonly text: string, readonly encoding: PositionEncoding) {}

  get identity(): boolean {
    return this.encoding === 'utf-16';
  }

  /** A UTF-16 position (the service's) as the client counts it. */
  toClient(p: Position): Position {
    if (this.identity) return p;
    const [start, end] = this.line(p.line);
    if (start === undefined) return p;
    const stop = Math.min(start + Math.max(0, p.character), end);
    let bytes = 0;
    for (let i = start; i < stop; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < stop && isLow(this.text.charCodeAt(i + 1))) {
        bytes += 4; // a surrogate pair: one code point of 4 bytes
        i++;
      } else bytes += 3;
    }
    return { line: p.line, character: bytes };
  }

  /** A position as the client counts it, in UTF-16 (clamped to its line; inside a character, at its start). */
  fromClient(p: Position): Position {
    if (this.identity) return p;
    const [start, end] = this.line(p.line);
    if (start === undefined) return p;
    let bytes = 0;
    let i = start;
    while (i < end) {
      const c = this.text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < end && isLow(this.text.charCodeAt(i + 1));
      const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
      if (bytes + size > p.character) break;
      bytes += size;
      i += pair ? 2 : 1;
    }
    return { line: p.line, character: i - start };
  }

  rangeToClient(r: Range): Range {
    return this.identity ? r : { start: this.toClient(r.start), end: this.toClient(r.end) };
  }

  rangeFromClient(r: Range): Range {
    return this.identity ? r : { start: this.fromClient(r.start), end: this.fromClient(r.end) };
  }

  /** [start, end) of a line's text, without its line break; [undefined] past the last line. */
  private line(n: number): [number | undefined, number] {
    const starts = (this.starts ??= lineStarts(this.text));
    if (!Number.isInteger(n) || n < 0 || n >= starts.length) return [undefined, 0];
    const start = starts[n];
    let end = n + 1 < starts.length ? starts[n + 1] : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return [start, end];
  }
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}
