import { interviewSpan, statusOf } from './common';
import { Rule } from '../types';

/** ask-timeline: find out when you can expect to hear, and write it down. */
export const askTimeline: Rule = (ctx) => {
  const { interview: i, today } = ctx;
  if (statusOf(i) !== 'waiting') return [];
  if (i.interviewed.kind !== 'ok' || i.interviewed.value > today) return [];
  if (i.expectReplyBy.kind !== 'absent') return [];
  return [{
    rule: 'ask-timeline',
    span: interviewSpan(ctx),
    message: 'No timeline recorded: ask when you can expect to hear back and note it in `expect_reply_by`',
  }];
};
