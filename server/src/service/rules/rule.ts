/**
 * What a rule is: one module per rule id, holding its check, its default severity and the
 * quick fixes for its findings (as rust-analyzer keeps one module per diagnostic with its
 * fixes). Adding a rule touches its file, the registry (index.ts) and the README's table.
 */
import type { Config } from '../config';
import type { Day } from '../dates';
import type { DraftRenderer, TemplateLookup, TemplateName } from '../drafts';
import type { Edit } from '../edits';
import type { Interview, ParsedNote } from '../model';
import type { NoteSummary, Search } from '../search';
import type { Finding, RuleId, Severity } from '../types';

export interface RuleContext {
  note: ParsedNote;
  interview: Interview;
  today: Day;
  config: Config;
  /** The other notes of the same search (empty when the host passes none). */
  search: Search;
  /** This note's name in the search. */
  name: string;
}

/** A finding about the whole process, from the summaries alone: it points at the note's anchor. */
export interface CrossFinding {
  rule: RuleId;
  message: string;
  /** A severity above the rule's default, for this finding (an offer's deadline near); the configuration's setting wins. */
  severity?: Severity;
}

/** What a cross-note rule knows besides the summaries: the day and the configuration (working days). */
export interface CrossEnv {
  today: Day;
  config: Config;
}

/** What fixes see: the rule context, and the templates for drafts. */
export interface FixContext extends RuleContext {
  templates: TemplateLookup;
  renderer: DraftRenderer;
  /**
   * Leave drafts unrendered, for a client that resolves code actions (`codeAction/resolve`):
   * only the draft chosen is rendered. Templates are still compiled (cached), so one that
   * does not compile shows as a disabled action, as without deferral.
   */
  defer?: boolean;
}

/** A quick fix, before positions: its edits, or the template to render, or why it cannot apply. */
export interface PlannedAction {
  title: string;
  finding: Finding;
  edits?: Edit[];
  disabled?: string;
  preferred?: boolean;
  /** The template of a draft. A deferred draft has neither edits nor `disabled` until renderDraft(). */
  template?: TemplateName;
  /** Whom a draft is addressed to (a person's name); the main contact when absent. */
  to?: string;
}

export interface RuleModule {
  id: RuleId;
  severity: Severity;
  /** Findings in the note itself. */
  check?(ctx: RuleContext): Finding[];
  /**
   * Findings that read the other notes of the search: computed from summaries only, so a host
   * can re-check a note for a change elsewhere without reading or parsing it again.
   */
  cross?(self: NoteSummary, search: Search, env: CrossEnv): CrossFinding[];
  /** The quick fixes for one of this rule's findings; none when absent. */
  fixes?(ctx: FixContext, finding: Finding): PlannedAction[];
}

/** The one rule that runs on a note whose front matter is not a readable interview. */
export interface SyntaxRuleModule {
  id: RuleId;
  severity: Severity;
  check(note: ParsedNote): Finding[];
}
