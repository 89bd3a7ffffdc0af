/**
 * `report` as a user runs it: the figures of the example notes, computed by hand from their
 * front matter (today pinned to 2026-11-26, as the README's examples), in each format.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { runReport } from './run-report';

const tempDir = (files: Record<string, string>) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-report-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
};

describe('CLI report', () => {
  it('computes the figures of the example notes as counted by hand', () => {
    const r = runReport(['examples/notes', '--today', '2026-11-26', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const f = JSON.parse(r.stdout);
    // 16 interview notes; cyberdyne (status wating), massive-dynamic (bad email), tyrell (no role, 2026-02-30) have errors.
    assert.equal(f.processes, 13);
    assert.deepEqual(f.left_out, ['examples/notes/cyberdyne-ml.md', 'examples/notes/massive-dynamic.md', 'examples/notes/tyrell-design.md']);
    assert.match(r.stderr, /left out 3 notes with errors: examples\/notes\/cyberdyne-ml\.md/);
    // No status: globex, initech, stark, umbrella (waiting), with acme, hooli, black-mesa.
    assert.deepEqual(f.by_status, { waiting: 7, advanced: 2, offer: 2, accepted: 1, declined: 0, rejected: 1, withdrawn: 0, closed: 0 });
    // 12 notes with one interview on or before today, Pied Piper's 11-09 and 11-24 (12-03 is to come).
    assert.equal(f.rounds_held, 14);
    // Umbrella's the next day; Globex (today) and Pied Piper's onsite none.
    assert.deepEqual(f.thank_you, { same_day: 11, next_day: 1, later: 0, none: 2 });
    assert.equal(f.check_ins, 3); // Hooli 11-04, Stark 11-14 and 11-21
    assert.deepEqual(f.rounds_reached, { 1: 13, 2: 1, 3: 0 });
    assert.deepEqual(f.days_between_rounds, { median: 15, count: 1, values: [15] });
    // offer: Wayne, Xen (offer) and Aperture (accepted); open: 7 waiting + Pied Piper and Vandelay.
    assert.deepEqual(f.outcomes, { offer: 3, rejected: 1, withdrawn: 0, silent: 0, open: 9 });
    assert.equal(f.replies, null);
    assert.deepEqual(f.weeks.map((w: { week: string; interviews: number; thank_yous: number; check_ins: number }) => [w.week, w.interviews, w.thank_yous, w.check_ins]), [
      ['2026-W42', 1, 1, 0], // Soylent 10-14
      ['2026-W43', 1, 1, 0], // Hooli 10-20
      ['2026-W44', 0, 0, 0],
      ['2026-W45', 4, 4, 1], // Acme, Stark, Aperture, Wayne; Hooli's check-in 11-04
      ['2026-W46', 3, 3, 1], // Pied Piper's screen, Umbrella (thanked 11-11), Xen; Stark 11-14
      ['2026-W47', 3, 3, 1], // Vandelay, Black Mesa, Initech; Stark 11-21
      ['2026-W48', 2, 0, 0], // Pied Piper's onsite, Globex today
    ]);
    assert.equal(f.weeks[6].from, '2026-11-23');
  });

  it('counts replies and leaves a cancelled round out', () => {
    const dir = tempDir({
      'a.md': '---\ncompany: A\nrole: R\nrounds:\n  - date: 2026-11-02\n    thank_you_sent: 2026-11-04\n  - date: 2026-11-09\n    cancelled: true\n'
        + 'follow_ups:\n  - 2026-11-12\n  - 2026-11-20\nreplies:\n  - {date: 2026-11-05, from: a@a.example, subject: "Re: thanks"}\n  - {date: 2026-11-14, from: a@a.example, subject: "Re: checking in"}\n  - not a mapping\n  - {from: nobody}\nstatus: rejected\n---\n',
    });
    const f = JSON.parse(runReport(['.', '--today', '2026-11-26', '--format', 'json'], dir).stdout);
    assert.equal(f.rounds_held, 1);
    assert.deepEqual(f.thank_you, { same_day: 0, next_day: 0, later: 1, none: 0 });
    assert.equal(f.replies.recorded, 2);
    assert.deepEqual(f.replies.after_round, { median: 3, count: 1, values: [3] });
    assert.deepEqual(f.replies.after_check_in, { median: 2, count: 1, values: [2] });
    assert.deepEqual(f.replies.check_ins_answered, { answered: 1, of: 2, share: 0.5 });
  });

  it('prints markdown tables', () => {
    const r = runReport(['examples/notes', '--today', '2026-11-26', '--format', 'md']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^# Job search report, 2026-11-26\n/);
    assert.match(r.stdout, /\| waiting \| 7 \|/);
    assert.match(r.stdout, /\| same day \| 11 \|/);
    assert.match(r.stdout, /\| 2026-W45 \(2026-11-02\) \| 4 \| 4 \| 1 \|/);
    assert.match(r.stdout, /- examples\/notes\/tyrell-design\.md/);
  });

  it('writes a new file with -o, and never over a note even with --force', () => {
    const dir = tempDir({ 'a.md': '---\ncompany: A\nrole: R\ninterviewed: 2026-11-02\n---\n' });
    const ok = runReport(['.', '--today', '2026-11-26', '-o', 'report.html'], dir);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'report.html'), 'utf8'), /^<!DOCTYPE html>/);
    assert.equal(runReport(['.', '--today', '2026-11-26', '-o', 'report.html'], dir).status, 2);
    const note = runReport(['.', '--today', '2026-11-26', '-o', 'a.md', '--force'], dir);
    assert.equal(note.status, 2);
    assert.match(note.stderr, /never writes to notes/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), '---\ncompany: A\nrole: R\ninterviewed: 2026-11-02\n---\n');
  });

  it('refuses an unknown format', () => {
    const r = runReport(['examples/notes', '--format', 'pdf']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format must be html, md or json/);
  });
});
