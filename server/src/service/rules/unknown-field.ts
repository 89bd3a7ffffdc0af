import { DIRECTIVE, directivesOf } from '../directives';
import { misspeltKey, nearest } from '../spelling';
import { renameKey } from '../edits';
import { ParsedNote } from '../model';
import { Finding, RULE_IDS, RuleId } from '../types';
import { edit } from './fixes';
import { RuleModule } from './rule';

/**
 * unknown-field: a top-level key that looks like a misspelt known key, and a rule id that is
 * none in a `# interview-followup-disable` comment (a typo there would silence nothing).
 */
export const unknownField: RuleModule = {
  id: 'unknown-field',
  severity: 'warning',
  check(ctx) {
    const out: Finding[] = [];
    for (const key of ctx.note.keys.values()) {
      const to = misspeltKey(key.name);
      if (!to) continue;
      const taken = ctx.note.keys.has(to);
      out.push({
        rule: 'unknown-field',
        span: key.keySpan,
        message: taken
          ? `Unknown key '${key.name}': it looks like ${to}, which is already set`
          : `Unknown key '${key.name}': did you mean ${to}?`,
        data: taken ? undefined : { kind: 'rename', to },
      });
    }
    return [...out, ...unknownRuleIds(ctx.note)];
  },
  fixes(ctx, f) {
    if (f.data?.kind === 'directive') {
      const { to } = f.data;
      return to ? edit(`Change '${ctx.note.text.slice(f.span.start, f.span.end)}' to ${to}`, f, { span: f.span, newText: to }, true) : [];
    }
    if (f.data?.kind !== 'rename') return [];
    const key = [...ctx.note.keys.values()].find((k) => k.keySpan.start === f.span.start);
    const name = key?.name ?? ctx.note.text.slice(f.span.start, f.span.end);
    return edit(`Rename '${name}' to ${f.data.to}`, f, renameKey(ctx.note, name, f.data.to), true);
  },
};

function unknownRuleIds(note: ParsedNote): Finding[] {
  const out: Finding[] = [];
  for (const d of directivesOf(note)) {
    for (const { id, span } of d.ids) {
      if ((RULE_IDS as readonly string[]).includes(id)) continue;
      const to = nearest(id, RULE_IDS) as RuleId | undefined;
      out.push({
        rule: 'unknown-field',
        span,
        message: to
          ? `Unknown rule '${id}' in # ${DIRECTIVE}: did you mean ${to}?`
          : `Unknown rule '${id}' in # ${DIRECTIVE} (rules: ${RULE_IDS.join(', ')})`,
        data: { kind: 'directive', to },
      });
    }
  }
  return out;
}
