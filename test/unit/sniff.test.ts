/**
 * The client's cheap test before it starts a server (mayBeInterviewNote) never misses a note:
 * every text the service reads as an interview note passes it, on the examples and on the
 * fuzz generators (fixed seeds); plain markdown, front matter or not, does not.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseNote } from '../../server/src/service';
import { mayBeInterviewNote, SNIFF_BYTES } from '../../server/src/service/sniff';
import { anyText, fencedText, note } from '../fuzz/arbitraries';

const REPO = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(REPO, 'examples/notes');
const head = (text: string) => text.slice(0, SNIFF_BYTES);

describe('mayBeInterviewNote: the activation sniff', () => {
  it('passes every example note, and no plain markdown', () => {
    for (const name of readdirSync(EXAMPLES).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(path.join(EXAMPLES, name), 'utf8');
      if (parseNote(text)) assert.ok(mayBeInterviewNote(head(text)), name);
    }
    for (const file of ['README.md', 'CHANGELOG.md', 'docs/editors.md', 'examples/notes/job-search-log.md']) {
      assert.equal(mayBeInterviewNote(head(readFileSync(path.join(REPO, file), 'utf8'))), false, file);
    }
    assert.equal(mayBeInterviewNote('---\ntitle: Release notes\nlayout: post\ntags: [docs]\n---\n\nOur interview with the team.\n'), false,
      'a blog post: "interview" in the body only');
  });

  it('passes every text the service reads as a note (fuzz: any text, fenced text, generated notes)', () => {
    let notes = 0;
    const property = (text: string) => {
      if (!parseNote(text)) return;
      notes++;
      assert.ok(mayBeInterviewNote(head(text)), JSON.stringify(text));
    };
    fc.assert(fc.property(anyText, property), { seed: 7, numRuns: 1000 });
    fc.assert(fc.property(fencedText, property), { seed: 7, numRuns: 2000 });
    fc.assert(fc.property(note, (n) => property(n.text)), { seed: 7, numRuns: 3000 });
    assert.ok(notes > 2000, `${notes} notes among the generated texts`);
  });

  it('a near miss of interviewed beside company is a note; with neither, not even looked at', () => {
    const nearMiss = '---\ncompany: Acme\nIntervewed: 2026-11-02\n---\n';
    assert.ok(parseNote(nearMiss) && mayBeInterviewNote(nearMiss));
    assert.equal(mayBeInterviewNote('---\ntitle: x\n---\n'), false);
    assert.equal(mayBeInterviewNote('# interviewed: 2026-11-02\n'), false, 'no front matter');
  });
});
