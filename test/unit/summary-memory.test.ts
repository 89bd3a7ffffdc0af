/**
 * A host (the server, the CLI's cross-note pass) keeps one summary per note for the whole session.
 * A summary must hold its own strings: a value read from a note is, in V8, a slice of the note's
 * whole text, and kept as is it keeps every note's text alive (80 MB at 10,000 notes).
 */
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { note, service, TODAY } from './helpers';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const NOTES = 200;
const BODY = 100_000;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('summaries kept by a host', () => {
  it('do not keep the notes they were read from alive', () => {
    const before = heapAfterGc();
    const kept = [];
    for (let i = 0; i < NOTES; i++) {
      // Every value a summary keeps is long enough to be a slice, not a copy: company, role,
      // contact (name, email, phone), a silence directive.
      const text = note([
        `company: Company number ${i} of a long search`,
        `role: Senior Staff Platform Engineer ${i}`,
        `contact: {name: Recruiter Person Number ${i}, email: recruiter.${i}@company-${i}.example, phone: "+1 555 0100 ${i}"}`,
        'interviewed: 2026-11-02',
        'status: waiting',
        '# interview-followup-disable second-follow-up',
      ], `Body line of note ${i}.\n`.repeat(BODY / 20));
      const summary = service.summarize({ uri: `n${i}.md`, text }, `notes/long-name-of-note-${i}.md`, TODAY);
      assert.ok(summary, 'an interview note');
      kept.push(summary);
    }
    const grown = heapAfterGc() - before;
    assert.equal(kept.length, NOTES);
    assert.equal(kept[7].company, 'Company number 7 of a long search', 'the values are still right');
    assert.equal(kept[7].contact?.email, 'recruiter.7@company-7.example');
    assert.ok(kept[7].silence?.rules.has('second-follow-up'), 'the silenced rule is kept');
    // The note texts are 200 x 100 KB = 20 MB; the summaries alone are well under 2 MB.
    assert.ok(grown < 4_000_000, `the kept summaries hold ${(grown / 1e6).toFixed(1)} MB (the note texts are ${(NOTES * BODY / 1e6).toFixed(0)} MB)`);
  });
});
