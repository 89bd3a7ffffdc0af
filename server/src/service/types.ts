/** The vocabulary every rule and feature shares. A leaf: it imports nothing at run time. */
import type { Day } from './dates';
import type { Span } from './frontmatter';

/** Every rule id, in the order the README's table lists them. */
export const RULE_IDS = ['thank-you-due', 'ask-timeline', 'check-in-due', 'let-it-go', 'second-follow-up',
  'weigh-offer', 'withdraw-others', 'missing-field', 'invalid-date', 'invalid-value', 'unknown-field', 'date-order', 'yaml-syntax'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

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
  | { kind: 'due'; due: Day }
  | { kind: 'move-thank-you' }
  /** A value with a line break, a control or a bidi override: no draft until it is fixed. */
  | { kind: 'unsafe' }
  /** An unknown rule id in a `# interview-followup-disable` comment, and the id it looks like. */
  | { kind: 'directive'; to?: RuleId };
