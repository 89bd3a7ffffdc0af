import { isClosing } from '../search';
import { RuleModule } from './rule';

/** At most this many notes named in the message. */
const NAMED = 5;

/**
 * same-process: notes of one search with the same company and role (case and spaces aside) are
 * one process, kept in several notes (a round each, or applied twice). Each says which others
 * it goes with, and which of them closed it: what one says (rejected, accepted) holds for all.
 */
export const sameProcess: RuleModule = {
  id: 'same-process',
  severity: 'information',
  cross(self, search) {
    const { count, first } = search.sameProcess(self, NAMED);
    if (count === 0) return [];
    const named = first.map((s) => `${s.name} (${s.status ?? 'status unknown'})`);
    if (count > NAMED) named.push(`${count - NAMED} more`);
    const closing = isClosing(self) ? undefined : search.closedBy(self);
    const closed = closing ? `; ${closing.name} says ${closing.status}: the process is closed, nothing more to send here` : '';
    return [{
      rule: 'same-process',
      message: `The same process (${self.company}, ${self.role}) as ${named.join(', ')}${closed}`,
    }];
  },
};
