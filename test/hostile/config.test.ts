/**
 * `.interview-followup.yaml` is workspace input too: hostile config files are reported, in
 * bounded time and with a bounded number of problems, and never pollute a prototype.
 */
import * as assert from 'node:assert/strict';
import { mergeConfig, parseConfigText } from '../../server/src/service';

function timed<T>(fn: () => T): T {
  const started = Date.now();
  const out = fn();
  assert.ok(Date.now() - started < 3000, `in ${Date.now() - started} ms`);
  return out;
}

describe('hostile: the configuration file', () => {
  it('`__proto__` and `constructor` keys: reported as unknown, no prototype touched', () => {
    const { layer, problems } = parseConfigText([
      '__proto__: {maxFollowUps: 0, polluted: yes}', 'constructor: {prototype: {polluted: yes}}',
      'rules: {__proto__: off, constructor: error, toString: off}', 'sender: {__proto__: {name: Mallory}, name: Alex}',
    ].join('\n'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).maxFollowUps, undefined);
    const config = mergeConfig(layer);
    assert.equal(config.maxFollowUps, 1, 'the default, not the one under __proto__');
    assert.deepEqual(config.rules, {});
    assert.equal(config.sender.name, 'Alex');
    assert.equal(Object.getPrototypeOf(config.rules), Object.prototype);
    const messages = problems.map((p) => p.message);
    for (const m of [/Unknown setting '__proto__'/, /Unknown setting 'constructor'/, /Unknown rule '__proto__'/, /Unknown rule 'constructor'/, /Unknown rule 'toString'/]) {
      assert.ok(messages.some((x) => m.test(x)), `${m}: ${JSON.stringify(messages)}`);
    }
  });

  it('an alias bomb: reported, not expanded', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    lines.push('include: *i');
    const { layer, problems } = timed(() => parseConfigText(lines.join('\n')));
    assert.deepEqual(layer, {});
    assert.match(problems[0].message, /cannot be read/);
  });

  it('20,000 unknown settings: 20 problems listed and a count of the rest, in bounded time', () => {
    const { problems } = timed(() => parseConfigText(Array.from({ length: 20_000 }, (_, i) => `s${i}: 1`).join('\n')));
    assert.equal(problems.length, 21);
    assert.equal(problems[20].message, '19980 more problems not listed');
  });

  it('nesting 20,000 deep, a file over 256 KB, a key written twice', () => {
    assert.match(timed(() => parseConfigText(`rules: ${'['.repeat(20_000)}`)).problems[0].message, /Nested too deeply/);
    assert.match(timed(() => parseConfigText(`# ${'x'.repeat(300 * 1024)}\n`)).problems[0].message, /too large/);
    const dup = parseConfigText('maxFollowUps: 1\nmaxFollowUps: 2\n');
    assert.deepEqual(dup.layer, {});
    assert.match(dup.problems[0].message, /unique/);
    assert.deepEqual(dup.problems[0].span, { start: 16, end: 28 });
  });
});
