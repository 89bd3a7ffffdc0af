/** The rules, one per file. Order here is the order findings at one position are listed. */
import { Rule } from '../types';
import { askTimeline } from './ask-timeline';
import { checkInDue } from './check-in-due';
import { dateOrder } from './date-order';
import { invalidDate } from './invalid-date';
import { invalidValue } from './invalid-value';
import { letItGo } from './let-it-go';
import { missingField } from './missing-field';
import { secondFollowUp } from './second-follow-up';
import { thankYouDue } from './thank-you-due';
import { unknownField } from './unknown-field';
import { weighOffer } from './weigh-offer';

export { yamlSyntax } from './yaml-syntax';

export const RULES: readonly Rule[] = [
  missingField, invalidDate, invalidValue, unknownField, dateOrder,
  thankYouDue, askTimeline, checkInDue, letItGo, secondFollowUp, weighOffer,
];
