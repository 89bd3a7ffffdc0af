import { setValue } from '../edits';
import { gateOf } from '../gate';
import { addressee, draft, edit } from './fixes';
import { RuleModule } from './rule';

/**
 * withdraw-others: you accepted an offer elsewhere; every other open process deserves a polite
 * withdrawal. Reads the other notes of the search (their summaries), never their files. While
 * it stands, the reminders of the note are silent (gate.ts).
 */
export const withdrawOthers: RuleModule = {
  id: 'withdraw-others',
  severity: 'information',
  cross(self, search, env) {
    // Not from a process another of its notes closed, nor for the process's own acceptance (gate.ts).
    const gate = gateOf(self, search, env.config);
    if (gate?.kind !== 'withdraw') return [];
    const { accepted } = gate;
    return [{
      rule: 'withdraw-others',
      message: `You accepted the offer from ${accepted.company ?? accepted.name} (${accepted.name}): tell ${self.company ?? 'them'} you are withdrawing`,
    }];
  },
  // With an offer in hand, withdrawing is declining it.
  fixes: (ctx, f) => ctx.interview.status.kind === 'ok' && ctx.interview.status.value === 'offer'
    ? [
      draft(ctx, f, 'offer-decline-email', `Draft offer decline email${addressee(ctx)}`, true),
      ...edit('Set status: declined', f, setValue(ctx.note, 'status', 'declined')),
    ]
    : [
      draft(ctx, f, 'withdrawal-email', `Draft withdrawal email${addressee(ctx)}`, true),
      ...edit('Set status: withdrawn', f, setValue(ctx.note, 'status', 'withdrawn')),
    ],
};
