import { ago, interviewSpan, statusOf } from './common';
import { Rule } from '../types';

/** thank-you-due: the thank-you note goes out right after the interview. */
export const thankYouDue: Rule = (ctx) => {
  const { interview: i, today } = ctx;
  const status = statusOf(i);
  if (status !== 'waiting' && status !== 'advanced') return [];
  if (i.interviewed.kind !== 'ok' || i.interviewed.value > today) return [];
  if (i.thankYouSent.kind !== 'absent') return [];
  const when = ago(i.interviewed.value, today);
  return [{
    rule: 'thank-you-due',
    span: interviewSpan(ctx),
    message: today === i.interviewed.value
      ? 'Send a thank-you note today, right after the interview'
      : `No thank-you note recorded: the interview was ${when}; send one now and record it in \`thank_you_sent\``,
  }];
};
