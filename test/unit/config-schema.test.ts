/**
 * The JSON Schema of `.interview-followup.yaml` (schemas/, contributed to VS Code through
 * yamlValidation) and the server's own check of the file (parseConfigText) cannot drift: both
 * are run on the same cases and must agree on each, the README's example and the examples'
 * file included; the schema names the same keys and rule ids as the code.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseConfigText, RULE_IDS } from '../../server/src/service';
import { FILE_KEYS } from '../../server/src/service/config';

const REPO = path.resolve(__dirname, '../../..');
const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas/interview-followup.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

/** The README's configuration example: the yaml block of its Configuration section. */
function readmeExample(): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  return /```yaml\n([\s\S]*?)```/.exec(section)![1];
}

const ACCEPTED: [string, string][] = [
  ['the README example', readmeExample()],
  ['the examples\' file', readFileSync(path.join(REPO, 'examples/notes/.interview-followup.yaml'), 'utf8')],
  ['an empty file', ''],
  ['only comments', '# nothing yet\n'],
  ['a phone as a number', 'sender: {name: Alex, phone: 5550199}\n'],
  ['empty values', 'sender:\ntemplatesDir: ""\ncheckInGraceDays: ~\nrules:\ninclude:\nexclude: []\n'],
  ['rule off as false', 'rules: {check-in-due: false, ask-timeline: hint}\n'],
  ['one glob as text', 'include: notes/**/*.md\nexclude: archive/**\n'],
  ['zero days and the upper bound', 'checkInGraceDays: 0\nletGoDays: 3650\nmaxFollowUps: 0\n'],
];

const REJECTED: [string, string][] = [
  ['a list, not a mapping', '- sender\n- rules\n'],
  ['a single value', 'hello\n'],
  ['an unknown key', 'colour: blue\n'],
  ['today: an editor setting only', 'today: 2026-11-26\n'],
  ['trace: an editor setting only', 'trace: {server: verbose}\n'],
  ['days as text', 'checkInGraceDays: three\n'],
  ['negative days', 'letGoDays: -1\n'],
  ['fractional days', 'maxFollowUps: 1.5\n'],
  ['too many days', 'checkInWaitDays: 3651\n'],
  ['sender as text', 'sender: Alex Kim\n'],
  ['sender name as a list', 'sender: {name: [Alex]}\n'],
  ['an unknown sender key', 'sender: {nmae: Alex}\n'],
  ['an unknown rule', 'rules: {check-in-nag: off}\n'],
  ['an unknown severity', 'rules: {let-it-go: loud}\n'],
  ['a severity of true', 'rules: {let-it-go: true}\n'],
  ['rules as a list', 'rules: [check-in-due]\n'],
  ['include as a number', 'include: 42\n'],
  ['an empty glob', 'exclude: ["archive/**", " "]\n'],
  ['templatesDir as a number', 'templatesDir: 7\n'],
];

const serverAccepts = (text: string) => parseConfigText(text).problems.length === 0;
const schemaAccepts = (text: string) => validate(parse(text) ?? null);

describe('the JSON Schema of .interview-followup.yaml', () => {
  for (const [what, text] of ACCEPTED) {
    it(`accepts, as the server does: ${what}`, () => {
      assert.deepEqual(parseConfigText(text).problems, [], 'the server accepts it');
      assert.ok(schemaAccepts(text), `the schema accepts it: ${JSON.stringify(validate.errors)}`);
    });
  }
  for (const [what, text] of REJECTED) {
    it(`rejects, as the server does: ${what}`, () => {
      assert.equal(serverAccepts(text), false, 'the server reports it');
      assert.equal(schemaAccepts(text), false, 'the schema rejects it');
    });
  }

  it('names the keys and the rule ids the code knows', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...FILE_KEYS].sort());
    assert.deepEqual(schema.properties.rules.propertyNames.enum, [...RULE_IDS]);
    assert.deepEqual(Object.keys(schema.properties.rules.properties), [...RULE_IDS]);
    for (const [key, prop] of Object.entries(schema.properties)) assert.ok((prop as { description?: string }).description, `${key} is described`);
  });

  it('is what package.json contributes for the YAML extension', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: '.interview-followup.yaml', url: './schemas/interview-followup.schema.json' }]);
  });
});
