/**
 * Working days: `workdays` (the days of the week you can send a check-in) and `holidays`
 * (dates you cannot). Only the check-in date moves to the next working day: a thank-you goes
 * out right after the interview whatever the day, and letting go is not an errand.
 */
import type { ConfigLayer } from './config';
import { Day, formatDay, parseIsoDay, partsOf, weekdayIndex, weekdayName } from './dates';
import { nearest } from './spelling';

/** Day names as `workdays` takes them, in the order of Date#getDay (Sunday first). */
export const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type DayName = (typeof DAY_NAMES)[number];

export const DEFAULT_WORKDAYS: readonly DayName[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export interface WorkingDays {
  workdays: readonly DayName[];
  holidays: readonly Day[];
}

/** Why a date moved: its day of the week is not a working one, or holidays, or both. */
export interface Moved {
  from: Day;
  /** `from` falls on a day of the week that is not in `workdays`. */
  offDay: boolean;
  /** The holidays skipped on the way (on days of the week that are working ones), in order. */
  holidays: Day[];
}

/** 1970-01-01, day 0, was a Thursday. */
const weekday = (day: Day): number => (((day + 4) % 7) + 7) % 7;

/** Per configuration (resolved once per folder), what nextWorkingDay looks up for every note. */
const calendars = new WeakMap<WorkingDays, { works: boolean[]; holidays: Set<Day> }>();

/** The first working day on or after `day`, and why it moved when it did. */
export function nextWorkingDay(day: Day, config: WorkingDays): { day: Day; moved?: Moved } {
  let c = calendars.get(config);
  if (!c) calendars.set(config, (c = { works: DAY_NAMES.map((name) => config.workdays.includes(name)), holidays: new Set(config.holidays) }));
  const { works, holidays } = c;
  if (!works.some(Boolean)) return { day }; // no working day at all: nothing to move to (the config says so)
  const working = (d: Day) => works[weekday(d)] && !holidays.has(d);
  if (working(day)) return { day };
  // Each working day skipped is a distinct holiday, so this ends within a week per holiday.
  const skipped: Day[] = [];
  let d = day;
  for (let n = 0; !working(d) && n < 7 * (holidays.size + 1); n++) {
    if (works[weekday(d)]) skipped.push(d);
    d++;
  }
  return { day: d, moved: { from: day, offDay: !works[weekday(day)], holidays: skipped } };
}

/**
 * The day `n` working days before `day` (two working days before a Friday deadline: the
 * Wednesday); without any working day, `n` calendar days before.
 */
export function workingDaysBefore(day: Day, n: number, config: WorkingDays): Day {
  return workingDaysStep(day, n, -1, config);
}

/**
 * The day `n` working days after `day` (three working days after a Friday: the Wednesday), as
 * a date proposed in a draft; without any working day, `n` calendar days after.
 */
export function workingDaysAfter(day: Day, n: number, config: WorkingDays): Day {
  return workingDaysStep(day, n, 1, config);
}

function workingDaysStep(day: Day, n: number, step: 1 | -1, config: WorkingDays): Day {
  const works = DAY_NAMES.map((name) => config.workdays.includes(name));
  if (!works.some(Boolean)) return day + step * n;
  const holidays = new Set(config.holidays);
  let d = day;
  // Each step ends within a week per holiday, as nextWorkingDay's.
  for (let left = n, guard = 0; left > 0 && guard < 7 * (holidays.size + 1) * n; guard++) {
    d += step;
    if (works[weekday(d)] && !holidays.has(d)) left--;
  }
  return d;
}

/**
 * Why the day moved, for a message that already names the new day: "the 21st is a Saturday"
 * ("2026-10-31 is a Saturday" from another month), "2026-11-26 is a holiday", "2026-12-24 and
 * 2026-12-25 are holidays", "the 15th is a Sunday and 2026-11-16 a holiday".
 */
export function whyMoved(to: Day, moved: Moved): string {
  const [a, b] = [partsOf(moved.from), partsOf(to)];
  const which = a.month === b.month && a.year === b.year ? `the ${ordinal(a.day)}` : formatDay(moved.from);
  const off = moved.offDay ? `${which} is a ${weekdayName(moved.from)}` : '';
  const h = moved.holidays.map(formatDay);
  if (h.length === 0) return off;
  const list = h.length === 1 ? h[0] : h.length === 2 ? `${h[0]} and ${h[1]}` : `${h[0]} to ${h[h.length - 1]}`;
  if (!off) return `${list} ${h.length === 1 ? 'is a holiday' : 'are holidays'}`;
  return `${off} and ${list} ${h.length === 1 ? 'a holiday' : 'holidays'}`;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

type Report = (path: string[], message: string) => void;

const DAYS_HINT = 'mon, tue, wed, thu, fri, sat, sun';

/**
 * Reads `workdays` and `holidays` into the layer. A name or date that is wrong is an error on
 * that item, and the rest apply; a `workdays` that names no day at all is an error on the list,
 * and the layer below (or the default) applies.
 */
export function readWorkingDays(o: Record<string, unknown>, layer: ConfigLayer, report: Report): void {
  const w = o.workdays;
  if (w !== undefined && w !== null) {
    if (!Array.isArray(w)) report(['workdays'], `workdays should be a list of day names, e.g. [mon, tue, wed, thu, fri], not ${JSON.stringify(w)}`);
    else {
      const days = new Set<DayName>();
      w.forEach((v, i) => {
        const name = typeof v === 'string' ? dayName(v) : undefined;
        if (name) days.add(name);
        else {
          const near = typeof v === 'string' ? nearest(v.trim(), DAY_NAMES) : undefined;
          report(['workdays', String(i)], `Unknown day ${JSON.stringify(v)} in workdays${near ? `: did you mean '${near}'?` : ''} (one of ${DAYS_HINT})`);
        }
      });
      if (days.size > 0) layer.workdays = [...DAY_NAMES.slice(1), DAY_NAMES[0]].filter((d) => days.has(d)); // Monday first, as written
      else report(['workdays'], w.length === 0
        ? 'workdays is empty: name the days you work, e.g. [mon, tue, wed, thu, fri]'
        : `workdays names no day of the week (${DAYS_HINT})`);
    }
  }
  const h = o.holidays;
  if (h !== undefined && h !== null) {
    if (!Array.isArray(h)) report(['holidays'], `holidays should be a list of dates (YYYY-MM-DD), not ${JSON.stringify(h)}`);
    else {
      const days: Day[] = [];
      h.forEach((v, i) => {
        const day = typeof v === 'string' ? parseIsoDay(v) : undefined;
        if (day !== undefined) days.push(day);
        else report(['holidays', String(i)], `Holiday ${JSON.stringify(v)} is not a real date: write YYYY-MM-DD`);
      });
      layer.holidays = days;
    }
  }
}

/** `mon`, `Mon`, `monday`, `Monday`: the same day. */
function dayName(text: string): DayName | undefined {
  const i = weekdayIndex(text.trim());
  return i < 0 ? undefined : DAY_NAMES[i];
}
