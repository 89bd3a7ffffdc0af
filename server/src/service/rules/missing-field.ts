import { Rule, Finding } from '../types';

const REQUIRED = ['company', 'role', 'interviewed'] as const;

/** missing-field: company, role and interviewed are required and not empty. */
export const missingField: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const key of REQUIRED) {
    const f = ctx.interview[key];
    if (f.kind !== 'absent') continue;
    out.push(f.key
      ? { rule: 'missing-field', span: f.key.keySpan, message: `\`${key}\` is empty` }
      : { rule: 'missing-field', span: ctx.note.frontMatter.open, message: `Missing required field \`${key}\``, data: { kind: 'missing', key } });
  }
  return out;
};
