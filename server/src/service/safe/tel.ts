/**
 * A written phone number as a `tel:` URI (RFC 3966). Pure.
 *
 * Visual separators (spaces, dots, dashes, brackets) are dropped, a leading `+` kept, and an
 * extension ("ext. 12", "x12", "extension 12", "#12", ";ext=12") goes into `;ext=12` instead
 * of onto the end of the number. Undefined when there is no digit to call.
 */
const EXTENSION = /^(.*?\d.*?)[\s,;]*(?:;?ext=|ext\.?|extn\.?|extension|x|#)\s*(\d[\d\s.-]*)$/i;

export function telUri(phone: string): string | undefined {
  const m = EXTENSION.exec(phone.trim());
  const number = digitsOf(m ? m[1] : phone);
  if (!/\d/.test(number)) return undefined;
  const ext = m ? m[2].replace(/\D/g, '') : '';
  return `tel:${number}${ext ? `;ext=${ext}` : ''}`;
}

/** The dialable part: digits, and a `+` only in front. */
function digitsOf(text: string): string {
  return text.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
}
