/**
 * The template sandbox against hostile templates: no prototype access, no helper but the
 * built-in block helpers (none from elsewhere in the process), no way to the file system or
 * the environment, bounded work and output; a template that fails gives a diagnostic on the
 * template and a reason in place of the action, never an edit.
 */
import * as assert from 'node:assert/strict';
import Handlebars from 'handlebars';
import { CodeAction } from 'vscode-languageserver-types';
import { createLanguageService, DraftRenderer, mergeConfig, parseIsoDay, TemplateError, TemplateLookup } from '../../server/src/service';
import { BASE, note, TODAY } from './corpus';

const service = createLanguageService();
const today = parseIsoDay(TODAY)!;
const URI = 'file:///hostile/n.md';
/** A note due a thank-you (line 3), with a pitch and some interviewers. */
const NOTE = note([...BASE.slice(0, 3), 'pitch: A short pitch.', 'interviewers: [Sam Lee, Kim Park]']);

function draft(template: string, text = NOTE): CodeAction {
  const templates: TemplateLookup = (name) => ({ origin: `/ws/${name}.hbs`, text: name === 'thank-you-email' ? template : 'x' });
  const options = { today, config: mergeConfig({}), templates };
  const diagnostics = service.check({ uri: URI, text }, options) ?? [];
  const all = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };
  const found = service.codeActions({ uri: URI, text }, all, diagnostics, options).filter((a) => a.title.startsWith('Draft thank-you email'));
  assert.equal(found.length, 1);
  return found[0];
}

/** The text a draft action would insert; fails when the action is disabled. */
function rendered(template: string, text?: string): string {
  const a = draft(template, text);
  assert.ok(a.edit?.changes, `rendered, not disabled: ${a.disabled?.reason}`);
  return a.edit.changes[URI][0].newText.trim();
}

function refused(template: string, reason: RegExp, text?: string): void {
  const a = draft(template, text);
  assert.equal(a.edit, undefined, 'no edit, never half a note');
  assert.match(a.disabled!.reason, /^Template error in \/ws\/thank-you-email\.hbs: /);
  assert.match(a.disabled!.reason, reason);
}

describe('hostile: the template sandbox', function () {
  const CANARY = 'ifu-canary-9f3b2';
  let helperRan = false;

  before(() => {
    process.env.IFU_TEMPLATE_CANARY = CANARY;
    // A helper registered on the process-wide Handlebars: never visible to our templates.
    Handlebars.registerHelper('evil', () => {
      helperRan = true;
      return CANARY;
    });
    Handlebars.registerPartial('evilPartial', CANARY);
  });

  after(() => {
    delete process.env.IFU_TEMPLATE_CANARY;
    Handlebars.unregisterHelper('evil');
    Handlebars.unregisterPartial('evilPartial');
  });

  it('denies prototype access: constructors, __proto__, lookup and subexpressions render nothing', () => {
    const probes = ['{{constructor}}', '{{constructor.constructor}}', '{{__proto__}}', '{{__proto__.polluted}}', '{{__defineGetter__}}',
      '{{#with constructor}}{{name}}{{/with}}', '{{lookup this "constructor"}}', '{{lookup (lookup this "constructor") "constructor"}}',
      '{{#with (lookup this "__proto__")}}{{constructor.name}}{{/with}}', '{{toString}}', '{{valueOf}}', '{{hasOwnProperty}}',
      '{{company.constructor.name}}', '{{interviewers.constructor}}', '{{@root.constructor.name}}', '{{#each interviewers}}{{constructor.name}}{{/each}}',
      '{{#each this}}{{#if this.constructor}}C{{/if}}{{/each}}'];
    const out = rendered(`<${probes.join('|')}>`);
    assert.equal(out, `<${'|'.repeat(probes.length - 1)}>`);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('reads neither the environment nor files: nothing reaches process, require or globals', () => {
    const probes = ['{{process.env.IFU_TEMPLATE_CANARY}}', '{{global.process.env.HOME}}', '{{globalThis}}', '{{require}}',
      '{{this.process}}', '{{@root.process}}', '{{lookup process "env"}}', '{{#with process}}{{env.IFU_TEMPLATE_CANARY}}{{/with}}'];
    const out = rendered(`<${probes.join('|')}>`);
    assert.equal(out, `<${'|'.repeat(probes.length - 1)}>`);
  });

  it('offers no helper and no partial from elsewhere in the process', () => {
    assert.equal(rendered('<{{evil}}>'), '<>', 'a bare name is a (missing) field, not the helper');
    refused('{{evil "x"}}', /evil/);
    refused('{{> evilPartial}}', /[Pp]artials/);
    refused('{{#> evilPartial}}x{{/evilPartial}}', /[Pp]artials/);
    refused('{{log "x"}}', /log/);
    refused('{{* evil}}', /decorators|[Pp]artials/);
    assert.equal(rendered('<{{{{evil}}}} {{company}} {{{{/evil}}}}>'), '<>', 'a raw block is a (missing) section, not the helper');
    assert.equal(helperRan, false, 'the process-wide helper never ran');
  });

  it('bounds the work: nested loops over a long list stop with a reason', () => {
    const many = note([...BASE.slice(0, 3), `interviewers: [${Array.from({ length: 300 }, (_, i) => `P${i}`).join(', ')}]`]);
    const started = Date.now();
    refused('{{#each interviewers}}{{#each ../interviewers}}{{#each ../../interviewers}}x{{/each}}{{/each}}{{/each}}', /loops too much/, many);
    refused('{{#interviewers}}{{#../interviewers}}{{#../../interviewers}}x{{/../../interviewers}}{{/../interviewers}}{{/interviewers}}', /loops too much/, many);
    assert.ok(Date.now() - started < 2000, `stopped in ${Date.now() - started} ms (27 million iterations otherwise)`);
    assert.equal(rendered('{{#each interviewers}}{{name}};{{/each}}', many).split(';').length, 301, 'one loop over 300 is fine');
  });

  it('bounds the output: a draft over 256 KB is refused', () => {
    refused('{{pitch}}'.repeat(1_000), /renders over 256 KB/, note([...BASE.slice(0, 3), `pitch: ${'x'.repeat(300)}`]));
    refused(`{{#each interviewers}}${'x'.repeat(1_000)}{{/each}}`, /renders over 256 KB/, note([...BASE.slice(0, 3), `interviewers: [${Array.from({ length: 300 }, (_, i) => `P${i}`).join(', ')}]`]));
  });

  it('bounds the output as it renders: it stops at the first value past 256 KB, not after building them all', () => {
    const pitch = 'x'.repeat(200 * 1024);
    let reads = 0;
    const context = { get pitch() { reads++; return pitch; } };
    assert.throws(() => new DraftRenderer().render({ origin: 'big.hbs', text: '{{pitch}}'.repeat(1_000) }, context),
      (err: TemplateError) => err.origin === 'big.hbs' && /renders over 256 KB/.test(err.message));
    assert.equal(reads, 2, 'the second 200 KB passes the bound: the 998 others are never appended');
  });

  it('counts a block\'s text once: a draft under 256 KB inside nested blocks renders whole', () => {
    const inner = 'y'.repeat(200 * 1024);
    const text = rendered(`{{#if company}}{{#with contact}}{{#unless nobody}}{{#each ../interviewers}}{{#if @first}}${inner}{{/if}}{{/each}}{{/unless}}{{/with}}{{/if}}`);
    assert.equal(text, inner);
  });

  it('a template of 28,000 {{pitch}} with a 200 KB pitch fails at once, with a reason, having read nothing', () => {
    const pitch = 'x'.repeat(200 * 1024);
    let reads = 0;
    const context = { get pitch() { reads++; return pitch; } };
    const started = performance.now();
    assert.throws(() => new DraftRenderer().render({ origin: 'huge.hbs', text: '{{pitch}}'.repeat(28_000) }, context),
      (err: TemplateError) => /^The template has over 1000 \{\{expressions\}\}: an email needs far fewer/.test(err.message) && err.line === 1);
    const ms = performance.now() - started;
    assert.equal(reads, 0, 'nothing compiled, nothing rendered');
    assert.ok(ms < 1000, `failed in ${ms.toFixed(0)} ms (seconds and hundreds of MB to compile otherwise)`);
    refused('{{pitch}}'.repeat(28_000), /over 1000 \{\{expressions\}\}/, note([...BASE.slice(0, 3), `pitch: ${pitch}`]));
  });

  it('a template that fails to compile or to render: a diagnostic on the template file, the reason on the action', () => {
    for (const [text, line, problem] of [['Dear {{contact.name}},\n\n{{#if company}}\nno end\n', 4, /does not compile: Parse error on line 5/], ['a\n{{#each}}x{{/each}}\n', 0, /fails to render: Must pass iterator to #each/]] as const) {
      const [d] = service.checkTemplate({ origin: '/ws/thank-you-email.hbs', text });
      assert.equal(d.code, 'template');
      assert.match(d.message as string, problem);
      assert.equal(d.range.start.line, line);
      refused(text, /./);
    }
  });
});
