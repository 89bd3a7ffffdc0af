import { editDistance, KNOWN_KEYS } from '../model';
import { renameKey } from '../edits';
import { Finding } from '../types';
import { edit } from './fixes';
import { RuleModule } from './rule';

const normalize = (k: string) => k.toLowerCase().replace(/[\s_-]+/g, '');
const KNOWN_NORMALIZED = KNOWN_KEYS.map((k) => [k, normalize(k)] as const);

/** The known key a top-level key looks like a misspelling of, if any. */
export function misspeltKey(key: string): string | undefined {
  if ((KNOWN_KEYS as readonly string[]).includes(key)) return undefined;
  const n = normalize(key);
  if (n.length < 3 || n.length > 40) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [known, kn] of KNOWN_NORMALIZED) {
    let score: number;
    if (n === kn) score = 0; // Company, thankyou_sent, follow-ups
    else {
      // Short keys need to be close: `tags` (2 from `stage`) is the user's own key.
      const allowed = kn.length >= 9 ? 2 : kn.length >= 5 ? 1 : 0;
      // The distance is at least the difference in length: skip the table (a note of 25,000
      // keys spent most of its time allocating them).
      const d = Math.abs(n.length - kn.length) > allowed ? Infinity : editDistance(n, kn);
      if (d <= allowed) score = d;
      else if (n.length >= 6 && kn.startsWith(n)) score = kn.length - n.length; // thank_you, follow_up
      else continue;
    }
    if (score < bestScore) {
      best = known;
      bestScore = score;
    }
  }
  return best;
}

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
          ? `Unknown key \`${key.name}\`: it looks like \`${to}\`, which is already set`
          : `Unknown key \`${key.name}\`: did you mean \`${to}\`?`,
        data: taken ? undefined : { kind: 'rename', to },
      });
    }
    return out;
  },
  fixes(ctx, f) {
    if (f.data?.kind !== 'rename') return [];
    const key = [...ctx.note.keys.values()].find((k) => k.keySpan.start === f.span.start);
    const name = key?.name ?? ctx.note.text.slice(f.span.start, f.span.end);
    return edit(`Rename \`${name}\` to \`${f.data.to}\``, f, renameKey(ctx.note, name, f.data.to), true);
  },
};
