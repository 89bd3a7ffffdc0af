import { misspeltKey } from '../spelling';
import { renameKey } from '../edits';
import { Finding } from '../types';
import { edit } from './fixes';
import { RuleModule } from './rule';

/** unknown-field: a top-level key that looks like a misspelt known key. */
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
    return out;
  },
  fixes(ctx, f) {
    if (f.data?.kind !== 'rename') return [];
    const key = [...ctx.note.keys.values()].find((k) => k.keySpan.start === f.span.start);
    const name = key?.name ?? ctx.note.text.slice(f.span.start, f.span.end);
    return edit(`Rename '${name}' to ${f.data.to}`, f, renameKey(ctx.note, name, f.data.to), true);
  },
};
