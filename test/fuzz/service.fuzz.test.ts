/**
 * Property-based tests of the pure service (fast-check, fixed seeds and run counts, so a run
 * is repeatable and its cost known):
 *
 * - for any text, no entry point throws and every range lies in the document (strictly, as
 *   LSP counts lines and UTF-16 columns), findings inside the front matter;
 * - for generated notes, every code action offered applies cleanly and yields a note that
 *   parses, with the change its title names, and every other byte kept.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CodeAction, Diagnostic, Position } from 'vscode-languageserver-types';
import {
  createLanguageService, mergeConfig, parseIsoDay, RULE_IDS, TemplateLookup,
} from '../../server/src/service';
import { anyText, config, fencedText, note } from './arbitraries';
import { directiveSilence } from './directives';
import { checkAction, editsOf, frontMatterEnd, lineStarts, spanOf } from './invariants';

const URI = 'file:///fuzz/note.md';
const TODAY = parseIsoDay('2026-11-26')!;
const TEMPLATES = path.resolve(__dirname, '../../../templates');
const builtIn: TemplateLookup = (name) => ({ origin: `${name}.hbs`, text: readFileSync(path.join(TEMPLATES, `${name}.hbs`), 'utf8') });

/** Run counts (the seeds are fixed: the same cases every time). */
export const RUNS = { anyText: 1500, fenced: 1500, notes: 1500 };

const service = createLanguageService();
const tally = { texts: 0, notes: 0, diagnostics: 0, actions: 0, applied: 0, disabled: 0, silenced: 0 };

/** Every entry point on `text`: nothing throws, every range is in the document. */
function everyEntryPoint(text: string, layer: Parameters<typeof mergeConfig>[0] = {}, at?: Position): { diagnostics?: Diagnostic[]; actions: CodeAction[] } {
  const options = { today: TODAY, config: mergeConfig(layer) };
  const starts = lineStarts(text);
  const limit = frontMatterEnd(text);
  const diagnostics = service.check({ uri: URI, text }, options);
  for (const d of diagnostics ?? []) {
    const [, end] = spanOf(text, starts, d.range, `${d.code} range`);
    assert.ok(end <= limit, `${d.code} at ${end} is past the front matter (${limit})`);
    assert.ok((RULE_IDS as readonly unknown[]).includes(d.code) && d.source === 'interview-followup');
    assert.ok(typeof d.message === 'string' && d.message.length > 0 && d.message.length < 2000, `${d.code}: a message of sane length`);
  }
  const whole = { start: { line: 0, character: 0 }, end: { line: starts.length - 1, character: text.length - starts[starts.length - 1] } };
  const actions = service.codeActions({ uri: URI, text, version: 7 }, whole, diagnostics ?? [], { ...options, templates: builtIn });
  for (const a of actions) {
    assert.ok(a.title && (a.edit || a.disabled), `'${a.title}': an edit or a reason`);
    if (a.edit) for (const e of editsOf(a, URI)) spanOf(text, starts, e.range, `'${a.title}' edit`);
    if (a.disabled) assert.ok(a.disabled.reason.length > 0);
  }
  // The editor helpers: at the given position, or at the start of each line.
  const positions = at ? [at] : starts.slice(0, 50).map((_, line) => ({ line, character: 0 }));
  for (const p of positions) {
    const h = service.hover({ uri: URI, text }, p, options);
    if (h?.range) spanOf(text, starts, h.range, 'hover');
    for (const c of service.completion({ uri: URI, text }, p, options)) {
      const edit = c.textEdit as { range?: Diagnostic['range'] } | undefined;
      if (edit?.range) spanOf(text, starts, edit.range, 'completion');
    }
  }
  for (const h of service.inlayHints({ uri: URI, text }, undefined, options)) spanOf(text, starts, { start: h.position, end: h.position }, 'inlay hint');
  for (const l of service.codeLenses({ uri: URI, text }, options)) spanOf(text, starts, l.range, 'lens');
  for (const s of service.documentSymbols({ uri: URI, text })) {
    spanOf(text, starts, s.range, 'symbol');
    for (const c of s.children ?? []) spanOf(text, starts, c.range, 'child symbol');
  }
  for (const d of service.checkConfig(text)) spanOf(text, starts, d.range, 'config problem');
  for (const d of service.checkTemplate({ origin: 'fuzz.hbs', text })) spanOf(text, starts, d.range, 'template problem');
  tally.texts++;
  tally.diagnostics += diagnostics?.length ?? 0;
  return { diagnostics, actions };
}

/** A position anywhere in the text, or just past it. */
const position = fc.record({ line: fc.nat({ max: 40 }), character: fc.nat({ max: 120 }) });

describe('fuzz: the service on any text', function () {
  this.timeout(120_000);

  after(() => {
    console.log(`      fuzz: ${tally.texts} texts, ${tally.notes} generated notes (${tally.silenced} with directives), ${tally.diagnostics} diagnostics, ` +
      `${tally.actions} code actions (${tally.applied} applied and checked, ${tally.disabled} disabled with a reason)`);
  });

  it(`never throws, and every range lies in the document (${RUNS.anyText} texts of any characters)`, () => {
    fc.assert(fc.property(anyText, position, (text, at) => {
      everyEntryPoint(text, {}, at);
    }), { seed: 0x1f00, numRuns: RUNS.anyText });
  });

  it(`never throws on front matter of any characters; findings stay in it (${RUNS.fenced} texts)`, () => {
    fc.assert(fc.property(fencedText, position, (text, at) => {
      everyEntryPoint(text, {}, at);
    }), { seed: 0x1f01, numRuns: RUNS.fenced });
  });

  it(`applies every code action offered on generated notes: the note parses, changes as titled, keeps every other byte; directives are obeyed (${RUNS.notes} notes)`, () => {
    fc.assert(fc.property(note, config, (n, layer) => {
      const { diagnostics, actions } = everyEntryPoint(n.text, layer);
      tally.notes++;
      // A rule a directive turns off says nothing, but about the directive itself (a typo in it).
      const quiet = directiveSilence(n.text);
      if (quiet.at.length > 0) tally.silenced++;
      const starts = lineStarts(n.text);
      for (const d of diagnostics ?? []) {
        if (!quiet.all && !quiet.rules.has(String(d.code))) continue;
        const [s] = spanOf(n.text, starts, d.range);
        assert.ok(d.code === 'unknown-field' && quiet.at.some(([from, to]) => from <= s && s < to), `${d.code} is turned off by a directive: ${d.message}`);
      }
      for (const a of actions) {
        tally.actions++;
        if (!a.edit) {
          tally.disabled++;
          continue;
        }
        checkAction(n.text, a, URI, TODAY);
        tally.applied++;
      }
    }), { seed: 0x1f02, numRuns: RUNS.notes });
    assert.ok(tally.applied > RUNS.notes / 2, `the generator reaches the code actions: ${tally.applied} applied`);
  });

  it('versions the edits when the client takes documentChanges: an action computed on version N names N', () => {
    fc.assert(fc.property(note, fc.integer({ min: 0, max: 1 << 30 }), (n, version) => {
      const options = { today: TODAY, config: mergeConfig({}), templates: builtIn, documentChanges: true };
      const diagnostics = service.check({ uri: URI, text: n.text }, options) ?? [];
      const whole = { start: { line: 0, character: 0 }, end: { line: 1 << 20, character: 0 } };
      for (const a of service.codeActions({ uri: URI, text: n.text, version }, whole, diagnostics, options)) {
        if (!a.edit) continue;
        assert.equal(a.edit.changes, undefined);
        const [dc] = a.edit.documentChanges!;
        assert.ok('textDocument' in dc);
        assert.deepEqual(dc.textDocument, { uri: URI, version });
      }
    }), { seed: 0x1f03, numRuns: 200 });
  });
});

describe('fuzz: the action checker itself', () => {
  // The oracle must catch what it is there to catch: each of these edits is wrong.
  const text = '---\ninterviewed: 2026-11-02\ncompany: A  # c1\nstatus: wating # typo\nrole: B\n---\nbody\n';
  const edit = (title: string, [sl, sc, el, ec]: number[], newText: string): CodeAction =>
    ({ title, edit: { changes: { [URI]: [{ range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, newText }] } } });
  const wrong: [string, CodeAction, RegExp][] = [
    ['eats a comment', edit('Set status: closed (let it go)', [3, 8, 3, 21], 'closed'), /only the value is replaced/],
    ['rewrites another line', edit('Set status: closed (let it go)', [2, 10, 3, 14], '\nstatus: closed'), /only the value is replaced/],
    ['sets another value', edit("Change status to 'waiting'", [3, 8, 3, 14], 'offer'), /./],
    ['breaks the YAML', edit('Set status: closed (let it go)', [3, 8, 3, 14], 'closed: ['), /still an interview note|parses/],
    ['touches the body', edit('Draft thank-you email', [6, 0, 6, 4], 'x'), /./],
    ['edits past the end of a line', edit('Set status: closed (let it go)', [3, 8, 3, 99], 'closed'), /past the end of line/],
  ];
  it('accepts the right edit', () => {
    checkAction(text, edit('Set status: closed (let it go)', [3, 8, 3, 14], 'closed'), URI, TODAY);
  });
  for (const [what, action, reason] of wrong) {
    it(`rejects an edit that ${what}`, () => assert.throws(() => checkAction(text, action, URI, TODAY), reason));
  }
});
