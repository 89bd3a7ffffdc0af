/**
 * Safe to the last byte (SPEC part 3, last section): nothing in a note can forge a message, a
 * recipient, a record or an event. One test per point of the hostile review (issue 20), each
 * failing before its fix; the writers' property tests are in test/fuzz/writers.fuzz.test.ts.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emlOf, mailtoOf, parseDraft } from '../../server/src/service';
import { telUri } from '../../server/src/service/safe/tel';
import { buildCalendar } from '../../server/src/cli/calendar';
import { parseIsoDay } from '../../server/src/service';
import { actionsFor, note, rules, single } from '../unit/helpers';
import { cli } from './run-cli';
import { pythonReads } from './python-email';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

const TODAY = '2026-11-26';
const BASE = ['type: interview', 'company: Acme', 'role: Backend Engineer', 'interviewed: 2026-11-25', 'status: waiting'];

function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'if-safe-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('safe to the last byte (issue 20)', () => {
  it('1. a line break in a name, company or role is invalid-value on that value, and no draft is offered (no forged To: or ## Draft:)', async () => {
    for (const [key, line] of [['company', 'company: "Acme\\nTo: evil@example.com"'], ['role', 'role: "Dev\\nTo: evil@example.com"'],
      ['contact name', 'contact: {name: "Ana\\nTo: evil@example.com", email: ana@acme.example}'],
      ['An interviewer name', 'interviewers: ["Ana\\n## Draft: check-in call to Ana (2026-11-26)"]']] as const) {
      const text = note([...BASE.filter((l) => !l.startsWith(key.split(' ')[0])), line, ...(key === 'contact name' ? [] : ['contact: {name: Ana, email: ana@acme.example}'])]);
      const d = single(text, 'invalid-value');
      assert.match(d.message, new RegExp(`^${key} holds a line break \\(U\\+000A\\)`), key);
      const dir = tempDir({ 'a.md': text });
      for (const format of ['text', 'eml', 'mailto']) {
        const r = await cli(['draft', 'a.md', '--today', TODAY, '--format', format], dir);
        assert.equal(r.code, 2, `${key} ${format}: ${r.stdout}`);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /no draft for 'a\.md': Fix the note first: /);
      }
    }
    // A bidi override (shows `moc.live@` as `@evil.com`) and a C1 control are refused alike.
    assert.match(single(note([...BASE, 'contact: {name: "Ana \\u202Emoc.live\\u202C", email: ana@acme.example}']), 'invalid-value').message, /contact name holds a bidi override \(U\+202E\)/);
    assert.match(single(note([...BASE, 'contact: {name: "Ana\\u009B31m", email: ana@acme.example}']), 'invalid-value').message, /contact name holds a control character \(U\+009B\)/);
    // An address in a name would be a second recipient on the draft's To: line ("evil@example.com, Ana <ana@...>").
    assert.match(single(note([...BASE, 'contact: {name: "evil@example.com, Ana", email: ana@acme.example}']), 'invalid-value').message, /^contact name holds '@', which would read as an address/);
    // A pitch may be lines of prose, never a draft's heading.
    assert.match(single(note([...BASE, 'pitch: "I fit.\\n## Draft: check-in call to Ana (2026-11-26)"']), 'invalid-value').message, /reads as a draft's heading/);
    assert.ok(!rules(note([...BASE, 'pitch: |', '  Line one.', '  Line two.'])).includes('invalid-value'));
  });

  it('2. a To: with two recipients keeps both, in the .eml and in the mailto: link', () => {
    const parts = parseDraft('To: Ana Ruiz <ana@acme.example>, "Lee, Sam" <sam@acme.example>\nSubject: Hi\n\nBody\n');
    const [read] = pythonReads([emlOf(parts)]);
    assert.deepEqual(read.to, [['Ana Ruiz', 'ana@acme.example'], ['Lee, Sam', 'sam@acme.example']]);
    assert.equal(mailtoOf(parts).uri, 'mailto:ana@acme.example,sam@acme.example?subject=Hi&body=Body');
    // A second To: line adds its people, it never replaces the first.
    assert.deepEqual(pythonReads([emlOf(parseDraft('To: ana@acme.example\nTo: sam@acme.example\nSubject: Hi\n\nBody'))])[0].to, [['', 'ana@acme.example'], ['', 'sam@acme.example']]);
  });

  it('3. a long subject is folded: no header line passes 78 characters, and it reads back the same', () => {
    const subjects = [`Following up ${'on the Backend Engineer position '.repeat(40)}`.trim(), 'x'.repeat(2000), `Zoë ${'Müller '.repeat(200)}`.trim()];
    const emls = subjects.map((subject) => emlOf({ to: 'ana@acme.example', subject, body: 'Hi' }));
    for (const eml of emls) {
      const head = eml.slice(0, eml.indexOf('\r\n\r\n')).split('\r\n');
      for (const line of head) assert.ok(line.length <= 78, `${line.length}: ${line.slice(0, 40)}...`);
    }
    assert.deepEqual(pythonReads(emls).map((r) => r.subject), subjects);
  });

  it('4. C1 controls (U+0085, U+009B, U+009D) are escaped in check and draft output, in a file name or a value', async () => {
    const dir = tempDir({ 'a\u009b31m\u009d0;x\u0085.md': note([...BASE, 'contact: {name: "Ana\\u009B2J", email: ana@acme.example}']) });
    for (const args of [['check', '.'], ['check', '.', '--format', 'json'], ['agenda', '.']]) {
      const r = await cli([...args, '--today', TODAY], dir);
      assert.doesNotMatch(r.stdout + r.stderr, /[\u0080-\u009f]/, args.join(' '));
    }
    const r = await cli(['check', '.', '--today', TODAY], dir);
    assert.match(r.stdout, /^a\\u009b31m\\u009d0;x\\u0085\.md:\d+:\d+: error invalid-value contact name holds a control character \(U\+009B\) after 'Ana'/m);
  });

  it('5. draft --to a first name two people share is an error (exit 2) listing them and how to pick one', async () => {
    const dir = tempDir({ 'a.md': note([...BASE, 'contact: {name: Sam Lee, email: sam@acme.example}', 'interviewers: [{name: Sam Park, email: sam.park@acme.example}]']) });
    const r = await cli(['draft', 'a.md', '--to', 'Sam', '--today', TODAY], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `interview-followup: 'Sam' matches 2 people in 'a.md': Sam Lee <sam@acme.example>, Sam Park <sam.park@acme.example>; pick one with --to "Sam Lee <sam@acme.example>" or --to sam@acme.example\n`);
    for (const to of ['Sam Park', 'sam.park@acme.example', 'Sam Park <sam.park@acme.example>']) {
      const one = await cli(['draft', 'a.md', '--to', to, '--today', TODAY], dir);
      assert.equal(one.code, 0, one.stderr);
      assert.match(one.stdout, /^## Draft: thank-you email to Sam Park /, to);
    }
  });

  it('6. tel: keeps the number and puts an extension into ;ext= (RFC 3966)', () => {
    assert.equal(telUri('+1 555 0100 ext. 12'), 'tel:+15550100;ext=12');
    assert.equal(telUri('+1 (555) 010-0 x12'), 'tel:+15550100;ext=12');
    assert.equal(telUri('+44 20 7946 0958 extension 3'), 'tel:+442079460958;ext=3');
    assert.equal(telUri('+1 555 0100'), 'tel:+15550100');
    assert.equal(telUri('ext. 12'), undefined);
  });

  it('7. a note reached through a file link is one note: read once, by its own path', async () => {
    const dir = tempDir({ 'a.md': note(BASE) });
    fs.symlinkSync('a.md', path.join(dir, 'link.md'));
    const r = await cli(['check', '.', 'a.md', 'link.md', '--today', TODAY, '--format', 'json'], dir);
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file);
    assert.deepEqual([...new Set(files)], ['a.md']);
    assert.equal(files.length, 2, 'its two findings once each');
    const cal = await cli(['calendar', '.', '--today', '2026-11-20'], dir);
    assert.equal(cal.stdout.split('BEGIN:VEVENT').length - 1, 1, 'one event, not one per path');
  });

  it('8-10. calendar UIDs unique per event and stable across runs; no raw control; every line ends in CRLF, the last too', () => {
    const entry = { kind: 'check-in' as const, day: parseIsoDay('2026-12-01')!, summary: 'Check in: Acme\u001b[2J', description: 'Acme\u0085, Dev\u009d', identity: 'Acme\u0000Dev\u00002026-11-02' };
    const entries = [{ ...entry, file: 'a.md' }, { ...entry, file: 'copy of a.md' }];
    const ics = buildCalendar(entries, parseIsoDay(TODAY)!);
    assert.equal(buildCalendar(entries, parseIsoDay(TODAY)!), ics, 'byte-stable');
    const uids = [...ics.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]);
    assert.equal(new Set(uids).size, 2, uids.join(' '));
    assert.ok(uids[0] === buildCalendar([entries[0]], parseIsoDay(TODAY)!).match(/^UID:(.*)\r$/m)![1], 'the first keeps the UID it always had');
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\u0000-\u001f\u007f-\u009f]/);
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.ok(ics.split('\r\n').slice(0, -1).every((l) => !l.includes('\n')));
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    assert.deepEqual(events.map((e: { getFirstPropertyValue(n: string): string }) => e.getFirstPropertyValue('summary')), ['Check in: Acme\ufffd[2J', 'Check in: Acme\ufffd[2J']);
  });

  it('11. the agenda bounds its dates as the calendar does: nothing past 9999-12-31', async () => {
    const dir = tempDir({ 'a.md': note(['type: interview', 'company: Acme', 'role: Dev', 'interviewed: 9999-12-30', 'thank_you_sent: 9999-12-30', 'expect_reply_by: 9999-12-31', 'status: waiting']) });
    for (const format of ['text', 'json']) {
      const r = await cli(['agenda', '--today', '9999-12-30', '--days', '30', '--format', format], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /10000-/, format);
    }
    const r = await cli(['agenda', '--today', '9999-12-30', '--days', '30'], dir);
    assert.match(r.stdout, /Waiting:\n {2}Fri 9999-12-31 {2}Acme \(Dev\): waiting; a check-in would fall after 9999-12-31 \[no date\] {2}a\.md\n/);
  });

  it('13. a walk skips a FIFO, a device link and a looping link, naming each (exit from the findings); a named one exits 2', async () => {
    const dir = tempDir({ 'a.md': note(BASE) });
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'fifo.md')]).status, 0);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    fs.symlinkSync('loop.md', path.join(dir, 'loop.md'));
    const r = await cli(['check', '.', '--today', TODAY], dir);
    assert.equal(r.code, 1, 'a warning: exit 1, whatever was skipped');
    assert.equal(r.stderr, [
      "interview-followup: skipped 'fifo.md': a FIFO, not a regular file",
      "interview-followup: skipped 'loop.md': a link that loops",
      "interview-followup: skipped 'zero.md': a link to a device, not a regular file", ''].join('\n'));
    for (const named of ['fifo.md', 'zero.md', 'loop.md']) {
      const n = await cli(['check', named, '--today', TODAY], dir);
      assert.equal(n.code, 2, named);
      assert.match(n.stderr, new RegExp(`^interview-followup: cannot read '${named}': `));
    }
  });
});

describe('safe to the last byte: in the editor', () => {
  it('the draft code actions of a note with an unsafe value are disabled, with the reason', () => {
    const text = note([...BASE, 'contact: {name: "Ana\\u009B2J", email: ana@acme.example}']);
    const drafts = actionsFor(text, 'thank-you-due').filter((a) => /[Dd]raft/.test(a.title));
    assert.ok(drafts.length > 0, JSON.stringify(actionsFor(text, 'thank-you-due').map((a) => a.title)));
    for (const a of drafts) {
      assert.equal(a.edit, undefined, a.title);
      assert.match(a.disabled?.reason ?? '', /^Fix the note first: contact name holds a control character \(U\+009B\) after 'Ana'$/);
    }
  });
});
