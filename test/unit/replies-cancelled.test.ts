/**
 * What an import leaves in a note counts as SPEC part 3 says: a cancelled round counts for no
 * rule and the agenda skips it; a reply dated on or after the latest round restarts the
 * follow-up clock. Today is pinned (2026-11-26, a Thursday).
 */
import * as assert from 'node:assert/strict';
import { byRule, note } from './helpers';

const acme = (...extra: string[]) => note(['company: Acme Corp', 'role: Backend Engineer', 'status: waiting', ...extra], '# Notes\n');

describe('a cancelled round', () => {
  const rounds = (cancelled: string) => acme(
    'rounds:',
    '  - date: 2026-11-02',
    '    thank_you_sent: 2026-11-02',
    '  - date: 2026-11-24T15:00',
    `    uid: abc@google.com${cancelled}`,
  );

  it('asks for no thank-you: it was never held', () => {
    assert.equal(byRule(rounds(''), 'thank-you-due').length, 1, 'the round held two days ago wants its thank-you');
    assert.deepEqual(byRule(rounds('\n    cancelled: true'), 'thank-you-due'), []);
  });

  it('leaves the round before it as the latest: its check-in is the one due', () => {
    const d = byRule(rounds('\n    cancelled: true'), 'check-in-due');
    assert.equal(d.length, 1);
    assert.match(d[0].message, /overdue/);
  });
});

describe('replies', () => {
  // Interviewed 2026-11-02, no promise: a check-in is due 7 days after (2026-11-09), then let go.
  it('a reply after the round restarts the clock: the check-in is due checkInWaitDays after it', () => {
    const before = acme('interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02');
    assert.equal(byRule(before, 'check-in-due').length, 1);
    const replied = acme('interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'replies:', '  - {date: 2026-11-23, from: jane@acme.example, subject: "Re: thanks"}');
    assert.deepEqual(byRule(replied, 'check-in-due'), [], 'due 2026-11-30, seven days after the reply');
    const older = acme('interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'replies:', '  - {date: 2026-11-12, from: jane@acme.example}');
    const d = byRule(older, 'check-in-due');
    assert.equal(d.length, 1, 'due 2026-11-19');
    assert.match(d[0].message, /2026-11-19/);
  });

  it('a follow-up sent before the reply no longer counts: no let-go on a process that answered', () => {
    const sent = acme('interviewed: 2026-10-01', 'thank_you_sent: 2026-10-01', 'follow_ups: [2026-10-12]');
    assert.equal(byRule(sent, 'let-it-go').length, 1);
    const replied = acme('interviewed: 2026-10-01', 'thank_you_sent: 2026-10-01', 'follow_ups: [2026-10-12]', 'replies: [{date: 2026-11-24, from: jane@acme.example}]');
    assert.deepEqual(byRule(replied, 'let-it-go'), []);
  });

  it('a reply dated before the latest round changes nothing', () => {
    const text = acme('interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'replies: [{date: 2026-10-20, from: jane@acme.example}]');
    assert.equal(byRule(text, 'check-in-due').length, 1);
  });

  it('replies is a known key: no unknown-field', () => {
    assert.deepEqual(byRule(acme('interviewed: 2026-11-20', 'replies: [{date: 2026-11-21, from: jane@acme.example}]'), 'unknown-field'), []);
  });
});
