/**
 * The one writer of a string into YAML: the scalar reads back as the same string under the
 * YAML 1.2 core schema and under YAML 1.1 (where `yes`, `no`, `on`, `off`, `y`, `1:20`,
 * `0b101` and dates are not strings), in a block mapping and inside a flow collection.
 * Pure.
 *
 * Plain only when that is plainly a string: it starts with a letter or digit, holds only
 * letters, digits, marks, spaces and `_ . ' / & ( ) + @ -`, does not end in a space, and is
 * neither a YAML 1.1/1.2 boolean or null nor shaped like a number or a date. Anything else is
 * double-quoted, with every character that is not plainly printable escaped (controls, C1,
 * line and paragraph separators, bidi controls, lone surrogates, BOM, noncharacters), so
 * the file holds one line of visible text whatever the value.
 */

/** Letters, digits and marks, then a conservative set of punctuation with no YAML meaning mid-scalar. */
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} _.'/&()+@-]*$/u;

/** YAML 1.1 booleans and nulls (every case: quoting too much is harmless), 1.2's are a subset. */
const KEYWORD = /^(?:y|yes|n|no|true|false|on|off|null|nil)$/i;

/**
 * A number in any YAML 1.1 or 1.2 form (`0x1F`, `0o17`, `0b101`, `1e3`, `1_000`, `1:20`,
 * `+.5`) or a timestamp (`2001-12-14`, `2001-12-14 21:59:43.10 -5`): a digit first (after a
 * sign or dot) and nothing but digits, hex letters, `x o b e t z`, `_ . : + -` and spaces.
 */
const NUMBERISH = /^[-+.]?[0-9][0-9a-fA-FxXoObBtTzZ_.:+\- ]*$/;

/** An exponent without a mantissa (`e-12`, `E5`): the `yaml` library's 1.1 float reads it, as NaN. */
const EXPONENT = /^[-+]?[0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;

/** The string as a YAML scalar, plain when that reads back the same, else double-quoted. */
export function yamlString(value: string): string {
  const plain = PLAIN.test(value) && !value.endsWith(' ') && !KEYWORD.test(value) && !NUMBERISH.test(value) && !EXPONENT.test(value);
  return plain ? value : yamlDoubleQuoted(value);
}

const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/** A double-quoted YAML scalar of exactly this string, on one line, every unprintable character escaped. */
export function yamlDoubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const short = SHORT[ch];
    if (short) out += short;
    else if (needsEscape(ch)) out += `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * C0, DEL, C1, line/paragraph separators, bidi marks/embeddings/overrides/isolates, BOM,
 * noncharacters U+FFFE/U+FFFF and a lone surrogate (a pair is one astral character, kept).
 */
const UNPRINTABLE = /^(?:[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udfff])$/;

function needsEscape(ch: string): boolean {
  return ch.length === 1 && UNPRINTABLE.test(ch);
}
