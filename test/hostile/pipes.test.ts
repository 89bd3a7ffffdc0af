/**
 * The real executable with a stdout that goes away: `check | head -1` ends quietly with the
 * status its answer has, never a stack trace; a stdout that cannot be written (a full disk) is
 * one line on stderr and status 2.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN } from '../lsp/client';
import { note, TODAY } from './corpus';

/** Runs the CLI, reads its first line of output, then closes the pipe, as `| head -1` does. */
function headOne(args: string[], cwd: string): Promise<{ code: number | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: {}, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, first: out.split('\n')[0], stderr }));
  });
}

describe('hostile: the CLI with a closed stdout', function () {
  this.timeout(60_000);
  let dir: string;

  /**
   * 1,000 notes in a folder `dir`, each `text`, under a path of 800 characters: every command
   * prints megabytes, far more than the pipe (a socket pair, a few hundred KB) holds, so a
   * write after the reader has gone fails whatever the timing.
   */
  function notes(text: string): string {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-pipes-')));
    const deep = path.join(root, ...['a', 'b', 'c', 'd'].map((c) => c.repeat(200)));
    fs.mkdirSync(deep, { recursive: true });
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(deep, `n${String(i).padStart(4, '0')}.md`), text);
    return root;
  }

  // One finding each, of information only (ask-timeline): the answer is 0.
  before(() => (dir = notes(note(['company: Acme Corp', 'role: Engineer', 'interviewed: 2026-11-25', 'thank_you_sent: 2026-11-25']))));

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: [string, RegExp][] = [
    ['check', /^a{200}\/b{200}\/c{200}\/d{200}\/n0000\.md:\d+:\d+: information same-process /],
    ['agenda', /^Agenda for Thursday, 26 November 2026$/],
    ['calendar', /^BEGIN:VCALENDAR$/],
  ];
  for (const [command, first] of cases) {
    it(`${command} | head -1: quiet, and the exit status of its answer (0)`, async () => {
      const r = await headOne([command, '.', '--today', TODAY], dir);
      assert.match(r.first.replace(/\r$/, ''), first);
      assert.equal(r.stderr, '', 'no stack trace');
      assert.equal(r.code, 0);
    });
  }

  it('check | head -1 with warnings: still 1', async () => {
    const warned = notes(note(['company: Acme Corp', 'role: Engineer', 'interviewed: 2026-11-02'])); // thank-you-due
    try {
      const r = await headOne(['check', '.', '--today', TODAY], warned);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 1);
    } finally {
      fs.rmSync(warned, { recursive: true, force: true });
    }
  });

  it('a stdout that cannot be written (a full disk): one line on stderr, status 2', function () {
    if (!fs.existsSync('/dev/full')) this.skip();
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'check', '.', '--today', TODAY], { cwd: dir, env: {}, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      assert.equal(r.stderr, 'interview-followup: cannot write the output: ENOSPC: no space left on device, write\n');
      assert.equal(r.status, 2);
    } finally {
      fs.closeSync(full);
    }
  });
});
