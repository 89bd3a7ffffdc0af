/**
 * Front-matter edits on valid but less common YAML (issue 11, item 2): explicit keys, anchors
 * and aliases, tags, `key :`, comments between key and value, CRLF. Each test is a note, an
 * action title, and the note after it byte for byte, or the action not offered: an edit that
 * cannot be exact (it would change what an alias reads, or what a tag means) is not made.
 * Today is pinned by the helpers: Thursday 26 November 2026.
 */
import * as assert from 'node:assert/strict';
import { checkAction } from '../fuzz/invariants';
import { fix, note, titles, TODAY, URI } from '../unit/helpers';

const MARK_SENT = 'Mark thank-you sent today';
const MARK_CHECK_IN = 'Mark check-in email sent today';
const CLOSE = 'Set status: closed (let it go)';

/** thank-you-due fires: interviewed, no thank_you_sent. */
const thanks = (...lines: string[]) => note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-24', ...lines], 'Body\n');
/** check-in-due fires: a week past the interview, no follow-up. */
const checkIn = (...lines: string[]) => note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', ...lines], 'Body\n');
/** let-it-go fires: one follow-up, three weeks ago. */
const letGo = (...lines: string[]) => note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02',
  'follow_ups: [2026-11-05]', ...lines], 'Body\n');

describe('issue 11.2: the reported cases', () => {
  it('an explicit key `? thank_you_sent` gets its value on a `:` line, not on the next key', () => {
    assert.equal(fix(thanks('? thank_you_sent', 'status: waiting'), 'thank-you-due', MARK_SENT),
      thanks('? thank_you_sent', ': 2026-11-26', 'status: waiting'));
  });

  it('an explicit key `? follow_ups` gets a `:` line and a block list, not a new key', () => {
    assert.equal(fix(checkIn('? follow_ups', 'status: waiting'), 'check-in-due', MARK_CHECK_IN),
      checkIn('? follow_ups', ':', '  - 2026-11-26', 'status: waiting'));
  });

  it('an anchored empty value that another key aliases: marking it sent is not offered', () => {
    assert.deepEqual(titles(thanks('thank_you_sent: &t', 'card_sent: *t'), 'thank-you-due'), ['Draft thank-you email']);
  });

  it('a tagged null `thank_you_sent: !!null`: marking it sent is not offered', () => {
    assert.deepEqual(titles(thanks('thank_you_sent: !!null', 'status: waiting'), 'thank-you-due'), ['Draft thank-you email']);
  });

  it('an anchored status that another key aliases: setting it closed is not offered', () => {
    assert.deepEqual(titles(letGo('status: &s waiting', 'first_status: *s'), 'let-it-go'), []);
  });
});

describe('issue 11.2: the class, exact where it can be', () => {
  it('an anchored empty value nothing aliases keeps its anchor and its comment', () => {
    assert.equal(fix(thanks('thank_you_sent: &t  # by email'), 'thank-you-due', MARK_SENT), thanks('thank_you_sent: &t 2026-11-26  # by email'));
  });

  it('an anchored status nothing aliases keeps its anchor', () => {
    assert.equal(fix(letGo('status: &s waiting'), 'let-it-go', CLOSE), letGo('status: &s closed'));
  });

  it('an alias as the value is replaced, not written through into its anchor', () => {
    assert.equal(fix(letGo('last: &w waiting', 'status: *w'), 'let-it-go', CLOSE), letGo('last: &w waiting', 'status: closed'));
  });

  it('`!!str` is kept; a custom tag is not guessed at', () => {
    assert.equal(fix(thanks('thank_you_sent: !!str # soon'), 'thank-you-due', MARK_SENT), thanks('thank_you_sent: !!str 2026-11-26 # soon'));
    assert.equal(fix(letGo('status: !!str waiting'), 'let-it-go', CLOSE), letGo('status: !!str closed'));
    assert.deepEqual(titles(letGo('status: !state waiting'), 'let-it-go'), []);
  });

  it('an explicit key with an empty `:` line, or a value, is edited in place', () => {
    assert.equal(fix(thanks('? thank_you_sent', ':  # soon'), 'thank-you-due', MARK_SENT), thanks('? thank_you_sent', ': 2026-11-26  # soon'));
    assert.equal(fix(letGo('? status', ': waiting'), 'let-it-go', CLOSE), letGo('? status', ': closed'));
    assert.equal(fix(checkIn('? follow_ups # none yet'), 'check-in-due', MARK_CHECK_IN), checkIn('? follow_ups # none yet', ':', '  - 2026-11-26'));
  });

  it('an explicit first key and an anchored first key leave the front matter editable', () => {
    const text = note(['? company', ': Acme Corp', '&r role: Dev', 'interviewed: 2026-11-24'], 'Body\n');
    assert.equal(fix(text, 'thank-you-due', MARK_SENT),
      note(['? company', ': Acme Corp', '&r role: Dev', 'interviewed: 2026-11-24', 'thank_you_sent: 2026-11-26'], 'Body\n'));
  });

  it('`key :` and a comment between key and value', () => {
    assert.equal(fix(thanks('thank_you_sent :  # soon'), 'thank-you-due', MARK_SENT), thanks('thank_you_sent : 2026-11-26  # soon'));
    assert.equal(fix(letGo('status: # for now', '  waiting'), 'let-it-go', CLOSE), letGo('status: # for now', '  closed'));
    assert.equal(fix(thanks('thank_you_sent:', '  # not yet'), 'thank-you-due', MARK_SENT), thanks('thank_you_sent: 2026-11-26', '  # not yet'));
  });

  it('a block scalar whose header holds a comment is not overwritten (the comment would go)', () => {
    assert.deepEqual(titles(letGo('status: | # for now', '  waiting'), 'let-it-go'), []);
  });

  it('a list that another key aliases is neither appended to nor shortened', () => {
    assert.deepEqual(titles(checkIn('follow_ups: &f []', 'copy: *f'), 'check-in-due'), ['Draft check-in email']);
    const two = note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-02', 'follow_ups: &f [2026-11-05, 2026-11-20]', 'copy: *f'], 'Body\n');
    assert.deepEqual(titles(two, 'second-follow-up'), [CLOSE]);
  });

  it('a follow-up carrying an anchor goes with its anchor, unless something aliases it', () => {
    const flow = (list: string, ...more: string[]) =>
      note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-02', `follow_ups: ${list}`, ...more], 'Body\n');
    assert.equal(fix(flow('[2026-11-05, &e 2026-11-20]'), 'second-follow-up', 'Remove follow-up 2'), flow('[2026-11-05]'));
    assert.equal(fix(flow('[&d 2026-11-05]'), 'second-follow-up', 'Remove follow-up 1', { config: { maxFollowUps: 0 } }), flow('[]'));
    assert.deepEqual(titles(flow('[2026-11-05, &e 2026-11-20]', 'last: *e'), 'second-follow-up'), [CLOSE]);
    const block = (...items: string[]) => note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-02', 'follow_ups:', ...items], 'Body\n');
    assert.equal(fix(block('  - 2026-11-05', '  - &e 2026-11-20  # again'), 'second-follow-up', 'Remove follow-up 2'), block('  - 2026-11-05'));
  });

  it('a key that an alias reads is not renamed; one nothing aliases keeps its anchor', () => {
    const text = (...more: string[]) => note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-24', 'thank_you_sent: 2026-11-24', ...more], 'Body\n');
    assert.deepEqual(titles(text('&k follow_up: [2026-11-25]', 'which: *k'), 'unknown-field'), []);
    assert.equal(fix(text('&k follow_up: [2026-11-25]'), 'unknown-field', 'Rename'), text('&k follow_ups: [2026-11-25]'));
  });

  it('an explicit key in a CRLF note gets CRLF', () => {
    const crlf = (...lines: string[]) => note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-24', ...lines], 'Body\r\n', '\r\n');
    assert.equal(fix(crlf('? thank_you_sent', 'status: waiting'), 'thank-you-due', MARK_SENT), crlf('? thank_you_sent', ': 2026-11-26', 'status: waiting'));
  });
});

describe('issue 11.2: the fuzz oracle', () => {
  it('rejects an edit that writes through an anchor: the alias text is kept, what it reads is not', () => {
    const text = '---\ninterviewed: 2026-11-02\nstatus: &s waiting\nfirst: *s\n---\n';
    const range = { start: { line: 2, character: 11 }, end: { line: 2, character: 18 } };
    const action = { title: CLOSE, edit: { changes: { [URI]: [{ range, newText: 'closed' }] } } };
    assert.throws(() => checkAction(text, action, URI, TODAY), /entry 'first' reads the same/);
  });
});
