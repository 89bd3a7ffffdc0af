/** Timeline phrases: what the interviewer said, resolved against the interview day. */
import * as assert from 'node:assert/strict';
import { formatDay } from '../../server/src/service';
import { resolvePhrase } from '../../server/src/service/phrases';
import { day } from './helpers';

// Monday 2 November 2026.
const MONDAY = day('2026-11-02');
const resolve = (text: string, from = MONDAY) => {
  const r = resolvePhrase(text, from);
  return r === undefined ? undefined : formatDay(r);
};

describe('timeline phrases', () => {
  const cases: [string, string][] = [
    ['2026-11-12', '2026-11-12'],
    ['within two weeks', '2026-11-16'],
    ['in 10 days', '2026-11-12'],
    ['within ten business days', '2026-11-16'],
    ['within 5 working days', '2026-11-09'],
    ['in a couple of weeks', '2026-11-16'],
    ['tomorrow', '2026-11-03'],
    ['end of the week', '2026-11-06'],
    ['end of next week', '2026-11-13'],
    ['next week', '2026-11-13'],
    ['the week after next', '2026-11-20'],
    ['by Friday', '2026-11-06'],
    ['by Monday', '2026-11-09'],
    ['next Tuesday', '2026-11-10'],
    ['end of the month', '2026-11-30'],
    ['next month', '2026-12-31'],
    ['early December', '2026-12-10'],
    ['mid-December', '2026-12-15'],
    ['late December', '2026-12-31'],
    ['by December', '2026-12-01'],
    ['in January', '2027-01-31'],
    ['December 4', '2026-12-04'],
    ['4th of December', '2026-12-04'],
    ['Dec 4th', '2026-12-04'],
    ["We'll let you know within two weeks.", '2026-11-16'],
  ];
  for (const [text, expected] of cases) {
    it(`'${text}' from Monday 2 November is ${expected}`, () => assert.equal(resolve(text), expected));
  }

  it('reads a month as its end, with or without a year and "in"', () => {
    for (const text of ['March', 'in March', 'March 2027', 'in March 2027', 'March, 2027', 'during March 2027', 'end of March 2027', 'late March 2027']) {
      assert.equal(resolve(text), '2027-03-31', text);
    }
    assert.equal(resolve('in November 2026'), '2026-11-30', 'the month of the interview');
    assert.equal(resolve('in March 2028'), '2028-03-31');
    assert.equal(resolve('early March 2027'), '2027-03-10');
    assert.equal(resolve('mid-March 2027'), '2027-03-15');
    assert.equal(resolve('by March 2027'), '2027-03-01');
  });

  it('refuses a month that is over before the interview', () => {
    for (const text of ['March 2026', 'in October 2026', 'end of March 2025']) assert.equal(resolve(text), undefined, text);
  });

  it('refuses a day past 9999-12-31: no date can write it', () => {
    assert.equal(resolve('in 3000000 days'), undefined);
    const late = day('9999-12-20');
    assert.equal(resolve('within two weeks', late), undefined);
    assert.equal(resolve('in January', late), undefined);
    assert.equal(resolve('end of next month', late), undefined);
    assert.equal(resolve('in 10 days', late), '9999-12-30', 'up to 9999-12-31 is fine');
    assert.equal(resolve('end of the month', late), '9999-12-31');
  });

  it('resolves "by Friday" said on a Friday to the next one', () => {
    assert.equal(resolve('by Friday', day('2026-11-06')), '2026-11-13');
  });

  it('refuses what is not a promise about the future, or only half understood', () => {
    for (const text of ['soonish', 'last Friday', 'two days ago', 'yesterday', 'when the budget is approved', 'a week from Monday', '']) {
      assert.equal(resolve(text), undefined, text);
    }
  });

  it('does not depend on the time zone', () => {
    // chrono-node works on Date objects: the fallback must read them in UTC.
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        assert.equal(resolve('Dec 4th'), '2026-12-04', tz);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
