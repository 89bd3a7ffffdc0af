import { draft } from './fixes';
import { RuleModule } from './rule';

/** At most this many processes named in the message; the checklist lists them all. */
const NAMED = 5;

/** weigh-offer: an offer is in; weigh it against your other open processes before accepting or declining. */
export const weighOffer: RuleModule = {
  id: 'weigh-offer',
  severity: 'information',
  cross(self, search) {
    if (self.status !== 'offer') return [];
    const others = search.openOtherThan(self.name);
    if (others.length === 0) {
      return [{ rule: 'weigh-offer', message: 'An offer: weigh your options (other processes, pay, role, team, timing) before accepting or declining' }];
    }
    const named = others.slice(0, NAMED).map((s) => `${s.company ?? s.name} (${s.next})`);
    if (others.length > NAMED) named.push(`${others.length - NAMED} more`);
    return [{
      rule: 'weigh-offer',
      message: `An offer: weigh it against ${others.length === 1 ? 'your other open process' : `${others.length} open processes`}: ${named.join(', ')}; and pay, role, team, timing, before accepting or declining`,
    }];
  },
  fixes: (ctx, f) => [draft(ctx, f, 'offer-checklist', 'Insert an offer decision checklist')],
};
