import { Config } from '../config';
import { Day, days, formatDay, weekdayName } from '../dates';
import { Field, Interview, Status } from '../model';
import { Span } from '../frontmatter';
import { Moved, nextWorkingDay, whyMoved } from '../workdays';
import { RuleContext } from './rule';

/** The status a rule sees: the written one, `waiting` by default, undefined when invalid. */
export function statusOf(interview: Interview): Status | undefined {
  const s = interview.status;
  return s.kind === 'ok' ? s.value : s.kind === 'absent' ? 'waiting' : undefined;
}

/** An interview dated after today has not happened yet: no timing rule speaks before it (date-order does). */
export function notYetHeld(i: Interview, today: Day): boolean {
  return i.interviewed.kind === 'ok' && i.interviewed.value > today;
}

/** Where a note-level finding points: the interview date if written, else the opening `---`. */
export function interviewSpan(ctx: RuleContext): Span {
  const f = ctx.interview.interviewed;
  return f.kind === 'ok' || f.kind === 'invalid' ? f.span : f.key?.keySpan ?? ctx.note.frontMatter.open;
}

export function isOk<T>(f: Field<T>): f is Extract<Field<T>, { kind: 'ok' }> {
  return f.kind === 'ok';
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
  /** Set when `E + G` (or `I + W`) is not a working day and `due` is the next one. */
  moved?: Moved;
}

/**
 * When the one check-in falls due: `E + G`, or `I + W` without a promised date, moved to the
 * next working day. Undefined when there is none to make (not waiting, a follow-up already
 * sent, `maxFollowUps: 0`) or a field it needs is invalid. Shared by check-in-due, the agenda,
 * the calendar, the hover and the inlay hints, so they all name the same day.
 */
export function checkInPlan(i: Interview, config: Config): CheckInPlan | undefined {
  const plan = countedCheckIn(i, config);
  if (!plan) return undefined;
  const { day, moved } = nextWorkingDay(plan.due, config);
  return moved ? { ...plan, due: day, moved } : plan;
}

/** The check-in date as counted in calendar days, before working days are considered. */
function countedCheckIn(i: Interview, config: Config): CheckInPlan | undefined {
  if (statusOf(i) !== 'waiting' || i.followUps.kind !== 'absent' || config.maxFollowUps === 0) return undefined;
  const e = i.expectReplyBy;
  if (e.kind === 'invalid') return undefined;
  if (e.kind === 'ok') return { due: e.value.day + config.checkInGraceDays, promised: e.value, span: e.span };
  if (i.interviewed.kind !== 'ok') return undefined;
  return { due: i.interviewed.value + config.checkInWaitDays, span: i.interviewed.span };
}

export interface LetGoPlan {
  due: Day;
  /** The last contact the wait counts from. */
  from: Day;
  what: 'your check-in' | 'your thank-you note';
  span: Span;
}

/**
 * When to let go: `L` days after the last of exactly `M` follow-ups (after the thank-you note
 * when `M` is 0). Undefined when not waiting, or when there are fewer or more follow-ups.
 */
export function letGoPlan(i: Interview, config: Config): LetGoPlan | undefined {
  if (statusOf(i) !== 'waiting' || i.followUps.kind === 'invalid') return undefined;
  const entries = i.followUps.kind === 'ok' ? i.followUps.value : [];
  if (entries.length !== config.maxFollowUps) return undefined; // more is second-follow-up's business
  const last = entries[entries.length - 1];
  const from = last
    ? { day: last.day, span: last.span, what: 'your check-in' as const }
    : i.thankYouSent.kind === 'ok' ? { day: i.thankYouSent.value, span: i.thankYouSent.span, what: 'your thank-you note' as const } : undefined;
  if (from?.day === undefined) return undefined;
  return { due: from.day + config.letGoDays, from: from.day, what: from.what, span: from.span };
}
