/** "Add the next round": on the status, the last round or the interview date, a round dated today. */
import { formatDay } from '../dates';
import { appendRound, convertToRounds } from '../edits';
import { touches } from '../frontmatter';
import { statusOf } from '../rules/common';
import type { AssistProvider } from './index';


export const addNextRound: AssistProvider = (ctx, at) => {
  const i = ctx.interview;
  const status = statusOf(i);
  if (status !== 'waiting' && status !== 'advanced') return [];
  const today = formatDay(ctx.today);
  const title = `Add the next round (${today})`;
  const rounds = i.rounds.kind === 'ok' ? i.rounds.value : undefined;
  const anchors = [i.status.kind === 'ok' ? i.status.span : undefined, i.status.key?.keySpan];
  if (rounds) anchors.push(rounds[rounds.length - 1]?.span);
  else if (i.interviewed.kind === 'ok') anchors.push(i.interviewed.span, i.interviewed.key.keySpan);
  if (!anchors.some((s) => s && touches(s, at))) return [];
  if (rounds) {
    const e = appendRound(ctx.note, today);
    return e ? [{ title, edits: [e] }] : [];
  }
  if (i.rounds.kind !== 'absent' || i.interviewed.kind !== 'ok') return [];
  const edits = convertToRounds(ctx.note, today);
  return edits ? [{ title, edits }] : [];
};
