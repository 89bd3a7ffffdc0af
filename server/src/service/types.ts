import type { Span } from './frontmatter';
import type { Config } from './config';
import type { Day } from './dates';
import type { ParsedNote, Interview } from './model';

export const RULE_IDS = ['thank-you-due', 'ask-timeline', 'check-in-due', 'let-it-go', 'second-follow-up',
  'weigh-offer', 'missing-field', 'invalid-date', 'invalid-value', 'unknown-field', 'date-order', 'yaml-syntax'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  'thank-you-due': 'warning',
  'ask-timeline': 'information',
  'check-in-due': 'warning',
  'let-it-go': 'information',
  'second-follow-up': 'warning',
  'weigh-offer': 'information',
  'missing-field': 'error',
  'invalid-date': 'error',
  'invalid-value': 'error',
  'unknown-field': 'warning',
  'date-order': 'warning',
  'yaml-syntax': 'error',
};

/** What a rule found, before severity settings and positions are applied. */
export interface Finding {
  rule: RuleId;
  span: Span;
  message: string;
  /** Rule-specific facts the code actions need (the entry to remove, the key to rename to). */
  data?: FindingData;
}

export type FindingData =
  | { kind: 'missing'; key: 'company' | 'role' | 'interviewed' }
  | { kind: 'rename'; to: string }
  | { kind: 'replace'; to: string }
  | { kind: 'follow-up'; index: number }
  | { kind: 'due'; due: Day };

export interface RuleContext {
  note: ParsedNote;
  interview: Interview;
  today: Day;
  config: Config;
}

export type Rule = (ctx: RuleContext) => Finding[];
