import * as assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver/node';
import { mergeJson, toJson } from '../../server/src/lsp/diagnostics/json';

/** A small deterministic generator: the same cases every run. */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function diagnostic(r: () => number, tag: string): Diagnostic {
  const line = Math.floor(r() * 4);
  const character = Math.floor(r() * 3);
  const messages = ['Thank-you due', 'say "hi", then \\ leave', 'Café — déjà vu 🎉', '[{"range":1}]'];
  return {
    range: { start: { line, character }, end: { line, character: character + 2 } },
    severity: 1 + Math.floor(r() * 3) as 1 | 2 | 3,
    code: tag,
    source: 'interview-followup',
    message: messages[Math.floor(r() * messages.length)],
    ...(r() < 0.3 ? { data: { rule: tag, at: [line, character] } } : {}),
  };
}

describe('diagnostics kept as JSON', () => {
  it('splices the findings across notes in by position: the JSON of the stably sorted list, without parsing the rest', () => {
    const r = rng(7);
    for (let n = 0; n < 500; n++) {
      const local = Array.from({ length: Math.floor(r() * 5) }, (_, i) => diagnostic(r, `local-${i}`));
      const cross = Array.from({ length: Math.floor(r() * 3) }, (_, i) => diagnostic(r, `cross-${i}`));
      const expected = [...local, ...cross].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      const merged = mergeJson(toJson(local), cross);
      assert.equal(merged, JSON.stringify(expected), `case ${n}`);
    }
  });

  it('with nothing to add, the note\'s own JSON as it is', () => {
    const local = toJson([diagnostic(rng(1), 'a')]);
    assert.equal(mergeJson(local, []), local.json);
    assert.equal(mergeJson(toJson([]), []), '[]');
  });
});

describe('diagnostics kept as JSON, some silenced by the search', () => {
  it('leaves out the local findings of the silenced rules (an accepted offer elsewhere), keeps the rest in order', () => {
    const at = (line: number, code: string): Diagnostic => ({ range: { start: { line, character: 0 }, end: { line, character: 4 } }, code, source: 'interview-followup', message: code });
    const local = toJson([at(1, 'thank-you-due'), at(2, 'date-order'), at(3, 'check-in-due')]);
    const merged = JSON.parse(mergeJson(local, [at(0, 'withdraw-others')], new Set(['thank-you-due', 'check-in-due']))) as Diagnostic[];
    assert.deepEqual(merged.map((d) => d.code), ['withdraw-others', 'date-order']);
    assert.equal(mergeJson(local, [], new Set(['nothing-here'])), local.json, 'nothing silenced: the JSON kept as it was');
  });
});
