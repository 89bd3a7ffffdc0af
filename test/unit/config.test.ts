/** `.interview-followup.yaml`: parsing, problems with spans, defaults where a value is wrong. */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DEFAULT_CONFIG, mergeConfig, parseConfigText, toLayer } from '../../server/src/service';
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
      ['check-in-nag', "Unknown rule 'check-in-nag' (rules: thank-you-due, ask-timeline, check-in-due, let-it-go, second-follow-up, weigh-offer, withdraw-others, missing-field, invalid-date, invalid-value, unknown-field, date-order, yaml-syntax)"],
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
