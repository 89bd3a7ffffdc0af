/**
 * The command line as a user runs it: the real executable in a child process, its output,
 * its exit status. Today is always pinned.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/interview-followup.js');
const EXAMPLES = path.join(ROOT, 'examples/notes');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env = { ...process.env, ...opts.env };
  if (!opts.env || !('INTERVIEW_FOLLOWUP_TODAY' in opts.env)) delete env.INTERVIEW_FOLLOWUP_TODAY;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const overdue = (extra = '') => `---\ncompany: Acme\nrole: Engineer\ncontact:\n  name: Jane Doe\n  email: jane@acme.example\ninterviewed: 2026-11-02\nexpect_reply_by: 2026-11-12\nthank_you_sent: 2026-11-02\n${extra}---\n\nNotes.\n`;

describe('CLI check', () => {
  it('lists the findings of the example notes, sorted by path and position, with a summary', () => {
    const r = run(['check', 'examples/notes', '--today', '2026-11-26']);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    assert.match(summary, /^16 interview notes checked on 2026-11-26: 4 errors, 7 warnings, 6 information$/);
    assert.ok(lines.includes('examples/notes/acme-backend.md:13:18: warning check-in-due Check-in 10 days overdue (due Monday 2026-11-16; the 15th is a Sunday): no word since the promised date (2026-11-12); send a brief, polite check-in'), r.stdout);
    assert.ok(lines.includes('examples/notes/globex-frontend.md:7:14: warning thank-you-due Send a thank-you note today, right after the interview'));
    assert.ok(lines.some((l) => l.startsWith('examples/notes/stark-mobile.md:12:5: warning second-follow-up ')));
    assert.ok(lines.some((l) => l.startsWith('examples/notes/hooli-platform.md:11:5: information let-it-go ')));
    assert.ok(lines.some((l) => l.startsWith('examples/notes/wayne-analytics.md:10:9: information weigh-offer An offer (they need your answer by Friday 2026-12-04, in 8 days): weigh it against 10 open processes: Acme Corp (waiting), ')));
    // Rounds: the onsite held two days ago wants its thank-you; the final to come is silent.
    assert.ok(lines.some((l) => l.startsWith('examples/notes/pied-piper-backend.md:13:11: warning thank-you-due No thank-you note recorded: the onsite was 2 days ago;')), r.stdout);
    // A search that ended in an accepted offer: its own folder and config, its two open processes to withdraw from.
    assert.ok(lines.includes('examples/notes/accepted/black-mesa.md:10:9: information withdraw-others You accepted the offer from Aperture Science (aperture-backend.md): tell Black Mesa you are withdrawing'), r.stdout);
    // The offer from Xen Labs is not to be weighed any more, only declined: no weigh-offer beside the withdrawal.
    assert.ok(lines.includes('examples/notes/accepted/xen-labs.md:9:9: information withdraw-others You accepted the offer from Aperture Science (aperture-backend.md): tell Xen Labs you are withdrawing'), r.stdout);
    assert.ok(!lines.some((l) => l.startsWith('examples/notes/accepted/xen-labs.md:9:9: information weigh-offer')), r.stdout);
    assert.ok(!r.stdout.includes('job-search-log.md'), 'a plain markdown file is not a note');
    const keys = lines.map((l) => {
      const [file, line, col] = l.split(':');
      return [file, Number(line), Number(col)] as const;
    });
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    assert.deepEqual(keys, sorted);
    for (const l of lines) assert.match(l, /^[^:]+:\d+:\d+: (error|warning|information|hint) [a-z-]+ \S/);
  });

  it("prints the README's sample output, byte for byte, and no backtick (the Problems panel shows them literally)", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const sample = /The first command prints \(exit status 1: something is due\):\n\n```text\n([\s\S]*?)```/.exec(readme)![1];
    const r = run(['check', 'examples/notes', '--today', '2026-11-26']);
    assert.equal(r.stdout, sample);
    assert.doesNotMatch(r.stdout, /`/);
  });

  it('prints one JSON document with 1-based positions', () => {
    const r = run(['check', 'examples/notes', '--format', 'json', '--today', '2026-11-26']);
    assert.equal(r.status, 1);
    const findings = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(findings.length, 17);
    const checkIn = findings.find((f) => f.rule === 'check-in-due' && f.file === 'examples/notes/acme-backend.md');
    assert.deepEqual(checkIn, {
      file: 'examples/notes/acme-backend.md', line: 13, column: 18, endLine: 13, endColumn: 28, severity: 'warning', rule: 'check-in-due',
      message: 'Check-in 10 days overdue (due Monday 2026-11-16; the 15th is a Sunday): no word since the promised date (2026-11-12); send a brief, polite check-in',
    });
    assert.deepEqual(new Set(findings.map((f) => f.severity)), new Set(['error', 'warning', 'information']));
  });

  it('takes today from INTERVIEW_FOLLOWUP_TODAY, and --today wins over it', () => {
    const dir = tempDir({ 'acme.md': overdue() });
    // 2026-11-12 + 3 grace days is Sunday the 15th: the check-in is due on Monday.
    const before = run(['check', '.'], { cwd: dir, env: { INTERVIEW_FOLLOWUP_TODAY: '2026-11-15' } });
    assert.equal(before.status, 0, before.stdout);
    assert.match(before.stdout, /^1 interview note checked on 2026-11-15: nothing due\n$/);
    const due = run(['check', '.'], { cwd: dir, env: { INTERVIEW_FOLLOWUP_TODAY: '2026-11-16' } });
    assert.equal(due.status, 1);
    assert.match(due.stdout, /^acme\.md:8:18: warning check-in-due Check-in due today \(Monday 2026-11-16; the 15th is a Sunday\)/);
    const flag = run(['check', '--today=2026-11-14'], { cwd: dir, env: { INTERVIEW_FOLLOWUP_TODAY: '2026-11-20' } });
    assert.equal(flag.status, 0);
  });

  it('exits 0 when only information is left', () => {
    const dir = tempDir({ 'n.md': '---\ncompany: A\nrole: B\ninterviewed: 2026-11-20\nthank_you_sent: 2026-11-20\n---\n' });
    const r = run(['check', dir, '--today', '2026-11-21']);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /information ask-timeline/);
  });

  it('uses the nearest .interview-followup.yaml at or above each note', () => {
    const dir = tempDir({
      'a/acme.md': overdue(),
      'b/.interview-followup.yaml': 'rules:\n  check-in-due: off\n',
      'b/acme.md': overdue(),
      'c/.interview-followup.yaml': 'checkInGraceDays: 20\n',
      'c/acme.md': overdue(),
    });
    const r = run(['check', '--today', '2026-11-26'], { cwd: dir });
    assert.match(r.stdout, /^a\/acme\.md:8:18: warning check-in-due/m);
    assert.doesNotMatch(r.stdout, /^[bc]\/acme\.md/m);
  });

  it('reports a malformed configuration on stderr and applies the defaults', () => {
    const dir = tempDir({ '.interview-followup.yaml': 'checkInGraceDays: [\n', 'acme.md': overdue() });
    const r = run(['check', '--today', '2026-11-26'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^interview-followup: \.interview-followup\.yaml:\d+: .+ \(ignored; defaults apply\)\n$/);
    assert.match(r.stdout, /check-in-due Check-in 10 days overdue/);
  });

  it('moves the check-in to a working day of .interview-followup.yaml, and names its errors on stderr', () => {
    // Promised 2026-11-12 + 3 grace days is Sunday the 15th; here Monday the 16th is a holiday.
    const dir = tempDir({ '.interview-followup.yaml': 'holidays: [2026-11-16]\n', 'acme.md': overdue() });
    const monday = run(['check', '--today', '2026-11-16'], { cwd: dir });
    assert.equal(monday.status, 0, monday.stdout);
    const tuesday = run(['check', '--today', '2026-11-17'], { cwd: dir });
    assert.equal(tuesday.stderr, '');
    assert.match(tuesday.stdout, /^acme\.md:8:18: warning check-in-due Check-in due today \(Tuesday 2026-11-17; the 15th is a Sunday and 2026-11-16 a holiday\)/);
    // Working on Sundays: due on the day counted, as the agenda says too.
    fs.writeFileSync(path.join(dir, '.interview-followup.yaml'), 'workdays: [sun, mon]\n');
    assert.match(run(['check', '--today', '2026-11-15'], { cwd: dir }).stdout, /check-in-due Check-in due today \(2026-11-15\)/);
    assert.match(run(['agenda', '--today', '2026-11-15'], { cwd: dir }).stdout, /Due today:\n {2}Sun 2026-11-15 {2}Acme \(Engineer\): check in with Jane Doe \[today\]/);
    // A workdays naming no day, a holiday that is no date: one line each; the defaults and the good date apply.
    fs.writeFileSync(path.join(dir, '.interview-followup.yaml'), 'workdays: []\nholidays: [2026-11-16, someday]\n');
    const broken = run(['check', '--today', '2026-11-17'], { cwd: dir });
    assert.deepEqual(broken.stderr.trimEnd().split('\n'), [
      'interview-followup: .interview-followup.yaml:1: workdays is empty: name the days you work, e.g. [mon, tue, wed, thu, fri] (ignored; defaults apply)',
      'interview-followup: .interview-followup.yaml:2: Holiday "someday" is not a real date: write YYYY-MM-DD (ignored; defaults apply)',
    ]);
    assert.match(broken.stdout, /check-in-due Check-in due today \(Tuesday 2026-11-17;/);
  });

  it("honours a note's own # interview-followup-disable, in check and agenda alike", () => {
    const dir = tempDir({
      'quiet.md': overdue('# interview-followup-disable check-in-due\n'),
      'typo.md': overdue('# interview-followup-disable chek-in-due\n'),
      'body.md': overdue() + '# interview-followup-disable\n',
    });
    const r = run(['check', '--today', '2026-11-26'], { cwd: dir });
    // Three copies of one note are one process (same-process on each): beside the point here.
    assert.deepEqual(r.stdout.trimEnd().split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')).filter((l) => !l.endsWith('same-process')), [
      'body.md:8:18: warning check-in-due',
      'typo.md:8:18: warning check-in-due',
      'typo.md:10:30: warning unknown-field',
      '3 interview notes',
    ]);
    assert.match(r.stdout, /typo\.md:10:30: warning unknown-field Unknown rule 'chek-in-due' in # interview-followup-disable: did you mean check-in-due\?/);
    const agenda = run(['agenda', '--today', '2026-11-26'], { cwd: dir }).stdout;
    assert.doesNotMatch(agenda, /quiet\.md/, 'no reminder it was asked not to give');
    assert.match(agenda, /check in with Jane Doe \[10 days overdue\] {2}body\.md/);
  });

  it('never scans node_modules or .git, and never writes to notes', () => {
    const dir = tempDir({ 'acme.md': overdue(), 'node_modules/x/acme.md': overdue(), '.git/acme.md': overdue() });
    const before = fs.readFileSync(path.join(dir, 'acme.md'));
    const mtime = fs.statSync(path.join(dir, 'acme.md')).mtimeMs;
    const r = run(['check', dir, '--today', '2026-11-26', '--format', 'json']);
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => path.basename(path.dirname(path.resolve(ROOT, f.file)))));
    assert.deepEqual([...files], [path.basename(dir)]);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'acme.md')), before);
    assert.equal(fs.statSync(path.join(dir, 'acme.md')).mtimeMs, mtime);
  });

  it('checks a file named on the command line', () => {
    const r = run(['check', path.join(EXAMPLES, 'acme-backend.md'), '--today', '2026-11-26']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^examples\/notes\/acme-backend\.md:13:18: warning check-in-due/);
  });
});

describe('CLI usage errors', () => {
  const oneLine = (r: Run, pattern: RegExp) => {
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  };

  it('rejects an unknown flag', () => oneLine(run(['check', '--frobnicate']), /^interview-followup: unknown option '--frobnicate'/));
  it('rejects a bad --today', () => oneLine(run(['check', '--today', '2026-02-30']), /--today '2026-02-30' is not a date \(YYYY-MM-DD\)/));
  it('rejects a bad INTERVIEW_FOLLOWUP_TODAY', () => oneLine(run(['check'], { env: { INTERVIEW_FOLLOWUP_TODAY: 'tomorrow' } }), /INTERVIEW_FOLLOWUP_TODAY 'tomorrow' is not a date/));
  it('rejects a bad --format', () => oneLine(run(['check', '--format', 'xml']), /--format must be text or json/));
  it('rejects a path that does not exist', () => oneLine(run(['check', 'no/such/dir', '--today', '2026-11-26']), /cannot read 'no\/such\/dir': no such file or directory/));
  it('rejects an unknown command', () => oneLine(run(['frob']), /unknown command 'frob'/));
  it('rejects lsp without --stdio', () => oneLine(run(['lsp']), /lsp needs --stdio/));

  it('prints help and the version', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /interview-followup check \[PATH\.\.\.\] \[--today YYYY-MM-DD\] \[--format text\|json\]/);
    const version = run(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});
