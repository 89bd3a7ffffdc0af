import { formatDay } from '../dates';
import { insertKey } from '../edits';
import { almostInterview } from '../model';
import { Finding } from '../types';
import { edit } from './fixes';
import { RuleModule } from './rule';

const REQUIRED = ['company', 'role', 'interviewed'] as const;

/** missing-field: company, role and interviewed are required and not empty. */
export const missingField: RuleModule = {
  id: 'missing-field',
  severity: 'error',
  check(ctx) {
    const out: Finding[] = [];
    for (const key of REQUIRED) {
      const f = ctx.interview[key];
      if (f.kind !== 'absent') continue;
      if (key === 'interviewed' && ctx.interview.rounds.kind !== 'absent') continue; // the rounds hold the dates
      // `interviewd:` speaks for itself (unknown-field, with the rename): not also "missing".
      if (key === 'interviewed' && !f.key && almostInterview(ctx.note)) continue;
      out.push(f.key
        ? { rule: 'missing-field', span: f.key.keySpan, message: `${key} is empty` }
        : { rule: 'missing-field', span: ctx.note.frontMatter.open, message: `Missing required field ${key}`, data: { kind: 'missing', key } });
    }
    // A round without its date: on that entry.
    for (const p of ctx.interview.problems) if (p.rule === 'missing-field') out.push({ rule: 'missing-field', span: p.span, message: p.message });
    return out;
  },
  fixes(ctx, f) {
    if (f.data?.kind !== 'missing') return [];
    // The interview date defaults to today (notes are mostly written the day of); the
    // others get an empty value to fill in.
    const value = f.data.key === 'interviewed' ? formatDay(ctx.today) : '""';
    return edit(`Add ${f.data.key}`, f, insertKey(ctx.note, f.data.key, value));
  },
};
