/**
 * Working days: a check-in date that falls on a day off moves to the next working day, and
 * the message, the agenda, the calendar, the hover, the inlay hints and the lens all name the
 * day it moved to. Today is pinned (Thursday 2026-11-26) unless a test moves it.
 */
import * as assert from 'node:assert/strict';
import { agendaOf, calendarOf, formatDay, mergeConfig, parseNote } from '../../server/src/service';
import { byRule, day, note, Options, service, single, URI } from './helpers';

/** Thank-you sent, no follow-up: only the check-in is in question. */
const acme = (...extra: string[]) => note(['company: Acme Corp', 'role: Backend Engineer', 'thank_you_sent: 2026-11-10', ...extra], '# Notes\n');
/** Promised on `promised`: 3 grace days later is the check-in date as counted. */
const promised = (promised: string) => acme('interviewed: 2026-11-10', `expect_reply_by: ${promised}`);
const checkIn = (text: string, o: Options) => byRule(text, 'check-in-due', o).map((d) => d.message.replace(/: no word.*/, ''));

describe('working days: the check-in date', () => {
  it('due on a Saturday: moves to Monday, and the message says why', () => {
    const text = promised('2026-11-18'); // + 3 = Saturday the 21st
    assert.deepEqual(checkIn(text, { today: '2026-11-21' }), [], 'not on the Saturday');
    assert.deepEqual(checkIn(text, { today: '2026-11-22' }), [], 'nor on the Sunday');
    assert.deepEqual(checkIn(text, { today: '2026-11-23' }), ['Check-in due today (Monday 2026-11-23; the 21st is a Saturday)']);
    assert.deepEqual(checkIn(text, {}), ['Check-in 3 days overdue (due Monday 2026-11-23; the 21st is a Saturday)']);
  });

  it('due on a weekday: no move, no explanation', () => {
    assert.deepEqual(checkIn(promised('2026-11-17'), {}), ['Check-in 6 days overdue (due 2026-11-20)']);
  });

  it('due on a holiday Monday: moves to Tuesday', () => {
    const text = promised('2026-11-20'); // + 3 = Monday the 23rd
    const o = { config: { holidays: ['2026-11-23'].map(day) } };
    assert.deepEqual(checkIn(text, { ...o, today: '2026-11-23' }), []);
    assert.deepEqual(checkIn(text, { ...o, today: '2026-11-24' }), ['Check-in due today (Tuesday 2026-11-24; 2026-11-23 is a holiday)']);
  });

  it('a holiday on the Friday before a weekend: moves to Monday', () => {
    const text = promised('2026-11-24'); // + 3 = Friday the 27th
    const o = { config: { holidays: ['2026-11-27'].map(day) }, today: '2026-11-30' };
    assert.deepEqual(checkIn(text, o), ['Check-in due today (Monday 2026-11-30; 2026-11-27 is a holiday)']);
  });

  it('two holidays in a row name both; a weekend then a holiday names both reasons', () => {
    const thanksgiving = { config: { holidays: ['2026-11-26', '2026-11-27'].map(day) }, today: '2026-11-30' };
    assert.deepEqual(checkIn(promised('2026-11-23'), thanksgiving), ['Check-in due today (Monday 2026-11-30; 2026-11-26 and 2026-11-27 are holidays)']);
    const monday = { config: { holidays: ['2026-11-23'].map(day) }, today: '2026-11-24' };
    assert.deepEqual(checkIn(promised('2026-11-18'), monday), ['Check-in due today (Tuesday 2026-11-24; the 21st is a Saturday and 2026-11-23 a holiday)']);
  });

  it('a holiday on a day off anyway changes nothing', () => {
    const o = { config: { holidays: ['2026-11-22'].map(day) }, today: '2026-11-23' };
    assert.deepEqual(checkIn(promised('2026-11-18'), o), ['Check-in due today (Monday 2026-11-23; the 21st is a Saturday)']);
  });

  it('workdays [sat, sun] only: a Monday moves to Saturday, a Saturday stays', () => {
    const o = { config: { workdays: ['sat', 'sun'] as const }, today: '2026-11-28' };
    assert.deepEqual(checkIn(promised('2026-11-20'), o), ['Check-in due today (Saturday 2026-11-28; the 23rd is a Monday)']);
    assert.deepEqual(checkIn(promised('2026-11-25'), o), ['Check-in due today (2026-11-28)']);
  });

  it('across a month: the day it was is written in full', () => {
    const text = acme('interviewed: 2026-10-20', 'expect_reply_by: 2026-10-28'); // + 3 = Saturday 31 October
    assert.deepEqual(checkIn(text, { today: '2026-11-02' }), ['Check-in due today (Monday 2026-11-02; 2026-10-31 is a Saturday)']);
  });

  it('without a promised date: the interview plus the wait days moves too', () => {
    const text = acme('interviewed: 2026-11-14', 'expect_reply_by:'); // Saturday + 7 = Saturday the 21st
    assert.match(single(text, 'check-in-due', { today: '2026-11-23' }).message, /^Check-in due today \(Monday 2026-11-23; the 21st is a Saturday\): no timeline was given and it has been 9 days/);
  });
});

describe('working days: other dates do not move', () => {
  it('the thank-you note is due on the interview day, a Saturday', () => {
    const text = note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-11-21']);
    assert.equal(single(text, 'thank-you-due', { today: '2026-11-21' }).message, 'Send a thank-you note today, right after the interview');
  });

  it('let-it-go counts calendar days, even onto a Sunday', () => {
    const text = acme('interviewed: 2026-11-02', 'follow_ups: [2026-11-08]'); // + 14 = Sunday the 22nd
    assert.equal(byRule(text, 'let-it-go', { today: '2026-11-21' }).length, 0);
    assert.match(single(text, 'let-it-go', { today: '2026-11-22' }).message, /^No answer 14 days after your check-in on 2026-11-08/);
  });
});

describe('working days: every view names the same day', () => {
  const text = promised('2026-11-18'); // Saturday the 21st -> Monday the 23rd
  const options = { today: day('2026-11-20'), config: mergeConfig({}) };

  it('the agenda, the calendar, the inlay hint, the hover and the lens', () => {
    const parsed = parseNote(text)!;
    const item = agendaOf(parsed, options.today, options.config, 7).item!;
    assert.deepEqual([item.kind, formatDay(item.day), item.when], ['check-in', '2026-11-23', 'in 3 days']);
    const event = calendarOf(parsed, options.config, options.today).find((e) => e.kind === 'check-in')!;
    assert.equal(formatDay(event.day), '2026-11-23');
    const hints = service.inlayHints({ uri: URI, text }, undefined, options);
    assert.ok(hints.some((h) => h.label === '→ check in Mon 23 Nov' && /Monday, 23 November 2026, in 3 days/.test(String(h.tooltip))), JSON.stringify(hints));
    const line = text.split('\n').findIndex((l) => l.startsWith('expect_reply_by'));
    const hover = service.hover({ uri: URI, text }, { line, character: 20 }, options);
    assert.match((hover?.contents as { value: string }).value, /Check in on Monday, 23 November 2026 \(in 3 days; the 21st is a Saturday\) if you have not heard/);
    assert.deepEqual(service.codeLenses({ uri: URI, text }, options).map((l) => l.command?.title), ['check in · in 3 days']);
  });
});
