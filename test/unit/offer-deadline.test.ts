/** `offer_deadline` (SPEC part 3): read as a date of the interview; weigh-offer counts the days left and warns two working days before. */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { agendaOf, mergeConfig, parseNote } from '../../server/src/service';
import { builtInTemplates, byRule, day, note, service, single, URI } from './helpers';

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

describe('offer_deadline in the time-to-decide draft', () => {
  const drafted = (deadline: string | undefined, today = '2026-11-26', holidays: string[] = []) => {
    const text = note(['company: Wayne Enterprises', 'role: Analytics Engineer', 'contact: {name: Lucius Fox, email: lucius@wayne.example}',
      'interviewed: 2026-11-10', 'thank_you_sent: 2026-11-10', 'status: offer', ...(deadline ? [`offer_deadline: ${deadline}`] : [])]);
    const options = { today: day(today), config: mergeConfig({ holidays: holidays.map(day) }), templates: builtInTemplates, name: 'wayne.md' };
    return service.draftText({ uri: URI, text }, 'offer-time-email', undefined, options)!.text!;
  };

  it('names their deadline and asks for three working days past it (Friday 4 December: the Wednesday after)', () => {
    const t = drafted('2026-12-04');
    assert.match(t, /You asked for my answer by Friday, 4 December, and I want to give it the careful thought it deserves: could I have until Wednesday, 9 December instead\?/);
    assert.match(t, /If that is too late for you, please tell me and I will answer by 4 December as you asked\./);
  });

  it('dates as a person writes them: the year only when it is not this year\'s', () => {
    assert.match(drafted('2026-12-30', '2026-12-21'), /by Wednesday, 30 December, and .*could I have until Monday, 4 January 2027 instead\?/);
  });

  it('a holiday on the way is not counted: the Thursday', () => {
    assert.match(drafted('2026-12-04', '2026-11-26', ['2026-12-08']), /could I have until Thursday, 10 December instead\?/);
  });

  it('without a deadline: a week from today, moved off the weekend (Saturday 5 December: the Monday)', () => {
    const t = drafted(undefined, '2026-11-28');
    assert.match(t, /could I have until Monday, 7 December to give you my answer\?/);
    assert.doesNotMatch(t, /You asked/);
  });

  it('a deadline already passed: says sorry for asking late, never "I will answer by Friday as you asked"', () => {
    const t = drafted('2026-11-20');
    assert.match(t, /You asked for my answer by Friday, 20 November, and I am sorry to come back to you after it: could I have until Thursday, 3 December to give it the careful thought it deserves\?/);
    assert.match(t, /If you need my answer sooner, please tell me and I will do my best to meet it\./);
    assert.doesNotMatch(t, /as you asked|too late for you/);
  });

  it('a deadline today: "I will answer today as you asked"', () => {
    assert.match(drafted('2026-11-26'), /If that is too late for you, please tell me and I will answer today as you asked\./);
  });

  it('a deadline within six days is its weekday; further, its date (never a "by Friday" that reads as this week\'s)', () => {
    assert.match(drafted('2026-11-30'), /I will answer by Monday as you asked\./);
    assert.match(drafted('2026-11-27'), /I will answer by tomorrow as you asked\./);
  });

  it('a deadline sooner than a week away: never proposes a date before a week from today', () => {
    assert.match(drafted('2026-11-27'), /by Friday, 27 November, .*until Thursday, 3 December instead\?/);
  });
});
