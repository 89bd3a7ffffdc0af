/**
 * The include/exclude globs: they match as picomatch (`dot: true`), which they replace, and in
 * time bounded by pattern × path, where picomatch's regular expressions backtrack exponentially.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { compileGlob, globProblem } from '../../server/src/service/glob';
import { parseConfigText } from '../../server/src/service';

const PATHS = ['a.md', 'notes/acme.md', 'notes/2026/acme.md', '.hidden/x.md', 'notes/.draft.md', 'archive/old/x.markdown',
  'a', 'a/b', 'a/b/c', 'ab', 'axxb', 'x(1).md', 'b.md', 'Notes/A.md', 'a-b_c.md', 'deep/a/b/c/d/e.md', '../up.md', 'a]', 'a[', '*'];

const GLOBS = ['**/*.md', '*.md', 'notes/**', 'notes/**/*.md', 'archive/**', '**/.*', '**/old/**', 'a/**/c', '**/a', 'a/**',
  '*.{md,markdown}', '{notes,archive}/**', 'notes/{2025,2026}/*.md', '[ab].md', '[^a]*.md', '[a-c]*', '?.md', '??', 'a?b', 'a*b',
  '**/[[:upper:]]*.md', 'x\\(1\\).md', './a.md', '!*.md', '!notes/**', 'a\\*', '\\*', 'a]', 'a[', '*/*', '**', '{1..3}.md', 'a{,b}',
  '**/*-*.md', '**/e.md', 'deep/**/d/*.md'];

describe('globs', () => {
  it('match as picomatch does, on every pair of a pattern set and a path set', () => {
    for (const g of GLOBS) {
      const ours = compileGlob(g);
      const theirs = picomatch(g, { dot: true });
      for (const p of PATHS) assert.equal(ours(p), theirs(p), `${JSON.stringify(g)} on ${JSON.stringify(p)}`);
    }
    // One difference: `[!a]` is "not a", as in every shell (picomatch reads it as `[a]`).
    assert.deepEqual(['a.md', 'b.md', 'x.md'].map(compileGlob('[!a]*.md')), [false, true, true]);
  });

  it('property: as picomatch on random globs of stars, question marks, globstars and literals', () => {
    const piece = fc.constantFrom('*', '?', '**', 'a', 'b', '.', '/', '[ab]', '{a,b}', '-');
    const glob = fc.array(piece, { minLength: 1, maxLength: 8 }).map((ps) => ps.join(''))
      .filter((g) => !/\*\*[^/]|[^/]\*\*/.test(g) && !g.startsWith('/') && !g.includes('//') && !g.startsWith('!'));
    const segment = fc.array(fc.constantFrom('a', 'b', '.', '-'), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''))
      .filter((s) => s !== '.' && s !== '..');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((ss) => ss.join('/'));
    fc.assert(fc.property(glob, path, (g, p) => compileGlob(g)(p) === picomatch(g, { dot: true })(p)), { seed: 0x610b, numRuns: 3000 });
  });

  it('take time bounded by pattern × path: `*a*a*a*a*a*a*a*a*a*a*a*x` on a long name', () => {
    const match = compileGlob('*a*a*a*a*a*a*a*a*a*a*a*x');
    const started = Date.now();
    assert.equal(match(`${'a'.repeat(5000)}.md`), false);
    assert.equal(match(`${'a'.repeat(5000)}x`), true);
    assert.equal(compileGlob('**/a/**/a/**/a/**/a/**/x')(Array(200).fill('a').join('/')), false);
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
  });

  it('refuse what they cannot match in bounded time or do not support, with a reason', () => {
    assert.match(globProblem('@(a|b).md')!, /extended glob/);
    assert.match(globProblem('!(draft)*.md')!, /extended glob/);
    assert.match(globProblem('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}')!, /expands to more than 100 patterns/);
    assert.match(globProblem('{1..1000}.md')!, /expands to more than 100 patterns/);
    assert.match(globProblem('x'.repeat(1001))!, /longer than 1000 characters/);
    assert.match(globProblem('[[:bogus:]]')!, /unknown class/);
    assert.equal(globProblem('*a*a*a*a*a*a*a*a*a*a*a*x'), undefined, 'a pathological regular expression is a fine glob here');
  });

  it('a glob refused in the config file is reported on its key, and that key is ignored', () => {
    const text = 'include: ["**/*.md"]\nexclude: ["@(a|b)/**"]\n';
    const { layer, problems } = parseConfigText(text);
    assert.deepEqual(layer, { include: ['**/*.md'] });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^exclude glob "@\(a\|b\)\/\*\*" uses an extended glob/);
    assert.equal(text.slice(problems[0].span.start, problems[0].span.end), '["@(a|b)/**"]');
  });
});
