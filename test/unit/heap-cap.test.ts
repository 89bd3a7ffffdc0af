/**
 * The CLI's cap on V8's young generation (server/src/node/heap.ts): a run that keeps a little
 * of every note it reads stops the semi-spaces at 8 MB, where V8 alone doubles them to 16 MB
 * (16 MB more peak memory). Each run is a fresh node process, as the CLI is: the cap is
 * process-wide and this test's own process must not get it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const HEAP = path.resolve(__dirname, '../../server/src/node/heap.js');

/** The young generation's size (MB) after 40,000 "notes", each keeping a summary-like object. */
function youngAfterRun(capped: boolean): number {
  const script = `
    const v8 = require('node:v8');
    const cap = ${capped} ? require(${JSON.stringify(HEAP)}).youngGenerationCap() : () => {};
    const kept = [];
    for (let i = 0; i < 40000; i++) {
      cap();
      const scratch = Array.from({ length: 50 }, (_, k) => ({ k, s: 'x' + k + i })); // a note's parse
      kept.push({ name: 'notes/note-' + i + '.md', next: 'onsite ' + scratch.length, at: { line: i, character: 1 } });
    }
    const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(young.space_size / 1048576) + ' ' + kept.length);
  `;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [mb, kept] = r.stdout.split(' ').map(Number);
  assert.equal(kept, 40000);
  return mb;
}

describe('the young generation cap of a CLI run', () => {
  it('keeps the semi-spaces at 8 MB (16 MB in all) where V8 alone grows them to 16 MB', function () {
    this.timeout(20_000);
    assert.ok(youngAfterRun(false) >= 32, 'uncapped, the retained data grows the young generation');
    assert.ok(youngAfterRun(true) <= 16, 'capped: 2 × 8 MB at most');
  });
});
