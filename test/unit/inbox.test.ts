/**
 * The inbox comes in: each fixture (written to imitate what Google Calendar, Outlook/Teams,
 * Greenhouse, Lever, Zoom, Calendly, Apple Calendar and recruiters send) and the note it
 * produces. Today is pinned; the zone is Los Angeles; you are alex@example.org.
 */
import assert from 'node:assert/strict';
import { importInbox } from '../../server/src/service/inbox';
import { ACME, fixture, front, only, OPTIONS, run } from './inbox-helpers';

describe('import: invites', () => {
  it('Google Calendar (UTC, Meet link, a room, you among the guests): a new round on the open process, interviewed converted to rounds', async () => {
    const f = only(await run(['google-meet.ics']));
    assert.equal(f.file, 'acme.md');
    assert.equal(f.after, `---
company: Acme Corp
role: Senior Backend Engineer
contact:
  name: Jane Doe   # recruiter
  email: jane.doe@acme.example
rounds:
  - date: 2026-11-02
    stage: onsite
  - date: 2026-12-03T10:00
    stage: technical
    duration: 45
    link: "https://meet.google.com/abc-defg-hij"
    interviewers: [{name: Jane Doe, email: jane.doe@acme.example}, {name: Ana Ruiz, email: ana.ruiz@acme.example}]
    uid: 7kukuqrfedlm2f9t0vt6lk4r0b@google.com
status: waiting
---

# Notes
`);
  });

  it('a second import of the same invite changes nothing', async () => {
    const once = only(await run(['google-meet.ics']));
    const again = await run(['google-meet.ics'], [{ file: 'acme.md', text: once.after }]);
    assert.deepEqual(again.files, []);
    assert.deepEqual(again.notes, [{ source: 'google-meet.ics', message: 'already in acme.md' }]);
  });

  it('an invite email (.eml with a base64 text/calendar part) imports as its invite', async () => {
    assert.equal(only(await run(['invite-outlook.eml'])).after, only(await run(['google-meet.ics'])).after);
  });

  it('Outlook/Teams (Windows zone name with its VTIMEZONE, X-MICROSOFT-*, X-ALT-DESC, folded lines): a new note, the organizer as contact, the room left out', async () => {
    const f = only(await run(['outlook-teams.ics']));
    assert.equal(f.created, true);
    assert.equal(f.file, 'globex-frontend-engineer.md');
    assert.equal(front(f.after), `
type: interview
company: Globex
role: Frontend Engineer
contact:
  name: Priya Natarajan
  email: priya.natarajan@globex.example
rounds:
  - date: 2026-12-04T10:00
    stage: onsite
    duration: 90
    link: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzE3@thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d"
    interviewers: [{name: Tom Becker, email: tom.becker@globex.example}]
    uid: "040000008200E00074C5B7101A82E00800000000D0C3A7C1F2B6DA01000000000000000010000000B1A3"
expect_reply_by: ""      # ask for the timeline: a date or their words ('within two weeks')
status: waiting
pitch: ""                # 1-2 sentences on why you fit, for the thank-you note
`);
  });

  it('the same Outlook invite read in another zone gives that zone\'s local time', async () => {
    const f = only(await run(['outlook-teams.ics'], [], { zone: 'Europe/Berlin' }));
    assert.match(f.after, /- date: 2026-12-04T19:00\n/);
  });

  it('Greenhouse (SENT-BY a no-reply address on the organizer): the recruiter is the contact, the role from "X for ROLE at COMPANY"', async () => {
    const f = only(await run(['greenhouse.ics'], []));
    assert.match(front(f.after), /company: Umbrella\nrole: Site Reliability Engineer\ncontact:\n {2}name: Albert Wesker\n {2}email: albert.wesker@umbrella.example\nrounds:\n {2}- date: 2026-12-01T09:00\n {4}stage: phone screen\n {4}duration: 30\n {4}link: "https:\/\/umbrella.zoom.us\/j\/93812345678\?pwd=abcDEF123"\n/);
  });

  it('Lever (a no-reply scheduler as organizer, TZID without VTIMEZONE): no contact guessed, the interviewer kept, New York time read as Los Angeles time', async () => {
    const f = only(await run(['lever.ics'], []));
    assert.match(front(f.after), /contact:\n {2}name: ""\n {2}email: ""\nrounds:\n {2}- date: 2026-12-08T11:00\n {4}stage: final\n {4}duration: 60\n {4}location: "Initech HQ, 4120 Freidrich Ln, Austin"\n {4}interviewers: \[\{name: Bill Lumbergh, email: bill.lumbergh@initech.example\}\]\n/);
    assert.doesNotMatch(f.after, /lever\.co/);
  });

  it('a rescheduling ATS: the same UID with a later SEQUENCE moves the round and says from when to when', async () => {
    const first = only(await run(['lever.ics'], []));
    const moved = only(await run(['lever-rescheduled.ics'], [{ file: first.file, text: first.after }]));
    assert.deepEqual(moved.changes.map((c) => [c.field, c.old, c.new, c.why]), [
      ['rounds[1].date', '2026-12-08T11:00', '2026-12-09T08:00', 'moved from 2026-12-08T11:00 to 2026-12-09T08:00'],
      ['rounds[1].sequence', undefined, '1', 'the version of the invite the round is now from'],
    ]);
    assert.equal(moved.after, first.after.replace('date: 2026-12-08T11:00', 'date: 2026-12-09T08:00').replace(/(\n {4}uid: .*\n)/, '$1    sequence: 1\n'));
  });

  it('a cancellation (METHOD:CANCEL, STATUS:CANCELLED) marks the round cancelled: true, and a second one changes nothing', async () => {
    const first = only(await run(['lever.ics'], []));
    const cancelled = only(await run(['lever-cancelled.ics'], [{ file: first.file, text: first.after }]));
    assert.match(cancelled.after, /uid: lever-7f3e2a10-5c1d-4c55-9a57-2b8e1d8f9c01\n {4}cancelled: true\n/);
    assert.deepEqual((await run(['lever-cancelled.ics'], [{ file: first.file, text: cancelled.after }])).files, []);
  });

  it('Zoom ("Hiring Manager Interview with Hooli"): the company, no role guessed from the stage', async () => {
    const f = only(await run(['zoom.ics'], []));
    assert.match(front(f.after), /company: Hooli\nrole: ""\n/);
    assert.match(f.after, /stage: hiring manager\n {4}duration: 60\n {4}link: "https:\/\/hooli.zoom.us\/j\/81234567890\?pwd=Zm9vYmFy"\n/);
  });

  it('Calendly: a round appended in date order to the open process of the organizer\'s domain', async () => {
    const note = `---
company: Pied Piper
role: Backend Engineer
contact: { name: Monica Hall, email: monica.hall@piedpiper.example }
rounds:
  - date: 2026-11-20
  - date: 2026-12-14
status: waiting
---
`;
    const f = only(await run(['calendly.ics'], [{ file: 'pp.md', text: note }]));
    assert.equal(f.after, note.replace('  - date: 2026-12-14\n', `  - date: 2026-12-07T08:00
    stage: phone screen
    duration: 30
    link: "https://meet.google.com/xyz-abcd-efg"
    interviewers: [{name: Monica Hall, email: monica.hall@piedpiper.example}]
    uid: BHGD5QJ2XQZ7DKTN
  - date: 2026-12-14
`));
  });

  it('Apple Calendar (floating TZID Europe/Berlin, no attendees): the Berlin time in Los Angeles', async () => {
    const f = only(await run(['apple.ics'], []));
    assert.match(front(f.after), /company: Black Mesa\nrole: ""\n[\s\S]*- date: 2026-12-10T01:00\n {4}stage: onsite\n {4}duration: 90\n {4}location: "Black Mesa, Sector C"\n/);
  });
});

describe('import: replies', () => {
  it('a rejection (quoted-printable, an encoded-word subject, a signature and a quoted offer below): status rejected, the sentence shown, the reply recorded', async () => {
    const f = only(await run(['rejection-qp.eml']));
    assert.equal(f.after, ACME.replace('status: waiting\n', `status: rejected
replies:
  - {date: 2026-11-27, from: jane.doe@acme.example, subject: "Your application – Senior Backend Engineer"}
`));
    const status = f.changes.find((c) => c.field === 'status')!;
    assert.equal(status.sentence, 'After careful consideration, we have decided to move forward with other candidates whose experience more closely matches our needs at this time.');
  });

  it('an offer (base64, an emoji in the encoded subject, a PDF attached): status offer', async () => {
    const note = ACME.replace('Acme Corp', 'Umbrella').replace('jane.doe@acme.example', 'albert.wesker@umbrella.example');
    const f = only(await run(['offer-base64.eml'], [{ file: 'u.md', text: note }]));
    assert.match(f.after, /status: offer\nreplies:\n {2}- \{date: 2026-11-30, from: albert.wesker@umbrella.example, subject: "Offer 🎉 Site Reliability Engineer"\}\n/);
  });

  it('a timeline in an HTML-only email: expect_reply_by resolved against the email\'s date ("by Friday next week" on Wed 25 Nov is 4 Dec)', async () => {
    const note = ACME.replace('jane.doe@acme.example', 'priya.natarajan@globex.example');
    const f = only(await run(['timeline-html.eml'], [{ file: 'g.md', text: note }]));
    assert.deepEqual(f.changes.map((c) => [c.field, c.new]), [['replies', '2026-11-25 from priya.natarajan@globex.example: Re: Thank you'], ['expect_reply_by', '2026-12-04']]);
    assert.match(f.after, /status: waiting\nreplies:\n {2}- \{date: 2026-11-25, from: priya.natarajan@globex.example, subject: "Re: Thank you"\}\nexpect_reply_by: 2026-12-04\n/);
  });

  it('a next round being scheduled: recorded, nothing else, and a line pointing to the invite', async () => {
    const note = ACME.replace('jane.doe@acme.example', 'monica.hall@piedpiper.example');
    const r = await run(['next-round.eml'], [{ file: 'p.md', text: note }]);
    assert.deepEqual(only(r).changes.map((c) => c.field), ['replies']);
    assert.match(r.notes[0].message, /^a next round is being scheduled .*: import its invite when it comes$/);
  });

  it('an automatic reply (Auto-Submitted, out of office): nothing changes', async () => {
    const r = await run(['auto-reply.eml']);
    assert.deepEqual(r.files, []);
    assert.deepEqual(r.notes, [{ source: 'auto-reply.eml', message: 'an automatic reply from jane.doe@acme.example: nothing to record' }]);
  });

  it('a sender no note knows, from a public mail domain: nothing changes, and the import says why', async () => {
    const r = await run(['unknown-sender.eml']);
    assert.deepEqual(r.files, []);
    assert.equal(r.notes[0].message, 'not imported: no note has someone@gmail.com as its contact or an interviewer');
  });

  it('a sender from the company domain of the one open process there: that note ("within two weeks" from 1 Dec)', async () => {
    const f = only(await run(['by-domain.eml']));
    assert.deepEqual(f.changes.map((c) => [c.field, c.new]), [['replies', '2026-12-01 from careers@acme.example: Update on your application'], ['expect_reply_by', '2026-12-15']]);
  });
});

describe('import: hostile and broken files', () => {
  it('line breaks and a bidi override in names, summary and location are flattened, never written raw', async () => {
    const f = only(await run(['hostile.ics'], []));
    const fm = front(f.after);
    assert.doesNotMatch(fm, /\u202e/);
    assert.equal(fm.split('\n').filter((l) => /^status:/.test(l)).length, 1, fm);
    assert.match(fm, /^status: waiting$/m);
    assert.match(fm, /^ {2}name: EveetirW$/m);
    assert.match(fm, /interviewers: \[\{name: "Mallory status: withdrawn", email: mallory@evil.example\}, \{email: trent@evil.example\}\]/);
  });

  it('an unparsable file names its line, and the other files still import', async () => {
    const r = await run(['broken.ics', 'google-meet.ics']);
    assert.deepEqual(r.errors, [{ source: 'broken.ics', line: 6, message: 'not an iCalendar content line (NAME:value): "this line is not a property"' }]);
    assert.equal(r.files.length, 1);
  });

  it('an event whose local date is past 9999 is refused with one line', async () => {
    const r = await run(['far.ics'], [], { zone: 'Asia/Tokyo' });
    assert.deepEqual(r.files, []);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].message, /past 9999/);
  });

  it('an event over 1 MB is refused with one line naming where it starts', async () => {
    const big = fixture('apple.ics').replace('SEQUENCE:0', `DESCRIPTION:${'x'.repeat(70)}\r\n${` ${'x'.repeat(74)}\r\n`.repeat(15000)}SEQUENCE:0`);
    const r = await importInbox([{ name: 'big.ics', text: big }], [], OPTIONS);
    assert.deepEqual(r.errors, [{ source: 'big.ics', line: 5, message: 'an event over 1 MB is refused' }]);
  });
});
