/**
 * The time-bound rules: thank-you-due, ask-timeline, check-in-due, let-it-go,
 * second-follow-up, weigh-offer. Today is pinned (2026-11-26, a Thursday) unless a test moves it.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { byRule, covered, diagnostics, note, rules, single } from './helpers';

/** A valid note with the required fields; extra front-matter lines appended. */
const acme = (...extra: string[]) => note(['company: Acme Corp', 'role: Backend Engineer', ...extra], '# Notes\n');

describe('thank-you-due', () => {
  it('fires on the interview day itself, saying today', () => {
    const text = acme('interviewed: 2026-11-26');
    const d = single(text, 'thank-you-due');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(d.message, 'Send a thank-you note today, right after the interview');
    assert.equal(covered(text, d.range), '2026-11-26');
  });

  it('fires after the interview, saying how long ago it was', () => {
    assert.match(single(acme('interviewed: 2026-11-25'), 'thank-you-due').message, /the interview was yesterday/);
    assert.match(single(acme('interviewed: 2026-11-20'), 'thank-you-due').message, /the interview was 6 days ago/);
  });

  it('is silent before the interview', () => {
    assert.deepEqual(byRule(acme('interviewed: 2026-11-27'), 'thank-you-due'), []);
  });

  it('a date-time counts as its date', () => {
    assert.equal(byRule(acme('interviewed: 2026-11-26T16:30'), 'thank-you-due').length, 1);
    assert.equal(byRule(acme('interviewed: 2026-11-27 09:00'), 'thank-you-due').length, 0);
  });

  it('fires for status advanced, not for offer or closed', () => {
    assert.equal(byRule(acme('interviewed: 2026-11-20', 'status: advanced'), 'thank-you-due').length, 1);
    assert.equal(byRule(acme('interviewed: 2026-11-20', 'status: offer'), 'thank-you-due').length, 0);
    assert.equal(byRule(acme('interviewed: 2026-11-20', 'status: closed'), 'thank-you-due').length, 0);
  });

  it('is silent once thank_you_sent is recorded, but not when it is empty', () => {
    assert.equal(byRule(acme('interviewed: 2026-11-20', 'thank_you_sent: 2026-11-20'), 'thank-you-due').length, 0);
    assert.equal(byRule(acme('interviewed: 2026-11-20', 'thank_you_sent:'), 'thank-you-due').length, 1);
  });
});

describe('ask-timeline', () => {
  it('fires as information when waiting with no expect_reply_by', () => {
    const text = acme('interviewed: 2026-11-26');
    const d = single(text, 'ask-timeline');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.match(d.message, /expect_reply_by/);
    assert.equal(covered(text, d.range), '2026-11-26');
  });

  it('is silent before the interview, with a timeline, or when no longer waiting', () => {
    assert.equal(byRule(acme('interviewed: 2026-11-27'), 'ask-timeline').length, 0);
    assert.equal(byRule(acme('interviewed: 2026-11-26', 'expect_reply_by: within two weeks'), 'ask-timeline').length, 0);
    assert.equal(byRule(acme('interviewed: 2026-11-26', 'status: advanced'), 'ask-timeline').length, 0);
  });
});

describe('check-in-due', () => {
  // Thank-you sent, so only the check-in is in question.
  const waiting = (...extra: string[]) => acme('thank_you_sent: 2026-11-10', ...extra);

  describe('with a promised date E: due E + 3 grace days', () => {
    const text = waiting('interviewed: 2026-11-10', 'expect_reply_by: 2026-11-20');

    it('is silent the day before it is due', () => {
      assert.equal(byRule(text, 'check-in-due', { today: '2026-11-22' }).length, 0);
    });

    it('says "due today" on the due day, on the promised date', () => {
      const d = single(text, 'check-in-due', { today: '2026-11-23' });
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(text, d.range), '2026-11-20');
      assert.match(d.message, /^Check-in due today \(2026-11-23\)/);
      assert.match(d.message, /promised date \(2026-11-20\)/);
    });

    it('says how many days overdue, with the due date, after it', () => {
      assert.match(single(text, 'check-in-due').message, /^Check-in 3 days overdue \(due 2026-11-23\)/);
      assert.match(single(text, 'check-in-due', { today: '2026-11-24' }).message, /^Check-in 1 day overdue \(due 2026-11-23\)/);
    });

    it('uses checkInGraceDays from the configuration', () => {
      const config = { checkInGraceDays: 5 };
      assert.equal(byRule(text, 'check-in-due', { today: '2026-11-24', config }).length, 0);
      assert.match(single(text, 'check-in-due', { today: '2026-11-25', config }).message, /due today \(2026-11-25\)/);
    });
  });

  describe('without E: due a week (W) after the interview', () => {
    it('is silent on day 6, due today on day 7, overdue after', () => {
      assert.equal(byRule(waiting('interviewed: 2026-11-20'), 'check-in-due').length, 0);
      const text = waiting('interviewed: 2026-11-19');
      const d = single(text, 'check-in-due');
      assert.equal(covered(text, d.range), '2026-11-19');
      assert.match(d.message, /^Check-in due today \(2026-11-26\)/);
      assert.match(d.message, /no timeline was given and it has been 7 days since the interview/);
      assert.match(single(waiting('interviewed: 2026-11-16'), 'check-in-due').message, /^Check-in 3 days overdue \(due 2026-11-23\)/);
    });

    it('uses checkInWaitDays from the configuration', () => {
      const config = { checkInWaitDays: 10 };
      assert.equal(byRule(waiting('interviewed: 2026-11-17'), 'check-in-due', { config }).length, 0);
      assert.match(single(waiting('interviewed: 2026-11-16'), 'check-in-due', { config }).message, /due today \(2026-11-26\)/);
    });

    it('counts one day as "1 day", not "1 days"', () => {
      const d = single(waiting('interviewed: 2026-11-25'), 'check-in-due', { config: { checkInWaitDays: 1 } });
      assert.match(d.message, /it has been 1 day since the interview/);
    });
  });

  describe('a timeline phrase resolves against the interview date', () => {
    // The interview was on Tuesday 10 November 2026.
    const cases: [phrase: string, resolved: string, dayBefore: string, due: string][] = [
      ['within two weeks', '2026-11-24', '2026-11-26', '2026-11-27'],
      ['by Friday', '2026-11-13', '2026-11-15', '2026-11-16'],
      ['end of next week', '2026-11-20', '2026-11-22', '2026-11-23'],
      ['in 10 days', '2026-11-20', '2026-11-22', '2026-11-23'],
    ];
    for (const [phrase, resolved, dayBefore, due] of cases) {
      it(`'${phrase}' means ${resolved}, so the check-in is due ${due}`, () => {
        const text = waiting('interviewed: 2026-11-10', `expect_reply_by: ${phrase}`);
        assert.equal(byRule(text, 'check-in-due', { today: dayBefore }).length, 0);
        const d = single(text, 'check-in-due', { today: due });
        assert.equal(covered(text, d.range), phrase);
        assert.ok(d.message.startsWith(`Check-in due today (${due})`), d.message);
        assert.match(d.message, new RegExp(`'${phrase}', ${resolved}`));
      });
    }
  });

  describe('more phrases, as the message shows them resolved', () => {
    // Interview on Tuesday 10 November 2026; today long after, so every check-in is overdue.
    const cases: [phrase: string, resolved: string][] = [
      ['within a couple of weeks', '2026-11-24'],
      ['Within two weeks.', '2026-11-24'],
      ["they'll get back to me within two weeks", '2026-11-24'],
      ['in 3 business days', '2026-11-13'],
      ['in a week', '2026-11-17'],
      ['in 2 months', '2027-01-10'],
      ['tomorrow', '2026-11-11'],
      ['end of the week', '2026-11-13'],
      ['next week', '2026-11-20'],
      ['by Monday', '2026-11-16'],
      ['next Monday', '2026-11-16'],
      ['by Tuesday', '2026-11-17'],
      ['end of the month', '2026-11-30'],
      ['by December', '2026-12-01'],
      ['early December', '2026-12-10'],
      ['mid January', '2027-01-15'],
      ['December 5th', '2026-12-05'],
      ['the 5th of December', '2026-12-05'],
    ];
    for (const [phrase, resolved] of cases) {
      it(`'${phrase}' resolves to ${resolved}`, () => {
        const text = waiting('interviewed: 2026-11-10', `expect_reply_by: "${phrase}"`);
        const d = single(text, 'check-in-due', { today: '2027-06-01' });
        assert.ok(d.message.includes(`('${phrase}', ${resolved})`), d.message);
      });
    }
  });

  it('is silent once a follow-up is recorded', () => {
    const text = waiting('interviewed: 2026-11-10', 'follow_ups:', '  - 2026-11-20');
    assert.equal(byRule(text, 'check-in-due').length, 0);
  });

  it('still fires when follow_ups is an empty list', () => {
    assert.equal(byRule(waiting('interviewed: 2026-11-10', 'follow_ups: []'), 'check-in-due').length, 1);
  });

  it('is silent when the status is not waiting', () => {
    for (const status of ['advanced', 'offer', 'rejected', 'closed']) {
      assert.equal(byRule(waiting('interviewed: 2026-11-10', `status: ${status}`), 'check-in-due').length, 0, status);
    }
  });
});

describe('let-it-go', () => {
  // One check-in on 12 November; let-go days default to 14, so the day to let go is 26 November.
  const checkedIn = (...extra: string[]) =>
    acme('interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', ...extra);

  it('fires as information on the check-in, L days after it', () => {
    const text = checkedIn('follow_ups:', '  - 2026-11-12');
    const d = single(text, 'let-it-go');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.equal(covered(text, d.range), '2026-11-12');
    assert.match(d.message, /No answer 14 days after your check-in on 2026-11-12/);
    assert.match(d.message, /set status to closed/);
  });

  it('is silent the day before', () => {
    assert.equal(byRule(checkedIn('follow_ups: [2026-11-12]'), 'let-it-go', { today: '2026-11-25' }).length, 0);
  });

  it('uses letGoDays from the configuration', () => {
    const text = checkedIn('follow_ups: [2026-11-20]');
    assert.equal(byRule(text, 'let-it-go', { config: { letGoDays: 7 } }).length, 0);
    assert.equal(byRule(text, 'let-it-go', { config: { letGoDays: 6 } }).length, 1);
  });

  it('waits for exactly maxFollowUps check-ins, counting from the last one', () => {
    const two = checkedIn('follow_ups: [2026-11-05, 2026-11-12]');
    assert.equal(byRule(two, 'let-it-go').length, 0, 'more than one is second-follow-up’s business');
    const d = single(two, 'let-it-go', { config: { maxFollowUps: 2 } });
    assert.equal(covered(two, d.range), '2026-11-12');
    assert.equal(byRule(checkedIn('follow_ups: [2026-11-12]'), 'let-it-go', { config: { maxFollowUps: 2 } }).length, 0);
  });

  it('is silent when the status is not waiting', () => {
    assert.equal(byRule(checkedIn('follow_ups: [2026-11-12]', 'status: closed'), 'let-it-go').length, 0);
  });

  it('with maxFollowUps 0, counts from the thank-you note and check-in-due stays silent', () => {
    const text = acme('interviewed: 2026-11-02', 'expect_reply_by: 2026-11-05', 'thank_you_sent: 2026-11-02');
    const config = { maxFollowUps: 0 };
    assert.equal(byRule(text, 'check-in-due', { config }).length, 0, 'no check-in is wanted');
    assert.equal(byRule(text, 'let-it-go', { config, today: '2026-11-15' }).length, 0, 'the day before');
    const d = single(text, 'let-it-go', { config, today: '2026-11-16' });
    assert.equal(covered(text, d.range), '2026-11-02');
    assert.match(d.message, /^No answer 14 days after your thank-you note on 2026-11-02/);
    assert.equal(byRule(text, 'check-in-due', { today: '2026-11-16' }).length, 1, 'the default still checks in');
  });
});

describe('second-follow-up', () => {
  const text = acme('interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02',
    'follow_ups:', '  - 2026-11-12', '  - 2026-11-19', '  - 2026-11-24', 'status: rejected');

  it('fires on every entry after the first, whatever the status', () => {
    const found = byRule(text, 'second-follow-up');
    assert.deepEqual(found.map((d) => covered(text, d.range)), ['2026-11-19', '2026-11-24']);
    assert.deepEqual(found.map((d) => d.severity), [DiagnosticSeverity.Warning, DiagnosticSeverity.Warning]);
    assert.match(found[0].message, /^Follow-up 2 goes beyond the one check-in/);
    assert.match(found[0].message, /annoying or desperate/);
  });

  it('allows maxFollowUps entries', () => {
    const found = byRule(text, 'second-follow-up', { config: { maxFollowUps: 2 } });
    assert.deepEqual(found.map((d) => covered(text, d.range)), ['2026-11-24']);
    assert.match(found[0].message, /^Follow-up 3 goes beyond the 2 check-ins/);
  });

  it('is silent with a single follow-up', () => {
    assert.equal(byRule(acme('interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'follow_ups: [2026-11-12]'), 'second-follow-up').length, 0);
  });
});

describe('weigh-offer', () => {
  it('fires as information on status offer, and nothing else nags', () => {
    const text = acme('interviewed: 2026-11-02', 'status: offer');
    const d = single(text, 'weigh-offer');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.equal(covered(text, d.range), 'offer');
    assert.match(d.message, /weigh your options/);
    assert.deepEqual(rules(text), ['weigh-offer']);
  });

  it('is silent for other statuses', () => {
    assert.equal(byRule(acme('interviewed: 2026-11-02', 'status: accepted'), 'weigh-offer').length, 0);
  });
});

describe('a note with everything done', () => {
  it('has no diagnostics at all (an empty list, not undefined)', () => {
    const text = acme('interviewed: 2026-11-20', 'expect_reply_by: 2026-12-04', 'thank_you_sent: 2026-11-20');
    assert.deepEqual(diagnostics(text), []);
  });
});
