import { insertKey } from '../edits';
import { interviewSpan, statusOf } from './common';
import { edit } from './fixes';
import { RuleModule } from './rule';

/** ask-timeline: find out when you can expect to hear, and write it down. */
export const askTimeline: RuleModule = {
  id: 'ask-timeline',
  severity: 'information',
  check(ctx) {
    const { interview: i, today } = ctx;
    if (statusOf(i) !== 'waiting') return [];
    if (i.interviewed.kind !== 'ok' || i.interviewed.value > today) return [];
    if (i.expectReplyBy.kind !== 'absent') return [];
    return [{
      rule: 'ask-timeline',
      span: interviewSpan(ctx),
      message: 'No timeline recorded: ask when you can expect to hear back and note it in expect_reply_by',
    }];
  },
  fixes: (ctx, f) => edit('Add expect_reply_by (the date or their words)', f,
    insertKey(ctx.note, 'expect_reply_by', '', "when they said you would hear: a date or their words, e.g. 'within two weeks'")),
};
