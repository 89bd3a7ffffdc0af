/**
 * The one writer of `mailto:` URIs (RFC 6068). Pure.
 *
 * Every recipient goes into the `to` part, comma-separated; each octet of UTF-8 outside the
 * unreserved set is percent-encoded (a space `%20`, never `+`; a line break `%0D%0A`), so a
 * value can add no recipient, header or field. A lone surrogate is written as U+FFFD.
 */
import type { Mailbox } from './address';

/** Lone surrogates as U+FFFD, as TextEncoder writes them: encodeURIComponent throws on one. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** RFC 6068 percent-encoding of a field's value: UTF-8, all but unreserved characters escaped, line breaks as CRLF. */
export function mailtoEncode(text: string): string {
  return encodeURIComponent(wellFormed(text).replace(/\r\n?|\n/g, '\r\n')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** One addr-spec in the `to` part: local part and domain each encoded, the `@` between them kept. */
export function mailtoAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 ? `${mailtoEncode(address.slice(0, at))}@${mailtoEncode(address.slice(at + 1))}` : mailtoEncode(address);
}

/** `mailto:a@x,b@y?subject=...&body=...`; fields left out when undefined. */
export function mailtoUri(to: Mailbox[], fields: { subject?: string; body?: string }): string {
  const query = [
    fields.subject ? `subject=${mailtoEncode(fields.subject)}` : '',
    fields.body !== undefined ? `body=${mailtoEncode(fields.body)}` : '',
  ].filter(Boolean);
  return `mailto:${to.map((b) => mailtoAddress(b.address)).join(',')}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}
