import { formatDay } from '../dates';
import { Finding } from '../types';
import { RuleModule } from './rule';

/** date-order: something sent or promised before the interview, or a sent date in the future. */
export const dateOrder: RuleModule = {
  id: 'date-order',
  severity: 'warning',
  check(ctx) {
    const { interview: i, today } = ctx;
    const out: Finding[] = [];
    const interviewed = i.interviewed.kind === 'ok' ? i.interviewed.value : undefined;
    const sent = (label: string, day: number, span: Finding['span']) => {
      if (interviewed !== undefined && day < interviewed) {
        out.push({ rule: 'date-order', span, message: `${label} ${formatDay(day)} is before the interview (${formatDay(interviewed)})` });
      } else if (day > today) {
        out.push({ rule: 'date-order', span, message: `${label} ${formatDay(day)} is in the future (today is ${formatDay(today)})` });
      }
    };
    if (i.thankYouSent.kind === 'ok') sent('Thank-you sent', i.thankYouSent.value, i.thankYouSent.span);
    if (i.followUps.kind === 'ok') {
      for (const f of i.followUps.value) if (f.day !== undefined) sent(`Follow-up ${f.index + 1}`, f.day, f.span);
    }
    if (i.expectReplyBy.kind === 'ok' && interviewed !== undefined && i.expectReplyBy.value.day < interviewed) {
      out.push({
        rule: 'date-order',
        span: i.expectReplyBy.span,
        message: `The promised reply date ${formatDay(i.expectReplyBy.value.day)} is before the interview (${formatDay(interviewed)})`,
      });
    }
    return out;
  },
};
