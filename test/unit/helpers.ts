/** Shared helpers for the unit tests: notes written inline, today pinned, edits applied. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import {
  ConfigLayer, createLanguageService, Day, mergeConfig, parseIsoDay, RULE_IDS, TemplateLookup, TemplateName, TemplateSource,
} from '../../server/src/service';

export const service = createLanguageService();
export const URI = 'file:///notes/acme.md';

/** The pinned "today" of these tests: Thursday 26 November 2026. */
export const TODAY = day('2026-11-26');

export function day(iso: string): Day {
  const d = parseIsoDay(iso);
  if (d === undefined) throw new Error(`not a date: ${iso}`);
  return d;
}

/** A note: front matter lines between `---` fences, then the body. */
export function note(frontMatter: string[], body = '', eol = '\n'): string {
  return ['---', ...frontMatter, '---', ''].join(eol) + body;
}

export interface Options {
  today?: string | Day;
  config?: ConfigLayer;
}

function optionsOf(o: Options = {}) {
  const today = o.today === undefined ? TODAY : typeof o.today === 'string' ? day(o.today) : o.today;
  return { today, config: mergeConfig(o.config ?? {}) };
}

/** A diagnostic as the service makes them: the message is plain text. */
export type Diag = Diagnostic & { message: string };

/** Diagnostics, or undefined when the text is not an interview note. */
export function check(text: string, o?: Options): Diag[] | undefined {
  const found = service.check({ uri: URI, text }, optionsOf(o));
  // What every diagnostic must be: ours, coded with its rule, on a few bytes of the front matter.
  const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  const frontMatterEnd = close ? 3 + close.index + close[0].length : text.length;
  const doc = TextDocument.create(URI, 'markdown', 0, text);
  for (const d of found ?? []) {
    assert.equal(d.source, 'interview-followup');
    assert.ok((RULE_IDS as readonly unknown[]).includes(d.code), `code ${d.code} is a rule id`);
    assert.equal(typeof d.message, 'string');
    assert.ok(covered(text, d.range).length > 0, `${d.code}: the range covers something`);
    assert.ok(doc.offsetAt(d.range.end) <= frontMatterEnd, `${d.code}: the range stays in the front matter`);
  }
  return found as Diag[] | undefined;
}

/** Diagnostics of a text that must be an interview note. */
export function diagnostics(text: string, o?: Options): Diag[] {
  const d = check(text, o);
  assert.ok(d, 'expected an interview note');
  return d;
}

/** The diagnostics of one rule. */
export function byRule(text: string, rule: string, o?: Options): Diag[] {
  return diagnostics(text, o).filter((d) => d.code === rule);
}

/** The one diagnostic of `rule`; fails if there is none or several. */
export function single(text: string, rule: string, o?: Options): Diag {
  const found = byRule(text, rule, o);
  assert.equal(found.length, 1, `expected one ${rule}, got ${JSON.stringify(found.map((d) => d.message))}`);
  return found[0];
}

/** The rule ids found, sorted, for asserting "exactly these fire". */
export function rules(text: string, o?: Options): string[] {
  return diagnostics(text, o).map((d) => String(d.code)).sort();
}

/** The text a diagnostic's range covers. */
export function covered(text: string, range: Range): string {
  const doc = TextDocument.create(URI, 'markdown', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

const TEMPLATE_DIR = join(__dirname, '..', '..', '..', 'templates');

/** The real built-in templates, read from `templates/*.hbs`. */
export const builtInTemplates: TemplateLookup = (name) => ({
  origin: 'built-in',
  text: readFileSync(join(TEMPLATE_DIR, `${name}.hbs`), 'utf8'),
});

/** Built-ins with some templates replaced by inline text. */
export function withTemplates(overrides: Partial<Record<TemplateName, string>>): TemplateLookup {
  return (name): TemplateSource | undefined => {
    const text = overrides[name];
    return text === undefined ? builtInTemplates(name) : { origin: `${name}.hbs`, text };
  };
}

export interface ActionOptions extends Options {
  templates?: TemplateLookup;
}

/** The code actions for the diagnostics of `rule` (the client passes them as context). */
export function actionsFor(text: string, rule: string, o: ActionOptions = {}): CodeAction[] {
  const diags = byRule(text, rule, o);
  assert.ok(diags.length > 0, `expected a ${rule} diagnostic`);
  // One request, as a client sends for a selection over all of them.
  const range = { start: diags[0].range.start, end: diags[diags.length - 1].range.end };
  const actions = service.codeActions({ uri: URI, text }, range, diags, { ...optionsOf(o), templates: o.templates ?? builtInTemplates });
  return actions.filter((a) => a.diagnostics?.some((x) => x.code === rule));
}

/** The one action whose title starts with `title`. */
export function action(text: string, rule: string, title: string, o?: ActionOptions): CodeAction {
  const all = actionsFor(text, rule, o);
  const found = all.filter((a) => a.title.startsWith(title));
  assert.equal(found.length, 1, `expected one action '${title}', got ${JSON.stringify(all.map((a) => a.title))}`);
  return found[0];
}

/** The titles of the actions offered for `rule`. */
export function titles(text: string, rule: string, o?: ActionOptions): string[] {
  return actionsFor(text, rule, o).map((a) => a.title);
}

/** Applies an action's edits to `text`, as a client would. */
export function apply(text: string, a: CodeAction): string {
  assert.ok(a.edit?.changes, `action '${a.title}' has no edit${a.disabled ? ` (disabled: ${a.disabled.reason})` : ''}`);
  const keys = Object.keys(a.edit.changes);
  assert.deepEqual(keys, [URI], 'edits only the note itself');
  const edits: TextEdit[] = a.edit.changes[URI];
  return TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 0, text), edits);
}

/** The text after applying the action `title` offered for `rule`. */
export function fix(text: string, rule: string, title: string, o?: ActionOptions): string {
  return apply(text, action(text, rule, title, o));
}
