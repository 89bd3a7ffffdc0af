import { Day, days, formatDay } from '../dates';
import { Field, Interview, Status } from '../model';
import { Span } from '../frontmatter';
import { RuleContext } from '../types';

/** The status a rule sees: the written one, `waiting` by default, undefined when invalid. */
export function statusOf(interview: Interview): Status | undefined {
  const s = interview.status;
  return s.kind === 'ok' ? s.value : s.kind === 'absent' ? 'waiting' : undefined;
}

/** Where a note-level finding points: the interview date if written, else the opening `---`. */
export function interviewSpan(ctx: RuleContext): Span {
  const f = ctx.interview.interviewed;
  return f.kind === 'ok' || f.kind === 'invalid' ? f.span : f.key?.keySpan ?? ctx.note.frontMatter.open;
}

export function isOk<T>(f: Field<T>): f is Extract<Field<T>, { kind: 'ok' }> {
  return f.kind === 'ok';
}

/** "today", "yesterday", "3 days ago" */
export function ago(day: Day, today: Day): string {
  const n = today - day;
  if (n === 0) return 'today';
  if (n === 1) return 'yesterday';
  if (n > 1) return `${days(n)} ago`;
  if (n === -1) return 'tomorrow';
  return `in ${days(-n)}`;
}

/** "due today (2026-11-15)" or "3 days overdue (due 2026-11-15)" */
export function dueText(due: Day, today: Day): string {
  return today === due ? `due today (${formatDay(due)})` : `${days(today - due)} overdue (due ${formatDay(due)})`;
}
