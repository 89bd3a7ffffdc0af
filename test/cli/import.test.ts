/**
 * `interview-followup import` as a user runs it: the changes printed, applied with --yes,
 * never with --dry-run, nothing written without asking, a bad file named with its line while
 * the others import, never over an existing file, a second import changing nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/interview-followup.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/inbox');
const EXAMPLES = path.join(ROOT, 'examples');

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, 'import', ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, INTERVIEW_FOLLOWUP_TODAY: '2026-11-26', TZ: 'America/Los_Angeles', HOME: cwd, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder holding a copy of the example notes (and a .git, so no config above it is read). */
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-import-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.cpSync(path.join(EXAMPLES, 'notes'), path.join(dir, 'notes'), { recursive: true });
  return dir;
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('CLI import', () => {
  it('--dry-run prints each change (file, field, old -> new, the sentence) and writes nothing', () => {
    const dir = workspace();
    const before = read(dir, 'notes/acme-backend.md');
    const r = run([path.join(EXAMPLES, 'inbox/acme-final.ics'), path.join(EXAMPLES, 'inbox/acme-reply.eml'), '--dir', 'notes', '--dry-run'], dir);
    assert.equal(r.status, 0, r.stderr);
    const ics = path.join(EXAMPLES, 'inbox/acme-final.ics');
    const eml = path.join(EXAMPLES, 'inbox/acme-reply.eml');
    assert.equal(r.stdout, `notes/acme-backend.md:
  rounds[2].date: 2026-12-03T10:00  (${ics})
      (interviewed becomes the first of the rounds)
  rounds[2].stage: final  (${ics})
  rounds[2].duration: 60  (${ics})
  rounds[2].link: https://meet.google.com/acm-efin-als  (${ics})
  rounds[2].interviewers: Jane Doe, Ana Ruiz  (${ics})
  rounds[2].uid: 0f3c2b9e8d7a6b5c4d3e2f1a0b9c8d7e@google.com  (${ics})
  replies: 2026-12-04 from jane.doe@acme.example: Re: Thank you  (${eml})
  expect_reply_by: 2026-11-12 -> 2026-12-18  (${eml})
      "We will get back to you within two weeks."
`);
    assert.equal(r.stderr, '');
    assert.equal(read(dir, 'notes/acme-backend.md'), before);
  });

  it('--yes applies, keeps the rest of the note byte for byte, and a second import changes nothing', () => {
    const dir = workspace();
    const before = read(dir, 'notes/acme-backend.md');
    const files = [path.join(EXAMPLES, 'inbox/acme-final.ics'), path.join(EXAMPLES, 'inbox/acme-reply.eml')];
    const r = run([...files, '--dir', 'notes', '--yes'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\nUpdated notes\/acme-backend\.md\n$/);
    const after = read(dir, 'notes/acme-backend.md');
    assert.ok(after.endsWith(before.slice(before.indexOf('\n---\n'))), 'the body is untouched');
    assert.match(after, /^ {2}- date: 2026-12-03T10:00\n {4}stage: final\n/m);
    assert.match(after, /^expect_reply_by: 2026-12-18 {3}# "by the end of next week"$/m);
    // The sender (alex.rivera@example.com, from the workspace config) is never an interviewer.
    assert.doesNotMatch(after, /alex\.rivera/);
    const again = run([...files, '--dir', 'notes', '--yes'], dir);
    assert.equal(again.status, 0, again.stderr);
    assert.doesNotMatch(again.stdout, /Updated/);
    assert.equal(read(dir, 'notes/acme-backend.md'), after);
    // And the note still checks.
    const check = spawnSync(process.execPath, [BIN, 'check', 'notes/acme-backend.md', '--today', '2026-11-26'], { cwd: dir, encoding: 'utf8' });
    assert.doesNotMatch(check.stdout, /error/);
  });

  it('not on a terminal and without --yes: shows the changes and applies nothing, saying how', () => {
    const dir = workspace();
    const before = read(dir, 'notes/acme-backend.md');
    const r = run([path.join(FIXTURES, 'rejection-qp.eml'), '--dir', 'notes'], dir);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /status: waiting -> rejected/);
    assert.equal(r.stderr, 'interview-followup: not applied: run with --yes to apply, or on a terminal to be asked\n');
    assert.equal(read(dir, 'notes/acme-backend.md'), before);
  });

  it('an unparsable file exits 2 naming the file and line, and the other files still import', () => {
    const dir = workspace();
    const r = run([path.join(FIXTURES, 'broken.ics'), path.join(FIXTURES, 'outlook-teams.ics'), '--dir', 'notes', '--yes'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `interview-followup: ${path.join(FIXTURES, 'broken.ics')}:6: not an iCalendar content line (NAME:value): "this line is not a property"\n`);
    // Globex's open note has Priya as contact: the Outlook invite is a round of that process.
    assert.match(read(dir, 'notes/globex-frontend.md'), /uid: "040000008200E00074C5B7101A82E00800000000D0C3A7C1F2B6DA01000000000000000010000000B1A3"/);
  });

  it('a new note goes into --dir, never over an existing file', () => {
    const dir = workspace();
    const r = run([path.join(FIXTURES, 'lever.ics'), '--dir', 'notes', '--yes'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^notes\/initech-staff-engineer\.md \(new note\):\n/);
    assert.match(read(dir, 'notes/initech-staff-engineer.md'), /^company: Initech\nrole: Staff Engineer\n/m);
    // A plain markdown file (not a note) already has the name: left alone, the note takes the next name.
    const other = workspace();
    fs.writeFileSync(path.join(other, 'notes/initech-staff-engineer.md'), '# my own page\n');
    const beside = run([path.join(FIXTURES, 'lever.ics'), '--dir', 'notes', '--yes'], other);
    assert.equal(beside.status, 0, beside.stderr);
    assert.match(beside.stdout, /^notes\/initech-staff-engineer-2\.md \(new note\):\n/);
    assert.equal(read(other, 'notes/initech-staff-engineer.md'), '# my own page\n');
  });

  it('--me leaves you out of the interviewers; --format json prints one document', () => {
    const dir = workspace();
    const r = run([path.join(FIXTURES, 'google-meet.ics'), '--dir', 'notes', '--me', 'ana.ruiz@acme.example', '--format', 'json', '--dry-run'], dir);
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.files[0].file, 'notes/acme-backend.md');
    const people = doc.files[0].changes.find((c: { field: string }) => c.field === 'rounds[2].interviewers');
    assert.equal(people.new, 'Jane Doe, alex@example.org');
    assert.deepEqual(doc.errors, []);
  });

  it('the calendar exports an imported round as an event at its time with its link, and a cancelled one as cancelled', () => {
    const dir = workspace();
    assert.equal(run([path.join(FIXTURES, 'lever.ics'), '--dir', 'notes', '--yes'], dir).status, 0);
    const events = () => {
      const r = spawnSync(process.execPath, [BIN, 'calendar', 'notes/initech-staff-engineer.md', '--today', '2026-11-26'], { cwd: dir, encoding: 'utf8' });
      const cal = new ICAL.Component(ICAL.parse(r.stdout));
      return cal.getAllSubcomponents('vevent').filter((v: { getFirstPropertyValue(n: string): string }) => /^(?:Cancelled: )?Interview/.test(v.getFirstPropertyValue('summary')));
    };
    const [event] = events();
    assert.equal(event.getFirstPropertyValue('dtstart').toString(), '2026-12-08T11:00:00');
    assert.equal(event.getFirstPropertyValue('dtend').toString(), '2026-12-08T12:00:00');
    assert.equal(event.getFirstPropertyValue('location') ?? null, null);
    assert.equal(run([path.join(FIXTURES, 'lever-cancelled.ics'), '--dir', 'notes', '--yes'], dir).status, 0);
    const [cancelled] = events();
    assert.equal(cancelled.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(cancelled.getFirstPropertyValue('summary'), 'Cancelled: Interview (final): Initech');
    // Google Meet's link is the event's URL.
    const meet = workspace();
    assert.equal(run([path.join(EXAMPLES, 'inbox/acme-final.ics'), '--dir', 'notes', '--yes'], meet).status, 0);
    const ics = spawnSync(process.execPath, [BIN, 'calendar', 'notes/acme-backend.md', '--today', '2026-11-26'], { cwd: meet, encoding: 'utf8' }).stdout;
    const final = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').find((v: { getFirstPropertyValue(n: string): string }) => v.getFirstPropertyValue('summary') === 'Interview (final): Acme Corp');
    assert.equal(final.getFirstPropertyValue('url'), 'https://meet.google.com/acm-efin-als');
    assert.equal(final.getFirstPropertyValue('dtstart').toString(), '2026-12-03T10:00:00');
  });

  it('check does not load the inbox parsers', () => {
    const probe = `require(${JSON.stringify(path.join(ROOT, 'out/server/src/cli/main.js'))}).main(['check', ${JSON.stringify(path.join(EXAMPLES, 'notes'))}, '--today', '2026-11-26'], { stdout() {}, stderr() {}, cwd: process.cwd(), env: {}, now: () => new Date() })
      .then(() => process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => /ical\\.js|postal-mime|service[\\\\/]inbox/.test(k)))))`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    assert.equal(r.stdout, '[]', r.stderr);
  });
});
