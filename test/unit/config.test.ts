/** `.interview-followup.yaml`: parsing, problems with spans, defaults where a value is wrong. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DEFAULT_CONFIG, formatDay, mergeConfig, parseConfigText, toLayer } from '../../server/src/service';
import { DAY_NAMES } from '../../server/src/service/workdays';
import { covered, service } from './helpers';

const at = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('parseConfigText', () => {
  it('reads a good file', () => {
    const text = [
      '# my job search',
      'sender:',
      '  name: Alex Kim',
      '  email: alex@example.com',
      '  phone: 5550199',
      'checkInGraceDays: 5',
      'checkInWaitDays: 10',
      'letGoDays: 21',
      'maxFollowUps: 2',
      'templatesDir: notes/templates',
      'rules:',
      '  check-in-due: off',
      '  ask-timeline: hint',
      '  unknown-field: false',
      'include: interviews/**/*.md',
      'exclude: [archive/**]',
      'me: [Alex@Mail.example, a.morgan@work.example]',
      '',
    ].join('\n');
    const { layer, problems } = parseConfigText(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(mergeConfig(layer), {
      sender: { name: 'Alex Kim', email: 'alex@example.com', phone: '5550199' },
      checkInGraceDays: 5,
      checkInWaitDays: 10,
      letGoDays: 21,
      maxFollowUps: 2,
      templatesDir: 'notes/templates',
      rules: { 'check-in-due': 'off', 'ask-timeline': 'hint', 'unknown-field': 'off' },
      include: ['interviews/**/*.md'],
      exclude: ['archive/**'],
      me: ['alex@mail.example', 'a.morgan@work.example'],
      workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      holidays: [],
    });
    assert.deepEqual(service.checkConfig(text), []);
  });

  it('an empty file means the defaults', () => {
    const { layer, problems } = parseConfigText('# nothing yet\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(mergeConfig(layer), mergeConfig());
    assert.equal(mergeConfig(layer).checkInGraceDays, DEFAULT_CONFIG.checkInGraceDays);
  });

  it('malformed YAML: a problem on the broken line, and the defaults apply', () => {
    const text = 'letGoDays: 30\nsender: [Alex\n';
    const { layer, problems } = parseConfigText(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /Flow sequence/);
    assert.equal(at(text, problems[0].span), 'sender: [Alex');
    assert.deepEqual(mergeConfig(layer), mergeConfig());
    const [d] = service.checkConfig(text);
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.source, 'interview-followup');
    assert.equal(covered(text, d.range), 'sender: [Alex');
  });

  it('wrong types: a problem on each value, the default for each, the rest kept', () => {
    const text = [
      'checkInGraceDays: three',
      'letGoDays: -1',
      'maxFollowUps: 1.5',
      'checkInWaitDays: 10',
      'sender: Alex Kim',
      'rules:',
      '  let-it-go: loud',
      '  check-in-nag: off',
      '  ask-timeline: information',
      'include: 42',
      'colour: blue',
      '',
    ].join('\n');
    const { layer, problems } = parseConfigText(text);
    // Each problem points at the offending value, or the key when the key is unknown.
    const found = new Map(problems.map((p) => [at(text, p.span), p.message]));
    assert.deepEqual(found, new Map([
      ['three', 'checkInGraceDays should be a whole number of days (0 or more), not "three"'],
      ['-1', 'letGoDays should be a whole number of days (0 or more), not -1'],
      ['1.5', 'maxFollowUps should be a whole number of days (0 or more), not 1.5'],
      ['42', 'include should be a glob or a list of globs, none of them empty'],
      ['Alex Kim', 'sender should be a mapping with name, email, phone'],
      ['loud', 'Rule \'let-it-go\' should be off, error, warning, information or hint, not "loud"'],
      ['check-in-nag', "Unknown rule 'check-in-nag' (rules: thank-you-due, ask-timeline, check-in-due, let-it-go, second-follow-up, weigh-offer, withdraw-others, same-process, missing-field, invalid-date, invalid-value, unknown-field, date-order, yaml-syntax)"],
      ['colour', "Unknown setting 'colour'"],
    ]));
    assert.equal(problems.length, 8);
    const config = mergeConfig(layer);
    assert.equal(config.checkInGraceDays, 3);
    assert.equal(config.letGoDays, 14);
    assert.equal(config.maxFollowUps, 1);
    assert.equal(config.checkInWaitDays, 10);
    assert.deepEqual(config.sender, {});
    assert.deepEqual(config.rules, { 'ask-timeline': 'information' });
    assert.deepEqual(config.include, DEFAULT_CONFIG.include);
  });

  it('a file that is not a mapping', () => {
    const { layer, problems } = parseConfigText('- sender\n- rules\n');
    assert.deepEqual(problems.map((p) => p.message), ['The configuration should be a mapping of settings']);
    assert.deepEqual(mergeConfig(layer), mergeConfig());
  });

  it('today and trace are editor settings: in the file they are unknown, not silently ignored', () => {
    const { problems } = parseConfigText('today: 2026-11-26\ntrace: {server: verbose}\n');
    assert.deepEqual(problems.map((p) => p.message), [
      "Unknown setting 'today' (pin today with --today, INTERVIEW_FOLLOWUP_TODAY or the editor setting interviewFollowup.today)",
      "Unknown setting 'trace'",
    ]);
  });

  it('an empty exclude or include is not set: the settings\' empty list does not override the file', () => {
    const file = parseConfigText('exclude: [archive/**]\n').layer;
    const settings = toLayer({ include: [], exclude: [] }, () => assert.fail('no problem'));
    assert.deepEqual(mergeConfig(file, settings).exclude, ['archive/**']);
    assert.deepEqual(mergeConfig(file, settings).include, DEFAULT_CONFIG.include);
  });
});

describe('workdays and holidays in the configuration', () => {
  const problemsOf = (text: string) => new Map(parseConfigText(text).problems.map((p) => [at(text, p.span), p.message]));

  it('reads day names (any case, short or long) and dates', () => {
    const text = 'workdays: [Mon, tuesday, wed, sat]\nholidays:\n  - 2026-12-25   # Christmas\n  - 2027-01-01\n';
    const { layer, problems } = parseConfigText(text);
    assert.deepEqual(problems, []);
    const config = mergeConfig(layer);
    assert.deepEqual(config.workdays, ['mon', 'tue', 'wed', 'sat']);
    assert.deepEqual(config.holidays.map(formatDay), ['2026-12-25', '2027-01-01']);
  });

  it('defaults: Monday to Friday, no holidays', () => {
    assert.deepEqual(mergeConfig().workdays, ['mon', 'tue', 'wed', 'thu', 'fri']);
    assert.deepEqual(mergeConfig().holidays, []);
  });

  it('an empty workdays is an error on the list, and the default applies', () => {
    const text = 'workdays: []\n';
    assert.deepEqual(problemsOf(text), new Map([['[]', 'workdays is empty: name the days you work, e.g. [mon, tue, wed, thu, fri]']]));
    assert.deepEqual(mergeConfig(parseConfigText(text).layer).workdays, DEFAULT_CONFIG.workdays);
    const [d] = service.checkConfig(text);
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(covered(text, d.range), '[]');
  });

  it('a workdays that names no real day: an error on each name, with did-you-mean, and one on the list', () => {
    const text = 'workdays: [mo, tues, funday]\n';
    assert.deepEqual(problemsOf(text), new Map([
      ['mo', "Unknown day \"mo\" in workdays: did you mean 'mon'? (one of mon, tue, wed, thu, fri, sat, sun)"],
      ['tues', "Unknown day \"tues\" in workdays: did you mean 'tue'? (one of mon, tue, wed, thu, fri, sat, sun)"],
      ['funday', 'Unknown day "funday" in workdays (one of mon, tue, wed, thu, fri, sat, sun)'],
      ['[mo, tues, funday]', 'workdays names no day of the week (mon, tue, wed, thu, fri, sat, sun)'],
    ]));
    assert.deepEqual(mergeConfig(parseConfigText(text).layer).workdays, DEFAULT_CONFIG.workdays);
  });

  it('an unknown day among real ones: an error on that item, the others apply', () => {
    const text = 'workdays:\n  - mon\n  - wednesday\n  - 3\n';
    assert.deepEqual(problemsOf(text), new Map([['3', 'Unknown day 3 in workdays (one of mon, tue, wed, thu, fri, sat, sun)']]));
    assert.deepEqual(mergeConfig(parseConfigText(text).layer).workdays, ['mon', 'wed']);
  });

  it('holidays that are not real dates are errors on those items; the real ones apply', () => {
    const text = 'holidays: [2026-12-25, 2026-02-30, christmas, 20261225]\n';
    assert.deepEqual(problemsOf(text), new Map([
      ['2026-02-30', 'Holiday "2026-02-30" is not a real date: write YYYY-MM-DD'],
      ['christmas', 'Holiday "christmas" is not a real date: write YYYY-MM-DD'],
      ['20261225', 'Holiday 20261225 is not a real date: write YYYY-MM-DD'],
    ]));
    assert.deepEqual(mergeConfig(parseConfigText(text).layer).holidays.map(formatDay), ['2026-12-25']);
  });

  it('either one not written as a list is an error on the value', () => {
    const text = 'workdays: weekdays\nholidays: 2026-12-25\n';
    assert.deepEqual(problemsOf(text), new Map([
      ['weekdays', 'workdays should be a list of day names, e.g. [mon, tue, wed, thu, fri], not "weekdays"'],
      ['2026-12-25', 'holidays should be a list of dates (YYYY-MM-DD), not "2026-12-25"'],
    ]));
  });

  it('editor settings override the file, and are checked the same way', () => {
    const reported: string[] = [];
    const settings = toLayer({ workdays: ['sat', 'sunday'], holidays: ['2026-13-01'] }, (path, message) => reported.push(`${path.join('.')}: ${message}`));
    assert.deepEqual(reported, ['holidays.0: Holiday "2026-13-01" is not a real date: write YYYY-MM-DD']);
    const config = mergeConfig(parseConfigText('workdays: [mon]\nholidays: [2026-12-25]\n').layer, settings);
    assert.deepEqual(config.workdays, ['sat', 'sun']);
    assert.deepEqual(config.holidays, []);
  });

  it('the VS Code settings offer them: day names to pick from, dates by pattern', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    // The settings come in groups (Drafts, Timing, ...): their properties, together.
    const props = Object.assign({}, ...pkg.contributes.configuration.map((g: { properties: object }) => g.properties));
    assert.deepEqual([...props['interviewFollowup.workdays'].items.enum].sort(), [...DAY_NAMES].sort());
    assert.equal(props['interviewFollowup.workdays'].default, null, 'empty: the file applies');
    assert.ok(new RegExp(props['interviewFollowup.holidays'].items.pattern).test('2026-12-25'));
    assert.ok(!new RegExp(props['interviewFollowup.holidays'].items.pattern).test('Dec 25'));
    for (const key of ['workdays', 'holidays']) assert.ok(props[`interviewFollowup.${key}`].markdownDescription && props[`interviewFollowup.${key}`].order);
  });
});
