import { Config } from '../config';
import { Day, days, formatDay, weekdayName } from '../dates';
import { Interview, Status } from '../model';
import { Span } from '../frontmatter';
import { Meeting, timelineOf } from './timeline';
import { Moved, nextWorkingDay, whyMoved } from '../workdays';

/** The status a rule sees: the written one, `waiting` by default, undefined when invalid. */
export function statusOf(interview: Interview): Status | undefined {
  const s = interview.status;
  return s.kind === 'ok' ? s.value : s.kind === 'absent' ? 'waiting' : undefined;
}

/**
 * "due today (2026-11-16)" or "3 days overdue (due 2026-11-16)"; for a date moved to a working
 * day, "due today (Monday 2026-11-16; the 15th is a Sunday)".
 */
export function dueText(due: Day, today: Day, moved?: Moved): string {
  const date = moved ? `${weekdayName(due)} ${formatDay(due)}; ${whyMoved(due, moved)}` : formatDay(due);
  return today === due ? `due today (${date})` : `${days(today - due)} overdue (due ${date})`;
}

export interface CheckInPlan {
  due: Day;
  /** The promised reply date it counts from; undefined when it counts from the interview. */
  promised?: { day: Day; phrase?: string };
  span: Span;
  /** The interview it follows. */
  from: Meeting;
  /** With `maxFollowUps` above 1: the check-in before this one (the `number`-th of the round), which it counts from. */
  after?: { day: Day; number: number };
  /** Set when `E + G` (or `I + W`) is not a working day and `due` is the next one. */
  moved?: Moved;
}

/**
 * When the next check-in falls due: the first `E + G`, or `I + W` without a promised date, I
 * being the latest interview held; with `maxFollowUps` M above 1, each of the next ones `W`
 * after the one before; moved to the next working day. Undefined when there is none to make
 * (not waiting, no interview held yet, M check-ins already sent for this round, `maxFollowUps:
 * 0`) or a field it needs is invalid. Shared by check-in-due, the agenda, the calendar, the
 * hover and the inlay hints, so they all name the same day.
 */
export function checkInPlan(i: Interview, config: Config, today: Day): CheckInPlan | undefined {
  const plan = countedCheckIn(i, config, today);
  if (!plan) return undefined;
  const { day, moved } = nextWorkingDay(plan.due, config);
  return moved ? { ...plan, due: day, moved } : plan;
}

/** The check-in date as counted in calendar days, before working days are considered. */
function countedCheckIn(i: Interview, config: Config, today: Day): CheckInPlan | undefined {
  if (statusOf(i) !== 'waiting' || i.followUps.kind === 'invalid' || config.maxFollowUps === 0) return undefined;
  if (i.expectReplyBy.kind === 'invalid') return undefined;
  const t = timelineOf(i, today);
  // With the next interview scheduled, they have answered: no check-in for this round.
  if (!t?.current || t.next || t.followUps.length >= config.maxFollowUps) return undefined;
  const last = t.followUps[t.followUps.length - 1];
  if (last) {
    // The check-in before has its own error when not a date (invalid-date speaks).
    if (last.day === undefined) return undefined;
    return { due: last.day + config.checkInWaitDays, span: last.span, from: t.current, after: { day: last.day, number: t.followUps.length } };
  }
  if (t.promise) return { due: t.promise.day + config.checkInGraceDays, promised: t.promise, span: t.promise.span, from: t.current };
  return { due: (t.reply ?? t.current.day) + config.checkInWaitDays, span: t.current.span, from: t.current };
}

export interface LetGoPlan {
  due: Day;
  /** The last contact the wait counts from. */
  from: Day;
  what: 'your check-in' | 'your thank-you note';
  span: Span;
}

/**
 * When to let go: `L` days after the last of exactly `M` follow-ups of this round (after its
 * thank-you note when `M` is 0). Undefined when not waiting, or with fewer or more follow-ups.
 */
export function letGoPlan(i: Interview, config: Config, today: Day): LetGoPlan | undefined {
  if (statusOf(i) !== 'waiting' || i.followUps.kind === 'invalid') return undefined;
  const t = timelineOf(i, today);
  if (!t?.current || t.next) return undefined;
  const entries = t.followUps;
  if (entries.length !== config.maxFollowUps) return undefined; // more is second-follow-up's business
  const last = entries[entries.length - 1];
  const sent = t.current.thankYouSent;
  const from = last
    ? { day: last.day, span: last.span, what: 'your check-in' as const }
    : sent.kind === 'ok' ? { day: sent.value, span: sent.span, what: 'your thank-you note' as const } : undefined;
  if (from?.day === undefined) return undefined;
  return { due: from.day + config.letGoDays, from: from.day, what: from.what, span: from.span };
}
