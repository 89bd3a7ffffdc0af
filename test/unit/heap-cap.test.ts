/**
 * The CLI's cap on V8's young generation (server/src/node/heap.ts): a run that keeps a little
 * of every note it reads stops the semi-spaces at 8 MB, where V8 alone doubles them to 16 MB
 * (16 MB more peak memory); a user who sized the young generation keeps their size. Each run
 * is a fresh node process, as the CLI is: the cap is process-wide and this test's own process
 * must not get it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { capsYoungGeneration } from '../../server/src/node/heap';

const HEAP = path.resolve(__dirname, '../../server/src/node/heap.js');

/** The young generation's size (MB) after 40,000 "notes", each keeping a summary-like object. */
function youngAfterRun(capped: boolean, nodeArgs: string[] = []): number {
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
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, [...nodeArgs, '-e', script], { encoding: 'utf8', env });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '', 'no flag error on stderr');
  const [mb, kept] = r.stdout.split(' ').map(Number);
  assert.equal(kept, 40000);
  return mb;
}

describe('the young generation cap of a CLI run', () => {
  it('keeps the semi-spaces at 8 MB (16 MB in all) where V8 alone grows them to 16 MB', function () {
    this.timeout(20_000);
    assert.ok(youngAfterRun(false) >= 32, 'uncapped, the retained data grows the young generation');
    const capped = youngAfterRun(true);
    if (capsYoungGeneration([], '')) assert.ok(capped <= 16, `capped: 2 × 8 MB at most, not ${capped} MB`);
    else assert.ok(capped >= 32, `a V8 the cap was not measured on (${process.versions.v8}) is left as it is`);
  });

  it('leaves a young generation the user sized alone (node options or NODE_OPTIONS)', function () {
    this.timeout(20_000);
    assert.ok(youngAfterRun(true, ['--max-semi-space-size=32']) > 16, 'the user\'s 32 MB semi-spaces, not the cap');
    for (const sized of ['--max-semi-space-size=64', '--max_semi_space_size=64', '--semi-space-growth-factor=4', '--max-young-generation-size-mb=96']) {
      assert.equal(capsYoungGeneration([sized], ''), false, sized);
      assert.equal(capsYoungGeneration([], `--enable-source-maps ${sized}`), false, `NODE_OPTIONS ${sized}`);
    }
    assert.equal(capsYoungGeneration([], '', '12.4.254.21-node.33'), false, 'another V8');
    assert.equal(capsYoungGeneration(['--enable-source-maps'], '--max-old-space-size=4096', '11.3.244.8-node.33'), true);
  });
});
