/**
 * A stranger's text made fit for a note: one line, no control, separator or bidi character,
 * bounded. Every value an invite or an email gives passes here before it is planned.
 */

/** Line breaks, tabs and separators become spaces; the rest of what cannot be shown goes. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The longest value written from an invite or an email (a summary, a name, a subject). */
export const MAX_VALUE = 200;

/** One line of visible text, at most `max` characters (cut at a word when it can be). */
export function oneLine(text: string | undefined | null, max = MAX_VALUE): string {
  if (!text) return '';
  let t = String(text).replace(BREAKS, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
  if (t.length > max) {
    const cut = t.slice(0, max);
    const space = cut.lastIndexOf(' ');
    t = (space > max / 2 ? cut.slice(0, space) : cut).trimEnd() + '…';
  }
  return t;
}

/** A mail address as written in a note, lower-cased; undefined when it is not one plain address. */
export function address(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const a = String(text).trim().replace(/^mailto:/i, '').toLowerCase();
  return a.length <= 254 && /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(a) ? a : undefined;
}

export const domainOf = (email: string | undefined) => email?.slice(email.lastIndexOf('@') + 1);

/**
 * A conference or web link: http(s), no space, quote or angle bracket, at most 500 characters,
 * and nothing invisible (a bidi override or a zero-width space makes it another link than the
 * one it shows: refused, not flattened into a third one).
 */
export function link(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  INVISIBLE.lastIndex = 0;
  if (INVISIBLE.test(t)) return undefined;
  return /^https?:\/\/[^\s"'<>\u0000-\u001f\u007f-\u009f]+$/i.test(t) && t.length <= 500 ? t : undefined;
}
