/**
 * The rules about the front matter itself: missing-field, invalid-date, invalid-value,
 * unknown-field, date-order; an invalid field silencing the rules that need it; rule settings.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { byRule, covered, diagnostics, note, rules, single } from './helpers';

/** A complete, quiet note (thank-you sent, timeline recorded) with extra lines. */
const quiet = (...extra: string[]) => note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-11-20',
  'expect_reply_by: 2026-12-04', 'thank_you_sent: 2026-11-20', ...extra], '# Notes\n');

describe('missing-field', () => {
  it('an absent required field is an error on the opening ---', () => {
    const text = note(['role: Backend Engineer', 'interviewed: 2026-11-20', 'thank_you_sent: 2026-11-20']);
    const d = single(text, 'missing-field');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.message, 'Missing required field company');
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  });

  it('an empty required field is an error on its key', () => {
    for (const empty of ['company:', 'company: ""', 'company: ~', 'company:   # later']) {
      const text = note([empty, 'role: Backend Engineer', 'interviewed: 2026-11-20']);
      const d = single(text, 'missing-field');
      assert.equal(covered(text, d.range), 'company', empty);
      assert.equal(d.message, 'company is empty');
    }
  });

  it('reports role and interviewed too (type: interview marks the note)', () => {
    const text = note(['type: interview', 'company: Acme Corp']);
    assert.deepEqual(byRule(text, 'missing-field').map((d) => d.message),
      ['Missing required field role', 'Missing required field interviewed']);
  });
});

describe('invalid-date', () => {
  const cases: [line: string, value: string, message: RegExp][] = [
    ['interviewed: 2026-02-30', '2026-02-30', /interviewed '2026-02-30' is not a real date/],
    ['interviewed: soonish', 'soonish', /interviewed 'soonish' is not a date: write YYYY-MM-DD/],
    ['interviewed: 20261120', '20261120', /interviewed should be a date \(YYYY-MM-DD\), not the number 20261120/],
    ['interviewed: 2026-13-01', '2026-13-01', /is not a real date/],
    ['interviewed: 2026-11-02T25:99:00', '2026-11-02T25:99:00', /is not a real date/],
    ['interviewed: 0000-01-01', '0000-01-01', /is not a real date/],
  ];
  for (const [line, value, message] of cases) {
    it(`${line} is an error on the value`, () => {
      const text = note(['company: Acme Corp', 'role: Backend Engineer', line]);
      const d = single(text, 'invalid-date');
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.equal(covered(text, d.range), value);
      assert.match(d.message, message);
    });
  }

  it('checks thank_you_sent and every follow-up entry', () => {
    const text = quiet('follow_ups:', '  - 2026-11-31', '  - next week').replace('thank_you_sent: 2026-11-20', 'thank_you_sent: 2026-11-2x');
    assert.deepEqual(byRule(text, 'invalid-date').map((d) => covered(text, d.range)), ['2026-11-2x', '2026-11-31', 'next week']);
  });

  it('reports an expect_reply_by phrase that cannot be resolved, and a number', () => {
    const phrase = quiet().replace('expect_reply_by: 2026-12-04', 'expect_reply_by: when pigs fly');
    const d = single(phrase, 'invalid-date');
    assert.equal(covered(phrase, d.range), 'when pigs fly');
    assert.match(d.message, /cannot be resolved to a date: write YYYY-MM-DD or a phrase like 'within two weeks'/);
    const number = quiet().replace('expect_reply_by: 2026-12-04', 'expect_reply_by: 14');
    assert.match(single(number, 'invalid-date').message, /not the number 14/);
  });

  it('accepts the phrases the spec names', () => {
    for (const phrase of ['within two weeks', 'end of next week', 'in 10 days', 'by Friday', 'early December']) {
      assert.deepEqual(byRule(quiet().replace('2026-12-04', phrase), 'invalid-date'), [], phrase);
    }
  });
});

describe('invalid-value', () => {
  it('company and role must be text: a number or a boolean is an error with a hint to quote', () => {
    const text = note(['company: 42', 'role: true', 'interviewed: 2026-11-20', 'stage: 2']);
    const found = byRule(text, 'invalid-value');
    assert.deepEqual(found.map((d) => covered(text, d.range)), ['42', 'true']);
    assert.match(found[0].message, /^company should be text, not the number 42 \(quote it if you mean the text: "42"\)/);
    assert.deepEqual(byRule(text, 'missing-field'), [], 'an invalid value is not a missing one');
  });

  it('a contact name that is not text is an error; a phone written as a number is fine', () => {
    const text = quiet('contact:', '  name: 5', '  phone: 5550100');
    assert.deepEqual(byRule(text, 'invalid-value').map((d) => covered(text, d.range)), ['5']);
  });

  it('an unknown status near a known one says did you mean', () => {
    const text = quiet('status: wating');
    const d = single(text, 'invalid-value');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(covered(text, d.range), 'wating');
    assert.match(d.message, /^Unknown status 'wating': did you mean 'waiting'\?/);
  });

  it('an unknown status far from all lists the statuses', () => {
    const d = single(quiet('status: pending'), 'invalid-value');
    assert.equal(d.message, "Unknown status 'pending' (one of waiting, advanced, offer, accepted, declined, rejected, withdrawn, closed)");
  });

  it('follow_ups that is not a list', () => {
    const text = quiet('follow_ups: 2026-11-24');
    const d = single(text, 'invalid-value');
    assert.equal(covered(text, d.range), '2026-11-24');
    assert.match(d.message, /follow_ups should be a list of dates/);
  });

  it('contact that is not a mapping', () => {
    const text = quiet('contact: Jane Doe');
    const d = single(text, 'invalid-value');
    assert.equal(covered(text, d.range), 'Jane Doe');
    assert.match(d.message, /contact should be a mapping with name and email/);
  });

  it('a malformed email, on the email value', () => {
    const text = quiet('contact:', '  name: Jane Doe', '  email: jane.doe@acme');
    const d = single(text, 'invalid-value');
    assert.equal(covered(text, d.range), 'jane.doe@acme');
    assert.match(d.message, /'jane\.doe@acme' is not an email address/);
  });

  it('a well-formed contact is fine', () => {
    assert.deepEqual(rules(quiet('contact:', '  name: Jane Doe', '  email: jane.doe@acme.example', '  phone: "+1 555 0100"')), []);
  });
});

describe('unknown-field', () => {
  for (const [key, known] of [['thankyou_sent', 'thank_you_sent'], ['follow_up', 'follow_ups'], ['Company', 'company']]) {
    it(`${key} is a warning on the key: did you mean ${known}?`, () => {
      const text = note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-11-20'].filter((l) => !l.startsWith(known)).concat(`${key}: x`));
      const d = single(text, 'unknown-field');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(text, d.range), key);
      assert.equal(d.message, `Unknown key '${key}': did you mean ${known}?`);
    });
  }

  it('says so when the known key is already set', () => {
    const d = single(quiet('thank-you-sent: 2026-11-20'), 'unknown-field');
    assert.equal(d.message, "Unknown key 'thank-you-sent': it looks like thank_you_sent, which is already set");
  });

  it("the user's own keys are welcome and silent", () => {
    assert.deepEqual(rules(quiet('tags: [backend, remote]', 'salary: 150k', 'source: referral', 'location: Berlin', 'notes: fine')), []);
  });
});

describe('date-order', () => {
  it('a thank-you sent before the interview', () => {
    const text = quiet().replace('thank_you_sent: 2026-11-20', 'thank_you_sent: 2026-11-19');
    const d = single(text, 'date-order');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(covered(text, d.range), '2026-11-19');
    assert.equal(d.message, 'Thank-you sent 2026-11-19 is before the interview (2026-11-20)');
  });

  it('a sent date after today', () => {
    const text = quiet('follow_ups: [2026-11-27]');
    const d = single(text, 'date-order');
    assert.equal(covered(text, d.range), '2026-11-27');
    assert.equal(d.message, 'Follow-up 1 2026-11-27 is in the future (today is 2026-11-26)');
  });

  it('a follow-up before the interview', () => {
    assert.match(single(quiet('follow_ups: [2026-11-18]'), 'date-order').message, /^Follow-up 1 2026-11-18 is before the interview/);
  });

  it('expect_reply_by before the interview', () => {
    const text = quiet().replace('expect_reply_by: 2026-12-04', 'expect_reply_by: 2026-11-10');
    const d = single(text, 'date-order');
    assert.equal(covered(text, d.range), '2026-11-10');
    assert.match(d.message, /promised reply date 2026-11-10 is before the interview \(2026-11-20\)/);
  });

  it('sent on the interview day and today are in order', () => {
    assert.deepEqual(byRule(quiet('follow_ups: [2026-11-26]'), 'date-order'), []);
  });
});

describe('an invalid field silences the rules that need it', () => {
  it('an invalid status silences thank-you-due, ask-timeline and check-in-due', () => {
    const text = note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-11-02', 'status: wating']);
    assert.deepEqual(rules(text), ['invalid-value']);
  });

  it('an invalid interview date silences thank-you-due, ask-timeline and check-in-due', () => {
    const text = note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-11-31']);
    assert.deepEqual(rules(text), ['invalid-date']);
  });

  it('an invalid expect_reply_by silences check-in-due (its own error speaks)', () => {
    const text = note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-10-01',
      'thank_you_sent: 2026-10-01', 'expect_reply_by: eventually']);
    assert.deepEqual(rules(text), ['invalid-date']);
  });

  it('an invalid follow_ups silences check-in-due and let-it-go', () => {
    const text = note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-10-01',
      'thank_you_sent: 2026-10-01', 'expect_reply_by: 2026-10-10', 'follow_ups: yes']);
    assert.deepEqual(rules(text), ['invalid-value']);
  });
});

describe('rule settings', () => {
  const text = note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-11-02']);

  it('a rule turned off is not reported', () => {
    assert.deepEqual(rules(text), ['ask-timeline', 'check-in-due', 'thank-you-due']);
    assert.deepEqual(rules(text, { config: { rules: { 'check-in-due': 'off' } } }), ['ask-timeline', 'thank-you-due']);
  });

  it('a severity override applies', () => {
    const config = { rules: { 'thank-you-due': 'error', 'ask-timeline': 'hint' } } as const;
    assert.equal(single(text, 'thank-you-due', { config }).severity, DiagnosticSeverity.Error);
    assert.equal(single(text, 'ask-timeline', { config }).severity, DiagnosticSeverity.Hint);
    assert.equal(single(text, 'check-in-due', { config }).severity, DiagnosticSeverity.Warning);
  });

  it('turning off yaml-syntax silences it too', () => {
    const broken = note(['interviewed: 2026-11-02', 'company: [Acme']);
    assert.deepEqual(rules(broken), ['yaml-syntax']);
    assert.deepEqual(diagnostics(broken, { config: { rules: { 'yaml-syntax': 'off' } } }), []);
  });
});
