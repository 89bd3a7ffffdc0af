/** Near misses: a status or a key that looks like a typo of a known one. */
import { KNOWN_KEYS } from './format';

/** Three rows of the table, reused: this runs for every key not in the format, against every known key. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (Levenshtein plus adjacent transposition). */
export function editDistance(a: string, b: string): number {
  if (rows[0].length <= b.length) rows = [0, 1, 2].map(() => new Int32Array(b.length + 1));
  // The transposition looks two rows back: three rows of the table, not the whole of it.
  let [before, prev, row] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, before[j - 2] + 1);
      row[j] = d;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length];
}

/** The candidate nearest to `word` (case-insensitive), if it is near enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    // The distance is at least the difference in length, and more than 2 is never a typo.
    if (Math.abs(w.length - c.length) > 2) continue;
    const dist = editDistance(w, c);
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best !== undefined && bestDistance <= (best.length >= 6 ? 2 : 1) ? best : undefined;
}

const normalize = (k: string) => k.toLowerCase().replace(/[\s_-]+/g, '');
const KNOWN_NORMALIZED = KNOWN_KEYS.map((k) => [k, normalize(k)] as const);
const KNOWN: ReadonlySet<string> = new Set(KNOWN_KEYS);

/** The known key a top-level key looks like a misspelling of, if any. */
export function misspeltKey(key: string): string | undefined {
  if (KNOWN.has(key)) return undefined; // every key of every note comes here
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
