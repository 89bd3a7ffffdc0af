import * as assert from 'node:assert/strict';
import { Output } from '../../server/src/cli/output';

describe('CLI output held as bytes', () => {
  it('prints the texts in order with the late ones spliced in where their place was taken, across pieces and multi-byte characters', () => {
    const out = new Output();
    const texts: string[] = [];
    const places: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const t = `note-${i}.md:1:1: warning Café ${'é'.repeat(i % 7)} 🎉 déjà ${i}\n`;
      places.push(out.position);
      texts.push(t);
      out.add(t);
    }
    // Late texts at a few places, two at one place (in the order given), one at the very end.
    const late: [number, string][] = [[2999, 'LAST\n'], [0, 'FIRST\n'], [1500, 'MID-A\n'], [1500, 'MID-B\n'], [3000, 'END\n']];
    for (const [i, t] of late) out.insert(i === 3000 ? out.position : places[i], t);
    const written: string[] = [];
    out.flush((s) => written.push(s));
    const expected = texts.flatMap((t, i) => [...late.filter(([at]) => at === i).map(([, l]) => l), t]).join('') + 'END\n';
    assert.equal(written.join(''), expected);
    assert.ok(written.length > 1, 'printed in more than one write');
    for (const w of written) assert.ok(!w.includes('\uFFFD'), 'no write splits a character');
  });

  it('a JSON list opens with whichever element comes first, spliced in or not', () => {
    const out = new Output();
    const at = out.position;
    out.add(',\n  2');
    out.insert(at, ',\n  1');
    out.add('\n]\n');
    const written: string[] = [];
    out.flush((s) => written.push(s), { from: ',\n  ', to: '[\n  ' });
    assert.deepEqual(JSON.parse(written.join('')), [1, 2]);
  });

  it('leaves out dropped texts (findings the search silences), across pieces, with late texts inserted at their edges', () => {
    const out = new Output();
    const places: number[] = [];
    const texts: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const t = `note-${i}.md:1:1: warning Café 🎉 ${i}\n`;
      places.push(out.position);
      texts.push(t);
      out.add(t);
    }
    places.push(out.position);
    const dropped = new Set([0, 1, 700, 1499, 1500, 2999]);
    for (const i of dropped) out.drop(places[i], places[i + 1]);
    out.insert(places[1500], 'AT-1500\n');
    out.insert(places[1], 'AT-1\n');
    const written: string[] = [];
    out.flush((s) => written.push(s));
    const expected = texts.flatMap((t, i) => [...(i === 1 ? ['AT-1\n'] : i === 1500 ? ['AT-1500\n'] : []), ...(dropped.has(i) ? [] : [t])]).join('');
    assert.equal(written.join(''), expected);
    assert.equal(out.empty, true, 'flushed');
  });
});
