import { days, formatDay } from '../dates';
import { letGoPlan } from './common';
import { closeIt, dontRemind } from './fixes';
import { RuleModule } from './rule';

/**
 * let-it-go: a thank-you and the allowed check-ins went out, no answer came: close it. With
 * `maxFollowUps: 0` the wait counts from the thank-you note.
 */
export const letItGo: RuleModule = {
  id: 'let-it-go',
  severity: 'information',
  check(ctx) {
    const plan = letGoPlan(ctx.interview, ctx.config, ctx.today);
    if (!plan || ctx.today < plan.due) return [];
    return [{
      rule: 'let-it-go',
      span: plan.span,
      message: `No answer ${days(ctx.today - plan.from)} after ${plan.what} on ${formatDay(plan.from)}: let it go and set status to closed`,
    }];
  },
  fixes: (ctx, f) => [...closeIt(ctx, f, true), ...dontRemind(ctx, f)],
};
