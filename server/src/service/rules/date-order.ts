import { formatDay } from '../dates';
import { Span } from '../frontmatter';
import { Finding } from '../types';
import { RuleModule } from './rule';
import { meetingsOf } from './timeline';

/**
 * date-order: something sent or promised before the (first) interview, a thank-you before the
 * round it thanks for, a sent date in the future, rounds not oldest first, an offer deadline
 * before the interview.
 */
export const dateOrder: RuleModule = {
  id: 'date-order',
  severity: 'warning',
  check(ctx) {
    const { interview: i, today } = ctx;
    const out: Finding[] = [];
    const meetings = meetingsOf(i) ?? [];
    const first = meetings[0]?.day;
    const sent = (label: string, day: number, span: Span, since: number | undefined, what = 'the interview') => {
      if (since !== undefined && day < since) {
        out.push({ rule: 'date-order', span, message: `${label} ${formatDay(day)} is before ${what} (${formatDay(since)})` });
      } else if (day > today) {
        out.push({ rule: 'date-order', span, message: `${label} ${formatDay(day)} is in the future (today is ${formatDay(today)})` });
      }
    };
    if (i.thankYouSent.kind === 'ok') sent('Thank-you sent', i.thankYouSent.value, i.thankYouSent.span, first);
    if (i.rounds.kind === 'ok') {
      let previous: { day: number; index: number } | undefined;
      for (const r of i.rounds.value) {
        if (r.thankYouSent.kind === 'ok') sent(`Round ${r.index + 1}: thank-you sent`, r.thankYouSent.value, r.thankYouSent.span, r.day, 'its interview');
        if (r.day === undefined) continue;
        if (previous && r.day < previous.day) {
          out.push({
            rule: 'date-order', span: r.daySpan,
            message: `Round ${r.index + 1} (${formatDay(r.day)}) is dated before round ${previous.index + 1} (${formatDay(previous.day)}): list the rounds oldest first`,
          });
        }
        previous = { day: r.day, index: r.index };
      }
    }
    if (i.followUps.kind === 'ok') {
      for (const f of i.followUps.value) if (f.day !== undefined) sent(`Follow-up ${f.index + 1}`, f.day, f.span, first);
    }
    if (i.expectReplyBy.kind === 'ok' && first !== undefined && i.expectReplyBy.value.day < first) {
      out.push({
        rule: 'date-order',
        span: i.expectReplyBy.span,
        message: `The promised reply date ${formatDay(i.expectReplyBy.value.day)} is before the interview (${formatDay(first)})`,
      });
    }
    // The answer an offer needs can only be asked for after an interview.
    if (i.offerDeadline.kind === 'ok' && first !== undefined && i.offerDeadline.value < first) {
      out.push({ rule: 'date-order', span: i.offerDeadline.span, message: `The offer deadline ${formatDay(i.offerDeadline.value)} is before the interview (${formatDay(first)})` });
    }
    return out;
  },
};
