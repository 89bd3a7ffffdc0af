import { days, formatDay } from '../dates';
import { appendToList } from '../edits';
import { checkInPlan, dueText } from './common';
import { personNamed } from '../drafts/recipients';
import { addressee, dontRemind, draft, edit } from './fixes';
import { FixContext, PlannedAction, RuleModule } from './rule';
import { Finding } from '../types';

/**
 * check-in-due: no word by the promised date? Check in a few days after it (grace days), or a
 * week after the interview when no date was given (wait days), on a working day (`workdays`,
 * `holidays`). `maxFollowUps` a round (default one): with more allowed, the next falls due
 * the wait days after the one before; once they are all sent, this rule is silent (let-it-go
 * takes over). With `maxFollowUps: 0` there is no check-in to make.
 */
export const checkInDue: RuleModule = {
  id: 'check-in-due',
  severity: 'warning',
  check(ctx) {
    const { interview: i, today, config } = ctx;
    const plan = checkInPlan(i, config, today);
    if (!plan || today < plan.due) return [];
    const { due, promised, moved, after } = plan;
    const why = after
      ? `no word since your check-in on ${formatDay(after.day)} (${after.number} of the ${config.maxFollowUps} allowed sent)`
      : promised
      ? `no word since the promised date (${promised.phrase ? `'${promised.phrase}', ${formatDay(promised.day)}` : formatDay(promised.day)})`
      : `no timeline was given and it has been ${days(today - plan.from.day)} since the interview`;
    return [{
      rule: 'check-in-due',
      span: plan.span,
      message: `Check-in ${dueText(due, today, moved)}: ${why}; send a brief, polite check-in`,
      data: { kind: 'due', due },
    }];
  },
  fixes(ctx, f) {
    const today = formatDay(ctx.today);
    return [
      draft(ctx, f, 'check-in-email', `Draft check-in email${addressee(ctx)}`, true),
      callNotes(ctx, f),
      ...edit(`Mark check-in email sent today (${today})`, f, appendToList(ctx.note, 'follow_ups', today)),
      ...edit(`Log a check-in call today (${today})`, f, appendToList(ctx.note, 'follow_ups', `{date: ${today}, channel: call}`)),
      ...dontRemind(ctx, f),
    ];
  },
};

/** The spec's first choice for a check-in is a call: notes for it, if the note has a number to dial. */
function callNotes(ctx: FixContext, f: Finding): PlannedAction {
  const person = personNamed(ctx, undefined);
  const title = `Draft check-in call notes${person?.name ? ` for ${person.name}` : ''}`;
  if (!person?.phone) {
    return { title, finding: f, template: 'check-in-call', disabled: `No phone number${person?.name ? ` for ${person.name}` : ''}: add phone under contact in the front matter` };
  }
  return draft(ctx, f, 'check-in-call', title);
}
