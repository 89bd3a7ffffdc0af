/**
 * The figures of a job search, from each process's facts (facts.ts: its timeline as the rules
 * read it) and today. Only what happened on or before today counts.
 */
import { Day, formatDay, parseIsoDay, partsOf } from '../dates';
import { STATUSES, Status } from '../format';
import type { ProcessFacts } from './facts';

export interface Spread {
  /** null when there is nothing to take the median of. */
  median: number | null;
  count: number;
  /** Ascending. */
  values: number[];
}

export interface Week {
  /** ISO 8601 week, "2026-W48". */
  week: string;
  /** Its Monday, "2026-11-23". */
  from: string;
  interviews: number;
  thank_yous: number;
  check_ins: number;
}

export interface ReplyFigures {
  /** Replies recorded, over every process. */
  recorded: number;
  /** Days from a round held to the first reply on or after it (and before the next round). */
  after_round: Spread;
  /** Days from a check-in to the first reply on or after it (and before the next check-in or round). */
  after_check_in: Spread;
  /** Check-ins answered that way, of all check-ins; share is null without check-ins. */
  check_ins_answered: { answered: number; of: number; share: number | null };
}

export interface ReportFigures {
  today: string;
  processes: number;
  left_out: string[];
  by_status: Record<Status, number>;
  rounds_held: number;
  thank_you: { same_day: number; next_day: number; later: number; none: number };
  check_ins: number;
  rounds_reached: Record<string, number>;
  days_between_rounds: Spread;
  outcomes: { offer: number; rejected: number; withdrawn: number; silent: number; open: number };
  /** null until a note records a reply. */
  replies: ReplyFigures | null;
  weeks: Week[];
}

/** The weeks listed go back at most this far from today's (five years): a date of 1900 costs nothing. */
export const MAX_WEEKS = 260;

const OUTCOME: Record<Status, keyof ReportFigures['outcomes']> = {
  offer: 'offer', accepted: 'offer', declined: 'offer', rejected: 'rejected', withdrawn: 'withdrawn',
  closed: 'silent', waiting: 'open', advanced: 'open',
};

export function spreadOf(values: number[]): Spread {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  const median = n === 0 ? null : n % 2 === 1 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  return { median, count: n, values: v };
}

/** The Monday of the ISO week of `day` (day 0, 1970-01-01, is a Thursday). */
export const mondayOf = (day: Day): Day => day - (((day + 3) % 7) + 7) % 7;

/** "2026-W48": the ISO year is the year of the week's Thursday. */
export function isoWeek(day: Day): string {
  const thursday = mondayOf(day) + 3;
  const year = partsOf(thursday).year;
  const jan1 = parseIsoDay(`${String(year).padStart(4, '0')}-01-01`) ?? thursday;
  return `${String(year).padStart(4, '0')}-W${String(Math.floor((thursday - jan1) / 7) + 1).padStart(2, '0')}`;
}

/** Days to the first reply in [from, until); undefined when none came. */
function firstReply(replies: Day[], from: Day, until: Day): number | undefined {
  const r = replies.find((d) => d >= from && d < until);
  return r === undefined ? undefined : r - from;
}

export function figuresOf(processes: ProcessFacts[], leftOut: string[], today: Day): ReportFigures {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const outcomes = { offer: 0, rejected: 0, withdrawn: 0, silent: 0, open: 0 };
  const thankYou = { same_day: 0, next_day: 0, later: 0, none: 0 };
  const reached: number[] = [];
  const between: number[] = [];
  const afterRound: number[] = [];
  const afterCheckIn: number[] = [];
  const weeks = new Map<Day, Week>();
  const firstWeek = mondayOf(today) - 7 * (MAX_WEEKS - 1);
  const week = (day: Day): Week | undefined => {
    if (day > today || day < firstWeek) return undefined;
    const monday = mondayOf(day);
    let w = weeks.get(monday);
    if (!w) weeks.set(monday, (w = { week: isoWeek(day), from: formatDay(monday), interviews: 0, thank_yous: 0, check_ins: 0 }));
    return w;
  };
  let held = 0;
  let checkIns = 0;
  let replies = 0;
  let answered = 0;
  for (const p of processes) {
    byStatus[p.status]++;
    outcomes[OUTCOME[p.status]]++;
    replies += p.replies.length;
    const past = p.meetings.filter((m) => m.day <= today && !m.cancelled);
    held += past.length;
    for (let r = 1; r <= past.length; r++) reached[r] = (reached[r] ?? 0) + 1;
    past.forEach((m, n) => {
      const w = week(m.day);
      if (w) w.interviews++;
      if (n > 0) between.push(m.day - past[n - 1].day);
      if (m.thankYou === undefined) thankYou.none++;
      else {
        // A thank-you dated before its interview (date-order warns of it) counts as the same day's.
        const late = m.thankYou - m.day;
        thankYou[late <= 0 ? 'same_day' : late === 1 ? 'next_day' : 'later']++;
        const tw = week(m.thankYou);
        if (tw) tw.thank_yous++;
      }
      const d = firstReply(p.replies, m.day, past[n + 1]?.day ?? Infinity);
      if (d !== undefined) afterRound.push(d);
    });
    const sent = p.checkIns.filter((d) => d <= today);
    checkIns += sent.length;
    sent.forEach((day, n) => {
      const w = week(day);
      if (w) w.check_ins++;
      const nextRound = past.find((m) => m.day > day)?.day ?? Infinity;
      const d = firstReply(p.replies, day, Math.min(sent[n + 1] ?? Infinity, nextRound));
      if (d === undefined) return;
      afterCheckIn.push(d);
      answered++;
    });
  }
  const roundsReached: Record<string, number> = {};
  for (let r = 1; r <= Math.max(3, reached.length - 1); r++) roundsReached[String(r)] = reached[r] ?? 0;
  return {
    today: formatDay(today),
    processes: processes.length,
    left_out: leftOut,
    by_status: byStatus,
    rounds_held: held,
    thank_you: thankYou,
    check_ins: checkIns,
    rounds_reached: roundsReached,
    days_between_rounds: spreadOf(between),
    outcomes,
    replies: replies === 0 ? null : {
      recorded: replies,
      after_round: spreadOf(afterRound),
      after_check_in: spreadOf(afterCheckIn),
      check_ins_answered: { answered, of: checkIns, share: checkIns === 0 ? null : Math.round((answered / checkIns) * 1000) / 1000 },
    },
    weeks: filledWeeks(weeks, today),
  };
}

/** From the first week with something done to today's, the quiet weeks between included. */
function filledWeeks(weeks: Map<Day, Week>, today: Day): Week[] {
  if (weeks.size === 0) return [];
  const out: Week[] = [];
  for (let monday = Math.min(...weeks.keys()); monday <= mondayOf(today); monday += 7) {
    out.push(weeks.get(monday) ?? { week: isoWeek(monday), from: formatDay(monday), interviews: 0, thank_yous: 0, check_ins: 0 });
  }
  return out;
}
