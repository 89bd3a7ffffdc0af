/**
 * Stage 1: a file's bytes as an invite (iCalendar, alone or the text/calendar part of an
 * email) or a reply (an email). The parsers are maintained libraries, loaded on first use so
 * that `check` never pays for them: ical.js (folding, escapes, VTIMEZONE, the RFC 5545 value
 * types) and postal-mime (MIME structure, encoded words, quoted-printable, base64, charsets).
 */
import type { Email } from 'postal-mime';

/** A file that cannot be read as either; `line` is 1-based in the file given. */
export class InboxError extends Error {
  constructor(message: string, readonly line = 1) {
    super(message);
  }
}

/** The largest file read, and the largest event in it. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_EVENT_BYTES = 1024 * 1024;

/* eslint-disable @typescript-eslint/no-require-imports */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Ical = any;
let ical: Ical;
export const ICAL = (): Ical => (ical ??= require('ical.js'));
type PostalMimeClass = typeof import('postal-mime');
const postalMime = (): PostalMimeClass => {
  const m = require('postal-mime') as PostalMimeClass & { default?: PostalMimeClass };
  return m.default ?? m;
};
/* eslint-enable @typescript-eslint/no-require-imports */

export type Parsed =
  | { kind: 'invite'; calendar: Ical; email?: Email }
  | { kind: 'reply'; email: Email };

const isCalendar = (text: string) => /^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\ufeff/, ''));

export async function parseInbox(text: string): Promise<Parsed> {
  if (text.length > MAX_FILE_BYTES) throw new InboxError(`too large (${Math.ceil(text.length / 1048576)} MB; at most ${MAX_FILE_BYTES / 1048576} MB)`);
  if (isCalendar(text)) return { kind: 'invite', calendar: parseCalendar(text) };
  if (!/^[\w-]+:/m.test(text.slice(0, 4096))) throw new InboxError('neither an iCalendar file (BEGIN:VCALENDAR) nor an email (headers first)');
  let email: Email;
  try {
    email = await postalMime().parse(text);
  } catch (err) {
    throw new InboxError(`not a readable email: ${String((err as Error).message ?? err).split('\n')[0]}`);
  }
  if (!email.from?.address) throw new InboxError('an email without a From: address', headerLine(text, 'from'));
  const part = calendarPart(email);
  if (part !== undefined) {
    try {
      return { kind: 'invite', calendar: parseCalendar(part), email };
    } catch (err) {
      // The line is the calendar part's own: the email's transfer encoding hides the file's.
      if (err instanceof InboxError) throw new InboxError(`its text/calendar part, line ${err.line}: ${err.message}`, headerLine(text, 'content-type'));
      throw err;
    }
  }
  return { kind: 'reply', email };
}

/** The text/calendar part of an email, as text (attached, inline or the body itself). */
function calendarPart(email: Email): string | undefined {
  for (const a of email.attachments) {
    if (!/^(?:text|application)\/(?:calendar|ics)$/i.test(a.mimeType) && !/\.ics$/i.test(a.filename ?? '')) continue;
    return typeof a.content === 'string' ? a.content : new TextDecoder('utf-8').decode(a.content as ArrayBuffer);
  }
  if (email.text && isCalendar(email.text)) return email.text;
  return undefined;
}

const DAYS_IN = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Why a start, an end or a duration is no value of its type (RFC 5545 DATE, DATE-TIME,
 * DURATION): ical.js throws on some ("20261203" as a date-time) and rolls others over into
 * another date (month 13, "2026-12-03" as a DATE is 2 November 2025), which would be written.
 */
function badTime(head: string, value: string): string | undefined {
  const name = /^[A-Za-z0-9-]+/.exec(head)![0].toUpperCase();
  if (name === 'DURATION') {
    return /^[+-]?P(?:\d+W|\d+D(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?|T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)$/i.test(value)
      ? undefined : `DURATION ${JSON.stringify(value.slice(0, 40))} is not a duration (as PT1H30M)`;
  }
  if (!['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID'].includes(name)) return undefined;
  const asDate = /;VALUE=DATE(?:;|:)/i.test(head);
  const m = (asDate ? /^(\d{4})(\d{2})(\d{2})$/ : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/i).exec(value);
  const [y, mo, d, h, mi, s] = (m ?? []).slice(1).map(Number);
  const valid = !!m && mo >= 1 && mo <= 12 && d >= 1 && d <= DAYS_IN(y, mo) && (asDate || (h <= 23 && mi <= 59 && s <= 60));
  return valid ? undefined : `${name} ${JSON.stringify(value.slice(0, 40))} is not a ${asDate ? 'date (as 20261203)' : 'date-time (as 20261203T100000Z)'}`;
}

function headerLine(text: string, name: string): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.toLowerCase().startsWith(`${name}:`));
  return i < 0 ? 1 : i + 1;
}

/**
 * ical.js on the text, after a check of each content line (it says what is wrong, never
 * where) and of each event's size, so a bad file is named with its line.
 */
function parseCalendar(text: string): Ical {
  const lines = text.split(/\r?\n/);
  // Content lines, unfolded, each with the file line it starts on.
  const content: { line: string; at: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if ((l[0] === ' ' || l[0] === '\t') && content.length > 0) content[content.length - 1].line += l.slice(1);
    else if (l !== '') content.push({ line: l, at: i + 1 });
  }
  let eventStart = -1;
  let eventBytes = 0;
  let depth = 0;
  for (const { line, at } of content) {
    const head = /^[A-Za-z0-9-]+(?:;(?:[^:"]|"[^"]*")*)?:/.exec(line.replace(/^\ufeff/, ''));
    if (!head) throw new InboxError(`not an iCalendar content line (NAME:value): ${JSON.stringify(line.slice(0, 40))}`, at);
    const bad = badTime(head[0], line.replace(/^\ufeff/, '').slice(head[0].length).trim());
    if (bad) throw new InboxError(bad, at);
    const upper = line.toUpperCase().trimEnd();
    if (upper.startsWith('BEGIN:')) depth++;
    if (upper.startsWith('END:')) depth--;
    if (upper === 'BEGIN:VEVENT') {
      eventStart = at;
      eventBytes = 0;
    }
    eventBytes += line.length + 2;
    if (eventStart >= 0 && eventBytes > MAX_EVENT_BYTES) throw new InboxError(`an event over ${MAX_EVENT_BYTES / 1048576} MB is refused`, eventStart);
    if (upper === 'END:VEVENT') eventStart = -1;
  }
  if (depth !== 0) throw new InboxError('the calendar is cut off: a BEGIN without its END', lines.length);
  try {
    return new (ICAL().Component)(ICAL().parse(text) as unknown[]);
  } catch (err) {
    const message = String((err as Error).message ?? err).split('\n')[0];
    const shown = /"([^"]{1,60})/.exec(message)?.[1];
    const at = shown ? lines.findIndex((l) => l.includes(shown)) : -1;
    throw new InboxError(`not valid iCalendar: ${message.slice(0, 120)}`, at < 0 ? 1 : at + 1);
  }
}
