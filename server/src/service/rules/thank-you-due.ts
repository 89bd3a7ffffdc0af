import { formatDay, relativeDay } from '../dates';
import { setValue } from '../edits';
import { interviewSpan, statusOf } from './common';
import { addressee, draft, edit } from './fixes';
import { RuleModule } from './rule';

/** thank-you-due: the thank-you note goes out right after the interview. */
export const thankYouDue: RuleModule = {
  id: 'thank-you-due',
  severity: 'warning',
  check(ctx) {
    const { interview: i, today } = ctx;
    const status = statusOf(i);
    if (status !== 'waiting' && status !== 'advanced') return [];
    if (i.interviewed.kind !== 'ok' || i.interviewed.value > today) return [];
    if (i.thankYouSent.kind !== 'absent') return [];
    return [{
      rule: 'thank-you-due',
      span: interviewSpan(ctx),
      message: today === i.interviewed.value
        ? 'Send a thank-you note today, right after the interview'
        : `No thank-you note recorded: the interview was ${relativeDay(i.interviewed.value, today)}; send one now and record it in thank_you_sent`,
    }];
  },
  fixes(ctx, f) {
    const today = formatDay(ctx.today);
    return [
      draft(ctx, f, 'thank-you-email', `Draft thank-you email${addressee(ctx)}`, true),
      ...edit(`Mark thank-you sent today (${today})`, f, setValue(ctx.note, 'thank_you_sent', today)),
    ];
  },
};
