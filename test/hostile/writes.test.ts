/**
 * What the CLI writes (`calendar -o`, `new`): never a note, even with --force and even behind
 * a symlink; never an existing file without --force; never through a symlink; never half a
 * file (a temporary file renamed into place).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
// The module itself (a namespace import is a copy with getters): spies are set on it.
import * as os from 'node:os';
import * as path from 'node:path';
import { BASE, note, TODAY } from './corpus';
import { cli, onOpen, permissionDenied, Ran } from './run-cli';


/** Exit 2, one line on stderr matching `pattern`, nothing on stdout. */
function refused(r: Ran, pattern: RegExp): void {
  assert.equal(r.code, 2, JSON.stringify(r));
  assert.match(r.stderr, /^interview-followup: [^\n]*\n$/);
  assert.match(r.stderr, pattern);
  assert.equal(r.stdout, '');
}

describe('hostile: what the CLI writes', () => {
  const NOTE = note(BASE);
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const read = (name: string) => fs.readFileSync(file(name), 'utf8');
  const calendar = (...args: string[]) => cli(['calendar', 'acme.md', '--today', TODAY, ...args], dir);

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-writes-')));
    fs.writeFileSync(file('acme.md'), NOTE);
  });

  afterEach(() => {
    // Nothing left behind: no temporary file beside the target.
    const left = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(left, [], 'no temporary file left');
  });

  it('calendar -o onto the note it reads: refused, the note untouched, with or without --force', async () => {
    refused(await calendar('-o', 'acme.md'), /cannot write 'acme\.md': it already exists as a markdown note, and the CLI never writes to notes/);
    refused(await calendar('-o', 'acme.md', '--force'), /it already exists as a markdown note/);
    assert.equal(read('acme.md'), NOTE);
  });

  it('calendar -o onto a symlink to a note: refused, neither the link nor the note changed', async () => {
    fs.symlinkSync('acme.md', file('cal.ics'));
    refused(await calendar('-o', 'cal.ics', '--force'), /cannot write 'cal\.ics': it already exists as a markdown note/);
    assert.equal(fs.readlinkSync(file('cal.ics')), 'acme.md');
    assert.equal(read('acme.md'), NOTE);
  });

  it('calendar -o onto an interview note whatever its name: refused with --force', async () => {
    fs.writeFileSync(file('acme.txt'), NOTE);
    refused(await calendar('-o', 'acme.txt', '--force'), /it already exists as a markdown note/);
    assert.equal(read('acme.txt'), NOTE);
  });

  it('calendar -o onto an existing file: refused without --force, replaced with it', async () => {
    fs.writeFileSync(file('cal.ics'), 'mine\n');
    refused(await calendar('-o', 'cal.ics'), /cannot write 'cal\.ics': it already exists \(--force replaces it\)/);
    assert.equal(read('cal.ics'), 'mine\n');
    const r = await calendar('-o', 'cal.ics', '--force');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, 'interview-followup: wrote 3 events to cal.ics\n');
    assert.match(read('cal.ics'), /^BEGIN:VCALENDAR\r\n/);
  });

  it('calendar -o FILE --force replaces the file in one step: a reader of the old one never sees half of the new', async () => {
    fs.writeFileSync(file('cal.ics'), 'old calendar\n');
    const fd = fs.openSync(file('cal.ics'), 'r'); // an importer that has the old file open
    try {
      assert.equal((await calendar('-o', 'cal.ics', '--force')).code, 0);
      assert.equal(fs.readFileSync(fd, 'utf8'), 'old calendar\n', 'the old file is whole, not truncated and rewritten');
    } finally {
      fs.closeSync(fd);
    }
    assert.match(read('cal.ics'), /^BEGIN:VCALENDAR\r\n[^]*END:VCALENDAR(\r\n)?$/);
  });

  it('calendar -o FILE --force replaces a symlink, never writes through it', async () => {
    fs.writeFileSync(file('elsewhere.ics'), 'not yours\n');
    fs.symlinkSync('elsewhere.ics', file('cal.ics'));
    refused(await calendar('-o', 'cal.ics'), /it already exists/);
    assert.equal((await calendar('-o', 'cal.ics', '--force')).code, 0);
    assert.equal(read('elsewhere.ics'), 'not yours\n');
    assert.ok(fs.lstatSync(file('cal.ics')).isFile(), 'the link itself is replaced by the calendar');
    assert.match(read('cal.ics'), /^BEGIN:VCALENDAR/);
  });

  it('calendar -o onto a dangling symlink: refused without --force, the file it names never created', async () => {
    fs.symlinkSync('target.ics', file('cal.ics'));
    refused(await calendar('-o', 'cal.ics'), /it already exists/);
    assert.ok(!fs.existsSync(file('target.ics')));
  });

  it('calendar -o FILE --force onto a file that cannot be read: refused, for it might be a note', async () => {
    fs.writeFileSync(file('notes.txt'), NOTE);
    // Root reads any file whatever its mode: the refusal is simulated where the note is opened.
    const r = await onOpen(file('notes.txt'), permissionDenied, () => calendar('-o', 'notes.txt', '--force'));
    refused(r, /cannot write 'notes\.txt': it already exists and cannot be read to tell whether it is a note: permission denied/);
    assert.equal(read('notes.txt'), NOTE);
  });

  it('calendar -o onto a folder: refused', async () => {
    fs.mkdirSync(file('out'));
    refused(await calendar('-o', 'out', '--force'), /cannot write 'out': it is a folder/);
  });

  it('calendar -o a new file: written whole', async () => {
    const r = await calendar('-o', 'new.ics');
    assert.equal(r.code, 0, r.stderr);
    assert.match(read('new.ics'), /^BEGIN:VCALENDAR\r\n[^]*END:VCALENDAR(\r\n)?$/);
  });

  it('new never replaces an existing name, a symlink to a note included', async () => {
    fs.symlinkSync('acme.md', file('globex-sre.md'));
    refused(await cli(['new', '--company', 'Globex', '--role', 'SRE', '--today', TODAY], dir), /cannot write 'globex-sre\.md': it already exists as a markdown note/);
    assert.equal(read('acme.md'), NOTE);
    const r = await cli(['new', '--company', 'Initech', '--role', 'SRE', '--today', TODAY], dir);
    assert.equal(r.stdout, 'initech-sre.md\n', r.stderr);
    assert.match(read('initech-sre.md'), /^---\n/);
  });
});
