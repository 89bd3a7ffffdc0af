/**
 * Dates at the end of what a four-digit year can write: a phrase resolving past 9999-12-31 is
 * an invalid date, and the calendar never writes an event past it (an iCalendar DATE has four
 * digits of year: a fifth is a file other programs reject).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { note, TODAY } from './corpus';
import { cli } from './run-cli';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

describe('hostile: dates past 9999', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-far-')));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("check: 'in 3000000 days' is an invalid date, not the year 10240", async () => {
    fs.writeFileSync(path.join(dir, 'far.md'), note(['company: Acme Corp', 'role: Engineer', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'expect_reply_by: in 3000000 days']));
    const r = await cli(['check', '--today', TODAY], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^far\.md:6:18: error invalid-date expect_reply_by 'in 3000000 days' cannot be resolved to a date/m);
  });

  it('calendar: every DTSTART and DTEND has a four-digit year; the last day has no end; a check-in past 9999 is left out', async () => {
    fs.writeFileSync(path.join(dir, 'late.md'), note(['company: Acme Corp', 'role: Engineer', 'interviewed: 9999-12-30', 'thank_you_sent: 9999-12-31', 'expect_reply_by: end of the month']));
    fs.writeFileSync(path.join(dir, 'far.md'), note(['company: Globex', 'role: SRE', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'expect_reply_by: in 3000000 days']));
    // Today is the last day: the interview of 9999-12-30 has happened (one still to come is a scheduled event).
    const r = await cli(['calendar', '--today', '9999-12-31'], dir);
    assert.equal(r.code, 0, r.stderr);
    const dates = r.stdout.split('\r\n').filter((l) => /^DT(START|END)/.test(l));
    assert.deepEqual(dates, [
      'DTSTART;VALUE=DATE:20261102', 'DTEND;VALUE=DATE:20261103', // Globex: the thank-you; the reply date is invalid
      'DTSTART;VALUE=DATE:99991231', // Acme: the promised reply, on the last day
      'DTSTART;VALUE=DATE:99991231', // Acme: the thank-you
    ]);
    const events = new ICAL.Component(ICAL.parse(r.stdout)).getAllSubcomponents('vevent').map((v: unknown) => new ICAL.Event(v));
    assert.deepEqual(events.map((e: { summary: string; startDate: { toString(): string }; endDate: { toString(): string } }) => [e.summary, e.startDate.toString(), e.endDate.toString()]), [
      ['Thank-you note sent: Globex', '2026-11-02', '2026-11-03'],
      // No DTEND: another library reads the event as lasting its one day.
      ['Reply promised: Acme Corp', '9999-12-31', '10000-01-01'],
      ['Thank-you note sent: Acme Corp', '9999-12-31', '10000-01-01'],
    ]);
    assert.ok(!r.stdout.includes('Check in: Acme Corp'), 'the check-in, due 10000-01-03, is not written');
  });
});
