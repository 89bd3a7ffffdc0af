/**
 * Assists: code actions offered where the cursor is, with no diagnostic to fix ("Add the next
 * round" on the status or the last round; the closing messages on the status). Each is a small provider over the same context the
 * rules' fixes get; the registry is the list below.
 */
import { Span } from '../frontmatter';
import { FixContext } from '../rules';
import { Edit } from '../edits';
import type { TemplateName } from '../drafts';
import { addNextRound } from './rounds';
import { closingMessages } from './closing';

/** Edits, or a draft (as a rule's fix plans one: rendered, deferred, or disabled with a reason). */
export interface PlannedAssist {
  title: string;
  edits?: Edit[];
  template?: TemplateName;
  to?: string;
  disabled?: string;
}

export type AssistProvider = (ctx: FixContext, at: Span) => PlannedAssist[];

export const ASSISTS: readonly AssistProvider[] = [addNextRound, closingMessages];
