/**
 * The agenda entry editors show (the Follow-ups view, the next-action lens): the CLI's agenda
 * item for the note, and where to open it: the finding when there is one, else the date the
 * action counts from.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { agendaOf, mergeConfig, NoteAgenda, parseNote, Search } from '../../server/src/service';
import { service, TODAY, URI } from './helpers';

const EXAMPLES = path.resolve(__dirname, '../../../examples/notes');
const example = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');
const options = { today: TODAY, config: mergeConfig({ checkInGraceDays: 3, checkInWaitDays: 7, letGoDays: 14 }), horizon: 7 };
const entry = (text: string, o = options) => service.agenda({ uri: URI, text }, o);
/** The entry of a note with something to do. */
const open = (text: string, o = options) => {
  const r = entry(text, o);
  assert.ok(r?.item, 'an open process');
  return r as Extract<NoteAgenda, { range: unknown }>;
};
const lineOf = (text: string, r: { start: { line: number; character: number } }) => text.split('\n')[r.start.line].slice(r.start.character);

describe('the agenda entry of a note', () => {
  it('is the CLI agenda\'s item, for every example', () => {
    for (const name of ['acme-backend.md', 'globex-frontend.md', 'hooli-platform.md', 'initech-data.md', 'stark-mobile.md', 'wayne-analytics.md', 'soylent-pm.md', 'tyrell-design.md']) {
      const text = example(name);
      const cli = agendaOf(parseNote(text)!, options.today, options.config, 7);
      const r = entry(text);
      assert.deepEqual(r?.item, cli.item, name);
      if (!cli.item) assert.equal((r as { skipped: string }).skipped, cli.skipped, name);
    }
    assert.equal(entry(example('job-search-log.md')), undefined, 'not an interview note');
  });

  it('opens at the finding: the overdue check-in on the promised date, the thank-you on the interview date', () => {
    const acme = example('acme-backend.md');
    const r = open(acme);
    assert.equal(r.item?.group, 'overdue');
    assert.equal(r.rule, 'check-in-due');
    assert.match(lineOf(acme, r.range), /^2026-11-12/);
    const globex = example('globex-frontend.md');
    const g = open(globex);
    assert.deepEqual([g.item?.kind, g.rule], ['thank-you', 'thank-you-due']);
    assert.match(lineOf(globex, g.range), /^2026-11-26/);
  });

  it('without a finding (not due yet): at the date it counts from, and no rule', () => {
    const initech = example('initech-data.md');
    const r = open(initech);
    assert.deepEqual([r.item?.group, r.rule], ['waiting', undefined]);
    assert.match(lineOf(initech, r.range), /^within two weeks/, 'the promised date');
  });

  it('passes over an action whose rule the configuration turned off, as it does one a directive turned off', () => {
    const acme = example('acme-backend.md');
    assert.equal(open(acme).item?.kind, 'check-in');
    const off = { ...options, config: mergeConfig({ checkInGraceDays: 3, checkInWaitDays: 7, letGoDays: 14, rules: { 'check-in-due': 'off' } }) };
    // No check-in sent: nothing to let go of either; the process is left out, as a directive leaves it.
    assert.deepEqual(entry(acme, off), { skipped: 'quiet' }, 'the server\'s agenda');
    assert.deepEqual(agendaOf(parseNote(acme)!, off.today, off.config, 7), { skipped: 'quiet' }, 'the CLI\'s agenda');
    assert.deepEqual(entry(acme.replace('status: waiting', 'status: waiting\n# interview-followup-disable check-in-due')), { skipped: 'quiet' }, 'the same as the directive');
  });

  it('withdraw-others turned off (configuration or directive) leaves the note as it was: one with errors is still left out as invalid, as the CLI has it', () => {
    const bad = ['---', 'company: Bad Dates', 'role: Engineer', 'interviewed: 2026-11-20', 'thank_you_sent: 2026-11-20', 'expect_reply_by: 2026-13-45', 'status: waiting', '---', ''].join('\n');
    const search = new Search([]);
    const configOff = { ...options, config: mergeConfig({ rules: { 'withdraw-others': 'off' } }) };
    const directive = bad.replace('status: waiting', 'status: waiting\n# interview-followup-disable withdraw-others');
    for (const [what, text, o] of [['configuration', bad, configOff], ['directive', directive, options]] as const) {
      const cli = agendaOf(parseNote(text)!, o.today, o.config, 7);
      assert.deepEqual(cli, { skipped: 'invalid' }, `the CLI's agenda (${what})`);
      assert.deepEqual(service.agenda({ uri: URI, text }, { ...o, search, name: 'bad.md' }), cli, `the server's agenda, in a search (${what})`);
    }
  });
});
