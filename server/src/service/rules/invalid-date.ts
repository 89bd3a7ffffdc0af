import { Rule } from '../types';

/** invalid-date: a date field that is not a real date, or a timeline phrase we cannot resolve. */
export const invalidDate: Rule = (ctx) =>
  ctx.interview.problems.filter((p) => p.rule === 'invalid-date').map((p) => ({ rule: 'invalid-date', span: p.span, message: p.message }));
