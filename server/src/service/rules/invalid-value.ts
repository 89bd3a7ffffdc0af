import { Rule } from '../types';

/** invalid-value: wrong type or value (unknown status, follow_ups not a list, malformed email). */
export const invalidValue: Rule = (ctx) =>
  ctx.interview.problems.filter((p) => p.rule === 'invalid-value').map((p) => ({
    rule: 'invalid-value',
    span: p.span,
    message: p.message,
    data: p.suggestion ? { kind: 'replace', to: p.suggestion } : undefined,
  }));
