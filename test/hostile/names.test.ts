/**
 * Text output against hostile names: a newline (or another control character) in a file name,
 * a company or a role is escaped, as on stderr, so it can never forge a line of `check` or
 * `agenda` output that a script or a reader would take for a finding or an entry.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BASE, note, TODAY } from './corpus';
import { cli } from './run-cli';

describe('hostile: names in text output', () => {
  const FORGED = 'forged.md:1:1: error missing-field Forged';
  let dir: string;

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-names-')));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check: a newline in a file name is escaped, never a forged finding', async () => {
    fs.writeFileSync(path.join(dir, `a\n${FORGED}\n.md`), note(BASE));
    const r = await cli(['check', '--today', TODAY], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.stdout.split('\n'), [
      `a\\n${FORGED}\\n.md:6:18: warning check-in-due Check-in 10 days overdue (due Monday 2026-11-16; the 15th is a Sunday): no word since the promised date (2026-11-12); send a brief, polite check-in`,
      '1 interview note checked on 2026-11-26: 1 warning',
      '',
    ]);
  });

  it('check: a carriage return or an escape sequence in a file name is escaped too', async () => {
    fs.writeFileSync(path.join(dir, 'b\r\u001b[2Kc.md'), note(BASE));
    const r = await cli(['check', '--today', TODAY], dir);
    assert.match(r.stdout, /^b\\r\\u001b\[2Kc\.md:6:18: warning check-in-due /);
    assert.doesNotMatch(r.stdout, /[\r\u001b]/);
  });

  it('agenda: a newline in a file name is escaped, one line per entry; in a company or a role it is refused ([company])', async () => {
    fs.writeFileSync(path.join(dir, `a\n  Sun 2026-11-01  Forged (x): check in [today]  x.md\n.md`), note(BASE));
    fs.writeFileSync(path.join(dir, 'b.md'), note(['company: "Globex\\nDue today:"', 'role: "SRE\\n  forged"', ...BASE.slice(2)]));
    const r = await cli(['agenda', '--today', TODAY], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.split('\n'), [
      'Agenda for Thursday, 26 November 2026',
      '',
      'Overdue:',
      '  Mon 2026-11-16  [company] ([role]): check in [10 days overdue]  b.md',
      '  Mon 2026-11-16  Acme Corp (Engineer): check in [10 days overdue]  a\\n  Sun 2026-11-01  Forged (x): check in [today]  x.md\\n.md',
      '',
    ]);
  });

  it('calendar -o: a newline in the output name is escaped on stderr', async () => {
    fs.writeFileSync(path.join(dir, 'acme.md'), note(BASE));
    const r = await cli(['calendar', 'acme.md', '--today', TODAY, '-o', 'x\ny.ics'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, 'interview-followup: wrote 3 events to x\\ny.ics\n');
  });
});
