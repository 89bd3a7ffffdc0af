import { RuleModule } from './rule';

/** invalid-date: a date field that is not a real date, or a timeline phrase we cannot resolve. */
export const invalidDate: RuleModule = {
  id: 'invalid-date',
  severity: 'error',
  check: (ctx) => ctx.interview.problems.filter((p) => p.rule === 'invalid-date')
    .map((p) => ({ rule: 'invalid-date', span: p.span, message: p.message })),
};
