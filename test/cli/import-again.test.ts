/**
 * `import` of a stranger's files, as a user runs it: every fixture imported twice (one at a
 * time, and all at once in another order) changes nothing the second time; hostile values
 * reach neither the note nor a draft's headers raw; a file refused for its size or its date
 * leaves the others of the command imported.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/inbox');
const ALL = fs.readdirSync(FIXTURES).filter((f) => /\.(?:ics|eml)$/.test(f)).sort();
/** The fixtures that change no note: a broken file, an automatic reply, a stranger's mail. */
const NOTHING = ['auto-reply.eml', 'broken.ics', 'unknown-sender.eml'];
/** What a fixture needs first to change a note of the examples. */
const SETUP: Record<string, (dir: string) => Promise<unknown>> = {
  'lever-cancelled.ics': (dir) => importing(dir, ['lever.ics']),
  'offer-base64.eml': async (dir) => {
    const note = path.join(dir, 'notes/umbrella-sre.md');
    fs.writeFileSync(note, fs.readFileSync(note, 'utf8').replace('  name: Albert Wesker\n', '  name: Albert Wesker\n  email: albert.wesker@umbrella.example\n'));
  },
};

/** A copy of the example notes, or an empty notes folder (and a .git, so no config above it is read). */
function workspace(examples = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-again-'));
  fs.mkdirSync(path.join(dir, '.git'));
  if (examples) fs.cpSync(path.join(ROOT, 'examples/notes'), path.join(dir, 'notes'), { recursive: true });
  else fs.mkdirSync(path.join(dir, 'notes'));
  return dir;
}

async function cli(dir: string, args: string[], tz = 'America/Los_Angeles', today = '2026-11-26') {
  let out = '';
  let err = '';
  const code = await main([...args, '--today', today], { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: dir, env: { TZ: tz, HOME: dir }, now: () => new Date() });
  return { code, out, err };
}

const importing = (dir: string, files: string[], tz?: string) => cli(dir, ['import', ...files.map((f) => path.isAbsolute(f) ? f : path.join(FIXTURES, f)), '--dir', 'notes', '--me', 'alex@example.org', '--yes'], tz);

/** Every file of the workspace's notes folder, with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(path.join(dir, 'notes'), { recursive: true }) as string[]) {
    const file = path.join(dir, 'notes', f);
    if (fs.statSync(file).isFile()) out[f] = fs.readFileSync(file, 'utf8');
  }
  return out;
}

async function assertNothingTheSecondTime(dir: string, files: string[]) {
  const before = snapshot(dir);
  const again = await importing(dir, files);
  assert.equal(again.code, 0, again.err);
  assert.doesNotMatch(again.out, /^ {2}\S+: /m, 'no change listed');
  assert.match(again.out, /^Nothing to change\.\n$/m);
  assert.doesNotMatch(again.out, /^(?:Updated|Wrote) /m);
  assert.deepEqual(snapshot(dir), before);
}

describe('CLI import, a second time', () => {
  for (const name of ALL.filter((f) => !NOTHING.includes(f))) {
    it(`${name}: the second import changes nothing and says so`, async () => {
      const dir = workspace();
      await SETUP[name]?.(dir);
      const first = await importing(dir, [name]);
      assert.equal(first.code, 0, first.err);
      assert.match(first.out, /^(?:Updated|Wrote) /m, `${name} imports: ${first.out}`);
      await assertNothingTheSecondTime(dir, [name]);
    });
  }

  it('every fixture at once, then all again in the reverse order: nothing changes', async () => {
    const dir = workspace();
    const files = ALL.filter((f) => f !== 'broken.ics');
    const first = await importing(dir, files);
    assert.equal(first.code, 0, first.err);
    await assertNothingTheSecondTime(dir, [...files].reverse());
  });

  it('the same invites in another order end where they would in order: rescheduled, then cancelled', async () => {
    const forward = workspace();
    assert.equal((await importing(forward, ['lever.ics', 'lever-rescheduled.ics', 'lever-cancelled.ics'])).code, 0);
    const backward = workspace();
    assert.equal((await importing(backward, ['lever-cancelled.ics', 'lever-rescheduled.ics', 'lever.ics'])).code, 0);
    assert.deepEqual(snapshot(backward), snapshot(forward));
    assert.match(snapshot(forward)['initech-staff-engineer.md'], /- date: 2026-12-09T08:00\n[\s\S]*sequence: 2\n {4}cancelled: true\n/);
  });
});

describe('CLI import of hostile files', () => {
  it('a line break, a bidi override or a forged To:/Bcc: in a CN or the SUMMARY never reaches the note or a draft\'s headers raw', async () => {
    const dir = workspace(false);
    const r = await importing(dir, ['hostile.ics']);
    assert.equal(r.code, 0, r.err);
    const [file] = Object.keys(snapshot(dir)).filter((f) => f.startsWith('evil-corp'));
    const note = snapshot(dir)[file];
    assert.doesNotMatch(note, /[\u202a-\u202e\u2066-\u2069\r]/, 'no bidi control, no CR');
    const front = note.split(/^---$/m)[1];
    assert.deepEqual(front.split('\n').filter((l) => /^\s*(?:to|bcc|status):/i.test(l)), ['status: waiting'], front);
    // Trent's CN held addresses: refused as a name, Trent kept by his address.
    assert.match(front, /\{email: trent@evil\.example\}/);
    const check = await cli(dir, ['check', path.join('notes', file)]);
    assert.doesNotMatch(check.out, /\berror\b/, check.out);
    const draft = await cli(dir, ['draft', path.join('notes', file), '--format', 'eml'], undefined, '2026-12-12');
    assert.equal(draft.code, 0, draft.err);
    const headers = draft.out.slice(0, draft.out.search(/\r?\n\r?\n/)).split(/\r?\n/);
    assert.deepEqual(headers.filter((h) => /^(?:to|cc|bcc):/i.test(h)).map((h) => h.replace(/^to: .*<([^>]+)>$/i, 'To: $1')), ['To: mallory@evil.example']);
  });

  it('an event dated past 9999 and one over 1 MB: each refused in one line naming its file (exit 2), the other file imported', async () => {
    const dir = workspace();
    const big = path.join(dir, 'big.ics');
    const apple = fs.readFileSync(path.join(FIXTURES, 'apple.ics'), 'utf8');
    fs.writeFileSync(big, apple.replace('SEQUENCE:0', `DESCRIPTION:${'x'.repeat(70)}\r\n${` ${'x'.repeat(74)}\r\n`.repeat(15000)}SEQUENCE:0`));
    const r = await importing(dir, ['far.ics', big, 'google-meet.ics'], 'Asia/Tokyo');
    assert.equal(r.code, 2);
    assert.deepEqual(r.err.split('\n'), [
      `interview-followup: ${path.join(FIXTURES, 'far.ics')}:1: event FAR-9B3D-4E5F-8A7B-1C2D3E4F5A6B is dated past 9999`,
      `interview-followup: ${big}:5: an event over 1 MB is refused`,
      '',
    ]);
    assert.match(r.out, /^Updated notes\/acme-backend\.md$/m);
    assert.match(snapshot(dir)['acme-backend.md'], /uid: 7kukuqrfedlm2f9t0vt6lk4r0b@google\.com/);
  });
});
