/**
 * SPEC part 3, "Each moment its one message", as the CLI prints it: check, agenda, calendar and
 * draft over one folder (one search), today pinned. Run in-process through main().
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';

const TODAY = '2026-11-26'; // a Thursday

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-moment-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

async function cli(dir: string, ...args: string[]): Promise<{ code: number | undefined; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...args, '--today', TODAY], { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: dir, env: {}, now: () => new Date() });
  return { code, out, err };
}

const fm = (...lines: string[]) => ['---', ...lines, '---', ''].join('\n');

/** The findings of check: "file rule" per line, the summary left out. */
async function findings(dir: string): Promise<string[]> {
  const { out } = await cli(dir, 'check');
  return out.trimEnd().split('\n').slice(0, -1).map((l) => `${l.split(':')[0]} ${l.split(' ')[2]}`);
}

describe('CLI: maxFollowUps above 1 (the next check-in is scheduled)', () => {
  const note = (followUps: string) => fm('company: Acme Corp', 'role: Backend Engineer', 'contact: {name: Jane Doe, email: jane@acme.example}',
    'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'expect_reply_by: 2026-11-06', `follow_ups: [${followUps}]`);

  it('after the first of two check-ins, the second is due checkInWaitDays after it, on a working day', async () => {
    // 2026-11-14 + 7 = Saturday 2026-11-21: moved to Monday 2026-11-23.
    const dir = folder({ '.interview-followup.yaml': 'maxFollowUps: 2\n', 'acme.md': note('2026-11-14') });
    const { out, code } = await cli(dir, 'check');
    assert.equal(code, 1);
    assert.match(out, /acme\.md:\d+:\d+: warning check-in-due Check-in 3 days overdue \(due Monday 2026-11-23; the 21st is a Saturday\): no word since your check-in on 2026-11-14 \(1 of the 2 allowed sent\); send a brief, polite check-in\n/);
    const agenda = (await cli(dir, 'agenda')).out;
    assert.match(agenda, /Overdue:\n {2}Mon 2026-11-23 {2}Acme Corp \(Backend Engineer\): check in with Jane Doe \[3 days overdue\] {2}acme\.md/);
    assert.doesNotMatch(agenda, /Nothing to do|Left out/);
    const calendar = (await cli(dir, 'calendar')).out;
    assert.match(calendar, /DTSTART;VALUE=DATE:20261123\r\n/);
  });

  it('after the second, let-it-go as before; the agenda lists it under Waiting until then', async () => {
    const dir = folder({ '.interview-followup.yaml': 'maxFollowUps: 2\n', 'acme.md': note('2026-11-14, 2026-11-23') });
    assert.deepEqual(await findings(dir), []);
    const agenda = (await cli(dir, 'agenda')).out;
    assert.match(agenda, /Waiting:\n {2}Mon 2026-12-07 {2}Acme Corp \(Backend Engineer\): waiting for a reply to your check-in; let it go on 2026-12-07/);
    assert.doesNotMatch(agenda, /Nothing to do|Left out/);
  });
});

describe('CLI: after an accepted offer, withdrawing is the one thing due', () => {
  const files = {
    'aperture.md': fm('company: Aperture Science', 'role: Backend Engineer', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'status: accepted'),
    // A thank-you due, no timeline: both silent once withdrawing is due.
    'globex.md': fm('company: Globex', 'role: Frontend Engineer', 'contact: {name: Priya Natarajan, email: priya@globex.example, phone: "+1 555 0101"}', 'interviewed: 2026-11-25'),
    // A check-in overdue.
    'initech.md': fm('company: Initech', 'role: Data Engineer', 'contact: {name: Bill Lumbergh, email: bill@initech.example}', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02'),
    // An offer with a deadline: not weighed.
    'xen.md': fm('company: Xen Labs', 'role: Platform Engineer', 'contact: {name: Ana Ruiz, email: ana@xen.example, phone: "+1 555 0199"}', 'interviewed: 2026-11-10',
      'thank_you_sent: 2026-11-10', 'status: offer', 'offer_deadline: 2026-11-27'),
  };

  it('check: withdraw-others alone on each open process, nothing else', async () => {
    const dir = folder(files);
    assert.deepEqual(await findings(dir), ['globex.md withdraw-others', 'initech.md withdraw-others', 'xen.md withdraw-others']);
    const { out, code } = await cli(dir, 'check');
    assert.match(out, /4 interview notes checked on 2026-11-26: 3 information\n$/);
    assert.equal(code, 0, 'nothing at warning any more');
    const json = JSON.parse((await cli(dir, 'check', '--format', 'json')).out) as { rule: string }[];
    assert.deepEqual(json.map((f) => f.rule), ['withdraw-others', 'withdraw-others', 'withdraw-others']);
  });

  it('agenda: each under Withdraw; calendar: one withdrawal each, with its contact, no reminder beside it', async () => {
    const dir = folder(files);
    const agenda = (await cli(dir, 'agenda')).out;
    assert.deepEqual(agenda.split('\n\n').slice(1).map((s) => s.split('\n')[0]), ['Withdraw:']);
    const calendar = (await cli(dir, 'calendar')).out;
    const events = calendar.split('BEGIN:VEVENT').slice(1);
    const summaries = events.map((e) => /SUMMARY:([^\r]*)/.exec(e)![1]);
    // What was sent stays (the thank-you to Initech); no reminder to send or check in.
    assert.deepEqual(summaries.filter((t) => !t.startsWith('Thank-you note sent')), ['Withdraw: Globex', 'Withdraw: Initech', 'Withdraw: Xen Labs']);
    const xen = events.find((e) => e.includes('Withdraw: Xen Labs'))!;
    assert.match(xen.replace(/\r\n /g, ''), /CONTACT;ALTREP="mailto:ana@xen\.example":Ana Ruiz\\, ana@xen\.example\\, \+1 555 0199/, 'an offer has no other event to take the contact from');
    assert.match(events.find((e) => e.includes('Withdraw: Globex'))!.replace(/\r\n /g, ''), /CONTACT;ALTREP="mailto:priya@globex\.example":Priya Natarajan/);
  });

  it('draft without --kind gives the withdrawal, the first draft offered', async () => {
    const dir = folder(files);
    const { out, code, err } = await cli(dir, 'draft', 'globex.md');
    assert.equal(code, 0, err);
    assert.match(out, /^## Draft: withdrawal email to Priya Natarajan \(2026-11-26\)\n\nTo: Priya Natarajan <priya@globex\.example>\nSubject: Withdrawing from the Frontend Engineer process\n/);
  });
});

describe('CLI: one process, several notes', () => {
  const round = (n: number, status: string, date: string, company = 'Globex', role = 'Frontend Engineer') =>
    fm(`company: ${company}`, `role: ${role}`, 'contact: {name: Priya Natarajan, email: priya@globex.example}', `interviewed: ${date}`, `thank_you_sent: ${date}`, `status: ${status}`, `stage: round ${n}`);

  it('rejected in round 2\'s note: closed; the round-1 note is not chased nor told to withdraw after an acceptance', async () => {
    const dir = folder({
      'aperture.md': fm('company: Aperture Science', 'role: Backend Engineer', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'status: accepted'),
      'globex-1.md': round(1, 'waiting', '2026-11-02'),
      'globex-2.md': round(2, 'rejected', '2026-11-12', 'globex', ' frontend  engineer'),
    });
    assert.deepEqual(await findings(dir), ['globex-1.md same-process', 'globex-2.md same-process']);
    const { out } = await cli(dir, 'check');
    assert.match(out, /globex-1\.md:7:9: information same-process The same process \(Globex, Frontend Engineer\) as globex-2\.md \(rejected\); globex-2\.md says rejected: the process is closed, nothing more to send here\n/);
    assert.match(out, /globex-2\.md:\d+:\d+: information same-process The same process \(globex, frontend {2}engineer\) as globex-1\.md \(waiting\)\n/);
    const agenda = (await cli(dir, 'agenda')).out;
    assert.match(agenda, /Nothing to do: no open interview notes\./, 'the one waiting note belongs to a closed process');
    assert.doesNotMatch(agenda, /Left out/);
    assert.doesNotMatch((await cli(dir, 'calendar')).out, /BEGIN:VEVENT/);
  });

  it('accepted in its second note: the first note is not told to withdraw from itself, nor chased', async () => {
    const dir = folder({
      'globex-1.md': round(1, 'advanced', '2026-11-02'),
      'globex-2.md': round(2, 'accepted', '2026-11-12'),
      'initech.md': fm('company: Initech', 'role: Data Engineer', 'interviewed: 2026-11-25'),
    });
    assert.deepEqual(await findings(dir), ['globex-1.md same-process', 'globex-2.md same-process', 'initech.md withdraw-others']);
    assert.match((await cli(dir, 'check')).out, /initech\.md:1:1: information withdraw-others You accepted the offer from Globex \(globex-2\.md\): tell Initech you are withdrawing/);
  });

  it('an offer weighs other processes once each, and not the closed ones', async () => {
    const dir = folder({
      'wayne.md': fm('company: Wayne Enterprises', 'role: Analyst', 'interviewed: 2026-11-10', 'thank_you_sent: 2026-11-10', 'status: offer'),
      'globex-1.md': round(1, 'advanced', '2026-11-02'),
      'globex-2.md': round(2, 'waiting', '2026-11-24'),
      'hooli-1.md': round(1, 'waiting', '2026-11-02', 'Hooli', 'SRE'),
      'hooli-2.md': round(2, 'withdrawn', '2026-11-12', 'Hooli', 'SRE'),
    });
    assert.match((await cli(dir, 'check')).out, /wayne\.md:\d+:\d+: information weigh-offer An offer: weigh it against your other open process: Globex \(waiting\);/);
  });
});
