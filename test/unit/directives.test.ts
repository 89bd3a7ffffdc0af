/**
 * Per-note directives: `# interview-followup-disable <rule-id>[, ...]` in the front matter turns
 * those rules off for the note (every rule without an id), everywhere the note is read: the
 * diagnostics, the code actions, the agenda, the calendar, the lens and the hints. Today is
 * pinned (Thursday 2026-11-26).
 */
import * as assert from 'node:assert/strict';
import { agendaOf, calendarOf, mergeConfig, parseNote, Search } from '../../server/src/service';
import { covered, diagnostics, fix, note, rules, service, single, titles, TODAY, URI } from './helpers';

/** Overdue in every way: no thank-you, no timeline, a check-in due since 2026-11-09. */
const ACME = ['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-11-02'];
const acme = (...extra: string[]) => note([...ACME, ...extra], '# Notes\n');
const DONT = (rule: string) => `Don't remind me of ${rule} in this note`;

describe('directives: what they turn off', () => {
  it('the rules named, for this note only; the others still speak', () => {
    assert.deepEqual(rules(acme()), ['ask-timeline', 'check-in-due', 'thank-you-due']);
    assert.deepEqual(rules(acme('# interview-followup-disable check-in-due, ask-timeline')), ['thank-you-due']);
    assert.deepEqual(rules(acme('#interview-followup-disable thank-you-due ask-timeline')), ['check-in-due'], 'spaces separate ids too');
    assert.deepEqual(rules(acme('# interview-followup-disable thank-you-due # sent a card')), ['ask-timeline', 'check-in-due'], 'a further # is words');
  });

  it('with no rule id, every rule: even an error; it is still an interview note', () => {
    const text = note(['# interview-followup-disable', 'company: Acme Corp', 'interviewed: 2026-11-02', 'status: wating']);
    assert.deepEqual(diagnostics(text), []);
  });

  it('means nothing in the body, in a block scalar, or after a value', () => {
    assert.deepEqual(rules(note(ACME, '# interview-followup-disable\n')), ['ask-timeline', 'check-in-due', 'thank-you-due']);
    assert.deepEqual(rules(acme('pitch: |', '  # interview-followup-disable')), ['ask-timeline', 'check-in-due', 'thank-you-due']);
    assert.deepEqual(rules(acme('stage: onsite # interview-followup-disable')), ['ask-timeline', 'check-in-due', 'thank-you-due']);
    assert.deepEqual(rules(acme('# interview-followup-disabled check-in-due')), ['ask-timeline', 'check-in-due', 'thank-you-due']);
  });

  it('cannot silence yaml-syntax: a front matter that does not parse reads no directive', () => {
    const text = note(['# interview-followup-disable', 'company: [Acme', 'interviewed: 2026-11-02']);
    assert.deepEqual(rules(text), ['yaml-syntax']);
  });

  it('a typo in a rule id is unknown-field on that id, with did-you-mean and the fix', () => {
    const text = acme('# interview-followup-disable ask-timeline, chek-in-due');
    const d = single(text, 'unknown-field');
    assert.equal(d.message, "Unknown rule 'chek-in-due' in # interview-followup-disable: did you mean check-in-due?");
    assert.equal(covered(text, d.range), 'chek-in-due');
    assert.ok(rules(text).includes('check-in-due'), 'the typo silences nothing');
    assert.equal(fix(text, 'unknown-field', "Change 'chek-in-due' to check-in-due"), acme('# interview-followup-disable ask-timeline, check-in-due'));
  });

  it('an id like no rule lists the rules; turning unknown-field off does not hide a typo in the directive', () => {
    const text = acme('# interview-followup-disable unknown-field, reminders');
    const d = single(text, 'unknown-field');
    assert.match(d.message, /^Unknown rule 'reminders' in # interview-followup-disable \(rules: thank-you-due, ask-timeline, .*, yaml-syntax\)$/);
    assert.deepEqual(titles(text, 'unknown-field'), []);
  });
});

describe("directives: the quick fix \"Don't remind me of <rule> in this note\"", () => {
  it('every reminder offers it; a rule about what is wrong in the note does not', () => {
    assert.ok(titles(acme(), 'thank-you-due').includes(DONT('thank-you-due')));
    assert.ok(titles(acme(), 'ask-timeline').includes(DONT('ask-timeline')));
    assert.ok(titles(acme(), 'check-in-due').includes(DONT('check-in-due')));
    const sent = (...more: string[]) => acme('thank_you_sent: 2026-11-02', ...more);
    assert.ok(titles(sent('follow_ups: [2026-11-05]'), 'let-it-go').includes(DONT('let-it-go')));
    assert.ok(titles(sent('follow_ups: [2026-11-05, 2026-11-12]'), 'second-follow-up').includes(DONT('second-follow-up')));
    assert.ok(titles(acme('status: offer'), 'weigh-offer').includes(DONT('weigh-offer')));
    assert.ok(!titles(acme('status: wating'), 'invalid-value').some((t) => t.startsWith("Don't")));
    assert.ok(!titles(note(['company: Acme', 'interviewed: 2026-11-02']), 'missing-field').some((t) => t.startsWith("Don't")));
  });

  it('inserts the directive as the last line of the front matter, every other byte kept', () => {
    const text = acme('status: waiting   # still hoping');
    const after = fix(text, 'check-in-due', DONT('check-in-due'));
    assert.equal(after, acme('status: waiting   # still hoping', '# interview-followup-disable check-in-due'));
    assert.deepEqual(rules(after), ['ask-timeline', 'thank-you-due']);
  });

  it('adds the rule to an existing directive line (after a trailing comma too)', () => {
    const text = acme('# interview-followup-disable ask-timeline   # asked twice', 'status: waiting');
    assert.equal(fix(text, 'check-in-due', DONT('check-in-due')), acme('# interview-followup-disable ask-timeline, check-in-due   # asked twice', 'status: waiting'));
    const comma = acme('# interview-followup-disable ask-timeline,');
    assert.equal(fix(comma, 'thank-you-due', DONT('thank-you-due')), acme('# interview-followup-disable ask-timeline, thank-you-due'));
  });

  it('keeps CRLF line endings and the indentation of the front matter', () => {
    const text = note(ACME.map((l) => `  ${l}`), 'Body\r\n', '\r\n');
    assert.equal(fix(text, 'ask-timeline', DONT('ask-timeline')),
      note([...ACME.map((l) => `  ${l}`), '  # interview-followup-disable ask-timeline'], 'Body\r\n', '\r\n'));
  });
});

describe('directives: every view of the note agrees', () => {
  const config = mergeConfig({});
  const view = (text: string) => ({
    agenda: agendaOf(parseNote(text)!, TODAY, config, 7),
    calendar: calendarOf(parseNote(text)!, config, TODAY).map((e) => e.summary),
    lens: service.codeLenses({ uri: URI, text }, { today: TODAY, config }).map((l) => l.command?.title),
    hints: service.inlayHints({ uri: URI, text }, undefined, { today: TODAY, config }).map((h) => String(h.label)).filter((l) => l.startsWith('→')),
  });

  it('the thank-you turned off: the agenda and the calendar go on to the check-in', () => {
    const v = view(acme('# interview-followup-disable thank-you-due'));
    assert.equal(v.agenda.item?.kind, 'check-in');
    assert.deepEqual(v.calendar, ['Check in: Acme Corp']);
  });

  it('the check-in turned off: no agenda line, no calendar event, no hint', () => {
    const v = view(acme('thank_you_sent: 2026-11-02', '# interview-followup-disable check-in-due'));
    assert.deepEqual(v.agenda, { skipped: 'quiet' });
    assert.deepEqual(v.calendar, ['Thank-you note sent: Acme Corp'], 'what was sent stays');
    assert.deepEqual(v.hints, []);
    assert.deepEqual(v.lens, ['No reminders: turned off in this note']);
  });

  it('every rule turned off: a note with errors is not named as one to fix', () => {
    const v = view(note(['# interview-followup-disable', 'company: Acme Corp', 'interviewed: 2026-11-02', 'status: wating']));
    assert.deepEqual(v.agenda, { skipped: 'quiet' });
  });
});

describe('directives: completion', () => {
  const at = (text: string, line: number) => service.completion({ uri: URI, text }, { line, character: text.split('\n')[line].length }, { today: TODAY, config: mergeConfig({}) });

  it('offers the rule ids not yet named, but not yaml-syntax', () => {
    const text = acme('# interview-followup-disable ask-timeline, che');
    const items = at(text, 4);
    assert.ok(items.some((i) => i.label === 'check-in-due'));
    assert.ok(!items.some((i) => i.label === 'ask-timeline' || i.label === 'yaml-syntax'));
    const edit = items.find((i) => i.label === 'check-in-due')!.textEdit as { range: { start: { character: number } }; newText: string };
    assert.equal(edit.range.start.character, '# interview-followup-disable ask-timeline, '.length, 'replaces the word typed');
  });

  it('a directive line of 200,000 characters ending in a blank is answered at once, not in quadratic time', () => {
    const text = acme(`# interview-followup-disable ${'x'.repeat(200_000)} `);
    const started = process.hrtime.bigint();
    const items = at(text, 4);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(items.some((i) => i.label === 'check-in-due'));
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`); // quadratic: minutes
  });

  it('offers the marker on a comment line, nothing in the body', () => {
    assert.deepEqual(at(acme('# interview-f'), 4).map((i) => i.label), ['interview-followup-disable']);
    assert.deepEqual(at(note(ACME, '# interview-followup-disable '), 5), []);
  });
});

describe('directives: across notes', () => {
  const accepted = note(['company: Globex', 'role: SRE', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'status: accepted']);
  const open = (...extra: string[]) => acme('thank_you_sent: 2026-11-02', 'expect_reply_by: 2026-12-10', ...extra);
  const search = (text: string) => new Search([['globex.md', accepted], ['acme.md', text]].map(([name, t]) => service.summarize({ uri: name, text: t }, name, TODAY)!));
  const withdraw = (text: string) => ({
    checked: service.check({ uri: 'acme.md', text }, { today: TODAY, config: mergeConfig({}), search: search(text), name: 'acme.md' })!.map((d) => d.code),
    // What a host that keeps only the summary of an unopened note publishes.
    summary: service.crossCheck(service.summarize({ uri: 'acme.md', text }, 'acme.md', TODAY)!, search(text), { config: mergeConfig({}), today: TODAY }).map((d) => d.code),
    agenda: agendaOf(parseNote(text)!, TODAY, mergeConfig({}), 7, { self: service.summarize({ uri: 'acme.md', text }, 'acme.md', TODAY)!, search: search(text) }).item?.kind,
  });

  it('withdraw-others obeys the note, from its text and from its summary alike', () => {
    assert.deepEqual(withdraw(open()), { checked: ['withdraw-others'], summary: ['withdraw-others'], agenda: 'withdraw' });
    assert.deepEqual(withdraw(open('# interview-followup-disable withdraw-others')), { checked: [], summary: [], agenda: 'check-in' });
  });
});
