/** What counts as an interview note, yaml-syntax, and positions: CRLF, a BOM, UTF-16 columns. */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { check, covered, note, rules, single } from './helpers';

describe('not an interview note: no diagnostics, ever', () => {
  const plain: [string, string][] = [
    ['no front matter', '# Job search log\n\ninterviewed: 2026-11-20 at Acme\n'],
    ['a --- thematic break opening a plain file', '---\n\n# Heading\n\nSome text.\n'],
    ['a thematic break, text, and another break', '---\nJust a paragraph between rules\n---\n\nMore text.\n'],
    ['front matter without interviewed or type: interview', note(['title: Reading list', 'tags: [books]'], '# Books\n')],
    ['front matter of another type', note(['type: meeting', 'company: Acme Corp', 'date: 2026-11-20'])],
    ['broken YAML without an interview marker', note(['title: [unclosed'])],
    ['an empty file', ''],
    ['a lone ---', '---'],
  ];
  for (const [what, text] of plain) {
    it(what, () => assert.equal(check(text), undefined));
  }

  it('a list or scalar front matter without a marker', () => {
    assert.equal(check(note(['- one', '- two'])), undefined);
    assert.equal(check(note(['just words'])), undefined);
  });
});

describe('an interview note', () => {
  it('is marked by interviewed', () => {
    assert.deepEqual(check(note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-20', 'thank_you_sent: 2026-11-20', 'expect_reply_by: 2026-12-01'])), []);
  });

  it('is marked by type: interview alone', () => {
    assert.deepEqual(rules(note(['type: interview', 'company: Acme Corp', 'role: Dev'])), ['missing-field']);
  });

  it('may close its front matter with ...', () => {
    const text = '---\ncompany: Acme Corp\nrole: Dev\ninterviewed: 2026-02-30\n...\n# Body\n';
    assert.deepEqual(rules(text), ['invalid-date']);
  });
});

describe('yaml-syntax', () => {
  it('invalid YAML with an interviewed: line is an error near the problem', () => {
    const text = note(['company: "Acme', 'role: Dev', 'interviewed: 2026-11-20'], '# Notes\n');
    const d = single(text, 'yaml-syntax');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /quote/i);
    assert.ok(d.range.start.line >= 1 && d.range.end.line <= 3, JSON.stringify(d.range));
    assert.deepEqual(rules(text), ['yaml-syntax'], 'no other rule runs on unreadable front matter');
  });

  it('an unclosed flow list at the end still gets a visible range on that line', () => {
    const text = note(['interviewed: 2026-11-20', 'company: [Acme'], '# Notes\n');
    const d = single(text, 'yaml-syntax');
    assert.equal(d.range.start.line, 2);
    assert.notEqual(covered(text, d.range), '');
  });

  it('duplicate keys', () => {
    const text = note(['interviewed: 2026-11-20', 'company: Acme', 'company: Globex']);
    const d = single(text, 'yaml-syntax');
    assert.match(d.message, /unique/);
    assert.deepEqual(d.range.start, { line: 3, character: 0 }, 'on the second company');
  });

  it('a list front matter with an interviewed: line', () => {
    const text = note(['[draft,', 'interviewed: 2026-11-20]']);
    const d = single(text, 'yaml-syntax');
    assert.match(d.message, /is a list; an interview note needs a mapping/);
    assert.equal(covered(text, d.range), '---');
  });

  it('a scalar front matter with an interviewed: line', () => {
    const text = note(['interviewed:2026-11-20']);
    assert.match(single(text, 'yaml-syntax').message, /is a single value/);
  });

  it('front matter that is never closed, on the opening ---', () => {
    const text = '---\ncompany: Acme Corp\ninterviewed: 2026-11-20\n\n# Notes\n';
    const d = single(text, 'yaml-syntax');
    assert.match(d.message, /never closed/);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  });

  it('a never-closed block marked by type: interview', () => {
    assert.deepEqual(rules('---\ntype: interview\ncompany: Acme\n'), ['yaml-syntax']);
  });
});

describe('positions', () => {
  it('CRLF notes: ranges cover the value, without the carriage return', () => {
    const text = note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-20', 'expect_reply_by: soonish'], '# Notes\r\n', '\r\n');
    const d = single(text, 'invalid-date');
    assert.equal(covered(text, d.range), 'soonish');
    assert.deepEqual(d.range, { start: { line: 4, character: 17 }, end: { line: 4, character: 24 } });
    assert.equal(covered(text, single(text, 'thank-you-due').range), '2026-11-20');
  });

  it('CRLF: an empty key and the opening --- are found', () => {
    const text = note(['company:', 'interviewed: 2026-11-20'], '', '\r\n');
    const [absent, empty] = check(text)!.filter((d) => d.code === 'missing-field');
    assert.equal(covered(text, empty.range), 'company');
    assert.equal(covered(text, absent.range), '---');
  });

  it('a BOM before the opening ---', () => {
    const text = '\ufeff' + note(['role: Dev', 'interviewed: 2026-11-32'], '# Notes\n');
    const found = check(text)!;
    const missing = found.find((d) => d.code === 'missing-field')!;
    assert.equal(covered(text, missing.range), '---');
    const bad = found.find((d) => d.code === 'invalid-date')!;
    assert.equal(covered(text, bad.range), '2026-11-32');
    assert.deepEqual(bad.range.start, { line: 2, character: 13 });
  });

  it('a BOM and CRLF together', () => {
    const text = '\ufeff' + note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-26', 'status: wating'], '', '\r\n');
    assert.equal(covered(text, single(text, 'invalid-value').range), 'wating');
  });

  it('UTF-16 columns: an emoji earlier on the line of a finding (flow map)', () => {
    const line = '{company: "🚀 Rocket", role: Dev, interviewed: 2026-11-26, thankyou_sent: 2026-11-26}';
    const text = note([line]);
    const d = single(text, 'unknown-field');
    // The rocket is one code point but two UTF-16 code units: LSP columns count code units.
    const column = line.indexOf('thankyou_sent');
    assert.equal([...line.slice(0, column)].length, column - 1, 'one code point fewer than code units');
    assert.deepEqual(d.range, { start: { line: 1, character: column }, end: { line: 1, character: column + 13 } });
  });

  it('UTF-16: an emoji value on an earlier line changes nothing on later lines', () => {
    const text = note(['company: "🚀 Rocket 🚀"', 'role: "Dev 👩‍💻"', 'interviewed: 2026-11-26', 'status: wating']);
    const d = single(text, 'invalid-value');
    assert.deepEqual(d.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 14 } });
  });

  it('UTF-16: an emoji before a value on the same line', () => {
    const text = note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-26', 'contact: {name: "Zoë 🙂", email: "zoë@🙂"}']);
    const d = single(text, 'invalid-value');
    assert.equal(covered(text, d.range), '"zoë@🙂"');
    assert.equal(d.range.start.character, 'contact: {name: "Zoë 🙂", email: '.length);
  });

  it('no range ever covers the whole file or crosses a fence', () => {
    const text = note(['compny: Acme', 'role: [a, b]', 'interviewed: 2026-11-02', 'status: wating', 'follow_ups: x',
      'contact: Jane', 'expect_reply_by: 2026-10-01', 'thank_you_sent: 2026-13-01'], '# Notes\n\nBody text.\n');
    const found = check(text)!;
    assert.ok(found.length >= 7, JSON.stringify(found.map((d) => d.code)));
    for (const d of found) {
      const c = covered(text, d.range);
      assert.ok(c.length > 0 && !c.includes('\n'), `${d.code}: ${JSON.stringify(c)}`);
      assert.ok(d.range.end.line <= 9, `${d.code} stays in the front matter`);
    }
  });
});
