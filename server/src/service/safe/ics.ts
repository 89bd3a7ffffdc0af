/**
 * iCalendar text (RFC 5545): TEXT values escaped (3.3.11), content lines folded after 75
 * octets (3.1) and every line, the last one too, ended by CRLF. Pure.
 *
 * TEXT has no escape for a control character (3.3.11 excludes CONTROL): one that reaches a
 * value (a file name of the note, a template's output) is written as U+FFFD, never raw; so is
 * a bidi override and a lone surrogate. A note's own values with one are refused before they
 * get here (safe/values.ts).
 */

// eslint-disable-next-line no-control-regex
const UNWRITABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The value with every character TEXT cannot hold as U+FFFD; line breaks (LF, CRLF, CR) as LF. */
export function icsPlain(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(UNWRITABLE, '\ufffd');
}

/** A TEXT value: backslash, semicolon, comma and line breaks escaped, controls as U+FFFD. */
export function icsText(value: string): string {
  return icsPlain(value).replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

/** A parameter value (3.2): DQUOTE-quoted, which cannot hold a DQUOTE or a control at all. */
export function icsParam(value: string): string {
  return `"${icsPlain(value).replace(/["\n]/g, '\ufffd')}"`;
}

/** The text with every content line ended by CRLF, the last one too (3.1), none empty at the end. */
export function icsTerminated(text: string): string {
  const body = text.replace(/(?:\r\n)+$/, '');
  return body === '' ? '' : `${body}\r\n`;
}
