/**
 * A rendered draft on its way out of the editor: read back into To, Subject and body, then
 * written as a `mailto:` URI (RFC 6068) or an unsent message (RFC 5322 with MIME, RFC 2045 and
 * 2047), every header and URI through the writers of safe/ (folded, encoded, every recipient
 * kept; a value that cannot be written is refused: UnsafeHeader). No library: what mail apps
 * accept is narrower than what a general MIME library produces (Date, Message-ID).
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

import { Mailbox, mailboxesOf } from './safe/address';
import { addressField, textField } from './safe/header';
import { mailtoUri } from './safe/mailto';
export { mailtoEncode } from './safe/mailto';
export { UnsafeHeader } from './safe/header';

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
    // A second To: line adds its recipients: none is dropped, none replaces another.
    if (m[1].toLowerCase() === 'to') out.to = out.to ? `${out.to}, ${m[2].trim()}` : m[2].trim();
    else out.subject = m[2].trim();
  }
  while (k < lines.length && lines[k].trim() === '') k++;
  out.body = lines.slice(k).join('\n');
  return out;
}

/** The first recipient of a `To:` line; undefined for a placeholder. */
export function addressOf(to: string | undefined): Mailbox | undefined {
  return mailboxesOf(to)[0];
}

/** Past this, some clients and OSes cut or refuse a URI: the body goes to the clipboard instead. */
export const MAILTO_LIMIT = 2000;

/**
 * `mailto:<addr>?subject=...&body=...`; over MAILTO_LIMIT characters, the subject only
 * (`withBody` false: the client copies the body and says so). A placeholder address is left out.
 */
export function mailtoOf(parts: DraftParts): { uri: string; withBody: boolean } {
  const to = mailboxesOf(parts.to);
  const full = mailtoUri(to, { subject: parts.subject, body: parts.body });
  if (full.length <= MAILTO_LIMIT) return { uri: full, withBody: true };
  return { uri: mailtoUri(to, { subject: parts.subject }), withBody: false };
}

// TextEncoder rather than Buffer: the service stays free of Node's own modules.
const encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);

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
  if (from?.email) headers.push(addressField('From', [{ name: from.name, address: from.email }]));
  const to = mailboxesOf(parts.to);
  if (to.length > 0) headers.push(addressField('To', to));
  if (parts.subject) headers.push(textField('Subject', parts.subject));
  headers.push('X-Unsent: 1', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: quoted-printable');
  return `${headers.join('\r\n')}\r\n\r\n${quotedPrintable(parts.body)}\r\n`;
}
