/** `offer_deadline` (SPEC part 3): read as a date of the interview; weigh-offer counts the days left and warns two working days before. */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { agendaOf, mergeConfig, parseNote } from '../../server/src/service';
import { byRule, day, note, single } from './helpers';

const offer = (deadline: string) => note(['company: Wayne Enterprises', 'role: Analytics Engineer', 'interviewed: 2026-11-10',
  'thank_you_sent: 2026-11-10', 'status: offer', `offer_deadline: ${deadline}`]);

describe('offer_deadline', () => {
  it('weigh-offer says how many days are left, as information while the deadline is far', () => {
    // Today is Thursday 2026-11-26; Friday 2026-12-04 is 8 days away.
    const d = single(offer('2026-12-04'), 'weigh-offer');
    assert.equal(d.message, 'An offer (they need your answer by Friday 2026-12-04, in 8 days): weigh your options (other processes, pay, role, team, timing) before accepting or declining');
    assert.equal(d.severity, DiagnosticSeverity.Information);
  });

  it('becomes a warning two working days before it (a Friday deadline: from the Wednesday)', () => {
    assert.equal(single(offer('2026-12-04'), 'weigh-offer', { today: '2026-12-01' }).severity, DiagnosticSeverity.Information, 'Tuesday');
    const wed = single(offer('2026-12-04'), 'weigh-offer', { today: '2026-12-02' });
    assert.equal(wed.severity, DiagnosticSeverity.Warning, 'Wednesday');
    assert.match(wed.message, /they need your answer by Friday 2026-12-04, in 2 days/);
    assert.match(single(offer('2026-12-04'), 'weigh-offer', { today: '2026-12-04' }).message, /they need your answer today, Friday 2026-12-04/);
    const late = single(offer('2026-12-04'), 'weigh-offer', { today: '2026-12-07' });
    assert.equal(late.severity, DiagnosticSeverity.Warning);
    assert.match(late.message, /they needed your answer by Friday 2026-12-04, 3 days ago/);
  });

  it('counts working days: a Monday deadline warns from the Thursday before, a holiday counts as off', () => {
    assert.equal(single(offer('2026-12-07'), 'weigh-offer', { today: '2026-12-02' }).severity, DiagnosticSeverity.Information, 'Wednesday');
    assert.equal(single(offer('2026-12-07'), 'weigh-offer', { today: '2026-12-03' }).severity, DiagnosticSeverity.Warning, 'Thursday');
    const holidays = { holidays: [day('2026-12-03')] };
    assert.equal(single(offer('2026-12-04'), 'weigh-offer', { today: '2026-12-01', config: holidays }).severity, DiagnosticSeverity.Warning, 'Tuesday, with Thursday a holiday');
  });

  it('the configuration\'s severity for weigh-offer wins', () => {
    assert.equal(single(offer('2026-12-04'), 'weigh-offer', { today: '2026-12-03', config: { rules: { 'weigh-offer': 'hint' } } }).severity, DiagnosticSeverity.Hint);
  });

  it('not a date: invalid-date, and weigh-offer reads as without one', () => {
    const text = offer('next week');
    assert.equal(single(text, 'invalid-date').message, "offer_deadline 'next week' is not a date: write YYYY-MM-DD");
    assert.match(single(text, 'weigh-offer').message, /^An offer: weigh your options/);
    assert.equal(single(offer('2026-02-30'), 'invalid-date').message, "offer_deadline '2026-02-30' is not a real date");
  });

  it('before the interview: date-order', () => {
    assert.equal(single(offer('2026-11-01'), 'date-order').message, 'The offer deadline 2026-11-01 is before the interview (2026-11-10)');
    assert.deepEqual(byRule(offer('2026-12-04'), 'date-order'), []);
    assert.deepEqual(byRule(offer('2026-12-04'), 'unknown-field'), [], 'a known key');
  });
});

describe('offer_deadline in the agenda', () => {
  it('the offer line names the deadline', () => {
    const r = agendaOf(parseNote(offer('2026-12-04'))!, day('2026-11-26'), mergeConfig({}), 7);
    assert.equal(r.item?.action, 'weigh the offer before accepting or declining; they need your answer by 2026-12-04 (in 8 days)');
  });
});
