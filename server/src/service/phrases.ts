/**
 * `expect_reply_by` holds either a date or what the interviewer said ("within two weeks",
 * "end of next week", "by Friday"). Phrases resolve against the interview date to the latest
 * day the promise covers. Anything not understood is reported, never guessed at.
 */
import type * as Chrono from 'chrono-node';
import { Day, dayFromParts, LAST_DAY, monthIndex, parseIsoDay, partsOf, weekdayIndex } from './dates';

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, 'a couple of': 2,
  'a couple': 2, couple: 2, 'a few': 3, few: 3,
};

export const PHRASE_EXAMPLES = "'within two weeks', 'in 10 days', 'end of next week', 'by Friday', 'early December'";

function quantity(text: string): number | undefined {
  if (/^\d{1,3}$/.test(text)) return Number(text);
  return NUMBER_WORDS[text];
}

/** Friday of the Monday-to-Sunday week holding `day`, plus `weeks` weeks. */
function fridayOfWeek(day: Day, weeks: number): Day {
  const weekday = partsOf(day).weekday; // 0 = Sunday
  const monday = day - ((weekday + 6) % 7);
  return monday + 4 + 7 * weeks;
}

function addBusinessDays(day: Day, n: number): Day {
  let d = day;
  while (n > 0) {
    d += 1;
    const w = partsOf(d).weekday;
    if (w !== 0 && w !== 6) n -= 1;
  }
  return d;
}

function lastDayOfMonth(year: number, month: number): Day {
  return (month === 12 ? dayFromParts(year + 1, 1, 1)! : dayFromParts(year, month + 1, 1)!) - 1;
}

/** The next occurrence of `month` (1-12) on or after the interview's month. */
function yearFor(month: number, from: Day): number {
  const p = partsOf(from);
  return month >= p.month ? p.year : p.year + 1;
}

/**
 * Resolves `text` against the interview day `from`. Returns undefined when the phrase is not
 * understood, or names a day past 9999-12-31 ('in 3000000 days'), which no date can write.
 * ISO dates resolve to themselves and need no interview date.
 */
export function resolvePhrase(text: string, from: Day | undefined): Day | undefined {
  // A key only for what a promise can be: a megabyte of text is no phrase, and kept 4,096 times...
  const key = text.length <= MAX_PHRASE ? `${from ?? ''}|${text}` : undefined;
  if (key !== undefined && resolved.has(key)) return resolved.get(key);
  const found = understood(text, from);
  const day = found !== undefined && found <= LAST_DAY ? found : undefined;
  if (key !== undefined) {
    if (resolved.size >= RESOLVED_MAX) resolved.clear();
    resolved.set(key, day);
  }
  return day;
}

/**
 * Phrases resolved, by interview day and text: a note's promise is resolved by the model and
 * again by each rule that reads its timeline, and a search repeats the same few phrases
 * ("within two weeks") over the same few days. Bounded: a hostile workspace of distinct ones
 * only starts it over.
 */
const resolved = new Map<string, Day | undefined>();
const RESOLVED_MAX = 4096;
/** No promise takes more (understood() reads no further). */
const MAX_PHRASE = 200;

function understood(text: string, from: Day | undefined): Day | undefined {
  const iso = parseIsoDay(text);
  if (iso !== undefined) return iso;
  if (from === undefined) return undefined;
  // No promise takes 200 characters; longer text would cost `/[.,!]+$/` quadratic time (a 40,000
  // dot line took 1.5 s) and chrono-node much more.
  if (text.length > MAX_PHRASE) return undefined;
  const t = text.toLowerCase().replace(/[.,!]+$/g, '').replace(/([a-z])-([a-z])/g, '$1 $2').replace(/\s+/g, ' ').trim()
    .replace(/^(?:we'll|we will|they'll|they will|you'll|you will|should|hear back|get back|know|decide|decision)\b.*?\b(?=(?:within|in|by|before|end|early|mid|late|next|this|tomorrow|on)\b)/, '');
  let m: RegExpExecArray | null;
  // A promise is about the future: "last Friday" or "two days ago" is a slip, not a date.
  if (/\b(?:last|ago|yesterday|previous)\b/.test(t)) return undefined;

  if (t === 'tomorrow' || t === 'by tomorrow') return from + 1;
  if ((m = /^(?:within|in|after|by) (?:the next )?(\d{1,3}|[a-z]+(?: (?!business|working)[a-z]+)?(?: of)?) (business |working )?(day|week|month)s?$/.exec(t))) {
    const n = quantity(m[1]);
    if (n === undefined) return undefined;
    if (m[3] === 'day') return m[2] ? addBusinessDays(from, n) : from + n;
    if (m[3] === 'week') return m[2] ? undefined : from + 7 * n;
    if (m[2]) return undefined;
    const p = partsOf(from);
    const target = p.month - 1 + n;
    const year = p.year + Math.floor(target / 12);
    const month = (target % 12) + 1;
    return Math.min(dayFromParts(year, month, 1)! + p.day - 1, lastDayOfMonth(year, month));
  }
  if ((m = /^(?:by |before |at |towards )?(?:the )?end of (?:the |this )?week$/.exec(t))) {
    const f = fridayOfWeek(from, 0);
    return f >= from ? f : fridayOfWeek(from, 1);
  }
  if ((m = /^(?:by |before |at |towards |in )?(?:the )?(?:end of )?next week$/.exec(t))) return fridayOfWeek(from, 1);
  if (/^(?:by |before |in )?the week after next$/.test(t)) return fridayOfWeek(from, 2);
  if ((m = /^(?:by |before |at |towards )?(?:the )?end of (?:the |this )?month$/.exec(t))) {
    const p = partsOf(from);
    return lastDayOfMonth(p.year, p.month);
  }
  if ((m = /^(?:by |before |at |towards |in )?(?:the )?(?:end of )?next month$/.exec(t))) {
    const p = partsOf(from);
    return p.month === 12 ? lastDayOfMonth(p.year + 1, 1) : lastDayOfMonth(p.year, p.month + 1);
  }
  if ((m = /^(?:by |before |on |until )?(next |this )?([a-z]+)$/.exec(t)) && weekdayIndex(m[2]) >= 0) {
    const target = weekdayIndex(m[2]);
    const w = partsOf(from).weekday;
    if (m[1] === 'next ') return fridayOfWeek(from, 1) - 5 + ((target + 6) % 7) + 1;
    return from + (((target - w + 7) % 7) || 7); // strictly after the interview day
  }
  // A month, with or without a year: its end, unless they said early, mid or by.
  if ((m = /^(?:by |before |in |during )?(early|mid|middle of|late|the end of|end of|the beginning of|beginning of|start of)? ?([a-z]+),?(?: (\d{4}))?$/.exec(t)) && monthIndex(m[2]) >= 0 && m[2].length >= 3) {
    const month = monthIndex(m[2]) + 1;
    const year = m[3] ? Number(m[3]) : yearFor(month, from);
    if (lastDayOfMonth(year, month) < from) return undefined; // a month already over: not a promise
    const when = m[1] ?? '';
    if (when === 'early' || when.endsWith('beginning of') || when === 'start of') return dayFromParts(year, month, 10);
    if (when === 'mid' || when === 'middle of') return dayFromParts(year, month, 15);
    if (when === 'late' || when.endsWith('end of')) return lastDayOfMonth(year, month);
    if (t.startsWith('by ') || t.startsWith('before ')) return dayFromParts(year, month, 1);
    return lastDayOfMonth(year, month);
  }
  if ((m = /^(?:by |before |on )?([a-z]+) (\d{1,2})(?:st|nd|rd|th)?$/.exec(t)) && monthIndex(m[1]) >= 0) {
    const month = monthIndex(m[1]) + 1;
    return dayFromParts(yearFor(month, from), month, Number(m[2]));
  }
  if ((m = /^(?:by |before |on )?(?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)$/.exec(t)) && monthIndex(m[2]) >= 0) {
    const month = monthIndex(m[2]) + 1;
    return dayFromParts(yearFor(month, from), month, Number(m[1]));
  }
  return withChrono(t, from);
}

/**
 * The rest goes to chrono-node ("a week from Monday", "Dec 4th", "12/04"), resolved forward
 * from the interview day in UTC so the result does not depend on the machine's time zone.
 * Only a match of the whole phrase counts: chrono happily reads "mid-December" as "December"
 * or "a week from Monday" as "a week", and a half-understood promise is worse than none.
 */
function withChrono(text: string, from: Day): Day | undefined {
  const words = text.replace(/^(?:by|before|on|until|around|about)\s+/, '');
  const p = partsOf(from);
  const instant = new Date(Date.UTC(p.year, p.month - 1, p.day, 12));
  // Loaded on first use (~180 ms): the phrases above cover what interviewers say, so most
  // runs never need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const chrono = require('chrono-node') as typeof Chrono;
  let results: Chrono.ParsedResult[];
  try {
    results = chrono.parse(words, { instant, timezone: 0 }, { forwardDate: true });
  } catch {
    return undefined;
  }
  const r = results[0];
  if (results.length !== 1 || r.index !== 0 || r.text.length !== words.length || r.end) return undefined;
  const day = dayFromParts(r.start.get('year') ?? p.year, r.start.get('month') ?? p.month, r.start.get('day') ?? p.day);
  return day !== undefined && day >= from ? day : undefined;
}
