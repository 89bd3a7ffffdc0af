import { days, formatDay } from '../dates';
import { statusOf } from './common';
import { Rule } from '../types';

/**
 * let-it-go: a thank-you and the allowed check-ins went out, no answer came: close it. With
 * `maxFollowUps: 0` the wait counts from the thank-you note.
 */
export const letItGo: Rule = (ctx) => {
  const { interview: i, today, config } = ctx;
  if (statusOf(i) !== 'waiting' || i.followUps.kind === 'invalid') return [];
  const entries = i.followUps.kind === 'ok' ? i.followUps.value : [];
  // More than the allowed follow-ups is second-follow-up's business.
  if (entries.length !== config.maxFollowUps) return [];
  const last = entries.length > 0
    ? { day: entries[entries.length - 1].day, span: entries[entries.length - 1].span, what: 'your check-in' }
    : i.thankYouSent.kind === 'ok' ? { day: i.thankYouSent.value, span: i.thankYouSent.span, what: 'your thank-you note' } : undefined;
  if (last?.day === undefined || today < last.day + config.letGoDays) return [];
  return [{
    rule: 'let-it-go',
    span: last.span,
    message: `No answer ${days(today - last.day)} after ${last.what} on ${formatDay(last.day)}: let it go and set \`status: closed\``,
  }];
};
