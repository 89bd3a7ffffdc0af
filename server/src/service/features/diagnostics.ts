/** Findings as diagnostics: every rule run on a note, severities from the configuration applied. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { SOURCE } from '../../protocol';
import { Config } from '../config';
import { Day } from '../dates';
import { Silence, silenceOf } from '../directives';
import { NoteView } from '../document';
import { DEFAULT_SEVERITY, RULES, yamlSyntax } from '../rules';
import { NoteSummary, Search, summarize } from '../search';
import { Finding, RuleId, Severity } from '../types';

export interface CheckOptions {
  today: Day;
  config: Config;
  /** The notes of the same search (this one may be among them); none: the note alone. */
  search?: Search;
  /** This note's name in `search`, so it is not counted among the others; default its URI. */
  name?: string;
  /**
   * Leave out the findings that read other notes: a host checking a whole workspace adds them
   * from the summaries once every note is summarized (crossDiagnostics), without parsing again.
   */
  deferCross?: boolean;
}

export type RatedFinding = Finding & { severity: Severity };

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const CROSS = RULES.filter((r) => r.cross);

/**
 * Runs every rule on a note (one that parsed); findings with their effective severity, by
 * position. Rules that are `off` in the configuration, or turned off by the note's own
 * directives, are dropped here, so the CLI, the server and the code actions agree.
 */
export function findingsOf(view: NoteView, options: CheckOptions): RatedFinding[] {
  const note = view.note!;
  const out: RatedFinding[] = [];
  const quiet = silenceOf(note);
  const add = (found: Finding[]) => {
    for (const f of found) {
      if (quiet && hushed(quiet, f)) continue;
      const setting = options.config.rules[f.rule] ?? DEFAULT_SEVERITY[f.rule];
      // Built field by field, not spread: one shape for every finding (this runs per note).
      if (setting !== 'off') out.push({ rule: f.rule, span: f.span, message: f.message, data: f.data, severity: setting });
    }
  };
  add(yamlSyntax.check(note));
  if (note.interview) {
    const name = options.name ?? view.doc.uri;
    const search = options.search ?? Search.empty;
    const ctx = { note, interview: note.interview, today: options.today, config: options.config, search, name };
    for (const rule of RULES) if (rule.check) add(rule.check(ctx));
    if (!options.deferCross) {
      const self = summarize(view, name, options.today)!;
      for (const rule of CROSS) {
        for (const c of rule.cross!(self, search, options)) {
          if (quiet && hushed(quiet, c)) continue;
          const setting = options.config.rules[c.rule] ?? c.severity ?? DEFAULT_SEVERITY[c.rule];
          if (setting !== 'off') out.push({ rule: c.rule, span: self.anchor, message: c.message, data: undefined, severity: setting });
        }
      }
    }
  }
  return out.length < 2 ? out : out.sort(bySpan);
}

/** The findings of a note that read other notes, from its summary alone (placed at its anchorRange). */
export function crossDiagnostics(self: NoteSummary, search: Search, options: Pick<CheckOptions, 'config' | 'today'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of CROSS) {
    for (const c of rule.cross!(self, search, options)) {
      if (self.silence && hushed(self.silence, c)) continue;
      const setting = options.config.rules[c.rule as RuleId] ?? c.severity ?? DEFAULT_SEVERITY[c.rule];
      if (setting !== 'off') out.push({ range: self.anchorRange, severity: SEVERITY[setting], code: c.rule, source: SOURCE, message: c.message });
    }
  }
  return out;
}

/** A directive silences its rules, but not what is said about the directive itself (a typo in it). */
const hushed = (s: Silence, f: Pick<Finding, 'rule' | 'data'>) => f.data?.kind !== 'directive' && (s.all || s.rules.has(f.rule));

const bySpan = (a: Finding, b: Finding) => a.span.start - b.span.start || a.span.end - b.span.end;

export function toDiagnostic(view: NoteView, f: RatedFinding): Diagnostic {
  return { range: view.rangeOf(f.span), severity: SEVERITY[f.severity], code: f.rule, source: SOURCE, message: f.message };
}

/** Diagnostics for a note; undefined when the text is not an interview note. */
export function check(view: NoteView, options: CheckOptions): Diagnostic[] | undefined {
  if (!view.note) return undefined;
  return findingsOf(view, options).map((f) => toDiagnostic(view, f));
}
