/**
 * Drafts leaving the editor, against hostile notes and templates: a `## Draft:` heading that is
 * not a heading (in a fenced code block, in an HTML comment), text that made the draft
 * features' regular expressions backtrack for seconds (long runs of blanks, a heading of many
 * " to "), a lone surrogate (a YAML `"\ud800"` escape) on its way into a `mailto:` URI, and the
 * CLI printing a draft with a name full of escape sequences.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLanguageService, mailtoOf, mergeConfig, parseIsoDay } from '../../server/src/service';
import { draftKindOf } from '../../server/src/service/features/draftLenses';
import { action, withTemplates } from '../unit/helpers';
import { cli } from './run-cli';

const service = createLanguageService();
const URI = 'file:///notes/acme.md';
const FRONT = ['---', 'company: Acme Corp', 'role: Dev', 'contact: {name: Jane Doe, email: jane@acme.example}', 'interviewed: 2026-11-25', 'status: waiting', '---', ''].join('\n');
const DRAFT = '## Draft: check-in email to Jane Doe (2026-11-26)\n\nTo: Jane Doe <jane@acme.example>\nSubject: Hi\n\n';
const options = { today: parseIsoDay('2026-11-26')!, config: mergeConfig() };
const VSCODE = { clientCommands: true };

const headings = (text: string) => service.draftLenses({ uri: URI, text }, VSCODE).filter((l) => l.command?.title === 'Mark sent').map((l) => l.range.start.line);

function timed<T>(what: string, fn: () => T, ms = 1000): T {
  const started = Date.now();
  const out = fn();
  assert.ok(Date.now() - started < ms, `${what}: ${Date.now() - started} ms`);
  return out;
}

describe('hostile: drafts leave the editor', () => {
  it('a "## Draft:" line in a fenced code block or an HTML comment is no draft: no lens, no link, no Mark sent', () => {
    const text = FRONT + '\nAn example of the heading:\n\n```md\n' + DRAFT + 'Body\n```\n\n~~~\n' + DRAFT + '~~~\n\n<!--\n' + DRAFT + '-->\n\n<!-- ' + DRAFT.split('\n')[0] + ' -->\n';
    assert.deepEqual(headings(text), []);
    assert.deepEqual(service.documentLinks({ uri: URI, text }), []);
    for (let line = 0; line < text.split('\n').length; line++) assert.ok('reason' in service.markDraftSent({ uri: URI, text }, line, options), `line ${line}`);
  });

  it('a "#" line in a fenced code block of a draft does not end the draft: Copy and the mail link keep the whole body', () => {
    const body = 'Dear Jane,\n\n```sh\n# a shell comment\n## another\n```\n\nBest regards,\nAlex';
    const text = FRONT + '\n' + DRAFT + body + '\n\n## Notes\n\nMine.\n';
    const lenses = service.draftLenses({ uri: URI, text }, VSCODE);
    assert.equal(lenses.find((l) => l.command?.title === 'Copy')!.command!.arguments![0], DRAFT.split('\n').slice(2).join('\n') + body);
    assert.equal(lenses[0].command!.arguments![3], body);
  });

  it('a real heading after the fence closes, and an unclosed fence runs to the end', () => {
    const text = FRONT + '\n```\n# code\n```\n\n' + DRAFT + 'Body\n\n````\n```\n## Draft: thank-you email to Jane Doe (2026-11-26)\n';
    assert.deepEqual(headings(text), [FRONT.split('\n').length + 4]);
  });

  it('long runs of blanks and a heading of many " to " cost linear time (lenses, links, the address, the template\'s kind)', () => {
    const blanks = ' '.repeat(200_000);
    const texts = [
      FRONT + '\n' + DRAFT + 'Body' + blanks + 'x\n',
      FRONT + '\n' + DRAFT.replace('To: Jane Doe', `To: Jane${blanks}Doe`) + 'Body\n',
      FRONT + '\n' + DRAFT.replace('To: Jane Doe <jane@acme.example>', `To: a${blanks}b`) + 'Body\n',
      FRONT + '\n## Draft: x' + ' to x'.repeat(40_000) + '\n',
      FRONT + '\n' + DRAFT + 'Body\n\n' + `To: a${blanks}b\n`,
    ];
    for (const [k, text] of texts.entries()) {
      timed(`text ${k}: lenses`, () => service.draftLenses({ uri: URI, text }, VSCODE));
      timed(`text ${k}: links`, () => service.documentLinks({ uri: URI, text }));
    }
    assert.equal(timed('template first line', () => draftKindOf(`## Draft: a${blanks}b`)), `a${blanks}b`);
    assert.equal(draftKindOf('## Draft: thank-you email{{#if person.name}} to {{person.name}}{{/if}} ({{today}})'), 'thank-you email');
    assert.equal(draftKindOf('## Draft: offer checklist ({{today}})'), 'offer checklist');
    assert.equal(draftKindOf('## Draft: check-in call to {{person.name}}'), 'check-in call');
    assert.equal(draftKindOf('## Draft: my note'), 'my note');
  });

  it('a workspace template writing a long run of blanks mid-line drafts in linear time (and the blanks at line ends go)', () => {
    const blanks = ' '.repeat(100_000);
    const templates = withTemplates({ 'thank-you-email': `## Draft: thank-you email to {{person.name}} ({{today}})\n\nTo: {{person.name}}\nSubject: Hi\n\na${blanks}b${blanks}\n` });
    const a = timed('the draft action', () => action(FRONT, 'thank-you-due', 'Draft thank-you email to Jane Doe', { templates }));
    assert.equal(a.disabled, undefined);
    const inserted = a.edit!.changes![URI][0].newText;
    assert.ok(inserted.endsWith(`a${blanks}b`), 'the blanks at the end of the line go, those inside stay');
  });

  it('a lone surrogate (YAML "\\ud800") becomes U+FFFD in the mail link instead of failing every lens', () => {
    assert.equal(mailtoOf({ to: 'j@acme.example', subject: 'Hi \ud800', body: 'x\udc00y \ud83d\ude00' }).uri, 'mailto:j@acme.example?subject=Hi%20%EF%BF%BD&body=x%EF%BF%BDy%20%F0%9F%98%80');
    const text = FRONT.replace('company: Acme Corp', 'company: "Ac\\ud800me"') + '\n' + DRAFT + 'About Ac\ud800me.\n';
    const titles = service.draftLenses({ uri: URI, text }, VSCODE).map((l) => l.command?.title);
    assert.deepEqual(titles, ['Open in mail app', 'Copy', 'Mark sent']);
    assert.equal(service.documentLinks({ uri: URI, text }).length, 1);
  });

  describe('the CLI', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-drafts-')));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('draft: a value with an escape sequence or a control character is refused on that value, no draft in any format, the message escaped', async () => {
      const front = FRONT.replace('Jane Doe', '"Jane\\e]0;pwned\\aDoe"').replace('company: Acme Corp', 'company: "Acme\\e[31m\\rCorp\\tInc"');
      fs.writeFileSync(path.join(dir, 'acme.md'), front);
      const check = await cli(['check', 'acme.md', '--today', '2026-11-26'], dir);
      assert.doesNotMatch(check.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/); // eslint-disable-line no-control-regex
      assert.match(check.stdout, /error invalid-value company holds a control character \(U\+001B\) after 'Acme': a value must be one line of printable text; no draft is offered until it is fixed\n/);
      assert.match(check.stdout, /error invalid-value contact name holds a control character \(U\+001B\) after 'Jane'/);
      for (const format of ['text', 'eml', 'mailto']) {
        const r = await cli(['draft', 'acme.md', '--today', '2026-11-26', '--format', format], dir);
        assert.equal(r.code, 2, format);
        assert.equal(r.stdout, '', format);
        assert.equal(r.stderr, "interview-followup: no draft for 'acme.md': Fix the note first: company holds a control character (U+001B) after 'Acme'\n");
      }
    });

    it('draft: a lone surrogate in a value is refused as well, never a stack trace', async () => {
      fs.writeFileSync(path.join(dir, 'acme.md'), FRONT.replace('company: Acme Corp', 'company: "Ac\\ud800me"'));
      for (const format of ['mailto', 'eml']) {
        const r = await cli(['draft', 'acme.md', '--today', '2026-11-26', '--format', format], dir);
        assert.equal(r.code, 2, `${format}: ${r.stderr}`);
        assert.match(r.stderr, /^interview-followup: no draft for 'acme\.md': Fix the note first: company holds a lone surrogate \(U\+D800\) after 'Ac'\n$/);
      }
    });
  });
});
