/**
 * Stage 2 for a reply: who sent it, when, and what it says, from the phrase tables. Only the
 * new text counts: the quoted earlier message and the signature are cut first.
 */
import type { Email } from 'postal-mime';
import { Day, formatDay, parseIsoDay } from '../dates';
import { resolvePhrase } from '../phrases';
import { address, oneLine } from './clean';
import { findPhrase, inEnglish, PhraseTable, TABLES } from './phrases';
import { formatWallDay, wallIn } from './zones';

export type ReplyKind = 'rejection' | 'offer' | 'timeline' | 'next-round' | 'auto-reply' | 'other';

export interface ReplyFacts {
  from: string;
  fromName?: string;
  /** The email's date in the user's zone, `YYYY-MM-DD`. */
  date: string;
  day: Day;
  /** The email's Date as an instant (ms): replies are read in this order. */
  at: number;
  subject: string;
  kind: ReplyKind;
  /** The sentence that led to `kind` (for a timeline, to the date). */
  sentence?: string;
  /** A timeline's promised day. */
  expect?: Day;
}

const WEEKDAYS = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTHS = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)';
/**
 * The words of a promise that resolvePhrase reads ("within two weeks", "by Friday", "end of
 * next week"), in English: another language's sentence is put in these words by its table's
 * `dates` first.
 */
const WHEN = new RegExp(`\\b(?:(?:by |on )?${WEEKDAYS} next week|within (?:the next )?(?:\\w+ )?(?:business |working )?(?:days?|weeks?)|in (?:the next )?(?:\\w+ )?(?:business |working )?(?:days?|weeks?)|by (?:the )?(?:end of (?:the |next |this )?(?:week|month)|(?:next |this )?${WEEKDAYS}|${MONTHS} \\d{1,2}(?:st|nd|rd|th)?|\\d{4}-\\d{2}-\\d{2})|(?:the )?end of (?:the |next |this )?(?:week|month)|next week|early ${MONTHS}|mid ${MONTHS}|late ${MONTHS})\\b`, 'i');

export function replyFacts(email: Email, zone: string): ReplyFacts {
  const from = address(email.from?.address);
  if (!from) throw new Error('no sender address');
  const when = email.date ? Date.parse(email.date) : NaN;
  const date = Number.isNaN(when) ? undefined : formatWallDay(wallIn(when, zone));
  const day = date ? parseIsoDay(date) : undefined;
  if (!date || day === undefined) throw new Error('no readable Date: header');
  const subject = oneLine(email.subject).normalize('NFC');
  const body = newText(email.text ?? htmlText(email.html ?? '')).normalize('NFC');
  const base = { from, fromName: oneLine(email.from?.name, 100) || undefined, date, day, at: when, subject };
  if (isAutomatic(email, subject, body)) return { ...base, kind: 'auto-reply' };
  const sentences = body.split(/(?<=[.!?])\s+|\n\s*\n/).map((s) => oneLine(s, 300)).filter(Boolean);
  for (const t of TABLES) {
    const found = read(t, sentences, day);
    if (found) return { ...base, ...found };
  }
  return { ...base, kind: 'other' };
}

function read(t: PhraseTable, sentences: string[], day: Day): Pick<ReplyFacts, 'kind' | 'sentence' | 'expect'> | undefined {
  const first = (phrases: string[]) => sentences.find((s) => findPhrase(s, phrases));
  const rejection = first(t.rejection);
  if (rejection) return { kind: 'rejection', sentence: rejection };
  const offer = first(t.offer);
  if (offer) return { kind: 'offer', sentence: offer };
  for (const s of sentences) {
    if (!findPhrase(s, t.timeline)) continue;
    const words = WHEN.exec(inEnglish(t, s))?.[0];
    // resolvePhrase reads "Friday next week" and "by Friday", not "by Friday next week".
    const expect = words ? resolvePhrase(words, day) ?? resolvePhrase(words.replace(/^(?:by|on) /i, ''), day) : undefined;
    if (expect !== undefined && expect >= day) return { kind: 'timeline', sentence: s, expect };
  }
  const next = first(t.nextRound);
  if (next) return { kind: 'next-round', sentence: next };
  return undefined;
}

function isAutomatic(email: Email, subject: string, body: string): boolean {
  const header = (name: string) => email.headers.find((h) => h.key === name)?.value.trim().toLowerCase();
  const auto = header('auto-submitted');
  if (auto && auto !== 'no') return true;
  if (header('x-autoreply') || header('x-autorespond') || /^auto_?reply$/.test(header('precedence') ?? '')) return true;
  return TABLES.some((t) => t.autoSubject.some((p) => subject.toLowerCase().startsWith(p)) || !!findPhrase(body.slice(0, 600), t.autoReply));
}

/** The text of an HTML-only email: blocks become line breaks, tags go, entities are read. */
export function htmlText(html: string): string {
  return html.slice(0, 1_000_000)
    .replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<blockquote\b[\s\S]*$/i, '')
    .replace(/<(?:br|\/p|\/div|\/li|\/tr|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
    .replace(/&amp;/g, '&');
}

/** The reply's own words: up to the quoted earlier message or the signature. */
export function newText(text: string): string {
  const out: string[] = [];
  for (const line of text.slice(0, 200_000).split(/\r?\n/)) {
    const l = line.trim().toLowerCase();
    if (/^--\s?$/.test(line) || l.startsWith('>')) break;
    if (TABLES.some((t) => t.quoteHeaders.some((h) => l.startsWith(h)) || (l.endsWith(':') && findPhrase(l, t.quoteIntro)))) break;
    out.push(line);
  }
  return out.join('\n');
}

export { formatDay };
