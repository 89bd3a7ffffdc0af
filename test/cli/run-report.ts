/** `interview-followup report` in a child process, as a user runs it (today comes from the arguments only). */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/interview-followup.js');

export function runReport(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.INTERVIEW_FOLLOWUP_TODAY;
  const r = spawnSync(process.execPath, [BIN, 'report', ...args], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

