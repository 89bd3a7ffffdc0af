/**
 * Mocha root hooks (`.mocharc.json` requires this file): every temporary folder a test makes
 * with `os.tmpdir()`, in this process or in a child it starts (the env is inherited), goes
 * inside one folder of this run, removed when the run ends. The tests used to leave theirs
 * behind: 1,700 in /tmp after a few dozen runs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const run = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-test-'));
process.env.TMPDIR = run;

export const mochaHooks = {
  afterAll(): void {
    fs.rmSync(run, { recursive: true, force: true });
  },
};
