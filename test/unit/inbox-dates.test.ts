/**
 * A stranger's invite with a start that is no date (SPEC part 3, "Both": an unparsable file
 * exits 2 naming the file and the line; a bad file among several leaves the others imported):
 * never a crash, never a date made up from a malformed one.
 */
import assert from 'node:assert/strict';
import { importInbox } from '../../server/src/service/inbox';
import { ACME, fixture, OPTIONS } from './inbox-helpers';

const invite = (dtstart: string) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:bad@acme.example',
  'SUMMARY:Acme Corp - Onsite - Senior Backend Engineer', dtstart, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('import: a start that is no date', () => {
  const cases = [
    'DTSTART:20261203', // a DATE-TIME without its time
    'DTSTART:2026-12-03T10:00:00Z', // ISO 8601, not RFC 5545
    'DTSTART:garbage',
    'DTEND:garbage',
    'DURATION:PXYZ',
    'DTSTART:20261301T100000Z', // month 13: not 1 January 2027
    'DTSTART:20261232T100000Z', // 32 December
    'DTSTART:20261203T250000Z', // 25 o'clock
    'DTSTART;VALUE=DATE:2026-12-03', // read as 2 November 2025 before
    'DTSTART;VALUE=DATE:+999990101', // read as 1 March 1007 before
  ];
  for (const line of cases) {
    it(`${line}: refused on its line (6), the other file still imported`, async () => {
      const text = invite(line.startsWith('DTSTART') ? line : `DTSTART:20261203T100000Z\r\n${line}`);
      const r = await importInbox([{ name: 'bad.ics', text }, { name: 'google-meet.ics', text: fixture('google-meet.ics') }], [{ file: 'acme.md', text: ACME }], OPTIONS);
      assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
      assert.equal(r.errors[0].source, 'bad.ics');
      assert.equal(r.errors[0].line, line.startsWith('DTSTART') ? 6 : 7);
      assert.match(r.errors[0].message, /^(DTSTART|DTEND|DURATION) /);
      assert.equal(r.files.length, 1, 'the good invite is imported');
      assert.doesNotMatch(r.files[0].after, /1007-03-01|2025-11-02|2027-01-01|2026-12-04T01/);
    });
  }
});

describe('import: a reply whose Date: cannot be read', () => {
  it('is refused naming the Date: line, not line 1', async () => {
    const text = ['From: Jane Doe <jane.doe@acme.example>', 'To: alex@example.org', 'Subject: Update', 'Date: Fri, 04 Dec 99999 10:12:00 -0800', '',
      'We will get back to you within two weeks.', ''].join('\r\n');
    const r = await importInbox([{ name: 'late.eml', text }], [{ file: 'acme.md', text: ACME }], OPTIONS);
    assert.deepEqual(r.errors, [{ source: 'late.eml', line: 4, message: 'no readable Date: header' }]);
  });
});
