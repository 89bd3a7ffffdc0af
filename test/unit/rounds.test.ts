/**
 * A process of several rounds (SPEC part 2, Rounds): I is the latest round on or before today;
 * later rounds are scheduled and silent; what came before I belongs to earlier rounds.
 */
import * as assert from 'node:assert/strict';
import { CodeAction } from 'vscode-languageserver-types';
import { apply, builtInTemplates, byRule, covered, diagnostics, fix, note, rules, service, single, TODAY, URI } from './helpers';
import { mergeConfig } from '../../server/src/service';

const head = ['company: Acme Corp', 'role: Backend Engineer', 'contact: {name: Jane Doe, email: jane@acme.example}'];
const twoRounds = (second: string, ...rest: string[]) => note([...head,
  'rounds:',
  '  - date: 2026-11-02',
  '    stage: phone screen',
  '    thank_you_sent: 2026-11-02',
  `  - date: ${second}`,
  '    stage: onsite',
  ...rest]);

/** The assists and fixes offered with the cursor at `needle` (no diagnostic in the context). */
function actionsAt(text: string, needle: string): CodeAction[] {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - (text.lastIndexOf('\n', at - 1) + 1);
  const range = { start: { line, character }, end: { line, character } };
  return service.codeActions({ uri: URI, text }, range, [], { today: TODAY, config: mergeConfig({}), templates: builtInTemplates });
}

describe('rounds: the latest interview held', () => {
  it('a round today: thank-you-due on that round, nothing about the earlier one', () => {
    const text = twoRounds('2026-11-26');
    const d = single(text, 'thank-you-due');
    assert.equal(covered(text, d.range), '2026-11-26');
    assert.equal(d.message, 'Send a thank-you note today, right after the onsite');
    assert.deepEqual(rules(text), ['ask-timeline', 'thank-you-due']);
  });

  it('a round tomorrow is scheduled: silent; the earlier round rules as if it were the last, minus the check-in', () => {
    const text = twoRounds('2026-11-27');
    assert.deepEqual(rules(text), [], 'thank-you sent for the phone screen; the onsite is the timeline');
  });

  it('every round in the future: the timing rules are silent', () => {
    const text = note([...head, 'rounds:', '  - date: 2026-12-01']);
    assert.deepEqual(rules(text), []);
  });

  it('a promise made before the latest round is stale: ask-timeline says so, on the promise', () => {
    const text = twoRounds('2026-11-20', '    thank_you_sent: 2026-11-20', 'expect_reply_by: 2026-11-10');
    const d = single(text, 'ask-timeline');
    assert.equal(covered(text, d.range), '2026-11-10');
    assert.equal(d.message, 'The promise of 2026-11-10 was before the onsite on 2026-11-20: ask for the new timeline');
    assert.deepEqual(rules(text), ['ask-timeline'], 'the check-in counts from the onsite, a week later: 2026-11-27, not due yet');
  });

  it('a phrase resolves against the latest round held', () => {
    const text = twoRounds('2026-11-12', '    thank_you_sent: 2026-11-12', 'expect_reply_by: within a week');
    const d = single(text, 'check-in-due');
    // 2026-11-19 + 3 grace days is Sunday the 22nd: due on the Monday.
    assert.match(d.message, /^Check-in 3 days overdue \(due Monday 2026-11-23; the 22nd is a Sunday\): no word since the promised date \('within a week', 2026-11-19\)/);
  });

  it('each round earns its own check-in: a follow-up the day of a new round counts for the new one', () => {
    const text = twoRounds('2026-11-12', '    thank_you_sent: 2026-11-12', 'follow_ups: [2026-11-09, 2026-11-12]');
    assert.deepEqual(byRule(text, 'second-follow-up'), [], 'one check-in per round');
    assert.deepEqual(byRule(text, 'check-in-due'), [], 'the onsite has its check-in');
    const third = twoRounds('2026-11-12', '    thank_you_sent: 2026-11-12', 'follow_ups: [2026-11-09, 2026-11-12, 2026-11-20]');
    const d = single(third, 'second-follow-up');
    assert.equal(covered(third, d.range), '2026-11-20');
  });

  it('interviewed and rounds together: invalid-value on rounds, and the rules use rounds', () => {
    const text = twoRounds('2026-11-26').replace('company: Acme Corp', 'company: Acme Corp\ninterviewed: 2026-10-01');
    const d = single(text, 'invalid-value');
    assert.equal(covered(text, d.range), 'rounds');
    assert.ok(rules(text).includes('thank-you-due'), 'the onsite today still wants its thank-you');
  });

  it('a bad entry gets its own diagnostic, on that entry', () => {
    const text = note([...head, 'rounds:', '  - date: 2026-11-02', '  - stage: onsite', '  - date: 2026-13-01', '  - just a string']);
    const diags = diagnostics(text);
    assert.equal(covered(text, byRule(text, 'missing-field')[0].range), 'stage: onsite');
    assert.equal(covered(text, byRule(text, 'invalid-date')[0].range), '2026-13-01');
    assert.equal(covered(text, byRule(text, 'invalid-value')[0].range), 'just a string');
    assert.ok(diags.some((x) => x.code === 'thank-you-due'), 'the good round is still followed');
  });

  it('rounds out of order and a thank-you before its round: date-order', () => {
    const text = note([...head, 'rounds:', '  - date: 2026-11-12', '    thank_you_sent: 2026-11-11', '  - date: 2026-11-02']);
    const messages = byRule(text, 'date-order').map((x) => x.message);
    assert.deepEqual(messages.sort(), [
      'Round 1: thank-you sent 2026-11-11 is before its interview (2026-11-12)',
      'Round 2 (2026-11-02) is dated before round 1 (2026-11-12): list the rounds oldest first',
    ]);
  });
});

describe('rounds: quick fixes and assists', () => {
  it('"Mark thank-you sent today" writes into the latest round, not the top level', () => {
    const text = twoRounds('2026-11-24');
    assert.equal(fix(text, 'thank-you-due', 'Mark thank-you sent today'), twoRounds('2026-11-24', '    thank_you_sent: 2026-11-26'));
  });

  it('a top-level thank_you_sent in a note with rounds: invalid-value, moved into the latest round with its comment', () => {
    const text = note([...head, 'thank_you_sent: 2026-11-24  # sent from my phone', 'rounds:', '  - date: 2026-11-02', '  - date: 2026-11-24', '    stage: onsite']);
    const d = single(text, 'invalid-value');
    assert.equal(covered(text, d.range), '2026-11-24');
    assert.equal(fix(text, 'invalid-value', 'Move thank_you_sent to the latest round'),
      note([...head, 'rounds:', '  - date: 2026-11-02', '  - date: 2026-11-24', '    stage: onsite', '    thank_you_sent: 2026-11-24  # sent from my phone']),
      'its comment goes with it');
  });

  it('"Add the next round" on the status appends a round dated today', () => {
    const text = twoRounds('2026-11-12', '    thank_you_sent: 2026-11-12', 'status: waiting  # onsite went well');
    const add = actionsAt(text, 'waiting').find((a) => a.title === 'Add the next round (2026-11-26)');
    assert.ok(add, 'offered on the status');
    assert.equal(add.kind, 'refactor.rewrite');
    assert.equal(apply(text, add), twoRounds('2026-11-12', '    thank_you_sent: 2026-11-12', '  - date: 2026-11-26', 'status: waiting  # onsite went well'));
  });

  it('"Add the next round" converts an interviewed note to rounds, byte for byte, comments and key order kept', () => {
    const before = note([
      'company: Acme Corp   # the payments team',
      'role: Backend Engineer',
      'interviewed: 2026-11-02  # by video',
      'stage: phone screen',
      'interviewers:',
      '  - name: Sam Lee',
      '    title: Staff Engineer',
      'expect_reply_by: 2026-11-12',
      'thank_you_sent: 2026-11-02',
      'status: waiting',
    ], '\n# Notes\n');
    const add = actionsAt(before, '2026-11-02  # by').find((a) => a.title.startsWith('Add the next round'));
    assert.ok(add, 'offered on the interview date');
    assert.equal(apply(before, add), note([
      'company: Acme Corp   # the payments team',
      'role: Backend Engineer',
      'rounds:',
      '  - date: 2026-11-02  # by video',
      '    stage: phone screen',
      '    interviewers:',
      '      - name: Sam Lee',
      '        title: Staff Engineer',
      '    thank_you_sent: 2026-11-02',
      '  - date: 2026-11-26',
      'expect_reply_by: 2026-11-12',
      'status: waiting',
    ], '\n# Notes\n'));
  });

  it('the conversion keeps CRLF', () => {
    const before = note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-02', 'status: waiting'], '', '\r\n');
    const add = actionsAt(before, 'waiting').find((a) => a.title.startsWith('Add the next round'));
    assert.ok(add);
    assert.equal(apply(before, add), note(['company: Acme', 'role: Dev', 'rounds:', '  - date: 2026-11-02', '  - date: 2026-11-26', 'status: waiting'], '', '\r\n'));
  });

  it('not offered on a closed process, nor away from the status and the last round', () => {
    const closed = twoRounds('2026-11-12', 'status: closed');
    assert.equal(actionsAt(closed, 'closed').filter((a) => a.title.startsWith('Add the next round')).length, 0);
    const open = twoRounds('2026-11-12', 'status: waiting');
    assert.equal(actionsAt(open, 'Acme Corp').filter((a) => a.title.startsWith('Add the next round')).length, 0);
  });
});

describe('channels', () => {
  const base = ['company: Acme Corp', 'role: Dev', 'contact: {name: Jane Doe}', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02'];

  it('a follow-up as {date, channel} counts like a date', () => {
    const text = note([...base, 'follow_ups:', '  - {date: 2026-11-10, channel: call, note: left a voicemail}']);
    assert.deepEqual(rules(text), ['ask-timeline', 'let-it-go']);
  });

  it('an unknown channel is invalid-value on the channel, with did-you-mean', () => {
    const text = note([...base, 'follow_ups:', '  - date: 2026-11-10', '    channel: emial']);
    const d = single(text, 'invalid-value');
    assert.equal(covered(text, d.range), 'emial');
    assert.equal(d.message, "Follow-up 1: unknown channel 'emial': did you mean 'email'? (one of email, call, card, message, in-person)");
  });

  it('"Log a check-in call today" appends a call beside "Mark check-in email sent today"', () => {
    const text = note([...base, 'follow_ups:', 'status: waiting']);
    assert.equal(fix(text, 'check-in-due', 'Log a check-in call today'), note([...base, 'follow_ups:', '  - {date: 2026-11-26, channel: call}', 'status: waiting']));
  });
});

describe('rounds: editor help', () => {
  const options = { today: TODAY, config: mergeConfig({}) };
  const text = twoRounds('2026-11-24', '    thank_you_sent: 2026-11-24');

  it('document symbols: one per round, under rounds', () => {
    const [process] = service.documentSymbols({ uri: URI, text });
    const rounds = process.children!.find((c) => c.name === 'rounds')!;
    assert.equal(rounds.detail, '2 rounds');
    assert.deepEqual(rounds.children!.map((r) => [r.name, r.detail]), [['Round 1: phone screen', '2026-11-02'], ['Round 2: onsite', '2026-11-24']]);
  });

  it('completion: the keys of a round in a rounds entry, channels after channel:', () => {
    const withEntry = text.replace('---\n', '---\n').replace('    thank_you_sent: 2026-11-24\n', '    thank_you_sent: 2026-11-24\n  - \n');
    const line = withEntry.split('\n').findIndex((l) => l === '  - ');
    const items = service.completion({ uri: URI, text: withEntry }, { line, character: 4 }, options).map((i) => i.label);
    assert.deepEqual(items, ['date', 'stage', 'interviewers', 'thank_you_sent', 'highlight', 'duration', 'link', 'location', 'uid', 'sequence', 'cancelled']);
    const call = note([...head, 'interviewed: 2026-11-02', 'follow_ups:', '  - date: 2026-11-20', '    channel: ']);
    const at = call.split('\n').findIndex((l) => l === '    channel: ');
    assert.deepEqual(service.completion({ uri: URI, text: call }, { line: at, character: 13 }, options).map((i) => i.label), ['email', 'call', 'card', 'message', 'in-person']);
  });

  it('hover on a round date says when to check in after it', () => {
    const held = twoRounds('2026-11-12', '    thank_you_sent: 2026-11-12');
    const line = held.split('\n').findIndex((l) => l.includes('2026-11-12') && l.includes('date'));
    const h = service.hover({ uri: URI, text: held }, { line, character: 12 }, options);
    assert.match((h?.contents as { value: string }).value, /^\*\*Thursday, 12 November 2026\*\* · 14 days ago\n\nCheck-in due since Thursday, 19 November 2026/);
  });
});
