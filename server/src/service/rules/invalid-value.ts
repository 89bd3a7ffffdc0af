import { Edit, removeKey, setInRound, setValue } from '../edits';
import { edit } from './fixes';
import { FixContext, RuleModule } from './rule';
import { meetingsOf } from './timeline';

/** invalid-value: wrong type or value (unknown status, follow_ups not a list, malformed email, a bad round). */
export const invalidValue: RuleModule = {
  id: 'invalid-value',
  severity: 'error',
  check: (ctx) => ctx.interview.problems.filter((p) => p.rule === 'invalid-value').map((p) => ({
    rule: 'invalid-value',
    span: p.span,
    message: p.message,
    data: p.data ?? (p.suggestion ? { kind: 'replace', to: p.suggestion } : undefined),
  })),
  fixes(ctx, f) {
    if (f.data?.kind === 'replace') return edit(`Change status to '${f.data.to}'`, f, setValue(ctx.note, 'status', f.data.to), true);
    if (f.data?.kind === 'move-thank-you') return edit('Move thank_you_sent to the latest round', f, moveThankYou(ctx), true);
    return [];
  },
};

/** The top-level thank_you_sent, removed, and written into the latest round held (the last one, if none is). */
function moveThankYou(ctx: FixContext): Edit[] | undefined {
  const sent = ctx.interview.thankYouSent;
  const meetings = meetingsOf(ctx.interview) ?? [];
  const held = meetings.filter((m) => m.day <= ctx.today);
  const target = (held[held.length - 1] ?? meetings[meetings.length - 1])?.round;
  if (sent.kind !== 'ok' || target === undefined) return undefined;
  const { text } = ctx.note;
  // The value as written, with the comment that follows it on its line: both move.
  const lineEnd = text.indexOf('\n', sent.span.end);
  const rest = text.slice(sent.span.end, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  const comment = /^\s+#/.test(rest) ? rest.trimEnd() : '';
  const round = ctx.interview.rounds.kind === 'ok' ? ctx.interview.rounds.value.find((r) => r.index === target) : undefined;
  // Not over the round's own thank-you; not a comment into a flow entry (`{...}` cannot hold one).
  if (!round || round.keys.has('thank_you_sent') || (comment && text[round.span.start] === '{')) return undefined;
  const written = text.slice(sent.span.start, sent.span.end) + comment;
  const remove = removeKey(ctx.note, 'thank_you_sent');
  const set = setInRound(ctx.note, target, 'thank_you_sent', written);
  return remove && set ? [remove, set] : undefined;
}
