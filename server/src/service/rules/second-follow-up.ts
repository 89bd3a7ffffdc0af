import { Rule } from '../types';

/** second-follow-up: after the thank-you and the allowed check-ins, more reads as desperate. */
export const secondFollowUp: Rule = (ctx) => {
  const { interview: i, config } = ctx;
  if (i.followUps.kind !== 'ok') return [];
  const allowed = config.maxFollowUps;
  return i.followUps.value.slice(allowed).map((entry) => ({
    rule: 'second-follow-up' as const,
    span: entry.span,
    message: `Follow-up ${entry.index + 1} goes beyond the ${allowed === 1 ? 'one check-in' : `${allowed} check-ins`} etiquette allows: repeated follow-ups come across as annoying or desperate; let it go`,
    data: { kind: 'follow-up' as const, index: entry.index },
  }));
};
