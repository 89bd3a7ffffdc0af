import { Rule } from '../types';

/** weigh-offer: an offer is in; weigh your options before accepting or declining. */
export const weighOffer: Rule = (ctx) => {
  const s = ctx.interview.status;
  if (s.kind !== 'ok' || s.value !== 'offer') return [];
  return [{
    rule: 'weigh-offer',
    span: s.span,
    message: 'An offer: weigh your options (other processes, pay, role, team, timing) before accepting or declining',
  }];
};
