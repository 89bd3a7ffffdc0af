import { Day, days, formatDay, weekdayName } from '../dates';
import { workingDaysBefore } from '../workdays';
import { addressee, dontRemind, draft } from './fixes';
import { CrossEnv, CrossFinding, RuleModule } from './rule';

/** At most this many processes named in the message; the checklist lists them all. */
const NAMED = 5;

/** A warning from this many working days before the offer's deadline. */
const WARN_WORKING_DAYS = 2;

/** " (they need your answer by Friday 2026-12-04, in 8 days)", and whether that is near. */
function deadline(day: Day | undefined, env: CrossEnv): { text: string; near: boolean } {
  if (day === undefined) return { text: '', near: false };
  const { today } = env;
  const date = `${weekdayName(day)} ${formatDay(day)}`;
  const text = day === today ? ` (they need your answer today, ${date})`
    : day > today ? ` (they need your answer by ${date}, in ${days(day - today)})`
      : ` (they needed your answer by ${date}, ${days(today - day)} ago)`;
  return { text, near: today >= workingDaysBefore(day, WARN_WORKING_DAYS, env.config) };
}

/**
 * weigh-offer: an offer is in; weigh it against your other open processes before accepting or
 * declining. With `offer_deadline`, the message counts the days left, and from two working days
 * before it the reminder is a warning. Not once an offer elsewhere in the search is accepted: then withdraw-others says
 * what to do with this one, and weighing it would contradict that.
 */
export const weighOffer: RuleModule = {
  id: 'weigh-offer',
  severity: 'information',
  cross(self, search, env) {
    if (self.status !== 'offer' || search.acceptedOtherThan(self.name)) return [];
    const due = deadline(self.offerDeadline, env);
    const finding = (message: string): CrossFinding[] => [{ rule: 'weigh-offer', message, ...(due.near ? { severity: 'warning' as const } : {}) }];
    const { count, first } = search.openSample(self.name, NAMED);
    if (count === 0) return finding(`An offer${due.text}: weigh your options (other processes, pay, role, team, timing) before accepting or declining`);
    const named = first.map((s) => `${s.company ?? s.name} (${s.next})`);
    if (count > NAMED) named.push(`${count - NAMED} more`);
    return finding(`An offer${due.text}: weigh it against ${count === 1 ? 'your other open process' : `${count} open processes`}: ${named.join(', ')}; and pay, role, team, timing, before accepting or declining`);
  },
  fixes: (ctx, f) => {
    const name = addressee(ctx).replace(/^ to /, '');
    return [
      draft(ctx, f, 'offer-checklist', 'Insert an offer decision checklist'),
      draft(ctx, f, 'offer-time-email', name ? `Draft email asking ${name} for time to decide` : 'Draft email asking for time to decide'),
      draft(ctx, f, 'offer-accept-email', `Draft offer acceptance email${addressee(ctx)}`),
      draft(ctx, f, 'offer-decline-email', `Draft offer decline email${addressee(ctx)}`),
      // A reminder like the timing rules: once weighed, the user may not want it any more.
      ...dontRemind(ctx, f),
    ];
  },
};
