/** Editor help: hover, inlay hints, the next-action lens, completion, document symbols. */
import * as assert from 'node:assert/strict';
import { Position, Range } from 'vscode-languageserver-types';
import { EditorOptions, LensOptions, mergeConfig } from '../../server/src/service';
import { day, note, service, TODAY, URI } from './helpers';

// The service's methods on a text, as an editor asks for them.
const doc = (text: string) => ({ uri: URI, text });
const hover = (text: string, p: Position, o: EditorOptions) => service.hover(doc(text), p, o);
const inlayHints = (text: string, r: Range | undefined, o: EditorOptions) => service.inlayHints(doc(text), r, o);
const codeLenses = (text: string, o: LensOptions) => service.codeLenses(doc(text), o);
const completion = (text: string, p: Position, o: EditorOptions) => service.completion(doc(text), p, o);
const documentSymbols = (text: string) => service.documentSymbols(doc(text));

const options = { today: TODAY, config: mergeConfig({}) };
const ACME = note([
  'company: Acme Corp',
  'role: Backend Engineer',
  'contact: {name: Jane Doe, email: jane@acme.example}',
  'interviewed: 2026-11-02',
  'expect_reply_by: within two weeks',
  'thank_you_sent: 2026-11-02',
], '# Notes\n');

describe('hover', () => {
  it('on a date: the weekday and how long ago', () => {
    const h = hover(ACME, { line: 4, character: 15 }, options);
    assert.deepEqual(h?.contents, { kind: 'markdown', value: '**Monday, 2 November 2026** · 24 days ago' });
    assert.deepEqual(h?.range, { start: { line: 4, character: 13 }, end: { line: 4, character: 23 } });
  });

  it('on a timeline phrase: the date it resolves to, and when to check in', () => {
    const h = hover(ACME, { line: 5, character: 20 }, options);
    const value = (h?.contents as { value: string }).value;
    assert.equal(value, "'within two weeks' resolves to\n\n**Monday, 16 November 2026** · 10 days ago\n\nCheck-in due since Thursday, 19 November 2026 (7 days ago): if you have not heard, send one brief check-in.");
  });

  it('before the check-in date: when to check in', () => {
    const h = hover(ACME, { line: 5, character: 20 }, { ...options, today: day('2026-11-10') });
    assert.match((h?.contents as { value: string }).value, /\n\nCheck in on Thursday, 19 November 2026 \(in 9 days\) if you have not heard by then\.$/);
  });

  it('on a known key: what it is for; elsewhere: nothing', () => {
    assert.match((hover(ACME, { line: 6, character: 2 }, options)?.contents as { value: string }).value, /^`thank_you_sent`: When the thank-you note went out/);
    assert.equal(hover(ACME, { line: 9, character: 2 }, options), undefined, 'the body');
    assert.equal(hover('# plain\n', { line: 0, character: 0 }, options), undefined);
  });
});

describe('inlay hints', () => {
  it('after each date, and the check-in to come', () => {
    const hints = inlayHints(ACME, undefined, { ...options, today: day('2026-11-17') });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [
      [4, 'Mon · 15 days ago'],
      [5, 'Mon · yesterday'],
      [5, '→ check in Thu 19 Nov'],
      [6, 'Mon · 15 days ago'],
    ]);
    // The full dates are in the tooltip (and the hover).
    assert.deepEqual(hints.slice(1, 3).map((h) => h.tooltip), [
      'Monday, 16 November 2026, yesterday', 'The check-in, if you have not heard: Thursday, 19 November 2026, in 2 days',
    ]);
  });

  it('each fits VS Code\'s default hint length (43), and a line with two stays under it too', () => {
    const longest = note(['company: A', 'role: B', 'interviewed: 2026-11-02', 'expect_reply_by: end of next week', 'follow_ups: [2026-11-30]'], '');
    for (const today of ['2026-11-02', '2026-12-31', '2027-06-30']) {
      const hints = inlayHints(longest, undefined, { ...options, today: day(today) });
      const perLine = new Map<number, string>();
      for (const h of hints) perLine.set(h.position.line, `${perLine.get(h.position.line) ?? ''} ${h.label}`);
      for (const [line, labels] of perLine) assert.ok(labels.length <= 43, `line ${line}: '${labels}' (${labels.length})`);
    }
  });

  it('only inside the requested range', () => {
    const hints = inlayHints(ACME, { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }, options);
    assert.deepEqual(hints.map((h) => h.position.line), [6]);
  });
});

describe('code lens', () => {
  it('runs the client\'s next-action command, when it has one, at the finding', () => {
    const [lens] = codeLenses(ACME, { ...options, command: 'interviewFollowup.nextAction' });
    assert.equal(lens.command?.title, 'check in with Jane Doe · 7 days overdue');
    assert.deepEqual(lens.command?.arguments, [URI, { start: { line: 5, character: 17 }, end: { line: 5, character: 33 } }, 'check-in-due']);
    const closed = codeLenses(ACME.replace('thank_you_sent: 2026-11-02\n', 'status: rejected\n'), { ...options, command: 'interviewFollowup.nextAction' })[0];
    assert.equal(closed.command?.command, '', 'nothing to do: a label');
  });

  it('says the next action on the opening ---', () => {
    const [lens, ...rest] = codeLenses(ACME, options);
    assert.deepEqual(rest, []);
    assert.deepEqual(lens.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.equal(lens.command?.title, 'check in with Jane Doe · 7 days overdue');
    assert.equal(codeLenses(ACME.replace('thank_you_sent: 2026-11-02\n', 'status: rejected\n'), options)[0].command?.title, 'Nothing to do: this process is closed');
  });
});

describe('completion', () => {
  it('offers the missing keys at the start of a front-matter line', () => {
    const text = ACME.replace('thank_you_sent: 2026-11-02\n', 'thank_you_sent: 2026-11-02\nfo\n');
    const items = completion(text, { line: 7, character: 2 }, options);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('follow_ups') && labels.includes('status'));
    assert.ok(!labels.includes('company'), 'keys already there are not offered');
    assert.deepEqual(items.find((i) => i.label === 'follow_ups')?.textEdit, { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 2 } }, newText: 'follow_ups: ' });
  });

  it('offers statuses after status:, today after a date key and in follow_ups', () => {
    const status = ACME.replace('thank_you_sent: 2026-11-02\n', 'thank_you_sent: 2026-11-02\nstatus: wa\n');
    assert.deepEqual(completion(status, { line: 7, character: 10 }, options).map((i) => i.label), ['waiting', 'advanced', 'offer', 'accepted', 'declined', 'rejected', 'withdrawn', 'closed']);
    const date = ACME.replace('thank_you_sent: 2026-11-02\n', 'thank_you_sent: \n');
    assert.deepEqual(completion(date, { line: 6, character: 16 }, options).map((i) => i.label), ['2026-11-26']);
    const list = ACME.replace('thank_you_sent: 2026-11-02\n', 'thank_you_sent: 2026-11-02\nfollow_ups:\n  - \n');
    assert.deepEqual(completion(list, { line: 8, character: 4 }, options).map((i) => i.label), ['2026-11-26']);
  });

  it('offers nothing in the body', () => {
    assert.deepEqual(completion(ACME, { line: 9, character: 0 }, options), []);
  });
});

describe('document symbols', () => {
  it('the note as company · role with its keys', () => {
    const [sym, ...rest] = documentSymbols(ACME);
    assert.deepEqual(rest, []);
    assert.equal(sym.name, 'Acme Corp · Backend Engineer');
    assert.equal(sym.detail, 'interviewed 2026-11-02');
    assert.deepEqual(sym.children?.map((c) => [c.name, c.detail]), [
      ['company', 'Acme Corp'], ['role', 'Backend Engineer'], ['contact', '{name: Jane Doe, email: jane@acme.example}'],
      ['interviewed', '2026-11-02'], ['expect_reply_by', 'within two weeks'], ['thank_you_sent', '2026-11-02'],
    ]);
    assert.deepEqual(documentSymbols('# not a note\n'), []);
  });
});
