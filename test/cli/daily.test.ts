/**
 * The daily commands as a user runs them: agenda, calendar (checked by parsing it with a
 * second library, ical.js), and new. Today is always pinned.
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

function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  if (!opts.env?.INTERVIEW_FOLLOWUP_TODAY) delete env.INTERVIEW_FOLLOWUP_TODAY;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-daily-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('CLI agenda', () => {
  it('groups the example job search by urgency, one line per note, most urgent first', () => {
    const r = run(['agenda', 'examples/notes', '--today', '2026-11-26']);
    assert.equal(r.status, 0, r.stderr);
    const text = r.stdout;
    assert.match(text, /^Agenda for Thursday, 26 November 2026\n/);
    const sections = text.split('\n\n').slice(1);
    const titles = sections.map((s) => s.split('\n')[0]);
    assert.deepEqual(titles.slice(0, 6), ['Overdue:', 'Due today:', 'Withdraw:', 'Coming up (next 7 days):', 'Waiting:', 'Let go:']);
    const overdue = sections[0].split('\n').slice(1);
    assert.deepEqual(overdue, [
      '  Mon 2026-11-16  Acme Corp (Senior Backend Engineer): check in with Jane Doe [10 days overdue]  examples/notes/acme-backend.md',
      '  Tue 2026-11-17  Umbrella (Site Reliability Engineer): check in with Albert Wesker [9 days overdue]  examples/notes/umbrella-sre.md',
      '  Tue 2026-11-24  Pied Piper (Backend Engineer (Compression)): send the thank-you note to Monica Hall [2 days overdue]  examples/notes/pied-piper-backend.md',
    ]);
    assert.match(sections[1], /Globex \(Frontend Engineer\): send the thank-you note to Priya Natarajan \[today\]/);
    assert.match(sections[1], /Wayne Enterprises .*weigh the offer/);
    assert.deepEqual(sections[2].split('\n').slice(1), [
      '  Thu 2026-11-26  Black Mesa (Research Engineer): withdraw: you accepted the offer from Aperture Science (aperture-backend.md) [today]  examples/notes/accepted/black-mesa.md',
      '  Thu 2026-11-26  Xen Labs (Platform Engineer): withdraw: you accepted the offer from Aperture Science (aperture-backend.md) [today]  examples/notes/accepted/xen-labs.md',
    ]);
    assert.match(sections[3], /Mon 2026-11-30 {2}Massive Dynamic .*check in with Nina Sharp \[in 4 days\]/);
    assert.match(sections[4], /Initech .*check in on 2026-12-07/);
    assert.match(sections[5], /Hooli .*let it go/);
    assert.match(sections[5], /Stark Industries .*stop following up/);
    assert.doesNotMatch(text, /Soylent/, 'a closed process has nothing to do');
    // SPEC part 3: every open note appears; an advanced one, its next round followed in another note, waits.
    assert.match(sections[4], /Vandelay Industries \(Import\/Export Analyst\): advanced after the interview on 2026-11-16: follow the next round in its note \[10 days ago\] {2}examples\/notes\/vandelay-import\.md/);
    assert.match(text, /Left out, with errors to fix first .*cyberdyne-ml\.md, examples\/notes\/tyrell-design\.md/);
  });

  it('an accepted offer makes every other open process a withdrawal, even one with nothing else to do; not one that turned withdraw-others off', () => {
    const note = (company: string, status: string, extra = '') => `---\ncompany: ${company}\nrole: Engineer\ninterviewed: 2026-11-02\nthank_you_sent: 2026-11-02\nexpect_reply_by: 2026-11-12\nstatus: ${status}\n${extra}---\n`;
    const dir = tempDir({
      'a.md': note('Aperture', 'accepted'),
      'b.md': note('Black Mesa', 'waiting', '# interview-followup-disable check-in-due\n'),
      'c.md': note('Combine', 'waiting', '# interview-followup-disable withdraw-others\n'),
    });
    const r = run(['agenda', dir, '--today', '2026-11-26', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { company: string; kind: string }[];
    assert.deepEqual(rows.map((x) => [x.company, x.kind]).sort(), [['Black Mesa', 'withdraw'], ['Combine', 'check-in']]);
  });

  it('--days widens "coming up", and agrees with check on what is due', () => {
    const r = run(['agenda', 'examples/notes', '--today', '2026-11-26', '--days', '14', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { group: string; kind: string; date: string; file: string; action: string }[];
    const initech = rows.find((x) => x.file.endsWith('initech-data.md'))!;
    assert.equal(initech.group, 'upcoming');
    assert.equal(initech.date, '2026-12-07');
    // Every check-in the agenda calls overdue or due today is a check-in-due finding of check.
    const check = JSON.parse(run(['check', 'examples/notes', '--today', '2026-11-26', '--format', 'json']).stdout) as { file: string; rule: string }[];
    const dueByCheck = new Set(check.filter((f) => f.rule === 'check-in-due').map((f) => f.file));
    const dueByAgenda = new Set(rows.filter((x) => x.kind === 'check-in' && (x.group === 'overdue' || x.group === 'today')).map((x) => x.file));
    assert.deepEqual(dueByAgenda, dueByCheck);
  });

  it('rejects a bad --days', () => {
    const r = run(['agenda', '--days', 'soon']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^interview-followup: --days must be a whole number of days, not 'soon'\n$/);
  });
});

describe('CLI calendar', () => {
  function events(ics: string) {
    const cal = new ICAL.Component(ICAL.parse(ics));
    return cal.getAllSubcomponents('vevent').map((v: unknown) => {
      const e = new ICAL.Event(v);
      return { uid: e.uid as string, summary: e.summary as string, start: e.startDate.toString() as string, end: e.endDate.toString() as string, allDay: e.startDate.isDate as boolean, description: e.description as string };
    });
  }

  it('writes all-day events that another iCalendar library reads back', () => {
    const r = run(['calendar', 'examples/notes', '--today', '2026-11-26']);
    assert.equal(r.status, 0, r.stderr);
    const all = events(r.stdout);
    const acme = all.filter((e: { description: string }) => e.description.includes('acme-backend.md'));
    assert.deepEqual(acme.map((e: { summary: string; start: string; end: string; allDay: boolean }) => [e.summary, e.start, e.end, e.allDay]), [
      ['Thank-you note sent: Acme Corp', '2026-11-02', '2026-11-03', true],
      ['Reply promised: Acme Corp', '2026-11-12', '2026-11-13', true],
      ['Check in: Acme Corp', '2026-11-16', '2026-11-17', true],
    ]);
    assert.ok(all.some((e: { summary: string; start: string }) => e.summary === 'Send the thank-you note: Globex' && e.start === '2026-11-26'));
    assert.ok(!all.some((e: { summary: string }) => /Soylent/.test(e.summary)), 'a closed process has no events');
    assert.equal(new Set(all.map((e: { uid: string }) => e.uid)).size, all.length, 'UIDs are unique');
  });

  it('an accepted offer turns the other open processes\' reminders into one withdrawal today; what was sent or promised stays', () => {
    const r = run(['calendar', 'examples/notes', '--today', '2026-11-26']);
    assert.equal(r.status, 0, r.stderr);
    const of = (name: string) => events(r.stdout).filter((e: { description: string }) => e.description.includes(name))
      .map((e: { summary: string; start: string }) => [e.summary, e.start]);
    assert.deepEqual(of('black-mesa.md'), [
      ['Thank-you note sent: Black Mesa', '2026-11-18'],
      ['Withdraw: Black Mesa', '2026-11-26'],
      ['Reply promised: Black Mesa', '2026-12-02'],
    ]);
    assert.deepEqual(of('xen-labs.md'), [['Withdraw: Xen Labs', '2026-11-26']]);
    const quiet = fs.readFileSync(path.join(ROOT, 'examples/notes/accepted/black-mesa.md'), 'utf8').replace('status: waiting', 'status: waiting\n# interview-followup-disable withdraw-others');
    const dir = tempDir({ 'aperture.md': fs.readFileSync(path.join(ROOT, 'examples/notes/accepted/aperture-backend.md'), 'utf8'), 'black-mesa.md': quiet });
    const kept = events(run(['calendar', dir, '--today', '2026-11-26']).stdout).map((e: { summary: string }) => e.summary);
    assert.ok(kept.includes('Check in: Black Mesa') && !kept.some((x: string) => x.startsWith('Withdraw')), kept.join(', '));
  });

  it('two notes of one company and role (a round each, or applied twice) and an accepted offer: each withdrawal has its own UID, stable across days and moves', () => {
    const note = (lines: string[]) => ['---', ...lines, '---', ''].join('\n');
    const dir = tempDir({
      'winner.md': note(['company: Winner', 'role: Engineer', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'status: accepted']),
      'acme-phone.md': note(['company: Acme', 'role: Engineer', 'interviewed: 2026-11-01', 'thank_you_sent: 2026-11-01', 'status: advanced']),
      'acme-onsite.md': note(['company: Acme', 'role: Engineer', 'interviewed: 2026-11-15', 'status: waiting']),
      'acme-offer.md': note(['company: Acme', 'role: Engineer', 'interviewed: 2026-10-01', 'thank_you_sent: 2026-10-01', 'status: offer']),
    });
    const withdrawals = (cwd: string, today: string) => {
      const r = run(['calendar', '.', '--today', today], { cwd });
      assert.equal(r.status, 0, r.stderr);
      const all = events(r.stdout);
      assert.equal(new Set(all.map((e: { uid: string }) => e.uid)).size, all.length, `UIDs are unique: ${all.map((e: { uid: string; summary: string }) => `${e.summary} ${e.uid}`).join(', ')}`);
      return all.filter((e: { summary: string }) => e.summary === 'Withdraw: Acme').map((e: { uid: string }) => e.uid).sort();
    };
    const first = withdrawals(dir, '2026-11-26');
    assert.equal(first.length, 3);
    fs.mkdirSync(path.join(dir, 'archive'));
    fs.renameSync(path.join(dir, 'acme-onsite.md'), path.join(dir, 'archive/acme-onsite.md'));
    assert.deepEqual(withdrawals(dir, '2026-11-27'), first);
  });

  it('folds lines at 75 octets with CRLF, and keeps UIDs stable across runs, days and moves', () => {
    const dir = tempDir();
    fs.cpSync(path.join(ROOT, 'examples/notes'), dir, { recursive: true });
    const first = run(['calendar', '.', '--today', '2026-11-26', '-o', 'out.ics'], { cwd: dir });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /wrote \d+ events to out\.ics/);
    const ics = fs.readFileSync(path.join(dir, 'out.ics'), 'utf8');
    assert.ok(ics.includes('\r\n'));
    assert.doesNotMatch(ics.replace(/\r\n/g, ''), /\n/, 'every line ends with CRLF');
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
    // The note moved to another folder and the calendar made on another day: same events, same ids.
    fs.mkdirSync(path.join(dir, 'archive'));
    fs.renameSync(path.join(dir, 'acme-backend.md'), path.join(dir, 'archive/acme-backend.md'));
    const later = run(['calendar', '.', '--today', '2026-11-27'], { cwd: dir });
    const uids = (text: string) => events(text).filter((e: { summary: string }) => /Acme/.test(e.summary)).map((e: { uid: string }) => e.uid);
    assert.deepEqual(uids(later.stdout), uids(ics));
    assert.equal(uids(ics).length, 3);
  });

  /** Each VEVENT's alarms, contact and link, as ical.js reads them (unescaped, unfolded). */
  function details(ics: string) {
    const cal = new ICAL.Component(ICAL.parse(ics));
    return cal.getAllSubcomponents('vevent').map((v: any) => {
      const e = new ICAL.Event(v);
      const alarms = v.getAllSubcomponents('valarm').map((a: any) => {
        const trigger = a.getFirstProperty('trigger');
        // Where the trigger lands: the all-day start (a floating local midnight) plus the duration.
        const at = e.startDate.clone();
        at.isDate = false;
        at.addDuration(trigger.getFirstValue());
        return { action: a.getFirstPropertyValue('action'), description: a.getFirstPropertyValue('description'), related: trigger.getParameter('related') ?? 'START', at: at.toString() };
      });
      const contact = v.getFirstProperty('contact');
      return {
        summary: e.summary as string, start: e.startDate.toString() as string, description: e.description as string, alarms,
        contact: contact?.getFirstValue() as string | undefined, altrep: contact?.getParameter('altrep') as string | undefined,
        url: v.getFirstPropertyValue('url') as string | undefined,
      };
    });
  }

  /** A mailto: URI as a mail app reads it (RFC 6068). */
  function mailto(uri: string) {
    assert.match(uri, /^mailto:/);
    const [to, query = ''] = uri.slice('mailto:'.length).split('?');
    const fields = Object.fromEntries(query.split('&').filter(Boolean).map((kv) => kv.split('=').map(decodeURIComponent) as [string, string]));
    return { to: decodeURIComponent(to), subject: fields.subject, body: fields.body };
  }

  it('every event reminds at 09:00 on its own day; each names the contact; a check-in carries its draft', () => {
    const r = run(['calendar', 'examples/notes', '--today', '2026-11-26']);
    assert.equal(r.status, 0, r.stderr);
    const all = details(r.stdout);
    assert.ok(all.length > 10);
    for (const e of all) {
      assert.equal(e.alarms.length, 1, e.summary);
      assert.deepEqual(e.alarms[0], { action: 'DISPLAY', description: e.summary, related: 'START', at: `${e.start}T09:00:00` }, e.summary);
    }
    assert.match(r.stdout, /\r\nTRIGGER;RELATED=START:PT9H\r\n/);
    const acme = all.filter((e: { description: string }) => e.description.includes('acme-backend.md'));
    for (const e of acme) {
      assert.equal(e.contact, 'Jane Doe, jane.doe@acme.example');
      assert.equal(e.altrep, 'mailto:jane.doe@acme.example');
      assert.match(e.description, /\nContact: Jane Doe\nEmail: jane\.doe@acme\.example\n/);
    }
    const checkIn = acme.find((e: { summary: string }) => e.summary === 'Check in: Acme Corp')!;
    assert.ok(checkIn.url, 'the check-in has the link');
    assert.ok(checkIn.description.includes(`ready to send in your mail app: ${checkIn.url}\n`), 'and says it in the description');
    const m = mailto(checkIn.url!);
    assert.equal(m.to, 'jane.doe@acme.example');
    assert.equal(m.subject, 'Following up on the Senior Backend Engineer position');
    assert.match(m.body, /^Dear Jane,\r\n\r\nI hope you are well\. I am writing to follow up on our onsite on 2 November /);
    // Overdue: the draft of today, as `draft --format mailto` prints it.
    const draft = run(['draft', 'examples/notes/acme-backend.md', '--kind', 'check-in-email', '--format', 'mailto', '--today', '2026-11-26']);
    assert.equal(checkIn.url, draft.stdout.trim());
    assert.ok(!acme.some((e: { summary: string; url?: string }) => e.summary !== checkIn.summary && e.url), 'only the check-in has a link');
    // A phone, where the note has one.
    const piedPiper = all.find((e: { summary: string }) => e.summary === 'Send the thank-you note: Pied Piper')!;
    assert.equal(piedPiper.contact, 'Monica Hall, monica.hall@piedpiper.example, +1 555 0177');
    assert.match(piedPiper.description, /\nContact: Monica Hall\nEmail: monica\.hall@piedpiper\.example\nPhone: \+1 555 0177\n/);
  });

  it('a name with a comma, a semicolon, a backslash and accents round-trips; lines fold on UTF-8 boundaries', () => {
    const name = 'Zoë Ødegård-Ñúñez, Jr.; "Åsa" \\ Jörg';
    const dir = tempDir({
      '.interview-followup.yaml': 'sender: { name: Alex Rivera, email: alex@example.com }\ncheckInWaitDays: 1\n',
      'acme.md': [
        '---', 'company: Ærøskøbing Café; Bäckerei, GmbH', 'role: Backend Engineer', 'contact:', `  name: '${name.replace(/'/g, "''")}'`,
        '  email: zoe@acme.example', '  phone: "+45 12 34 56 78"', 'interviewed: 2026-11-26', 'thank_you_sent: 2026-11-26', 'status: waiting', '---', '',
      ].join('\n'),
    });
    const r = run(['calendar', '.', '--today', '2026-11-26'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /\uFFFD/, 'no character cut in two by a fold');
    const lines = r.stdout.split('\r\n');
    for (const line of lines) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
    // eslint-disable-next-line no-control-regex
    const wide = /[^\x00-\x7f]/;
    assert.ok(lines.some((l, k) => l.startsWith(' ') && (wide.test(l[1]) || wide.test(lines[k - 1].slice(-1)))), 'a fold next to a multi-byte character');
    // As written, unfolded: TEXT escaping (RFC 5545 3.3.11) of the comma, the semicolon and the backslash.
    assert.ok(r.stdout.replace(/\r\n /g, '').includes('\r\nCONTACT;ALTREP="mailto:zoe@acme.example":Zoë Ødegård-Ñúñez\\, Jr.\\; "Åsa" \\\\ Jörg\\, zoe@acme.example\\, +45 12 34 56 78\r\n'));
    const all = details(r.stdout);
    assert.deepEqual(all.map((e: { summary: string; start: string }) => [e.summary, e.start]), [
      ['Thank-you note sent: Ærøskøbing Café; Bäckerei, GmbH', '2026-11-26'],
      ['Check in: Ærøskøbing Café; Bäckerei, GmbH', '2026-11-27'],
    ]);
    for (const e of all) {
      assert.equal(e.contact, `${name}, zoe@acme.example, +45 12 34 56 78`);
      assert.ok(e.description.includes(`\nContact: ${name}\nEmail: zoe@acme.example\nPhone: +45 12 34 56 78\n`), e.description);
      assert.equal(e.alarms[0].at, `${e.start}T09:00:00`);
    }
    const m = mailto(all[1].url!);
    assert.equal(m.to, 'zoe@acme.example');
    assert.equal(m.subject, 'Following up on the Backend Engineer position');
    assert.match(m.body, /^Dear Zoë,\r\n/);
    // Written as on the day it is sent: the interview was the day before the check-in.
    assert.match(m.body, /follow up on my interview yesterday for the Backend Engineer position at Ærøskøbing Café; Bäckerei, GmbH\./);
  });

  it('puts an all-day event on its calendar date in every time zone', () => {
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC', 'Asia/Tokyo']) {
      const r = run(['calendar', 'examples/notes/acme-backend.md', '--today', '2026-11-26'], { env: { TZ: tz } as Record<string, string> });
      assert.match(r.stdout, /DTSTART;VALUE=DATE:20261116\r\n/, tz);
    }
  });
});

describe('CLI new', () => {
  it('writes a note from the template that the checker reads as intended', () => {
    const dir = tempDir();
    const r = run(['new', '--company', 'Acme: Labs', '--role', 'Staff Engineer', '--today', '2026-11-26', '--dir', dir]);
    assert.equal(r.status, 0, r.stderr);
    const file = path.join(dir, 'acme-labs-staff-engineer.md');
    assert.equal(r.stdout.trim(), path.relative(ROOT, file));
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^---\n/);
    assert.match(text, /\ncompany: "Acme: Labs"\n/, 'a colon is quoted, so the YAML still reads');
    assert.match(text, /\nrole: Staff Engineer\n/);
    assert.match(text, /\ninterviewed: 2026-11-26\n/);
    assert.match(text, /\n# Acme: Labs: Staff Engineer\n/, 'the body has the plain text');
    const check = JSON.parse(run(['check', file, '--today', '2026-11-26', '--format', 'json']).stdout) as { rule: string }[];
    assert.deepEqual(check.map((f) => f.rule).sort(), ['ask-timeline', 'thank-you-due']);
  });

  it('writes company and role so that YAML 1.2 and 1.1 read them back as typed (0x1F, 1e3, no, ~, .inf)', () => {
    const { parse } = require('yaml') as typeof import('yaml');
    for (const [company, role] of [['0x1F', '1e3'], ['no', '~'], ['.inf', '0o17'], ['Yes', '2026-11-26'], ['on', '1:20']]) {
      const dir = tempDir();
      const r = run(['new', '--company', company, '--role', role, '--today', '2026-11-26', '--dir', dir]);
      assert.equal(r.status, 0, r.stderr);
      const text = fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]), 'utf8');
      const fm = text.split('---\n')[1];
      for (const version of ['1.2', '1.1'] as const) {
        const data = parse(fm, { version }) as { company: unknown; role: unknown };
        assert.deepEqual([data.company, data.role], [company, role], `YAML ${version}:\n${fm}`);
      }
      const check = JSON.parse(run(['check', dir, '--today', '2026-11-26', '--format', 'json']).stdout) as { rule: string }[];
      assert.ok(!check.some((f) => f.rule === 'invalid-value'), JSON.stringify(check));
    }
  });

  it('takes --date for the interview date, and never overwrites a note', () => {
    const dir = tempDir();
    const args = ['new', '--company', 'Globex', '--role', 'SRE', '--date', '2026-12-01', '--today', '2026-11-26', '--dir', dir];
    assert.equal(run(args).status, 0);
    const file = path.join(dir, 'globex-sre.md');
    assert.match(fs.readFileSync(file, 'utf8'), /\ninterviewed: 2026-12-01\n/);
    fs.appendFileSync(file, 'My own notes.\n');
    const again = run(args);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /cannot write '.*globex-sre\.md': it already exists/);
    assert.match(fs.readFileSync(file, 'utf8'), /My own notes\.\n$/);
  });

  it('uses the workspace template when there is one', () => {
    const dir = tempDir({
      '.interview-followup.yaml': 'templatesDir: tpl\n',
      'tpl/interview-note.hbs': '---\ncompany: {{company}}\nrole: {{role}}\ninterviewed: {{interviewed}}\nsource: referral\n---\n\nWritten {{today}}.\n',
    });
    assert.equal(run(['new', '--company', 'Initech', '--role', 'Analyst', '--today', '2026-11-26'], { cwd: dir }).status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'initech-analyst.md'), 'utf8'),
      '---\ncompany: Initech\nrole: Analyst\ninterviewed: 2026-11-26\nsource: referral\n---\n\nWritten 2026-11-26.\n');
  });

  it('needs a company and a role', () => {
    const r = run(['new', '--company', 'Acme']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^interview-followup: new needs --role\n$/);
  });
});
