/**
 * The registry: every rule module, in the order their findings at one position are listed.
 * A rule id without its module here (or a module without its id in RULE_IDS) fails the unit
 * test that holds RULE_IDS, this list, the README's table and package.json's settings together.
 */
import { RuleId, Severity } from '../types';
import { askTimeline } from './ask-timeline';
import { checkInDue } from './check-in-due';
import { dateOrder } from './date-order';
import { invalidDate } from './invalid-date';
import { invalidValue } from './invalid-value';
import { letItGo } from './let-it-go';
import { missingField } from './missing-field';
import { RuleModule } from './rule';
import { secondFollowUp } from './second-follow-up';
import { thankYouDue } from './thank-you-due';
import { unknownField } from './unknown-field';
import { weighOffer } from './weigh-offer';
import { withdrawOthers } from './withdraw-others';
import { yamlSyntax } from './yaml-syntax';

export { yamlSyntax };
export type { CrossEnv, CrossFinding, FixContext, PlannedAction, RuleContext, RuleModule } from './rule';

/** The rules that read the interview (yaml-syntax runs before them, on every note). */
export const RULES: readonly RuleModule[] = [
  missingField, invalidDate, invalidValue, unknownField, dateOrder,
  thankYouDue, askTimeline, checkInDue, letItGo, secondFollowUp, weighOffer, withdrawOthers,
];

const BY_ID = new Map<RuleId, { severity: Severity; fixes?: RuleModule['fixes'] }>([...RULES, yamlSyntax].map((r) => [r.id, r]));

export const DEFAULT_SEVERITY = Object.fromEntries([...BY_ID].map(([id, r]) => [id, r.severity])) as Record<RuleId, Severity>;

/** The module of a rule id (every id has one: see the registry test). */
export function ruleModule(id: RuleId): { severity: Severity; fixes?: RuleModule['fixes'] } | undefined {
  return BY_ID.get(id);
}
