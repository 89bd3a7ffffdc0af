/**
 * Invites a scheduler should not have sent, read as well as they can be, with one line saying
 * what was guessed or left out.
 *
 * An invite whose TZID names no zone it defines (no VTIMEZONE) nor one known (IANA or
 * Windows): its time is read as yours, and the import says so rather than write a time that
 * may be hours off without a word.
 */
import assert from 'node:assert/strict';
import { importInbox } from '../../server/src/service/inbox';
import { processKey } from '../../server/src/service/search';
import { ACME, fixture, OPTIONS } from './inbox-helpers';

const invite = (tzid: string) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:tz@acme.example',
  'SUMMARY:Acme Corp - Onsite - Senior Backend Engineer', `DTSTART;TZID=${tzid}:20261208T100000`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('import: a TZID no one defines', () => {
  it('an unknown zone: the time read as yours, and one line saying so', async () => {
    const r = await importInbox([{ name: 'tz.ics', text: invite('Mars/Olympus') }], [{ file: 'acme.md', text: ACME }], OPTIONS);
    assert.deepEqual(r.errors, []);
    assert.match(r.files[0].after, /date: 2026-12-08T10:00/);
    assert.deepEqual(r.notes, [{ source: 'tz.ics', message: 'event tz@acme.example: the time zone "Mars/Olympus" is neither defined in the invite nor a known one: 10:00 is read as your time (America/Los_Angeles); check the round\'s date' }]);
  });

  it('a known zone without its VTIMEZONE (America/New_York, as Lever sends it) says nothing', async () => {
    const r = await importInbox([{ name: 'tz.ics', text: invite('America/New_York') }], [{ file: 'acme.md', text: ACME }], OPTIONS);
    assert.match(r.files[0].after, /date: 2026-12-08T07:00/);
    assert.deepEqual(r.notes, []);
  });
});

describe('import: two events of one UID in one file', () => {
  it('the first is imported; the import says the other was not, and never that a round "stays" it never had', async () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'UID:dup@acme.example', 'SUMMARY:Acme Corp - Onsite - Senior Backend Engineer', 'DTSTART:20261206T180000Z', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:dup@acme.example', 'SUMMARY:Acme Corp - Final - Senior Backend Engineer', 'DTSTART:20261207T180000Z', 'END:VEVENT',
      'END:VCALENDAR', ''].join('\r\n');
    const r = await importInbox([{ name: 'dup.ics', text }], [{ file: 'acme.md', text: ACME }], OPTIONS);
    assert.deepEqual(r.errors, []);
    assert.match(r.files[0].after, /date: 2026-12-06T10:00/);
    assert.doesNotMatch(r.files[0].after, /2026-12-07/);
    assert.deepEqual(r.notes, [{ source: 'dup.ics', message: 'event dup@acme.example is in the file twice with the same SEQUENCE: the one on 2026-12-06T10:00 is imported, not the one on 2026-12-07T10:00' }]);
  });
});

describe('import: one process in several notes', () => {
  // The phone screen's note (advanced) and the onsite's, of one process with one contact; the phone screen's file sorts last.
  const PHONE = ['---', 'company: Acme Corp', 'role: Senior Backend Engineer', 'contact: {name: Jane Doe, email: jane.doe@acme.example}',
    'interviewed: 2026-11-02', 'stage: phone screen', 'status: advanced', '---', ''].join('\n');
  const ONSITE = PHONE.replace('2026-11-02', '2026-11-20').replace('phone screen', 'onsite').replace('status: advanced', 'status: waiting');
  const notes = [{ file: 'b-onsite.md', text: ONSITE }, { file: 'z-phone.md', text: PHONE }];
  it('a reply from their contact goes to the note of the latest round, not "import it into one by hand"', async () => {
    const text = ['From: Jane Doe <jane.doe@acme.example>', 'To: alex@example.org', 'Subject: Update', 'Date: Fri, 04 Dec 2026 10:12:00 -0800', '',
      'We have decided to move forward with other candidates.', ''].join('\r\n');
    for (const order of [notes, [...notes].reverse()]) {
      const r = await importInbox([{ name: 'r.eml', text }], order, OPTIONS);
      assert.deepEqual(r.files.map((f) => f.file), ['b-onsite.md'], JSON.stringify(r.notes));
    }
  });
  it('a reply from someone else at the company\'s domain: the same note', async () => {
    const text = ['From: Bob Ng <bob@acme.example>', 'To: alex@example.org', 'Subject: Update', 'Date: Fri, 04 Dec 2026 10:12:00 -0800', '',
      'We have decided to move forward with other candidates.', ''].join('\r\n');
    for (const order of [notes, [...notes].reverse()]) {
      const r = await importInbox([{ name: 'r.eml', text }], order, OPTIONS);
      assert.deepEqual(r.files.map((f) => f.file), ['b-onsite.md'], JSON.stringify(r.notes));
    }
  });
  it('an invite of the process goes to the note of the latest round, whatever order the notes come in', async () => {
    for (const order of [notes, [...notes].reverse()]) {
      const r = await importInbox([{ name: 'final.ics', text: fixture('google-final.ics') }], order, OPTIONS);
      assert.deepEqual(r.files.map((f) => f.file), ['b-onsite.md'], JSON.stringify(r));
    }
  });
  it('is one process for the import as for the rules: "AcmeCorp" and "Acme Corp", "Ｓｅｎｉｏｒ" and "Senior"', async () => {
    const onsite = ONSITE.replace('company: Acme Corp', 'company: AcmeCorp').replace('role: Senior', 'role: Ｓｅｎｉｏｒ');
    assert.equal(processKey('AcmeCorp', 'Ｓｅｎｉｏｒ Backend Engineer'), processKey('Acme Corp', 'Senior Backend Engineer'), 'one process for the rules');
    for (const order of [[{ file: 'b-onsite.md', text: onsite }, notes[1]], [notes[1], { file: 'b-onsite.md', text: onsite }]]) {
      const r = await importInbox([{ name: 'final.ics', text: fixture('google-final.ics') }], order, OPTIONS);
      assert.deepEqual(r.files.map((f) => f.file), ['b-onsite.md'], JSON.stringify(r));
    }
  });
});

describe('import: a long conference link in LOCATION', () => {
  it('a Teams join link of 243 characters (as Calendly writes it) is written whole, never cut with an ellipsis', async () => {
    const url = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZGQ2YjE0NjctYzE4Ny00ZTM2LWI4NGEtNGFjNzQ2NDM0ZTVh%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22d5a3d3b0-1b6c-4c5e-8d3a-9f3e2c1b0a9d%22%7d';
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:teams@acme.example', 'SUMMARY:Acme Corp - Onsite - Senior Backend Engineer',
      'DTSTART:20261203T180000Z', `LOCATION:${url}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const r = await importInbox([{ name: 'teams.ics', text }], [{ file: 'acme.md', text: ACME }], OPTIONS);
    assert.ok(r.files[0].after.includes(`link: "${url}"`), r.files[0].after);
    assert.doesNotMatch(r.files[0].after, /…/);
  });
});

describe('import: a conference link with an invisible character', () => {
  for (const [what, ch] of [['a bidi override', '\u202e'], ['a zero-width space', '\u200b'], ['a word joiner', '\u2060']]) {
    it(`${what} inside the URL of the description: no link written (it is not the link it shows)`, async () => {
      const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:bidi@acme.example', 'SUMMARY:Acme Corp - Onsite - Senior Backend Engineer',
        'DTSTART:20261203T180000Z', `DESCRIPTION:Join https://zoom.us/j/1${ch}234 at the time`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
      const r = await importInbox([{ name: 'bidi.ics', text }], [{ file: 'acme.md', text: ACME }], OPTIONS);
      assert.deepEqual(r.errors, []);
      assert.doesNotMatch(r.files[0].after, /link:|\\u202e|\\u200b|\\u2060|[\u200b\u202e\u2060]/i, r.files[0].after);
    });
  }
});

describe('import: an invite of thousands of events', () => {
  it('2,000 events, each its own company, become 2,000 new notes and one of the Acme note (each note is parsed once per change, not once per event)', async function () {
    // Every note was parsed again for every event: 2,000 events ran for minutes. Mocha's time
    // limit is the guard here, not a measured time.
    this.timeout(20_000);
    const event = (i: number) => ['BEGIN:VEVENT', `UID:a${i}@x.example`, 'DTSTAMP:20261201T000000Z', 'DTSTART:20261203T100000Z',
      `SUMMARY:${i === 0 ? 'Acme Corp' : `Initech ${i}`} - Onsite - Senior Backend Engineer`, 'END:VEVENT'];
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//many//EN', ...Array.from({ length: 2000 }, (_, i) => event(i)).flat(), 'END:VCALENDAR', ''].join('\r\n');
    const r = await importInbox([{ name: 'many.ics', text }], [{ file: 'acme.md', text: ACME }], OPTIONS);
    assert.deepEqual(r.errors, []);
    assert.equal(r.files.filter((f) => f.created).length, 1999);
    assert.ok(r.files.some((f) => f.file === 'acme.md' && !f.created && /uid: a0@x\.example/.test(f.after)), 'the Acme event is a round of the Acme note');
  });
});
