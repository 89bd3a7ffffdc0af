/**
 * A rendered draft on its way out of the editor: read back into To, Subject and body, then
 * written as a `mailto:` URI (RFC 6068) or an unsent message (RFC 5322 with MIME, RFC 2045 and
 * 2047). Pure string work, no library: the two formats are small, and what mail apps accept
 * of them is narrower than what a general MIME library produces (Date, Message-ID).
 */

export interface DraftParts {
  /** The `## Draft: ...` line, without the hashes. */
  heading?: string;
  /** As written on the `To:` line: "Jane Doe <jane@acme.example>". */
  to?: string;
  subject?: string;
  /** What follows the headers, lines joined with "\n", without trailing blank lines. */
  body: string;
}

/** Reads a draft as the templates write it: heading, `To:` and `Subject:` lines, a blank line, the body. */
export function parseDraft(text: string): DraftParts {
  const lines = text.replace(/\r\n?/g, '\n').trimEnd().split('\n');
  let k = 0;
  const out: DraftParts = { body: '' };
  if (/^#{1,6}\s/.test(lines[0] ?? '')) {
    out.heading = lines[0].replace(/^#+\s*/, '');
    k = 1;
    while (k < lines.length && lines[k].trim() === '') k++;
  }
  for (; k < lines.length; k++) {
    const m = /^(To|Subject):\s?(.*)$/i.exec(lines[k]);
    if (!m) break;
    if (m[1].toLowerCase() === 'to') out.to = m[2].trim();
    else out.subject = m[2].trim();
  }
  while (k < lines.length && lines[k].trim() === '') k++;
  out.body = lines.slice(k).join('\n');
  return out;
}

/** The address of "Jane Doe <jane@acme.example>" or of a bare one; undefined for a placeholder. */
export function addressOf(to: string | undefined): { name?: string; address: string } | undefined {
  const text = to?.trim();
  if (!text) return undefined;
  // By search rather than one regular expression (`^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$`), which
  // backtracks quadratically on a long run of blanks or of "@": the address is after the last "<".
  const open = text.lastIndexOf('<');
  if (open >= 0 && text.endsWith('>')) {
    const address = text.slice(open + 1, -1);
    if (isAddress(address, /[<>\s]/)) return { name: text.slice(0, open).trim() || undefined, address };
  }
  return isAddress(text, /[\s<>[\]]/) ? { address: text } : undefined;
}

/** `local@domain`: an "@" with something on each side, and no character of `forbidden`. */
function isAddress(text: string, forbidden: RegExp): boolean {
  return text.slice(1, -1).includes('@') && !forbidden.test(text);
}

/** Past this, some clients and OSes cut or refuse a URI: the body goes to the clipboard instead. */
export const MAILTO_LIMIT = 2000;

/**
 * The text with each lone surrogate (a YAML `"\ud800"` escape can make one) as U+FFFD, as
 * TextEncoder writes it: encodeURIComponent throws on one.
 */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * RFC 6068 percent-encoding: UTF-8, every octet outside the unreserved set escaped, so a space is
 * `%20` (never `+`, which mailto does not decode) and a line break `%0D%0A`.
 */
export function mailtoEncode(text: string): string {
  return encodeURIComponent(wellFormed(text).replace(/\r\n?|\n/g, '\r\n')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `mailto:<addr>?subject=...&body=...`; over MAILTO_LIMIT characters, the subject only
 * (`withBody` false: the client copies the body and says so). A placeholder address is left out.
 */
export function mailtoOf(parts: DraftParts): { uri: string; withBody: boolean } {
  const addr = addressOf(parts.to)?.address;
  const to = addr ? addr.split('@').map(mailtoEncode).join('@') : '';
  const subject = parts.subject ? `subject=${mailtoEncode(parts.subject)}` : '';
  const query = (fields: string[]) => (fields.length > 0 ? `?${fields.join('&')}` : '');
  const full = `mailto:${to}${query([subject, `body=${mailtoEncode(parts.body)}`].filter(Boolean))}`;
  if (full.length <= MAILTO_LIMIT) return { uri: full, withBody: true };
  return { uri: `mailto:${to}${query([subject].filter(Boolean))}`, withBody: false };
}

// TextEncoder and btoa rather than Buffer: the service stays free of Node's own modules.
const encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);
const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** RFC 2047 encoded words (base64) for a header text that is not plain ASCII; as is otherwise. */
export function encodeHeaderText(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  // Encoded words of 36 bytes of UTF-8 (60 characters), never splitting a character: with
  // "Subject: " before it, each line stays within the 76 characters RFC 2047 allows.
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (utf8(chunk + ch).length > 36) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(utf8(w))}?=`).join('\r\n ');
}

/** "Name <addr>" as a header value: a display name with specials quoted, or encoded when not ASCII. */
function mailbox(name: string | undefined, address: string): string {
  if (!name) return address;
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x20-\x7e]*$/.test(name);
  const shown = !ascii ? encodeHeaderText(name) : /[()<>[\]:;@\\,."]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : name;
  return `${shown} <${address}>`;
}

/** RFC 2045 quoted-printable of UTF-8 text, CRLF line breaks, lines at most 76 characters. */
export function quotedPrintable(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map((line) => {
    const bytes = utf8(line);
    const tokens: string[] = [];
    bytes.forEach((b, i) => {
      const last = i === bytes.length - 1;
      const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      tokens.push(plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`);
    });
    const out: string[] = [];
    let cur = '';
    for (const t of tokens) {
      if (cur.length + t.length > 75) { // 75 and a soft break "=" make 76
        out.push(cur + '=');
        cur = '';
      }
      cur += t;
    }
    out.push(cur);
    return out.join('\r\n');
  }).join('\r\n');
}

/**
 * An unsent message: `X-Unsent: 1` makes Outlook open it as a draft to edit and send; Apple
 * Mail and Thunderbird open an .eml with To, Subject and body to edit. No Date or Message-ID:
 * the mail app sets them when it sends.
 */
export function emlOf(parts: DraftParts, from?: { name?: string; email?: string }): string {
  const headers: string[] = [];
  if (from?.email) headers.push(`From: ${mailbox(from.name, from.email)}`);
  const to = addressOf(parts.to);
  if (to) headers.push(`To: ${mailbox(to.name, to.address)}`);
  if (parts.subject) headers.push(`Subject: ${encodeHeaderText(parts.subject)}`);
  headers.push('X-Unsent: 1', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: quoted-printable');
  return `${headers.join('\r\n')}\r\n\r\n${quotedPrintable(parts.body)}\r\n`;
}
