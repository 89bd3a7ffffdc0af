/**
 * The writers fuzzed (SPEC part 3, "Safe to the last byte"): any note value, of any code
 * points, gives either a refusal (invalid-value on it, no draft) or an .eml, a mailto: link and
 * an .ics that independent readers parse back to exactly the intended recipients, subject and
 * body: Python 3's `email` package (policy.default), a strict RFC 6068 decoder written here, and
 * ical.js. Fixed seeds, bounded runs; Python is called once per property with every message.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLanguageService, emlOf, mailtoOf, mergeConfig, parseDraft, parseIsoDay } from '../../server/src/service';
import { buildCalendar } from '../../server/src/cli/calendar';
import { unsafeIn } from '../../server/src/service/safe/values';
import { yamlString } from '../../server/src/service/safe/yaml';
import { builtInTemplates } from '../unit/helpers';
import { pythonReads } from '../hostile/python-email';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

const service = createLanguageService();
const options = { today: parseIsoDay('2026-11-26')!, config: mergeConfig(), templates: builtInTemplates };
const RUNS = 150;

/** Characters that break headers, URIs and calendars, among ordinary ones and any code point. */
const NASTY = ['\n', '\r', '\r\n', '\t', '\0', '\u001b', '\u007f', '\u0085', '\u009b', '\u009d', '\u2028', '\u2029', '\u202e', '\u2066', '\ufeff',
  '\ud800', '\udc00', '"', "'", '\\', ',', ';', ':', '<', '>', '@', '(', ')', '[', ']', '=?', '?=', '=?UTF-8?B?QQ==?=', '%', '&', '=', '+', '#', '## Draft: ',
  'To: evil@example.com', ' ', '  ', 'é', 'Zoë', '面试', '🚀', '👩‍💻', 'x'.repeat(80)];
const value = fc.string({
  unit: fc.oneof(
    { weight: 5, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  minLength: 1, maxLength: 40,
});

function noteOf(name: string, company: string, role: string): string {
  return ['---', 'type: interview', `company: ${yamlString(company)}`, `role: ${yamlString(role)}`,
    `contact: {name: ${yamlString(name)}, email: ana@acme.example}`, 'interviewed: 2026-11-25', 'status: waiting', '---', ''].join('\n');
}

/** A strict RFC 6068 decoder: only unreserved, pct-encoded and the URI's own delimiters; UTF-8 must be valid. */
function decodeMailto(uri: string): { to: string[]; fields: Record<string, string> } {
  const m = /^mailto:([^?]*)(?:\?(.*))?$/.exec(uri);
  assert.ok(m, uri);
  assert.match(uri, /^mailto:[A-Za-z0-9\-._~%@,?&=]*$/, 'nothing outside the characters RFC 6068 leaves unencoded');
  const decode = (s: string) => {
    const bytes: number[] = [];
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '%') {
        assert.match(s.slice(i + 1, i + 3), /^[0-9A-F]{2}$/, 'upper-case pct-encoding');
        bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(s.charCodeAt(i));
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  };
  const fields: Record<string, string> = {};
  for (const f of (m[2] ?? '').split('&').filter(Boolean)) {
    const [k, v, ...rest] = f.split('=');
    assert.equal(rest.length, 0, 'one = per field');
    assert.ok(!(k in fields), `one ${k} field`);
    fields[k] = decode(v);
  }
  return { to: m[1] === '' ? [] : m[1].split(',').map(decode), fields };
}

describe('the writers, fuzzed: a refusal or exactly the intended recipients, subject and body', () => {
  it('eml (Python email), mailto (RFC 6068) and the note itself, for any contact name, company and role', function () {
    this.timeout(60_000);
    const emls: string[] = [];
    const expected: { to: [string, string][]; subject: string; body: string }[] = [];
    let refused = 0;
    fc.assert(fc.property(value, value, value, (name, company, role) => {
      const doc = { uri: 'file:///notes/a.md', text: noteOf(name, company, role) };
      const unsafe = [name, company, role].some((v) => unsafeIn(v.trim()) !== undefined) || /[@<>]/.test(name);
      const r = service.draftText(doc, 'thank-you-email', undefined, options)!;
      if (unsafe) {
        assert.equal(r.text, undefined, 'refused');
        assert.match(r.disabled!, /^Fix the note first: /);
        assert.ok((service.check(doc, options) ?? []).some((d) => d.code === 'invalid-value'));
        refused++;
        return;
      }
      assert.ok(r.text, r.disabled);
      const parts = parseDraft(r.text);
      const mailto = decodeMailto(mailtoOf(parts).uri);
      assert.deepEqual(mailto.to, ['ana@acme.example'], 'the one recipient, nobody added');
      assert.equal(mailto.fields.subject, parts.subject);
      assert.equal(mailto.fields.body, parts.body.replace(/\n/g, '\r\n'));
      emls.push(emlOf(parts));
      expected.push({ to: [[name.trim().replace(/ {2,}/g, ' '), 'ana@acme.example']], subject: parts.subject!, body: `${parts.body}\n` });
    }), { numRuns: Number(process.env.WRITERS_RUNS ?? RUNS), seed: Number(process.env.WRITERS_SEED ?? 20) });
    const read = pythonReads(emls);
    // The body as sent: CRLF line breaks (RFC 5322), the draft's LF ones.
    read.forEach((got, k) => assert.deepEqual({ ...got, body: got.body.replace(/\r\n/g, '\n') }, expected[k], emls[k]));
    assert.ok(refused > 0 && emls.length > 0, `${refused} refused, ${emls.length} written`);
  });

  it('ics (ical.js): every event reads back with its summary and description, never a raw control, CRLF throughout', function () {
    this.timeout(60_000);
    fc.assert(fc.property(value, value, value, (name, company, file) => {
      const doc = { uri: 'file:///notes/a.md', text: noteOf(name, company, 'Dev').replace('interviewed: 2026-11-25', 'interviewed: 2026-11-20\nthank_you_sent: 2026-11-20') };
      const entries = (service.calendar(doc, options) ?? []).map((e) => ({ ...e, file }));
      const ics = buildCalendar(entries, options.today);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      assert.ok(ics.endsWith('\r\n') && !/[^\r]\n/.test(ics));
      const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
      assert.equal(events.length, entries.length);
      const unsafeFile = unsafeIn(file) !== undefined;
      events.forEach((v: { getFirstPropertyValue(n: string): string }, k: number) => {
        assert.equal(v.getFirstPropertyValue('summary'), entries[k].summary, 'a note value is safe or refused: the summary is exact');
        if (!unsafeFile) assert.equal(v.getFirstPropertyValue('description'), `${entries[k].description}\nNote: ${file}`);
      });
    }), { numRuns: Number(process.env.WRITERS_RUNS ?? RUNS), seed: Number(process.env.WRITERS_SEED ?? 20) });
  });
});
