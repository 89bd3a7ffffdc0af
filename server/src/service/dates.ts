/**
 * Calendar dates as whole day numbers (days since 1970-01-01 in the proleptic Gregorian
 * calendar). Interview dates are local calendar dates, so no time zone enters here: the host
 * turns "now" into a day once, at the edge, and everything below is integer arithmetic.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

export function dayFromParts(year: number, month: number, day: number): Day | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined; // 2026-02-30
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function partsOf(day: Day): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A date-time counts as its date (local time as written; an offset is not converted).
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:[Zz]|[+-](\d{2})(?::?(\d{2}))?)?)$/;

/** Parses `YYYY-MM-DD` or an ISO date-time; undefined when it is not a real date. */
export function parseIsoDay(text: string): Day | undefined {
  const t = text.trim();
  if (t.length === 10) {
    // YYYY-MM-DD, the usual value: no regular expression, no Date (this runs for every date of every note).
    const y = digits(t, 0, 4);
    const m = digits(t, 5, 2);
    const d = digits(t, 8, 2);
    if (y >= 0 && m >= 0 && d >= 0 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45) {
      return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? daysFromCivil(y, m, d) : undefined;
    }
  }
  const m = ISO_DATE.exec(t) ?? ISO_DATE_TIME.exec(t);
  if (!m) return undefined;
  // The time must be a real one too (25:99 is a typo, not a date), and the year a 4-digit one.
  const [hour, minute, second, offsetHour, offsetMinute] = [m[4], m[5], m[6], m[7], m[8]].map((x) => (x === undefined ? 0 : Number(x)));
  if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59) return undefined;
  if (Number(m[1]) < 1000) return undefined;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The number written with `count` ASCII digits at `at`; -1 when they are not all digits. */
function digits(t: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil), for years from 1000. */
function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * 9999-12-31: the last day with a four-digit year, the most an ISO date or an iCalendar DATE
 * can write. A date field never goes past it; a date computed from one (a check-in due after
 * an interview on 9999-12-30) may, and is not written to a calendar.
 */
export const LAST_DAY: Day = daysFromCivil(9999, 12, 31);

/** True when the text has the shape of an ISO date, real or not (2026-02-30 has it). */
export function looksLikeIsoDate(text: string): boolean {
  return /^\s*\d{4}-\d{1,2}-\d{1,2}/.test(text);
}

export function formatDay(day: Day): string {
  const p = partsOf(day);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** "Monday, 2 November 2026" */
export function longDay(day: Day): string {
  const p = partsOf(day);
  return `${WEEKDAYS[p.weekday]}, ${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

export function weekdayName(day: Day): string {
  return WEEKDAYS[partsOf(day).weekday];
}

export function monthName(month: number): string {
  return MONTHS[month - 1];
}

export function weekdayIndex(name: string): number {
  const n = name.toLowerCase();
  return WEEKDAYS.findIndex((w) => w.toLowerCase() === n || w.toLowerCase().slice(0, 3) === n);
}

export function monthIndex(name: string): number {
  const n = name.toLowerCase();
  return MONTHS.findIndex((m) => m.toLowerCase() === n || (n.length >= 3 && m.toLowerCase().startsWith(n)));
}

/** "1 day", "3 days" */
export function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** Today's local calendar date from a JS Date: for hosts only (the service never reads a clock). */
export function localDay(now: Date): Day {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()) as Day;
}

const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Thu" */
export function weekdayShort(day: Day): string {
  return WEEKDAYS_SHORT[partsOf(day).weekday];
}

/** "Thu 19 Nov" */
export function shortDay(day: Day): string {
  const p = partsOf(day);
  return `${WEEKDAYS_SHORT[p.weekday]} ${p.day} ${MONTHS_SHORT[p.month - 1]}`;
}

/**
 * A day as seen from today. `ago` (hovers, hints, messages): "today", "tomorrow", "yesterday",
 * "in 3 days", "24 days ago". `due` (the agenda's deadlines): "today", "in 1 day", "11 days overdue".
 */
export function relativeDay(day: Day, today: Day, style: 'ago' | 'due' = 'ago'): string {
  const n = day - today;
  if (n === 0) return 'today';
  if (style === 'due') return n < 0 ? `${days(-n)} overdue` : `in ${days(n)}`;
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${days(n)}` : `${days(-n)} ago`;
}
