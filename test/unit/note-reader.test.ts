/**
 * NoteReader: the CLI and the server read a note on disk only as far as its front matter goes
 * (one 8 KB read for nearly every note). What it returns must decide every finding exactly as
 * the whole file would: front matter longer than the first read, a character cut by it, CRLF,
 * a byte-order mark, and a front matter never closed (read to the end for its marker).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { MAX_NOTE_BYTES, NOTE_CHUNK_BYTES, NoteReader, readTextSync } from '../../server/src/node';
import { anyText, fencedText, note } from '../fuzz/arbitraries';
import { check } from './helpers';

describe('NoteReader', () => {
  let dir: string;
  let n = 0;
  const reader = new NoteReader();
  const write = (text: string | Buffer) => {
    const file = path.join(dir, `note-${n++}.md`);
    fs.writeFileSync(file, text);
    return file;
  };
  /** The reader's text, checked to be a prefix of the whole file's; and the findings of both. */
  const both = (file: string, seenRegular = false) => {
    const whole = readTextSync(file);
    const head = reader.readSync(file, seenRegular);
    assert.ok(whole.startsWith(head), 'a prefix of the whole text');
    return { head, whole, fromHead: check(head), fromWhole: check(whole) };
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'if-reader-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a note up to the end of its closing line, not its body', () => {
    const text = '---\ncompany: Acme\nrole: SRE\ninterviewed: 2026-11-02\n---\n\n# Acme\n' + 'body line\n'.repeat(5000);
    const r = both(write(text));
    assert.equal(r.head, '---\ncompany: Acme\nrole: SRE\ninterviewed: 2026-11-02\n---\n');
    assert.deepEqual(r.fromHead, r.fromWhole);
    assert.ok(r.fromHead?.some((d) => d.code === 'check-in-due'));
  });

  it('reads on when the front matter is longer than the first read: its findings past it are reported', () => {
    const pitch = 'Five years building payment systems. '.repeat(Math.ceil((3 * NOTE_CHUNK_BYTES) / 37));
    const text = `---\ncompany: Acme\nrole: SRE\ninterviewed: 2026-11-02\npitch: ${pitch}\nstatus: wating\n---\nbody\n`;
    assert.ok(text.indexOf('status: wating') > 2 * NOTE_CHUNK_BYTES);
    const r = both(write(text));
    assert.deepEqual(r.fromHead, r.fromWhole);
    const status = r.fromHead?.find((d) => d.code === 'invalid-value');
    assert.ok(status, 'the unknown status after the first read is reported');
    assert.equal(status.range.start.line, 5);
  });

  it('a front matter never closed is read to the end: a later `interviewed:` line still makes it a note', () => {
    const text = `---\ncompany: Acme\n${'filler: x\n'.repeat(NOTE_CHUNK_BYTES)}interviewed: 2026-11-02\n\n# no closing fence\n`;
    const r = both(write(text));
    assert.deepEqual(r.fromHead, r.fromWhole);
    assert.deepEqual(r.fromHead?.map((d) => [d.code, d.message]), [['yaml-syntax', 'The front matter is never closed: end it with a --- line']]);
    // Without the marker anywhere it is not a note at all.
    assert.equal(check(reader.readSync(write(text.replace('interviewed:', 'seen:')))), undefined);
  });

  it('a character cut by the first read, CRLF, a byte-order mark: the same findings at the same positions', () => {
    for (const [bom, eol] of [['', '\n'], ['\ufeff', '\r\n'], ['\ufeff', '\n']]) {
      for (let shift = 0; shift < 4; shift++) {
        // A front matter whose 4-byte emoji straddles the end of the first read.
        const head = `${bom}---${eol}company: Acme${eol}role: SRE${eol}interviewed: 2026-11-02${eol}pitch: `;
        const pad = 'x'.repeat(NOTE_CHUNK_BYTES - Buffer.byteLength(head) - 2 + shift);
        const text = `${head}${pad}🚀 é 面试${eol}status: clsoed${eol}---${eol}body${eol}`;
        const r = both(write(text));
        assert.deepEqual(r.fromHead, r.fromWhole, `bom ${bom !== ''}, ${JSON.stringify(eol)}, shift ${shift}`);
        assert.ok(r.fromHead?.some((d) => d.code === 'invalid-value'));
      }
    }
  });

  it('lines that only start like a closing fence (`----`, `--- x`, `...x`) do not end the front matter', () => {
    const text = '---\ncompany: Acme\n# ----\nrole: |\n  ----\n  --- x\n  ...x\ninterviewed: 2026-11-02\n--- \t\r\nbody\n---\n';
    const r = both(write(text));
    assert.equal(r.head, '---\ncompany: Acme\n# ----\nrole: |\n  ----\n  --- x\n  ...x\ninterviewed: 2026-11-02\n--- \t\r\n');
    assert.deepEqual(r.fromHead, r.fromWhole);
    // At the start of a line too (not YAML any more: the same errors, at the same places).
    for (const near of ['----', '--- x', '...x', '-- -', '--', '---\r\r', '.. .']) {
      const odd = `---\ncompany: Acme\n${near}\ninterviewed: 2026-11-02\n---\nbody\n`;
      const o = both(write(odd));
      assert.equal(o.head, odd.slice(0, odd.indexOf('body')), JSON.stringify(near));
      assert.deepEqual(o.fromHead, o.fromWhole, JSON.stringify(near));
    }
  });

  it('a file that is not a note is read no further than its first line', () => {
    assert.equal(reader.readSync(write(`# Just notes\n${'text\n'.repeat(10_000)}`)), '# Just notes\n');
    assert.equal(reader.readSync(write('')), '');
    assert.equal(reader.readSync(write('---')), '---');
  });

  it('the bound: over 32 MB, a front matter never closed is looked at in the first megabyte only', () => {
    const big = (marker: number) => {
      const file = write('---\ncompany: Acme\n');
      const fd = fs.openSync(file, 'r+');
      try {
        fs.writeSync(fd, '\ninterviewed: 2026-11-02\n', marker);
        fs.ftruncateSync(fd, MAX_NOTE_BYTES + 1); // sparse: zeros, never a closing fence
      } finally {
        fs.closeSync(fd);
      }
      return file;
    };
    assert.ok(check(reader.readSync(big(512 * 1024))), 'an `interviewed:` line in the first megabyte: a note');
    assert.equal(check(reader.readSync(big(2 * 1024 * 1024))), undefined, 'after it: not read');
    // As readTextSync has always read such files.
    assert.equal(check(readTextSync(big(2 * 1024 * 1024))), undefined);
  });

  it('refuses what is not a regular file, as readTextSync does', function () {
    if (process.platform === 'win32') this.skip();
    assert.throws(() => reader.readSync('/dev/zero'), /not a regular file/);
    assert.throws(() => reader.readSync('/dev/zero', true), /not a regular file/);
    assert.throws(() => reader.readSync(dir), (err: NodeJS.ErrnoException) => err.code === 'ENOTREG' || err.code === 'EISDIR');
  });

  it('property: the text read decides the same findings as the whole file, for any text and any note', () => {
    // Padding of every size around the first read, in ASCII or in characters of 2 to 4 bytes,
    // put in the front matter, in the body, or both.
    const pad = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 3 * NOTE_CHUNK_BYTES }), fc.integer({ min: NOTE_CHUNK_BYTES - 8, max: NOTE_CHUNK_BYTES + 8 })),
      fc.constantFrom('x', 'é', '面', '🚀', ' ', '-'))
      .map(([size, c]) => c.repeat(Math.ceil(size / Buffer.byteLength(c))));
    const text = fc.oneof(anyText, fencedText, note.map((g) => g.text));
    fc.assert(fc.property(text, pad, fc.constantFrom('comment', 'body', 'first', 'none'), fc.boolean(), (t, p, where, seen) => {
      let padded = t;
      const nl = t.indexOf('\n');
      if (where === 'comment' && nl >= 0) padded = `${t.slice(0, nl + 1)}# ${p}\n${t.slice(nl + 1)}`;
      else if (where === 'body') padded = `${t}\n${p}\n`;
      else if (where === 'first') padded = p + t;
      const r = both(write(padded), seen);
      assert.deepEqual(r.fromHead, r.fromWhole);
    }), { seed: 0x1f20, numRuns: 400 });
  });
});
