/** Findings as diagnostics: every rule run on a note, severities from the configuration applied. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { SOURCE } from '../../protocol';
import { Config } from '../config';
import { Day } from '../dates';
import { NoteView } from '../document';
import { ParsedNote } from '../model';
import { DEFAULT_SEVERITY, RULES, yamlSyntax } from '../rules';
import { Finding, Severity } from '../types';

export interface CheckOptions {
  today: Day;
  config: Config;
}

export type RatedFinding = Finding & { severity: Severity };

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Runs every rule on a parsed note; findings with their effective severity, `off` dropped, by position. */
export function findingsOf(note: ParsedNote, options: CheckOptions): RatedFinding[] {
  const out: RatedFinding[] = [];
  const add = (found: Finding[]) => {
    for (const f of found) {
      const setting = options.config.rules[f.rule] ?? DEFAULT_SEVERITY[f.rule];
      // Built field by field, not spread: one shape for every finding (this runs per note).
      if (setting !== 'off') out.push({ rule: f.rule, span: f.span, message: f.message, data: f.data, severity: setting });
    }
  };
  add(yamlSyntax.check(note));
  if (note.interview) {
    const ctx = { note, interview: note.interview, today: options.today, config: options.config };
    for (const rule of RULES) add(rule.check(ctx));
  }
  return out.length < 2 ? out : out.sort(bySpan);
}

const bySpan = (a: Finding, b: Finding) => a.span.start - b.span.start || a.span.end - b.span.end;

export function toDiagnostic(view: NoteView, f: RatedFinding): Diagnostic {
  return { range: view.rangeOf(f.span), severity: SEVERITY[f.severity], code: f.rule, source: SOURCE, message: f.message };
}

/** Diagnostics for a note; undefined when the text is not an interview note. */
export function check(view: NoteView, options: CheckOptions): Diagnostic[] | undefined {
  const note = view.note;
  if (!note) return undefined;
  return findingsOf(note, options).map((f) => toDiagnostic(view, f));
}
