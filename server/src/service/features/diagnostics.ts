/** Findings as diagnostics: every rule run on a note, severities from the configuration applied. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { SOURCE } from '../../protocol';
import { Config } from '../config';
import { Day } from '../dates';
import { Silence, silenceOf } from '../directives';
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

/**
 * Runs every rule on a parsed note; findings with their effective severity, by position. Rules
 * that are `off` in the configuration, or turned off by the note's own directives, are dropped
 * here, so the CLI, the server and the code actions agree.
 */
export function findingsOf(note: ParsedNote, options: CheckOptions): RatedFinding[] {
  const out: RatedFinding[] = [];
  const quiet = silenceOf(note);
  const add = (found: Finding[]) => {
    for (const f of found) {
      const setting = options.config.rules[f.rule] ?? DEFAULT_SEVERITY[f.rule];
      if (quiet && hushed(quiet, f)) continue;
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

/** A directive silences its rules, but not what is said about the directive itself (a typo in it). */
const hushed = (s: Silence, f: Finding) => f.data?.kind !== 'directive' && (s.all || s.rules.has(f.rule));

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
