import { removeFromList } from '../edits';
import { closeIt, edit } from './fixes';
import { RuleModule } from './rule';
import { followUpsByMeeting, meetingsOf } from './timeline';

/**
 * second-follow-up: after the thank-you and the allowed check-ins, more reads as desperate.
 * Each round earns its own check-ins: entries are counted per interview they follow.
 */
export const secondFollowUp: RuleModule = {
  id: 'second-follow-up',
  severity: 'warning',
  check(ctx) {
    const { interview: i, config } = ctx;
    if (i.followUps.kind !== 'ok') return [];
    const allowed = config.maxFollowUps;
    const meetings = meetingsOf(i);
    // Without a readable interview date, every entry counts towards the one allowance.
    const groups = meetings && meetings.length > 0 ? followUpsByMeeting(i, meetings) : [i.followUps.value];
    return groups.flatMap((group) => group.slice(allowed)).map((entry) => ({
      rule: 'second-follow-up' as const,
      span: entry.span,
      message: `Follow-up ${entry.index + 1} goes beyond the ${allowed === 1 ? 'one check-in' : `${allowed} check-ins`} etiquette allows: repeated follow-ups come across as annoying or desperate; let it go`,
      data: { kind: 'follow-up' as const, index: entry.index },
    }));
  },
  fixes(ctx, f) {
    const index = f.data?.kind === 'follow-up' ? f.data.index : -1;
    const status = ctx.interview.status;
    return [
      ...edit(`Remove follow-up ${index + 1}`, f, removeFromList(ctx.note, 'follow_ups', index), true),
      ...(status.kind === 'ok' && status.value === 'closed' ? [] : closeIt(ctx, f)),
    ];
  },
};
