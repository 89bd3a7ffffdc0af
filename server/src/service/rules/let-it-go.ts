import { days, formatDay } from '../dates';
import { statusOf } from './common';
import { Rule } from '../types';

/** let-it-go: a thank-you and the allowed check-ins went out, no answer came: close it. */
export const letItGo: Rule = (ctx) => {
  const { interview: i, today, config } = ctx;
  if (statusOf(i) !== 'waiting' || i.followUps.kind !== 'ok') return [];
  const entries = i.followUps.value;
  // More than the allowed follow-ups is second-follow-up's business; none means nothing to wait on.
  if (config.maxFollowUps === 0 || entries.length !== config.maxFollowUps) return [];
  const last = entries[entries.length - 1];
  if (last.day === undefined || today < last.day + config.letGoDays) return [];
  return [{
    rule: 'let-it-go',
    span: last.span,
    message: `No answer ${days(today - last.day)} after your check-in on ${formatDay(last.day)}: let it go and set \`status: closed\``,
  }];
};
