/**
 * Templates: user overrides, templates that fail, and the sandbox (no prototype access, no
 * `log`: stdout is the LSP channel).
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TEMPLATE_NAMES } from '../../server/src/service';
import { action, actionsFor, builtInTemplates, fix, note, service, titles, withTemplates } from './helpers';

/** A note whose check-in is due, with a contact. */
const DUE = note(['company: Acme Corp', 'role: Backend Engineer', 'contact:', '  name: Jane Doe', '  email: jane@acme.example',
  'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'stage: onsite'], 'Body\n');

/** Runs `fn`, failing if anything is written to stdout, stderr or the console meanwhile. */
function silently<T>(fn: () => T): T {
  const written: string[] = [];
  const saved = { out: process.stdout.write, err: process.stderr.write, console: { ...console } };
  const capture = (...args: unknown[]) => { written.push(args.map(String).join(' ')); return true; };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) console[m] = capture;
  try {
    return fn();
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    Object.assign(console, saved.console);
    assert.deepEqual(written, [], 'nothing may be printed');
  }
}

describe('template overrides', () => {
  it("a user's template replaces the built-in, with the note's fields", () => {
    const templates = withTemplates({ 'check-in-email': 'To: {{to}}\nHi {{contact.firstName}}, any news on {{role}} ({{stage}}, {{interviewed.date}}, a {{interviewed.weekday}})?\n{{sender.name}}\n' });
    assert.equal(fix(DUE, 'check-in-due', 'Draft check-in email', { templates, config: { sender: { name: 'Alex' } } }),
      DUE + '\nTo: Jane Doe <jane@acme.example>\nHi Jane, any news on Backend Engineer (onsite, 2026-11-02, a Monday)?\nAlex\n');
  });

  it('lists interviewers with #each', () => {
    const text = note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-24', 'interviewers:', '  - name: Sam Lee', '    title: EM', '  - Kim Park']);
    const templates = withTemplates({ 'thank-you-email': 'Met: {{#each interviewers}}{{name}}{{#if title}} ({{title}}){{/if}}; {{/each}}' });
    assert.equal(fix(text, 'thank-you-due', 'Draft thank-you email', { templates }), text + '\nMet: Sam Lee (EM); Kim Park;\n');
  });

  it('a template that renders nothing gives a disabled action', () => {
    const templates = withTemplates({ 'check-in-email': '{{#if nothing}}x{{/if}}\n' });
    const a = action(DUE, 'check-in-due', 'Draft check-in email', { templates });
    assert.equal(a.edit, undefined);
    assert.match(a.disabled?.reason ?? '', /rendered nothing/);
  });

  it('a missing template gives a disabled action naming it', () => {
    const a = action(DUE, 'check-in-due', 'Draft check-in email', { templates: () => undefined });
    assert.equal(a.edit, undefined);
    assert.equal(a.disabled?.reason, "No template 'check-in-email' found");
  });

  it('the built-in templates all compile', () => {
    for (const name of TEMPLATE_NAMES) assert.deepEqual(service.checkTemplate(builtInTemplates(name)!), [], name);
  });
});

describe('a template that fails', () => {
  const broken = 'To: {{to}}\n\nDear {{greetingName}},\n{{#if pitch}}\n{{pitch}}\n';

  it('gives a disabled action with a clear reason and no edit; the other fix still works', () => {
    const templates = withTemplates({ 'check-in-email': broken });
    const all = actionsFor(DUE, 'check-in-due', { templates });
    assert.deepEqual(all.map((a) => a.title), ['Draft check-in email to Jane Doe', 'Mark check-in email sent today (2026-11-26)', 'Log a check-in call today (2026-11-26)']);
    const [draft, mark] = all;
    assert.equal(draft.edit, undefined);
    assert.match(draft.disabled?.reason ?? '', /^Template error in check-in-email\.hbs: Parse error on line 6/);
    assert.ok(mark.edit);
  });

  it('gets a diagnostic on the template file, on the failing line', () => {
    const [d, ...rest] = service.checkTemplate({ origin: 'check-in-email.hbs', text: broken });
    assert.deepEqual(rest, []);
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.source, 'interview-followup');
    assert.match(String(d.message), /^Template does not compile: Parse error on line 6/);
    assert.equal(d.range.start.line, 5);
  });

  it('a template that compiles but fails to render gets a diagnostic too', () => {
    const [d, ...rest] = service.checkTemplate({ origin: 't.hbs', text: 'Hello\n{{#each}}x{{/each}}\n' });
    assert.deepEqual(rest, []);
    assert.match(String(d.message), /^Template fails to render: Must pass iterator to #each/);
    assert.ok(d.range.end.character > 0, 'the range is visible');
    assert.deepEqual(service.checkTemplate({ origin: 't.hbs', text: 'Hello {{contact.firstName}}\n{{#each interviewers}}{{name}}{{/each}}\n' }), []);
  });

  it('an unclosed mustache on line 2', () => {
    const [d] = service.checkTemplate({ origin: 't.hbs', text: 'Hello\n{{company\n' });
    assert.equal(d.range.start.line, 1);
  });
});

describe('the template sandbox', () => {
  it('{{constructor.name}} and friends render nothing', () => {
    const templates = withTemplates({
      'check-in-email': 'a{{constructor.name}}b{{company.constructor.name}}c{{lookup this "constructor"}}d{{__proto__}}e{{contact.constructor}}f{{#with contact}}{{constructor.name}}{{/with}}g',
    });
    const drafted = silently(() => fix(DUE, 'check-in-due', 'Draft check-in email', { templates }));
    assert.equal(drafted, DUE + '\nabcdefg\n');
  });

  it('{{log}} never prints: the template is refused, on the file and on the action', () => {
    const text = 'Dear {{greetingName}},\n{{log "leak" company}}\n';
    const [d] = silently(() => service.checkTemplate({ origin: 'check-in-email.hbs', text }));
    assert.ok(d, 'a diagnostic for {{log}}');
    assert.match(String(d.message), /log/);
    assert.equal(d.range.start.line, 1);
    const a = silently(() => action(DUE, 'check-in-due', 'Draft check-in email', { templates: withTemplates({ 'check-in-email': text }) }));
    assert.equal(a.edit, undefined);
    assert.match(a.disabled?.reason ?? '', /log/);
  });

  it('an unknown helper is refused on the template file', () => {
    const [d] = service.checkTemplate({ origin: 't.hbs', text: 'Hi {{uppercase company}}' });
    assert.match(String(d?.message), /unknown helper uppercase/);
  });

  it('a partial (never registered) is refused on the template file', () => {
    const text = 'Hello\n\n{{> signature}}\n';
    const [d] = service.checkTemplate({ origin: 't.hbs', text });
    assert.match(String(d?.message), /[Pp]artials/);
    assert.equal(d.range.start.line, 2);
    const a = action(DUE, 'check-in-due', 'Draft check-in email', { templates: withTemplates({ 'check-in-email': text }) });
    assert.equal(a.edit, undefined);
  });

  it('the titles do not depend on templates compiling', () => {
    assert.deepEqual(titles(DUE, 'check-in-due', { templates: withTemplates({ 'check-in-email': '{{' }) }),
      ['Draft check-in email to Jane Doe', 'Mark check-in email sent today (2026-11-26)', 'Log a check-in call today (2026-11-26)']);
  });
});
