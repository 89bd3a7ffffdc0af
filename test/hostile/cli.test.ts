/**
 * The CLI against hostile paths and arguments: an unreadable path or a bad argument gives
 * exactly one line on stderr and exit status 2, never a hang or a stack; a file that vanishes
 * between the walk and the read is skipped; the CLI never writes.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
// The module itself (a namespace import is a copy with getters): spies are set on it.
import nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN } from '../lsp/client';
import { BASE, note, TODAY } from './corpus';
import { cli, onOpen, permissionDenied, Ran } from './run-cli';


/** Do open flags (a string like 'w+' or O_* bits) allow writing? */
function writing(flags: unknown): boolean {
  if (flags === undefined || flags === null) return false;
  if (typeof flags === 'number') {
    const c = nodeFs.constants;
    return (flags & (c.O_WRONLY | c.O_RDWR | c.O_APPEND | c.O_CREAT | c.O_TRUNC)) !== 0;
  }
  return /[wa+]/.test(String(flags));
}

/** Exit 2 and one line on stderr, matching `pattern`. */
function oneLine(r: Ran, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit 2: ${JSON.stringify(r)}`);
  const lines = r.stderr.split('\n');
  assert.equal(lines.length, 2, `one line on stderr: ${JSON.stringify(r.stderr)}`);
  assert.equal(lines[1], '');
  assert.match(lines[0], /^interview-followup: /);
  assert.match(lines[0], pattern);
}

describe('hostile: the CLI', function () {
  this.timeout(30_000);
  let dir: string;

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-cli-hostile-')));
    fs.writeFileSync(path.join(dir, 'acme.md'), note(BASE));
    fs.writeFileSync(path.join(dir, 'globex.md'), note([...BASE.slice(0, 4), 'status: wating']));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('a bad argument: one line on stderr, exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--frobnicate'], /unknown option '--frobnicate'/],
      [['check', '-x'], /unknown option '-x'/],
      [['check', '--today'], /--today needs a value/],
      [['check', '--today', '2026-02-30'], /--today '2026-02-30' is not a date/],
      [['check', '--today', 'tomorrow\nrm -rf /'], /--today 'tomorrow\\nrm -rf \/' is not a date/],
      [['check', '--format'], /--format needs a value/],
      [['check', '--format', 'xml'], /--format must be text or json, not 'xml'/],
      [['check', '--format='], /--format must be text or json, not ''/],
      [['agenda', '--days', '-1'], /./],
      [['agenda', '--days', 'many'], /./],
      [['calendar', '--bogus'], /unknown option '--bogus'/],
      [['new'], /./],
      [['lsp'], /lsp needs --stdio/],
      [['lsp', '--stdio', '--evil'], /unknown option '--evil' for lsp/],
      [['frob'], /unknown command 'frob'/],
      [['__proto__'], /unknown command '__proto__'/],
      [['constructor'], /unknown command 'constructor'/],
    ];
    for (const [args, pattern] of cases) {
      it(JSON.stringify(args), async () => oneLine(await cli(args, dir), pattern));
    }
  });

  describe('an unreadable path: one line on stderr, exit 2, no hang', () => {
    it('a path that does not exist', async () => oneLine(await cli(['check', 'nope.md'], dir), /cannot read 'nope\.md': no such file or directory/));
    it('a path with a newline and a NUL in it', async () => oneLine(await cli(['check', 'a\nb\0c.md'], dir), /cannot read 'a\\nb\\u0000c\.md'/));
    it('a symlink to itself', async () => {
      fs.symlinkSync('self.md', path.join(dir, 'self.md'));
      oneLine(await cli(['check', 'self.md'], dir), /cannot read 'self\.md': too many symbolic links/);
    });
    it('a dangling symlink', async () => {
      fs.symlinkSync('gone.md', path.join(dir, 'dangling.md'));
      oneLine(await cli(['check', 'dangling.md'], dir), /cannot read 'dangling\.md': no such file or directory/);
    });
    it('a FIFO (a read would block forever)', async () => {
      assert.equal(spawnSync('mkfifo', [path.join(dir, 'fifo.md')]).status, 0);
      oneLine(await cli(['check', 'fifo.md'], dir), /cannot read 'fifo\.md': not a regular file/);
    });
    it('a device (/dev/zero would fill the memory)', async () => oneLine(await cli(['check', '/dev/zero'], dir), /cannot read '\/dev\/zero': not a regular file/));

    it('a file of the walk that cannot be read: named on stderr, exit 2, the others still checked', async () => {
      // Root reads any file whatever its mode: the refusal is simulated where the CLI opens it
      // (synchronously: see NoteReader).
      const r = await onOpen(path.join(dir, 'globex.md'), permissionDenied, () => cli(['check', '--today', TODAY], dir));
      oneLine(r, /^interview-followup: cannot read 'globex\.md': permission denied$/);
      assert.match(r.stdout, /^acme\.md:6:18: warning check-in-due /m, 'the readable note is still checked');
    });

    it('the real executable: one line, exit 2, for an unreadable path and a bad argument', () => {
      for (const args of [['check', path.join(dir, 'missing')], ['check', '--format', 'yaml']]) {
        const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 10_000 });
        assert.equal(r.status, 2);
        assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
        assert.equal(r.stdout, '');
      }
    });
  });

  it('skips a file that vanishes between the walk and the read (an editor\'s temporary file)', async () => {
    const vanishing = path.join(dir, '.#acme.md');
    fs.writeFileSync(vanishing, note(BASE));
    // Gone just before it is read.
    const r = await onOpen(vanishing, () => fs.unlinkSync(vanishing), () => cli(['check', '--today', TODAY], dir));
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1, 'the findings of the others decide');
    assert.ok(!r.stdout.includes('.#acme.md'));
    assert.match(r.stdout, /^2 interview notes checked on 2026-11-26: 1 error, 1 warning, 2 information$/m);
  });

  it('never writes: no write, rename, delete or truncate through fs while checking and listing the agenda', async () => {
    fs.writeFileSync(path.join(dir, '.interview-followup.yaml'), 'maxFollowUps: 1\nbogus: 1\n');
    const calls: string[] = [];
    const writes = ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'rename', 'renameSync', 'unlink', 'unlinkSync',
      'rm', 'rmSync', 'truncate', 'truncateSync', 'copyFile', 'copyFileSync', 'mkdir', 'mkdirSync', 'utimes', 'utimesSync', 'chmod', 'chmodSync'] as const;
    const promised = ['writeFile', 'appendFile', 'rename', 'unlink', 'rm', 'truncate', 'copyFile', 'mkdir', 'utimes', 'chmod'] as const;
    const saved: [object, string, unknown][] = [];
    const spy = (target: Record<string, unknown>, name: string, label: string) => {
      const fn = target[name] as (...a: unknown[]) => unknown;
      saved.push([target, name, fn]);
      target[name] = (...a: unknown[]) => {
        calls.push(`${label}(${String(a[0])})`);
        return fn(...a);
      };
    };
    for (const w of writes) spy(nodeFs as unknown as Record<string, unknown>, w, `fs.${w}`);
    for (const w of promised) spy(nodeFs.promises as unknown as Record<string, unknown>, w, `fs.promises.${w}`);
    // Opening for writing, through either API.
    const openSync = nodeFs.openSync;
    const open = nodeFs.promises.open;
    nodeFs.openSync = ((p: fs.PathLike, flags?: fs.OpenMode, ...rest: unknown[]) => {
      if (writing(flags)) calls.push(`fs.openSync(${String(p)}, ${String(flags)})`);
      return (openSync as (...a: unknown[]) => number)(p, flags, ...rest);
    }) as typeof fs.openSync;
    nodeFs.promises.open = ((p: fs.PathLike, flags?: string | number, ...rest: unknown[]) => {
      if (writing(flags)) calls.push(`fs.promises.open(${String(p)}, ${String(flags)})`);
      return (open as (...a: unknown[]) => Promise<fs.promises.FileHandle>)(p, flags, ...rest);
    }) as typeof fs.promises.open;
    try {
      const checked = await cli(['check', '--today', TODAY], dir);
      assert.equal(checked.code, 1);
      const agenda = await cli(['agenda', '--today', TODAY], dir);
      assert.ok(agenda.code === 0 || agenda.code === 1, agenda.stderr);
    } finally {
      for (const [target, name, fn] of saved) (target as Record<string, unknown>)[name] = fn;
      nodeFs.openSync = openSync;
      nodeFs.promises.open = open;
    }
    assert.deepEqual(calls, []);
  });
});
