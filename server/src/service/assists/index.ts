/**
 * Assists: code actions offered where the cursor is, with no diagnostic to fix ("Add the next
 * round" on the status or the last round). Each is a small provider over the same context the
 * rules' fixes get; the registry is the list below.
 */
import { Span } from '../frontmatter';
import { FixContext } from '../rules';
import { Edit } from '../edits';
import { addNextRound } from './rounds';

export interface PlannedAssist {
  title: string;
  edits: Edit[];
}

export type AssistProvider = (ctx: FixContext, at: Span) => PlannedAssist[];

export const ASSISTS: readonly AssistProvider[] = [addNextRound];
