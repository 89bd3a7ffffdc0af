import { formatDay } from '../dates';
import { insertKey, setValue } from '../edits';
import { statusOf } from './common';
import { dontRemind, edit } from './fixes';
import { RuleModule } from './rule';
import { timelineOf } from './timeline';

/** ask-timeline: find out when you can expect to hear after the latest interview, and write it down. */
export const askTimeline: RuleModule = {
  id: 'ask-timeline',
  severity: 'information',
  check(ctx) {
    const { interview: i, today } = ctx;
    if (statusOf(i) !== 'waiting' || i.expectReplyBy.kind === 'invalid') return [];
    const t = timelineOf(i, today);
    if (!t?.current || t.next) return []; // the next interview is the timeline
    if (t.stale) {
      const what = t.current.stage ? `the ${t.current.stage}` : 'the interview';
      return [{
        rule: 'ask-timeline',
        span: t.stale.span,
        message: `The promise of ${formatDay(t.stale.day)} was before ${what} on ${formatDay(t.current.day)}: ask for the new timeline`,
      }];
    }
    if (i.expectReplyBy.kind !== 'absent') return [];
    return [{
      rule: 'ask-timeline',
      span: t.current.span,
      message: 'No timeline recorded: ask when you can expect to hear back and note it in expect_reply_by',
    }];
  },
  fixes(ctx, f) {
    if (ctx.interview.expectReplyBy.kind === 'ok') {
      // A stale promise: replace it with their new words (a placeholder to type over).
      return [
        ...edit('Replace expect_reply_by with the new timeline', f, setValue(ctx.note, 'expect_reply_by', "'when they said you would hear'")),
        ...dontRemind(ctx, f),
      ];
    }
    return [
      ...edit('Add expect_reply_by (the date or their words)', f,
        insertKey(ctx.note, 'expect_reply_by', '', "when they said you would hear: a date or their words, e.g. 'within two weeks'")),
      ...dontRemind(ctx, f),
    ];
  },
};
