import * as assert from 'node:assert/strict';
import { foldLines as theirs } from 'ical-generator';
import { foldLines } from '../../server/src/cli/fold';

describe('calendar line folding', () => {
  it('folds as ical-generator does, on ASCII, accents, CJK, emoji and lone surrogates, at every length around the fold', () => {
    const pieces = ['a', 'é', '名', '🎉', '\ud800', '\udc00', ' ', ';', '\\,'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 400; n++) {
      const lines: string[] = [];
      for (let l = 0; l < 3; l++) {
        let line = 'DESCRIPTION:';
        const length = next() % 260;
        for (let k = 0; k < length; k++) line += pieces[next() % pieces.length];
        lines.push(line);
      }
      const text = lines.join('\r\n');
      assert.equal(foldLines(text), theirs(text), JSON.stringify(text));
    }
  });

  it('leaves short lines alone and never makes a line over 75 octets', () => {
    assert.equal(foldLines('BEGIN:VCALENDAR\r\nEND:VCALENDAR'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR');
    const folded = foldLines(`URL;VALUE=URI:mailto:jane@acme.example?body=${'%20'.repeat(900)}`);
    for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
  });
});
