import { days, formatDay } from '../dates';
import { dueText, statusOf } from './common';
import { Rule } from '../types';

/**
 * check-in-due: no word by the promised date? Check in a few days after it (grace days), or a
 * week after the interview when no date was given (wait days). Once only: a recorded
 * follow-up silences this rule. With `maxFollowUps: 0` there is no check-in to make.
 */
export const checkInDue: Rule = (ctx) => {
  const { interview: i, today, config } = ctx;
  if (statusOf(i) !== 'waiting' || i.followUps.kind !== 'absent') return [];
  if (config.maxFollowUps === 0) return []; // no check-ins wanted: let-it-go counts from the thank-you
  const e = i.expectReplyBy;
  if (e.kind === 'invalid') return [];
  if (e.kind === 'ok') {
    const due = e.value.day + config.checkInGraceDays;
    if (today < due) return [];
    const promised = e.value.phrase ? `'${e.value.phrase}', ${formatDay(e.value.day)}` : formatDay(e.value.day);
    return [{
      rule: 'check-in-due',
      span: e.span,
      message: `Check-in ${dueText(due, today)}: no word since the promised date (${promised}); send a brief, polite check-in`,
      data: { kind: 'due', due },
    }];
  }
  if (i.interviewed.kind !== 'ok') return [];
  const due = i.interviewed.value + config.checkInWaitDays;
  if (today < due) return [];
  return [{
    rule: 'check-in-due',
    span: i.interviewed.span,
    message: `Check-in ${dueText(due, today)}: no timeline was given and it has been ${days(today - i.interviewed.value)} since the interview; send a brief, polite check-in`,
    data: { kind: 'due', due },
  }];
};
