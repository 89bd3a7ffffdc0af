/**
 * Two ways a note used to go wrong without a word: advice for an interview not yet held, and
 * a typo in the one key that makes a note a note.
 */
import * as assert from 'node:assert/strict';
import { check, covered, fix, note, rules, single } from './helpers';

describe('an interview not yet held', () => {
  it('gets no timing advice, only date-order on a promise dated before it', () => {
    const text = note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-12-01', 'expect_reply_by: 2026-11-01']);
    assert.deepEqual(rules(text), ['date-order'], 'not "check-in 22 days overdue" for an interview next week');
  });

  it('gets no let-it-go either, whatever was sent before it', () => {
    const text = note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-12-01', 'thank_you_sent: 2026-10-01', 'follow_ups: [2026-10-02]']);
    assert.deepEqual(rules(text).filter((r) => r !== 'date-order'), []);
  });

  it('speaks again from the interview day on', () => {
    const text = note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-11-02']);
    assert.ok(rules(text).includes('check-in-due'));
  });
});

describe('a note that almost is one', () => {
  for (const typo of ['interviewd', 'Interviewed', 'intervewed']) {
    it(`${typo}: beside company or role is unknown-field "did you mean interviewed?", with the rename`, () => {
      const text = note(['company: Acme Corp', 'role: Backend Engineer', `${typo}: 2026-11-02`]);
      assert.notEqual(check(text), undefined, 'an interview note, not silence');
      const d = single(text, 'unknown-field');
      assert.equal(covered(text, d.range), typo);
      assert.equal(d.message, `Unknown key '${typo}': did you mean interviewed?`);
      assert.deepEqual(rules(text), ['unknown-field'], 'not also "missing interviewed"');
      const fixed = fix(text, 'unknown-field', `Rename '${typo}' to interviewed`);
      assert.equal(fixed, text.replace(`${typo}:`, 'interviewed:'));
      assert.ok(rules(fixed).includes('check-in-due'), 'renamed, the note is checked as any other');
    });
  }

  it('without company or role, a near miss alone is not a note (a blog post with an `interviewd` key stays silent)', () => {
    assert.equal(check(note(['title: My week', 'interviewd: 2026-11-02'])), undefined);
  });
});
