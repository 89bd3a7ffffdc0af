/** When the local date changes: pure (no vscode), so a unit test can move the clock. */

/** Milliseconds from `now` to one second past the next local midnight (a DST day included). */
export function untilMidnight(now: Date): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1).getTime() - now.getTime();
}
