/** The Follow-ups view refreshes at midnight: the wait is to the next local date, whatever the day's length. */
import * as assert from 'node:assert/strict';
import { untilMidnight } from '../../client/src/midnight';

describe('the midnight refresh of the Follow-ups view', () => {
  it('waits until one second past the next local midnight', () => {
    const evening = new Date(2026, 10, 26, 23, 59, 30);
    assert.equal(untilMidnight(evening), 31_000);
    const next = new Date(evening.getTime() + untilMidnight(evening));
    assert.deepEqual([next.getDate(), next.getHours(), next.getMinutes(), next.getSeconds()], [27, 0, 0, 1]);
  });

  it('just after midnight, waits for the next one', () => {
    const now = new Date(2026, 10, 27, 0, 0, 2);
    const next = new Date(now.getTime() + untilMidnight(now));
    assert.deepEqual([next.getDate(), next.getHours(), next.getSeconds()], [28, 0, 1]);
  });
});
