/**
 * The one writer of message header fields (RFC 5322 with RFC 2047 encoded words). Pure.
 *
 * Lines are folded before 78 characters where the text has a space, and never pass 998
 * (2.1.1); text that is not plain printable ASCII in single spaces, or holds "=?" (which a
 * reader would decode), is written as encoded words (base64 UTF-8, each at most 75 characters,
 * never splitting a character). An address list keeps every mailbox. A value that cannot be
 * one header line (a line break, a control, a bidi override) is refused: UnsafeHeader.
 */
import type { Mailbox } from './address';
import { unsafeIn } from './values';

export class UnsafeHeader extends Error {}

const encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);
const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** Past this a line is folded where it can be. */
const SOFT = 78;

function refuseUnsafe(what: string, value: string): void {
  const u = unsafeIn(value);
  if (u) throw new UnsafeHeader(`${what} holds ${u.what} (${u.code}): it cannot be written into a message header`);
}

/** Plain ASCII words in single spaces, nothing a reader would decode: written as is, folded at spaces. */
const PLAIN_TEXT = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** RFC 2047 encoded words of 36 octets of UTF-8 (60 characters each), a character never split. */
export function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  let size = 0;
  for (const ch of text) {
    const n = utf8(ch).length;
    if (size + n > 36 && chunk) {
      words.push(chunk);
      chunk = '';
      size = 0;
    }
    chunk += ch;
    size += n;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(utf8(w))}?=`);
}

/**
 * `Name: tokens` folded: tokens joined by a space, a line broken (CRLF and the space) before a
 * token that would take it past 78 characters. Every token is at most 75 characters.
 */
function fold(name: string, tokens: string[]): string {
  let out = `${name}:`;
  let line = out.length;
  for (const t of tokens) {
    if (line + 1 + t.length > SOFT && line > name.length + 1) {
      out += `\r\n ${t}`;
      line = 1 + t.length;
    } else {
      out += ` ${t}`;
      line += 1 + t.length;
    }
  }
  return out;
}

/** An unstructured field (Subject): plain words folded at spaces, anything else as encoded words. */
export function textField(name: string, value: string): string {
  refuseUnsafe(name, value);
  const words = value.split(' ');
  if (PLAIN_TEXT.test(value) && !value.includes('=?') && words.every((w) => w.length <= 75)) return fold(name, words);
  return fold(name, encodedWords(value));
}

const ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(?:\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

/** True for an addr-spec a header can carry as is (dot-atom local part and domain). */
export function isHeaderAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  return at > 0 && DOT_ATOM.test(address.slice(0, at)) && DOT_ATOM.test(address.slice(at + 1)) && address.length <= 254;
}

/** A display name's tokens: atoms, a quoted string, or encoded words. */
function phrase(name: string): string[] {
  const words = name.split(' ');
  if (words.every((w) => ATOM.test(w) && !w.includes('=?') && w.length <= 75)) return words;
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(name) && !name.includes('=?') && name.length <= 70) return [`"${name.replace(/["\\]/g, '\\$&')}"`];
  return encodedWords(name);
}

/** An address field (From, To): every mailbox, comma-separated, folded between tokens. */
export function addressField(name: string, boxes: Mailbox[]): string {
  const tokens: string[] = [];
  boxes.forEach((b, k) => {
    refuseUnsafe(`${name} address`, b.address);
    if (!isHeaderAddress(b.address)) throw new UnsafeHeader(`${name} address '${b.address}' cannot be written into a message header (not a plain ASCII address)`);
    const last = k === boxes.length - 1 ? '' : ',';
    if (b.name) {
      refuseUnsafe(`${name} name`, b.name);
      tokens.push(...phrase(b.name), `<${b.address}>${last}`);
    } else tokens.push(`${b.address}${last}`);
  });
  return fold(name, tokens);
}
