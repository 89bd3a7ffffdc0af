/**
 * What a note's value may hold to reach a header, a recipient, a heading, a URI, a calendar
 * property or the terminal: one line of printable text. Pure.
 *
 * Refused: a line break (LF, CR, NEL, LS, PS, VT, FF), any other C0 or C1 control or DEL,
 * a bidi embedding/override/isolate (they reorder what a reader sees: `moc.evil@` shown as
 * `@live.com`), a lone surrogate and the noncharacters U+FFFE/U+FFFF. A tab is refused too: it
 * has no place in a header or a name.
 */

export interface Unsafe {
  /** Offset in the value (UTF-16 units). */
  at: number;
  /** The code point, as U+XXXX. */
  code: string;
  /** "a line break", "a control character", "a bidi override". */
  what: string;
}

const LINE_BREAKS = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);
const BIDI = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

function kindOf(cp: number, lone: boolean): string | undefined {
  if (LINE_BREAKS.has(cp)) return 'a line break';
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return 'a control character';
  if (BIDI.has(cp)) return 'a bidi override';
  if (lone) return 'a lone surrogate';
  if (cp === 0xfffe || cp === 0xffff) return 'a noncharacter';
  return undefined;
}

/** The first character that keeps `value` from being one line of printable text; undefined when it is one. */
export function unsafeIn(value: string, options: { lineBreaks?: boolean } = {}): Unsafe | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // A quick pass for the usual text: printable ASCII and ordinary letters.
    if (c >= 0x20 && c < 0x7f) continue;
    let cp = c;
    let lone = false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        continue; // astral characters (emoji, CJK extensions) are printable
      }
      lone = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) lone = true;
    if (options.lineBreaks && (c === 0x0a || (c === 0x0d && value.charCodeAt(i + 1) === 0x0a))) continue;
    const what = kindOf(cp, lone);
    if (what) return { at: i, code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, what };
  }
  return undefined;
}

/** True when the value is one line of printable text. */
export const isSafeLine = (value: string): boolean => unsafeIn(value) === undefined;

/**
 * The message for an unsafe value: "contact name holds a line break (U+000A) after 'Ana': a
 * value must be one line of printable text; no draft is offered until it is fixed".
 */
export function unsafeMessage(label: string, value: string, u: Unsafe): string {
  const before = value.slice(Math.max(0, u.at - 20), u.at);
  const shown = before ? ` after '${escapeControls(before)}'` : ' at its start';
  return `${label} holds ${u.what} (${u.code})${shown}: a value must be one line of printable text; no draft is offered until it is fixed`;
}

/** Every unsafe character of the text as `\uXXXX` (for a message about it). */
export function escapeControls(text: string): string {
  let out = '';
  for (const ch of text) {
    out += unsafeIn(ch) ? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : ch;
  }
  return out;
}
