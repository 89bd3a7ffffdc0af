/**
 * The pure language service: text in, diagnostics and code actions out. No connection, no
 * file system, no process, no clock: the host passes the document, today and the
 * configuration, and a lookup for templates.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { SOURCE } from '../protocol';
import { actionsFor, renderDraft } from './actions';
import { Config, ConfigProblem, parseConfigText } from './config';
import { Day } from './dates';
import { DraftRenderer, sampleContext, TemplateLookup, TemplateName, TemplateSource } from './drafts';
import { Span } from './frontmatter';
import { parseNote, ParsedNote } from './model';
import { RULES, yamlSyntax } from './rules';
import { DEFAULT_SEVERITY, Finding, RuleId, Severity } from './types';

export { SOURCE };

export interface CheckOptions {
  today: Day;
  config: Config;
}

export interface ActionOptions extends CheckOptions {
  templates: TemplateLookup;
  /**
   * Leave drafts unrendered: each draft action comes without `edit`, with `data` for
   * resolveCodeAction (the host's `codeAction/resolve`), so only the draft chosen is rendered.
   */
  deferDrafts?: boolean;
  /**
   * The client applies `documentChanges` (workspace.workspaceEdit.documentChanges): edits then
   * name the document version they were computed for, and a client refuses them on newer text.
   */
  documentChanges?: boolean;
}

/** The `data` of a deferred draft action: enough to find its finding again. Range in UTF-16. */
export interface DraftActionData {
  rule: RuleId;
  template: TemplateName;
  range: Range;
}

export interface NoteDocument {
  uri: string;
  text: string;
  /** The editor's version of the text: code action edits carry it, so a stale one cannot apply. */
  version?: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Runs every rule on a parsed note; findings with their effective severity, `off` dropped. */
export function findingsOf(note: ParsedNote, options: CheckOptions): (Finding & { severity: Severity })[] {
  const out: (Finding & { severity: Severity })[] = [];
  const add = (found: Finding[]) => {
    for (const f of found) {
      const setting = options.config.rules[f.rule] ?? DEFAULT_SEVERITY[f.rule];
      // Built field by field, not spread: one shape for every finding (this runs per note).
      if (setting !== 'off') out.push({ rule: f.rule, span: f.span, message: f.message, data: f.data, severity: setting });
    }
  };
  add(yamlSyntax(note));
  if (note.interview) {
    const ctx = { note, interview: note.interview, today: options.today, config: options.config };
    for (const rule of RULES) add(rule(ctx));
  }
  return out.length < 2 ? out : out.sort(bySpan);
}

const bySpan = (a: Finding, b: Finding) => a.span.start - b.span.start || a.span.end - b.span.end;

/** What ranges are computed with: a TextDocument, or positionsOf() for a note. */
type Positions = Pick<TextDocument, 'positionAt'>;

function toRange(doc: Positions, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/**
 * Positions in a note. Every finding lies in the front matter, so line offsets are computed
 * over that prefix only, not over a body of megabytes; an offset past it (a draft appended at
 * the end) falls back to the whole text.
 */
function positionsOf(uri: string, note: ParsedNote): Positions {
  const { text, frontMatter: fm } = note;
  const limit = fm.close ? fm.close.end : fm.open.end;
  const head = TextDocument.create(uri, 'markdown', 0, text.slice(0, limit));
  let whole: TextDocument | undefined;
  return {
    positionAt: (offset) => (offset <= limit ? head.positionAt(offset) : (whole ??= TextDocument.create(uri, 'markdown', 0, text)).positionAt(offset)),
  };
}

/** Edits to the note, versioned when the client takes `documentChanges`. */
function noteEdit(input: NoteDocument, edits: TextEdit[], options: ActionOptions): WorkspaceEdit {
  if (!options.documentChanges) return { changes: { [input.uri]: edits } };
  return { documentChanges: [{ textDocument: { uri: input.uri, version: input.version ?? null }, edits }] };
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
  /**
   * Renders a deferred draft action (one whose `data` is a DraftActionData) against the
   * current text: the action with its `edit`, or with `disabled` when the finding is gone or
   * the template fails. Extra keys in `data` (the host's) are ignored.
   */
  resolveCodeAction(doc: NoteDocument, action: CodeAction, options: ActionOptions): CodeAction;
  /**
   * Problems in `.interview-followup.yaml`, as diagnostics on that file; `more` are the host's
   * about it (the node side's refusals: a workspace template not used).
   */
  checkConfig(text: string, more?: ConfigProblem[]): Diagnostic[];
  /** A template that does not compile, as a diagnostic on the template file. */
  checkTemplate(source: TemplateSource): Diagnostic[];
  /**
   * Loads and exercises what the first draft would otherwise pay for (Handlebars, ~40 ms):
   * for a host to call once it is idle, so no request waits for it.
   */
  warmUp(): void;
}

export function createLanguageService(): LanguageService {
  const renderer = new DraftRenderer();

  const diagnostic = (doc: Positions, f: Finding & { severity: Severity }): Diagnostic => ({
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
      const doc = positionsOf(input.uri, note);
      return findingsOf(note, options).map((f) => diagnostic(doc, f));
    },

    codeActions(input, range, context, options) {
      const note = parseNote(input.text);
      if (!note?.interview) return [];
      const doc = positionsOf(input.uri, note);
      // Some clients send context diagnostics without a range (Neovim 0.7): those match nothing
      // rather than failing the whole request. A set: 10,000 follow-ups make as many of each.
      const at = (code: unknown, p: { line?: unknown; character?: unknown } | undefined) => `${code}:${p?.line}:${p?.character}`;
      const asked = new Set(context.map((c) => at(c?.code, c?.range?.start)));
      const wanted = (d: Diagnostic) => overlaps(d.range, range) || asked.has(at(d.code, d.range.start));
      const ctx = {
        note, interview: note.interview, config: options.config, today: options.today, templates: options.templates, renderer,
        defer: options.deferDrafts,
      };
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
            action.edit = noteEdit(input, a.edits.map((e): TextEdit => ({ range: toRange(doc, e.span), newText: e.newText })), options);
          } else if (a.template && a.disabled === undefined) {
            action.data = { rule: f.rule, template: a.template, range: diag.range } satisfies DraftActionData;
          } else {
            action.disabled = { reason: a.disabled ?? 'Not available' };
          }
          if (a.preferred) action.isPreferred = true;
          out.push(action);
        }
      }
      return out;
    },

    resolveCodeAction(input, action, options) {
      const data = action.data as Partial<DraftActionData> | undefined;
      const gone = (reason: string): CodeAction => ({ ...action, disabled: { reason } });
      if (!data || typeof data.rule !== 'string' || typeof data.template !== 'string') return gone('Not a draft of interview-followup');
      const note = parseNote(input.text);
      if (!note?.interview) return gone('This is no longer an interview note');
      const doc = TextDocument.create(input.uri, 'markdown', 0, input.text);
      const ctx = { note, interview: note.interview, config: options.config, today: options.today, templates: options.templates, renderer };
      const at = data.range?.start;
      const candidates = findingsOf(note, options).filter((f) => f.rule === data.rule)
        .filter((f) => actionsFor({ ...ctx, defer: true }, f).some((a) => a.template === data.template));
      // The finding the action was offered for; if the note moved since, the same rule's.
      const finding = candidates.find((f) => {
        const start = doc.positionAt(f.span.start);
        return at !== undefined && start.line === at.line && start.character === at.character;
      }) ?? candidates[0];
      if (!finding) return gone('The note changed: nothing to draft here any more');
      const rendered = renderDraft(ctx, data.template);
      if (!rendered.edits) return gone(rendered.disabled ?? 'Not available');
      const edits = rendered.edits.map((e): TextEdit => ({ range: toRange(doc, e.span), newText: e.newText }));
      return { ...action, edit: noteEdit(input, edits, options) };
    },

    checkConfig(text, more = []) {
      const doc = TextDocument.create('config', 'yaml', 0, text);
      return [...parseConfigText(text).problems, ...more].map((p) => ({
        range: toRange(doc, p.span),
        severity: DiagnosticSeverity.Error,
        code: 'config',
        source: SOURCE,
        message: p.message,
      }));
    },

    warmUp() {
      renderer.render({ origin: '(warm-up)', text: '{{#if to}}{{to}}{{/if}}{{#each interviewers}}{{name}}{{/each}}' }, sampleContext());
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
      // Lines as LSP counts them: a lone \r ends one too.
      const lines = source.text.split(/\r\n|\r|\n/);
      const line = Math.min(lines.length - 1, Math.max(0, ((err as { line?: number }).line ?? 1) - 1));
      return [{
        range: { start: { line, character: 0 }, end: { line, character: lines[line].length } },
        severity: DiagnosticSeverity.Error,
        code: 'template',
        source: SOURCE,
        message: `${problem}: ${(err as Error).message}`,
      }];
    },
  };
}
