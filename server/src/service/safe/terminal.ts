/**
 * Text for a terminal: nothing a note or a file name holds can move the cursor, change colours,
 * set the window title or reorder what is shown. Pure.
 *
 * Escaped as `\n`, `\t`, `\r` or `\uXXXX`: every C0 control and DEL, every C1 control (U+0085
 * NEL, U+009B CSI and U+009D OSC act as ESC sequences on many terminals), the line and
 * paragraph separators, bidi embeddings, overrides and isolates, and lone surrogates.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One line whatever the text holds. */
export function terminalLine(text: string): string {
  return text.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text of several lines (a draft): its line breaks (LF, CRLF as LF) and tabs kept, all else as terminalLine. */
export function terminalLines(text: string): string {
  return text.split(/\r?\n/).map((line) => line.split('\t').map(terminalLine).join('\t')).join('\n');
}

/** JSON for a terminal: JSON.stringify escapes C0 and lone surrogates; DEL, C1, separators and bidi controls too. */
export function terminalJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
