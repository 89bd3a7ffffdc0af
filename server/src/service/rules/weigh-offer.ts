import { dontRemind, draft } from './fixes';
import { RuleModule } from './rule';

/** weigh-offer: an offer is in; weigh your options before accepting or declining. */
export const weighOffer: RuleModule = {
  id: 'weigh-offer',
  severity: 'information',
  check(ctx) {
    const s = ctx.interview.status;
    if (s.kind !== 'ok' || s.value !== 'offer') return [];
    return [{
      rule: 'weigh-offer',
      span: s.span,
      message: 'An offer: weigh your options (other processes, pay, role, team, timing) before accepting or declining',
    }];
  },
  // A reminder like the timing rules: once weighed, the user may not want it any more.
  fixes: (ctx, f) => [draft(ctx, f, 'offer-checklist', 'Insert an offer decision checklist'), ...dontRemind(ctx, f)],
};
