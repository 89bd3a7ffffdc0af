/**
 * The test layers that need more than Node (the real editors, code-server and Chromium) run
 * where those are installed; `npm test` installs them first where apt-get can
 * (scripts/setup-*.sh). Elsewhere such a layer is skipped, never passed: its tests show as
 * pending and one line says why and what to set up. INTERVIEW_FOLLOWUP_REQUIRE_ALL=1 (set by
 * .ci/run) makes every such skip a failure, so CI proves every layer.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const REQUIRE_ALL_ENV = 'INTERVIEW_FOLLOWUP_REQUIRE_ALL';
export const REQUIRE_ALL = process.env[REQUIRE_ALL_ENV] === '1';

const APT = path.resolve(__dirname, '../../scripts/apt.sh');

/** Why apt-get cannot install packages here (scripts/apt.sh blocker), or undefined when it can. */
export function aptBlocker(): string | undefined {
  const r = spawnSync('bash', [APT, 'blocker'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'apt-get not available';
  return r.stdout.trim() || undefined;
}

/** What is missing, and why it was not installed: apt-get could not, or setup was not run. */
export function missingBecause(missing: string[], setupCommand: string): string {
  const apt = aptBlocker();
  return `${missing.join(', ')}${apt ? ` and ${apt}` : `; ${setupCommand} installs ${missing.length > 1 ? 'them' : 'it'}`}`;
}

/** The one line a skipped layer prints. */
export function skippedLine(layer: string, reason: string, setUp: string): string {
  return `SKIPPED ${layer}: ${reason} (set up ${setUp})`;
}

/** The error a layer that must run but cannot fails with. */
export function requiredError(layer: string, reason: string): Error {
  return new Error(`${REQUIRE_ALL_ENV}=1 and ${layer} cannot run here: ${reason}`);
}

const skipped = new Set<string>();

/** Records a skipped layer's line; under mocha they are printed after the last test, above the counts. */
export function announceSkip(line: string): void {
  skipped.add(line);
}

if (typeof after === 'function') {
  after('report the skipped layers', () => {
    for (const line of skipped) console.warn(`\n  ${line}`);
  });
}
