/**
 * The closing messages, on the status value, with no diagnostic needed (so every LSP editor
 * offers them): a gracious reply to a rejection, a polite withdrawal from an open process.
 */
import { touches } from '../frontmatter';
import { plannedDraft } from '../drafts';
import { addressee } from '../rules/fixes';
import { statusOf } from '../rules/common';
import type { AssistProvider } from './index';

export const closingMessages: AssistProvider = (ctx, at) => {
  const i = ctx.interview;
  if (i.status.kind !== 'ok' || !(touches(i.status.span, at) || touches(i.status.key.keySpan, at))) return [];
  const status = statusOf(i);
  if (status === 'rejected') return [plannedDraft(ctx, 'rejection-reply-email', `Draft rejection reply email${addressee(ctx)}`)];
  if (status === 'waiting' || status === 'advanced' || status === 'offer') {
    return [plannedDraft(ctx, 'withdrawal-email', `Draft withdrawal email${addressee(ctx)}`)];
  }
  return [];
};
