/** `interview-followup draft`: the real executable on the example notes, today pinned; the note is never written. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/interview-followup.js');

function run(args: string[]) {
  const env = { ...process.env };
  delete env.INTERVIEW_FOLLOWUP_TODAY;
  const r = spawnSync(process.execPath, [BIN, 'draft', ...args, '--today', '2026-11-26'], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The message as Python's email package (a real RFC 5322 / MIME parser) reads it. */
function parsed(eml: string): { headers: Record<string, string>; body: string } {
  const py = [
    'import sys, json, email, email.policy',
    'm = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)',
    'print(json.dumps({"headers": {k: str(v) for k, v in m.items()}, "body": m.get_content()}))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', py], { input: eml, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('CLI draft', () => {
  const acme = 'examples/notes/acme-backend.md';

  it('prints the draft that is due, as text, and leaves the note as it was', () => {
    const before = fs.readFileSync(path.join(ROOT, acme), 'utf8');
    const r = run([acme]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^## Draft: check-in email to Jane Doe \(2026-11-26\)\n\nTo: Jane Doe <jane\.doe@acme\.example>\nSubject: Following up on the Senior Backend Engineer position\n\nDear Jane,\n/);
    assert.equal(fs.readFileSync(path.join(ROOT, acme), 'utf8'), before);
  });

  it('--format eml: an unsent message a mail parser reads with the right To, Subject and body', () => {
    const r = run(['examples/notes/globex-frontend.md', '--kind', 'thank-you-email', '--format', 'eml']);
    assert.equal(r.status, 0, r.stderr);
    const m = parsed(r.stdout);
    assert.equal(m.headers.To, 'Priya Natarajan <priya@globex.example>');
    assert.equal(m.headers.From, 'Alex Rivera <alex.rivera@example.com>');
    assert.equal(m.headers.Subject, 'Thank you for the Frontend Engineer interview');
    assert.equal(m.headers['X-Unsent'], '1');
    assert.equal(m.headers.Date, undefined);
    assert.equal(m.headers['Message-ID'], undefined);
    const text = run(['examples/notes/globex-frontend.md', '--kind', 'thank-you-email']).stdout;
    assert.equal(m.body.replace(/\r\n/g, '\n').trimEnd(), text.split('\n\n').slice(2).join('\n\n').trimEnd());
    assert.match(m.body.replace(/\r\n/g, '\n'), /^Dear Priya,\n\nThank you for taking the time to meet with me today about the Frontend Engineer position at Globex\./);
  });

  it('--format mailto: one URI, no + for spaces, CRLF line breaks', () => {
    const r = run([acme, '--format', 'mailto']);
    assert.equal(r.status, 0, r.stderr);
    const uri = r.stdout.trimEnd();
    assert.match(uri, /^mailto:jane\.doe@acme\.example\?subject=Following%20up%20on%20the%20Senior%20Backend%20Engineer%20position&body=Dear%20Jane%2C%0D%0A%0D%0AI%20hope/);
    assert.ok(!uri.includes('+') && !/\s/.test(uri));
  });

  it('--to picks the person; --kind any template', () => {
    const r = run([acme, '--kind', 'thank-you-card', '--to', 'sam lee']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^## Draft: thank-you card to Sam Lee \(2026-11-26\)\n\nDear Sam,\n/);
  });

  it('reads the other notes of its search: a withdrawal after an accepted offer says so; the checklist lists the others', () => {
    const withdraw = run(['examples/notes/accepted/black-mesa.md']);
    assert.equal(withdraw.status, 0, withdraw.stderr);
    assert.match(withdraw.stdout, /^## Draft: withdrawal email to Eli Vance \(2026-11-26\)\n/, 'withdraw-others makes it the draft due');
    assert.match(withdraw.stdout, /Black Mesa\. I have accepted another offer, so I am writing to withdraw from the process\.\n/);
    const checklist = run(['examples/notes/wayne-analytics.md']).stdout;
    assert.match(checklist, /\nYour other open processes:\n- Acme Corp, Senior Backend Engineer: waiting \(acme-backend\.md\)\n/);
    assert.doesNotMatch(checklist, /Black Mesa|Aperture/, 'accepted/ has its own config file: a search of its own');
  });

  it("prints the README's two panel drafts side by side, word for word; the first is the one due", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = /<table>\n<tr>(<th>[\s\S]*?)<\/tr>\n<tr valign="top">([\s\S]*?)<\/tr>\n<\/table>/.exec(readme);
    assert.ok(table, 'the README has the side-by-side drafts');
    const commands = [...table[1].matchAll(/<th><code>draft (\S+) --to (\S+) --today 2026-11-26<\/code><\/th>/g)];
    const cells = [...table[2].matchAll(/<td>\n([\s\S]*?)\n<\/td>/g)].map((c) => c[1]);
    assert.equal(commands.length, 2);
    assert.equal(cells.length, 2);
    // A cell is the draft's paragraphs, each a <p>, its lines joined by <br>.
    const text = (cell: string) => cell.split('\n<p>').map((p) => p.replace(/^<p>|<\/p>$/g, '').split('<br>\n').join('\n'))
      .join('\n\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') + '\n';
    commands.forEach(([, note, to], i) => assert.equal(run([note, '--to', to]).stdout, text(cells[i]), `the README's draft to ${to}`));
    assert.equal(run([commands[0][1]]).stdout, text(cells[0]), 'without --to: the first of the panel');
  });

  it('--to takes the first name of a name with an honorific ("Jane" for "Dr. Jane Doe"), and greets "Dear Dr. Doe,"', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-draft-'));
    const file = path.join(dir, 'dr.md');
    fs.writeFileSync(file, '---\ncompany: Acme\nrole: Engineer\ncontact: {name: Dr. Jane Doe, email: jane@acme.example}\ninterviewed: 2026-11-25\n---\n');
    const r = run([file, '--to', 'jane']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^## Draft: thank-you email to Dr\. Jane Doe \(2026-11-26\)\n\nTo: Dr\. Jane Doe <jane@acme\.example>\n/);
    assert.match(r.stdout, /\nDear Dr\. Doe,\n/);
  });

  it('--to reaches the twelfth of a round by name (the editor offers the first few), and a name that is nobody lists eight and counts the rest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-draft-'));
    const file = path.join(dir, 'superday.md');
    const people = Array.from({ length: 12 }, (_, i) => `{name: Person${i + 1} Kay, email: p${i + 1}@initrode.example}`);
    fs.writeFileSync(file, `---\ncompany: Initrode\nrole: Engineer\ninterviewed: 2026-11-25\ninterviewers: [${people.join(', ')}]\n---\n`);
    const r = run([file, '--to', 'Person12 Kay']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^To: Person12 Kay <p12@initrode\.example>$/m);
    const none = run([file, '--to', 'Bob']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^interview-followup: nobody named 'Bob' in '.*superday\.md' \(Person1 Kay, Person2 Kay, Person3 Kay, Person4 Kay, Person5 Kay, Person6 Kay, Person7 Kay, Person8 Kay and 4 more\)\n$/);
  });

  it('exit 2 with one line when nothing fits', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-draft-'));
    const future = path.join(dir, 'future.md');
    fs.writeFileSync(future, '---\ncompany: Initrode\nrole: Engineer\ncontact: {name: Ann Lee, email: ann@initrode.example}\ninterviewed: 2026-12-01\nstage: onsite\n---\n');
    const panel = path.join(dir, 'panel.md');
    fs.writeFileSync(panel, '---\ncompany: Initrode\nrole: Engineer\ninterviewed: 2026-11-24\ninterviewers: [{name: Sam Lee, email: sam@initrode.example}, {name: Lee Park, email: lee@initrode.example}]\n---\n');
    const accepted = path.join(dir, 'accepted.md');
    fs.writeFileSync(accepted, '---\ncompany: Initrode\nrole: Engineer\ncontact: {name: Ann Lee, email: ann@initrode.example}\ninterviewed: 2026-11-01\nstatus: accepted\n---\n');
    const cases: [string[], RegExp][] = [
      [[acme, '--to', 'Bob'], /^interview-followup: nobody named 'Bob' in 'examples\/notes\/acme-backend\.md' \(Jane Doe, Sam Lee\)\n$/],
      [[acme, '--kind', 'love-letter'], /^interview-followup: unknown kind 'love-letter' \(one of thank-you-email, /],
      [['examples/notes/job-search-log.md'], /^interview-followup: 'examples\/notes\/job-search-log\.md' is not an interview note\n$/],
      [['examples/notes/hooli-platform.md'], /^interview-followup: no draft is due for 'examples\/notes\/hooli-platform\.md': name one with --kind \(offered here: withdrawal-email\)\n$/],
      [[acme, '--kind', 'thank-you-card', '--format', 'eml'], /^interview-followup: a thank-you-card draft is not an email: use --format text\n$/],
      [['examples/notes/nope.md'], /^interview-followup: cannot read 'examples\/notes\/nope\.md': /],
      // A kind that contradicts the note (SPEC part 3): refused, with the reason.
      [[acme, '--kind', 'offer-accept-email'], /^interview-followup: cannot draft offer-accept-email: the note's status is waiting, not offer\n$/],
      [[acme, '--kind', 'offer-time-email'], /^interview-followup: cannot draft offer-time-email: the note's status is waiting, not offer\n$/],
      [[acme, '--kind', 'rejection-reply-email'], /^interview-followup: cannot draft rejection-reply-email: the note's status is waiting, not rejected\n$/],
      [['examples/notes/accepted/aperture-backend.md', '--kind', 'offer-checklist'], /status is accepted, not offer\n$/],
      [[future, '--kind', 'thank-you-email'], /^interview-followup: cannot draft thank-you-email: the onsite on 2026-12-01 has not been held yet\n$/],
      [[future, '--kind', 'check-in-call'], /the onsite on 2026-12-01 has not been held yet\n$/],
      [[panel, '--to', 'lee'], /^interview-followup: 'lee' matches 2 people in '.*panel\.md': Lee Park <lee@initrode\.example>, Sam Lee <sam@initrode\.example>; pick one with --to "Lee Park <lee@initrode\.example>" or --to lee@initrode\.example\n$/],
      [[accepted, '--kind', 'withdrawal-email'], /^interview-followup: cannot draft withdrawal-email: the note's status is accepted: there is nothing to withdraw from\n$/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1);
    }
  });
});
