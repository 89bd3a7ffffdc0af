/**
 * Every draft, rendered as a user gets it: the code action offered on an example note
 * (examples/notes, today pinned to Thursday 2026-11-26), applied, and the appended draft
 * compared with a fixture a person can read (test/fixtures/drafts/). Regenerate the
 * fixtures with UPDATE_DRAFT_FIXTURES=1 after a deliberate change, and read them.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeAction } from 'vscode-languageserver-types';
import { mergeConfig } from '../../server/src/service';
import { apply, builtInTemplates, service, TODAY, URI } from './helpers';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'drafts');
const example = (name: string) => readFileSync(join(ROOT, 'examples', 'notes', name), 'utf8');
const config = mergeConfig({ sender: { name: 'Alex Kim', email: 'alex.kim@example.com', phone: '+1 555 0142' } });
const EVERYTHING = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };

/** The actions offered anywhere in the note: the fixes of every finding, and the assists on the status. */
export function offered(text: string): CodeAction[] {
  const options = { today: TODAY, config, templates: builtInTemplates };
  const diags = service.check({ uri: URI, text }, options) ?? [];
  return service.codeActions({ uri: URI, text }, EVERYTHING, diags, options);
}

/** The draft the action `title` appends, without the blank line before it. */
export function drafted(text: string, title: string): string {
  const all = offered(text);
  const a = all.find((x) => x.title === title);
  assert.ok(a, `'${title}' offered; got ${JSON.stringify(all.map((x) => x.title))}`);
  const after = apply(text, a);
  assert.ok(after.startsWith(text.replace(/\n$/, '')), 'only appended');
  return after.slice(text.replace(/\n$/, '').length).replace(/^\n\n/, '');
}

/** acme-backend.md as if its contact had a phone and the onsite a highlight. */
const ACME_CALL = example('acme-backend.md')
  .replace('  email: jane.doe@acme.example\n', '  email: jane.doe@acme.example\n  phone: "+1 555 0100"\n')
  .replace('pitch: >-', 'highlight: your move of the ledger to event sourcing\npitch: >-');
/** ...and as if the onsite had been yesterday, with no thank-you sent yet. */
const ACME_YESTERDAY = ACME_CALL.replace('interviewed: 2026-11-02', 'interviewed: 2026-11-25').replace(/thank_you_sent: .*\n/, '').replace(/expect_reply_by: .*\n/, '');

const CASES: [fixture: string, text: string, title: string][] = [
  ['thank-you-email--globex-frontend', example('globex-frontend.md'), 'Draft thank-you email to Priya Natarajan'],
  ['thank-you-email--acme-yesterday-contact', ACME_YESTERDAY, 'Draft thank-you email to Jane Doe'],
  ['thank-you-email--acme-yesterday-interviewer', ACME_YESTERDAY, 'Draft thank-you email to Sam Lee'],
  ['thank-you-card--acme-yesterday-interviewer', ACME_YESTERDAY, 'Draft thank-you card to Sam Lee'],
  ['thank-you-card--globex-frontend', example('globex-frontend.md'), 'Draft thank-you card to Priya Natarajan'],
  ['check-in-email--acme-backend', example('acme-backend.md'), 'Draft check-in email to Jane Doe'],
  ['check-in-call--acme-with-phone', ACME_CALL, 'Draft check-in call notes for Jane Doe'],
  ['offer-time-email--wayne-analytics', example('wayne-analytics.md'), 'Draft email asking Lucius Fox for time to decide'],
  ['offer-accept-email--wayne-analytics', example('wayne-analytics.md'), 'Draft offer acceptance email to Lucius Fox'],
  ['offer-decline-email--wayne-analytics', example('wayne-analytics.md'), 'Draft offer decline email to Lucius Fox'],
  ['rejection-reply-email--soylent-pm', example('soylent-pm.md'), 'Draft rejection reply email'],
  ['withdrawal-email--vandelay-import', example('vandelay-import.md'), 'Draft withdrawal email to Art Vandelay'],
];

describe('every draft on the example notes (fixtures in test/fixtures/drafts)', () => {
  for (const [fixture, text, title] of CASES) {
    it(`${title}: ${fixture}.txt`, () => {
      const got = drafted(text, title);
      const file = join(FIXTURES, `${fixture}.txt`);
      if (process.env.UPDATE_DRAFT_FIXTURES === '1' || !existsSync(file)) writeFileSync(file, got);
      assert.equal(got, readFileSync(file, 'utf8'));
      assert.match(got.split('\n')[0], /^## Draft: [a-z -]+ to [A-Z][\w ]+ \(2026-11-26\)$|^## Draft: [a-z -]+ \(2026-11-26\)$/);
    });
  }

  it('a call without a number is offered, disabled with the reason', () => {
    const a = offered(example('umbrella-sre.md')).find((x) => x.title === 'Draft check-in call notes for Albert Wesker');
    assert.equal(a?.edit, undefined);
    assert.equal(a?.disabled?.reason, 'No phone number for Albert Wesker: add phone under contact in the front matter');
  });

  it('an interview today or yesterday says so, not the long date', () => {
    assert.match(drafted(example('globex-frontend.md'), 'Draft thank-you email to Priya Natarajan'), /meet with me today about/);
    assert.match(drafted(ACME_YESTERDAY, 'Draft thank-you email to Sam Lee'), /meet with me yesterday about/);
  });

  it('a card, read days later, names the day: never today or yesterday', () => {
    const card = drafted(ACME_YESTERDAY, 'Draft thank-you card to Sam Lee');
    assert.match(card, /meeting with me on Wednesday about/);
    assert.doesNotMatch(card, /today|yesterday|this week/);
    assert.match(drafted(example('globex-frontend.md'), 'Draft thank-you card to Priya Natarajan'), /meeting with me on Thursday about/);
  });

  it('no highlight: no sentence about it, and nothing generic in its place', () => {
    const d = drafted(example('globex-frontend.md'), 'Draft thank-you email to Priya Natarajan');
    assert.doesNotMatch(d, /especially enjoyed|conversation about/);
    assert.match(drafted(ACME_YESTERDAY, 'Draft thank-you email to Sam Lee'),
      /, and for your perspective as Engineering Manager\. I especially enjoyed our conversation about your move of the ledger to event sourcing, and it left me/);
  });

  it('thank-you drafts go to the contact and to each interviewer; closing messages are on the status value', () => {
    const titles = offered(ACME_YESTERDAY).map((a) => a.title).filter((t) => t.startsWith('Draft'));
    assert.deepEqual(titles, ['Draft thank-you email to Jane Doe', 'Draft thank-you email to Sam Lee', 'Draft thank-you card to Jane Doe',
      'Draft thank-you card to Sam Lee', 'Draft withdrawal email to Jane Doe']);
    const closed = offered(example('hooli-platform.md').replace('status: waiting', 'status: closed')).map((a) => a.title);
    assert.ok(!closed.some((t) => /withdrawal|rejection/.test(t)), 'nothing to close on a closed process');
  });
});

describe('people of a process with rounds', () => {
  it('the thank-you goes to the interviewers of the latest round held, with its highlight and stage', () => {
    const text = ['---', 'company: Acme Corp', 'role: Dev', 'contact: {name: Jane Doe, email: jane@acme.example}', 'rounds:',
      '  - date: 2026-11-02', '    interviewers: [Sam Lee]', '    thank_you_sent: 2026-11-02',
      '  - date: 2026-11-26', '    stage: onsite', '    highlight: the incident review',
      '    interviewers:', '      - {name: Ana Ruiz, email: ana@acme.example, title: Staff Engineer}',
      '  - date: 2026-12-03', '    interviewers: [Kim Park]', '---', ''].join('\n');
    assert.deepEqual(offered(text).map((a) => a.title).filter((t) => t.startsWith('Draft thank-you email')),
      ['Draft thank-you email to Ana Ruiz', 'Draft thank-you email to Jane Doe'], 'the one met, with an email, first');
    assert.match(drafted(text, 'Draft thank-you email to Ana Ruiz'),
      /^## Draft: thank-you email to Ana Ruiz \(2026-11-26\)\n\nTo: Ana Ruiz <ana@acme\.example>\n[^]*Dear Ana,\n\nThank you for taking the time to meet with me today about the Dev position at Acme Corp, and for your perspective as Staff Engineer\. I especially enjoyed our conversation about the incident review,/);
  });
});
