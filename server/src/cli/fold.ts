/**
 * Folds iCalendar content lines (RFC 5545 3.1) exactly as ical-generator's `foldLines` does:
 * after 74 octets of UTF-8 a line goes on, after CRLF and one space, never inside a character.
 * Theirs encodes every character with a new TextEncoder: 10 s of a 16 MB calendar (10,000
 * notes, each check-in with its email as a link); this counts the octets of each code unit.
 */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (line.length <= 74 && Buffer.byteLength(line, 'utf8') <= 74) return line;
  const parts: string[] = [];
  let from = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    let width = 1;
    let units = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
      // A high surrogate takes the next unit with it, as theirs does (4 octets when it is a pair).
      const next = line.charCodeAt(i + 1);
      width = next >= 0xdc00 && next <= 0xdfff ? 4 : 3 + octetsOf(next);
      units = 2;
    } else {
      width = octetsOf(code);
    }
    octets += width;
    if (octets > 74) {
      parts.push(line.slice(from, i));
      from = i;
      octets = width;
    }
    i += units - 1;
  }
  parts.push(line.slice(from));
  return parts.join('\r\n ');
}

/** UTF-8 octets of one UTF-16 code unit on its own (a lone surrogate is written as U+FFFD: 3). */
function octetsOf(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
}
