/** The README's note samples are notes the service reads without a complaint about their form. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { diagnostics } from './helpers';

const README = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const FORM = ['yaml-syntax', 'missing-field', 'invalid-date', 'invalid-value', 'unknown-field', 'date-order'];

/** The first fenced block of `lang` after `heading`. */
function blockAfter(heading: string, lang: string): string {
  const at = README.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `the README has '${heading}'`);
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(README.slice(at));
  assert.ok(m, `a ${lang} block after '${heading}'`);
  return m[1];
}

describe("the README's note samples", () => {
  it('"A note": every field as documented, no finding about its form', () => {
    const text = blockAfter('## A note', 'markdown');
    assert.deepEqual(diagnostics(text).filter((d) => FORM.includes(String(d.code))).map((d) => `${d.code}: ${d.message}`), []);
  });

  it('"A process of several rounds": a panel with a highlight each, read as rounds', () => {
    const yaml = blockAfter('### A process of several rounds, calls, highlights', 'yaml');
    const text = `---\ncompany: Pied Piper\nrole: Backend Engineer\n${yaml}---\n`;
    assert.deepEqual(diagnostics(text).filter((d) => FORM.includes(String(d.code))).map((d) => `${d.code}: ${d.message}`), []);
  });
});
