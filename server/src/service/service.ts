/**
 * The pure language service: text in, diagnostics and code actions out. No connection, no
 * file system, no process, no clock: the host passes the document, today and the
 * configuration, and a lookup for templates.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, Range, TextEdit } from 'vscode-languageserver-types';
import { actionsFor } from './actions';
import { Config, parseConfigText } from './config';
import { Day } from './dates';
import { DraftRenderer, sampleContext, TemplateLookup, TemplateSource } from './drafts';
import { Span } from './frontmatter';
import { parseNote, ParsedNote } from './model';
import { RULES, yamlSyntax } from './rules';
import { DEFAULT_SEVERITY, Finding, Severity } from './types';

export const SOURCE = 'interview-followup';

export interface CheckOptions {
  today: Day;
  config: Config;
}

export interface ActionOptions extends CheckOptions {
  templates: TemplateLookup;
}

export interface NoteDocument {
  uri: string;
  text: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Runs every rule on a parsed note; findings with their effective severity, `off` dropped. */
export function findingsOf(note: ParsedNote, options: CheckOptions): (Finding & { severity: Severity })[] {
  const found: Finding[] = [...yamlSyntax(note)];
  if (note.interview) {
    const ctx = { note, interview: note.interview, today: options.today, config: options.config };
    for (const rule of RULES) found.push(...rule(ctx));
  }
  const out: (Finding & { severity: Severity })[] = [];
  for (const f of found) {
    const setting = options.config.rules[f.rule] ?? DEFAULT_SEVERITY[f.rule];
    if (setting !== 'off') out.push({ ...f, severity: setting });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export interface LanguageService {
  /** Diagnostics for a note; undefined when the text is not an interview note. */
  check(doc: NoteDocument, options: CheckOptions): Diagnostic[] | undefined;
  /**
   * Code actions for the findings overlapping `range` or matching the client's context
   * diagnostics. Findings are recomputed from the text, so stale client state cannot
   * produce a wrong edit.
   */
  codeActions(doc: NoteDocument, range: Range, context: Diagnostic[], options: ActionOptions): CodeAction[];
  /** Problems in `.interview-followup.yaml`, as diagnostics on that file. */
  checkConfig(text: string): Diagnostic[];
  /** A template that does not compile, as a diagnostic on the template file. */
  checkTemplate(source: TemplateSource): Diagnostic[];
}

export function createLanguageService(): LanguageService {
  const renderer = new DraftRenderer();

  const diagnostic = (doc: TextDocument, f: Finding & { severity: Severity }): Diagnostic => ({
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: SOURCE,
    message: f.message,
  });

  return {
    check(input, options) {
      const note = parseNote(input.text);
      if (!note) return undefined;
      const doc = TextDocument.create(input.uri, 'markdown', 0, input.text);
      return findingsOf(note, options).map((f) => diagnostic(doc, f));
    },

    codeActions(input, range, context, options) {
      const note = parseNote(input.text);
      if (!note?.interview) return [];
      const doc = TextDocument.create(input.uri, 'markdown', 0, input.text);
      // Some clients send context diagnostics without a range (Neovim 0.7): those match nothing
      // rather than failing the whole request.
      const wanted = (d: Diagnostic) => overlaps(d.range, range)
        || context.some((c) => c?.code === d.code && c.range?.start?.line === d.range.start.line && c.range.start.character === d.range.start.character);
      const ctx = { note, interview: note.interview, config: options.config, today: options.today, templates: options.templates, renderer };
      const out: CodeAction[] = [];
      const titles = new Set<string>();
      for (const f of findingsOf(note, options)) {
        const diag = diagnostic(doc, f);
        if (!wanted(diag)) continue;
        for (const a of actionsFor(ctx, f)) {
          if (titles.has(a.title)) continue; // "set status: closed" from several findings
          titles.add(a.title);
          const action: CodeAction = { title: a.title, kind: CodeActionKind.QuickFix, diagnostics: [diag] };
          if (a.edits) {
            action.edit = { changes: { [input.uri]: a.edits.map((e): TextEdit => ({ range: toRange(doc, e.span), newText: e.newText })) } };
          } else {
            action.disabled = { reason: a.disabled ?? 'Not available' };
          }
          if (a.preferred) action.isPreferred = true;
          out.push(action);
        }
      }
      return out;
    },

    checkConfig(text) {
      const doc = TextDocument.create('config', 'yaml', 0, text);
      return parseConfigText(text).problems.map((p) => ({
        range: toRange(doc, p.span),
        severity: DiagnosticSeverity.Error,
        code: 'config',
        source: SOURCE,
        message: p.message,
      }));
    },

    checkTemplate(source) {
      let problem: string | undefined;
      let err: unknown;
      try {
        renderer.compile(source);
        try {
          renderer.render(source, sampleContext());
        } catch (e) {
          [problem, err] = ['Template fails to render', e];
        }
      } catch (e) {
        [problem, err] = ['Template does not compile', e];
      }
      if (!problem) return [];
      const lines = source.text.split('\n');
      const line = Math.min(lines.length - 1, Math.max(0, ((err as { line?: number }).line ?? 1) - 1));
      return [{
        range: { start: { line, character: 0 }, end: { line, character: lines[line].replace(/\r$/, '').length } },
        severity: DiagnosticSeverity.Error,
        code: 'template',
        source: SOURCE,
        message: `${problem}: ${(err as Error).message}`,
      }];
    },
  };
}
