import { setValue } from '../edits';
import { edit } from './fixes';
import { RuleModule } from './rule';

/** invalid-value: wrong type or value (unknown status, follow_ups not a list, malformed email). */
export const invalidValue: RuleModule = {
  id: 'invalid-value',
  severity: 'error',
  check: (ctx) => ctx.interview.problems.filter((p) => p.rule === 'invalid-value').map((p) => ({
    rule: 'invalid-value',
    span: p.span,
    message: p.message,
    data: p.suggestion ? { kind: 'replace', to: p.suggestion } : undefined,
  })),
  fixes: (ctx, f) => (f.data?.kind === 'replace' ? edit(`Change status to '${f.data.to}'`, f, setValue(ctx.note, 'status', f.data.to), true) : []),
};
