import { formatDay, relativeDay } from '../dates';
import { setInRound, setValue } from '../edits';
import { statusOf } from './common';
import { dontRemind, draft, edit, toName } from './fixes';
import { metIn, thankYouPeople } from '../drafts/recipients';
import { RuleModule } from './rule';
import { timelineOf } from './timeline';

/** thank-you-due: the thank-you note goes out right after each interview (the latest one held). */
export const thankYouDue: RuleModule = {
  id: 'thank-you-due',
  severity: 'warning',
  check(ctx) {
    const { interview: i, today } = ctx;
    const status = statusOf(i);
    if (status !== 'waiting' && status !== 'advanced') return [];
    const current = timelineOf(i, today)?.current;
    if (!current || current.thankYouSent.kind !== 'absent') return [];
    const what = current.round !== undefined && current.stage ? `the ${current.stage}` : 'the interview';
    return [{
      rule: 'thank-you-due',
      span: current.span,
      message: (today === current.day
        ? `Send a thank-you note today, right after ${current.round !== undefined && current.stage ? what : 'the interview'}`
        : `No thank-you note recorded: ${what} was ${relativeDay(current.day, today)}; send one now and record it in thank_you_sent`)
        + missingHighlights(metIn(i, current)),
    }];
  },
  fixes(ctx, f) {
    const today = formatDay(ctx.today);
    const current = timelineOf(ctx.interview, ctx.today)?.current;
    const mark = current?.round !== undefined ? setInRound(ctx.note, current.round, 'thank_you_sent', today) : setValue(ctx.note, 'thank_you_sent', today);
    // One email and one card per person met: the contact and each interviewer of the round.
    const people = thankYouPeople(ctx.interview, ctx.today); // the default recipient first
    return [
      ...people.map((p, k) => draft(ctx, f, 'thank-you-email', `Draft thank-you email${toName(p)}`, k === 0, p.name)),
      ...people.map((p) => draft(ctx, f, 'thank-you-card', `Draft thank-you card${toName(p)}`, false, p.name)),
      ...edit(`Mark thank-you sent today (${today})`, f, mark),
      ...dontRemind(ctx, f),
    ];
  },
};

/** A panel's thank-yous differ only by what was discussed with each: "; add a highlight for Ana Ruiz and Sam Lee so their thank-yous differ". */
function missingHighlights(met: { name?: string; highlight?: string }[]): string {
  if (met.length < 2) return '';
  const lacking = met.filter((m) => !m.highlight && m.name).map((m) => m.name!);
  if (lacking.length === 0) return '';
  const list = lacking.length === 1 ? lacking[0] : `${lacking.slice(0, -1).join(', ')} and ${lacking[lacking.length - 1]}`;
  return `; add a highlight for ${list} so ${lacking.length === 1 ? 'their thank-you differs' : 'their thank-yous differ'}`;
}
