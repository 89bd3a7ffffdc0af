import { addressee, dontRemind, draft } from './fixes';
import { RuleModule } from './rule';

/** At most this many processes named in the message; the checklist lists them all. */
const NAMED = 5;

/**
 * weigh-offer: an offer is in; weigh it against your other open processes before accepting or
 * declining. Not once an offer elsewhere in the search is accepted: then withdraw-others says
 * what to do with this one, and weighing it would contradict that.
 */
export const weighOffer: RuleModule = {
  id: 'weigh-offer',
  severity: 'information',
  cross(self, search) {
    if (self.status !== 'offer' || search.acceptedOtherThan(self.name)) return [];
    const { count, first } = search.openSample(self.name, NAMED);
    if (count === 0) {
      return [{ rule: 'weigh-offer', message: 'An offer: weigh your options (other processes, pay, role, team, timing) before accepting or declining' }];
    }
    const named = first.map((s) => `${s.company ?? s.name} (${s.next})`);
    if (count > NAMED) named.push(`${count - NAMED} more`);
    return [{
      rule: 'weigh-offer',
      message: `An offer: weigh it against ${count === 1 ? 'your other open process' : `${count} open processes`}: ${named.join(', ')}; and pay, role, team, timing, before accepting or declining`,
    }];
  },
  fixes: (ctx, f) => {
    const name = addressee(ctx).replace(/^ to /, '');
    return [
      draft(ctx, f, 'offer-checklist', 'Insert an offer decision checklist'),
      draft(ctx, f, 'offer-time-email', name ? `Draft email asking ${name} for time to decide` : 'Draft email asking for time to decide'),
      draft(ctx, f, 'offer-accept-email', `Draft offer acceptance email${addressee(ctx)}`),
      draft(ctx, f, 'offer-decline-email', `Draft offer decline email${addressee(ctx)}`),
      // A reminder like the timing rules: once weighed, the user may not want it any more.
      ...dontRemind(ctx, f),
    ];
  },
};
