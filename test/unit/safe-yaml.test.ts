/** A string written into YAML reads back as the same string, under YAML 1.2 core and YAML 1.1. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { yamlString } from '../../server/src/service/safe/yaml';

/** What each schema and context reads back from the scalar. */
function readBack(value: string): unknown[] {
  const s = yamlString(value);
  const out: unknown[] = [];
  for (const opts of [{ version: '1.2' as const }, { version: '1.1' as const }, { schema: 'yaml-1.1' as const }]) {
    out.push(parse(`k: ${s}\n`, opts).k);
    out.push(parse(`k: ${s} # a comment\n`, opts).k);
    out.push(parse(`- ${s}\n`, opts)[0]);
    out.push(parse(`[${s}, x]\n`, opts)[0]);
    out.push(parse(`{k: ${s}, j: x}\n`, opts).k);
  }
  return out;
}

function assertRoundTrip(value: string) {
  for (const got of readBack(value)) assert.equal(got, value, `${JSON.stringify(value)} written as ${yamlString(value)}`);
}

/** Every scalar YAML 1.1 or 1.2 reads as something other than a string, or that breaks a line. */
const SPECIAL = [
  'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'y', 'Y', 'n', 'N', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '~', '',
  '0x1F', '0x1f', '0o17', '017', '0777', '0b101', '1e3', '1E3', '1.0e+3', '-1e-3', '6.8523015e+5', '685.230_15e+03',
  '1_000', '1:20', '190:20:30.15', '+12', '-12', '+.5', '.5', '5.', '3.14',
  '.inf', '.Inf', '.INF', '-.inf', '+.inf', '.nan', '.NaN', '.NAN',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2001-12-15T02:59:43.1Z', '2026-11-26',
  '<<', '=', '-', '?', ':', '!', '&a', '*a', '|', '>', '%', '@', '`', '#', '[', ']', '{', '}', ',', '"', "'",
  ' Acme', 'Acme ', '  ', 'Acme: Labs', 'Acme:Labs', 'Acme #1', 'Acme#1', 'Acme, Inc.', 'a: b: c', '- item', '? q', '!tag',
  'line\nbreak', 'cr\rhere', 'tab\there', 'nul\u0000', 'esc\u001b[31m', 'del\u007f', 'nel\u0085', 'csi\u009b', 'ls\u2028', 'ps\u2029',
  'rlo\u202eevil', 'bom\ufeff', 'lone\ud83d', 'lone\ude80', '\\', 'back\\slash', 'quote"d', "it's", "''", '""',
  '---', '...', '--- x', '... x', 'a\u00a0b',
];

describe('yamlString: the one writer of a string into YAML', () => {
  it('every YAML 1.1 and 1.2 special scalar reads back as the same string', () => {
    for (const value of SPECIAL) assertRoundTrip(value);
  });

  it('quotes what YAML would retype and leaves ordinary names plain', () => {
    for (const v of ['0x1F', '1e3', 'no', '~', '.inf', '0o17', 'Yes', 'off', '2026-11-26', '1:20', 'Acme: Labs', ' Acme', 'e-12', 'E5', 'e3']) {
      assert.match(yamlString(v), /^"/, v);
    }
    for (const v of ['Acme', 'Acme Corp', 'Backend Engineer', 'AT&T', "O'Reilly", 'Zoë Müller', '面试', '3M', 'R&D (payments)', 'Node.js']) {
      assert.equal(yamlString(v), v);
    }
  });

  it('writes one line of visible text: controls, separators and bidi overrides escaped', () => {
    assert.equal(yamlString('a\nb'), '"a\\nb"');
    assert.equal(yamlString('a\u0085b\u202ec\u0000'), '"a\\u0085b\\u202Ec\\u0000"');
    assert.equal(yamlString('lone\ud83d'), '"lone\\uD83D"');
    assert.equal(yamlString('🚀 launch'), '"🚀 launch"');
  });

  it('any string of any code points reads back the same (fast-check)', () => {
    const anyString = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...SPECIAL, 'a', '1', ' ', '.', 'e', 'x', '-', ':'), maxLength: 8 }),
    );
    fc.assert(fc.property(anyString, (value) => {
      assertRoundTrip(value);
      assert.ok(!/[\n\r]/.test(yamlString(value)), 'one line');
    }), { numRuns: 2000, seed: 365307823 });
  });
});
