/**
 * One rule, one module, one row: RULE_IDS, the rule registry, the README's rule table and the
 * VS Code settings' rule enum name the same rules, with the same default severities.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SEVERITY, RULE_IDS } from '../../server/src/service';
import { RULES, yamlSyntax } from '../../server/src/service/rules';
import { SETTINGS_SECTION } from '../../server/src/protocol';

const REPO = path.resolve(__dirname, '../../..');

/** The README's rule table: [rule id, severity] per row, in order. */
function readmeRules(): [string, string][] {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  return [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning|information|hint) \|/gm)].map((m) => [m[1], m[2]]);
}

describe('the rule registry', () => {
  it('has one module per rule id, each registered once', () => {
    const ids = [...RULES.map((r) => r.id), yamlSyntax.id];
    assert.equal(new Set(ids).size, ids.length, `a rule registered twice: ${ids}`);
    assert.deepEqual([...ids].sort(), [...RULE_IDS].sort());
  });

  it("agrees with the README's rule table: same rules, same order, same default severities", () => {
    assert.deepEqual(readmeRules(), RULE_IDS.map((id) => [id, DEFAULT_SEVERITY[id]]));
  });

  it("agrees with the VS Code setting's rule names (offered as keys in the settings editor)", () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const categories = pkg.contributes.configuration as { properties: Record<string, { propertyNames: { enum: string[] }; properties: object }> }[];
    const rules = categories.map((c) => c.properties[`${SETTINGS_SECTION}.rules`]).find(Boolean)!;
    assert.deepEqual(rules.propertyNames.enum, [...RULE_IDS]);
    assert.deepEqual(Object.keys(rules.properties), [...RULE_IDS]);
  });
});
