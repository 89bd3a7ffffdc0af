/**
 * Mocha global fixtures (`.mocharc.json` and the test:* scripts require this file): every
 * temporary folder a test makes with `os.tmpdir()`, in this process or in a child it starts
 * (the env is inherited), goes inside one folder of this run, removed when the run ends. The
 * tests used to leave theirs behind: 1,700 in /tmp after a few dozen runs. Global fixtures run
 * once, in mocha's own process, with --parallel (its workers start after, and inherit TMPDIR)
 * and --watch (teardown at exit) alike; nothing happens when the file is merely loaded.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

let run: string | undefined;

export function mochaGlobalSetup(): void {
  run = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-test-'));
  process.env.TMPDIR = run;
}

export function mochaGlobalTeardown(): void {
  if (run) fs.rmSync(run, { recursive: true, force: true });
}
