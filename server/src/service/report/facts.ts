/**
 * What the report needs of one note, read once from its parse and timeline: the status, the
 * interviews with their thank-you dates, the check-ins, and the replies recorded. Small, so a
 * host can keep one per note of a large search instead of its parsed front matter.
 */
import { isMap, isScalar, isSeq, Node } from 'yaml';
import type { Day } from '../dates';
import type { Status } from '../format';
import type { ParsedNote } from '../model';
import { Reader } from '../reader';
import { statusOf } from '../rules/common';
import { meetingsOf } from '../rules/timeline';

export interface MeetingFacts {
  day: Day;
  /** `cancelled: true` on the round: it is not counted as held. */
  cancelled: boolean;
  /** The day the thank-you went out; undefined when none is recorded (or it is not a date). */
  thankYou?: Day;
}

export interface ProcessFacts {
  /** The note as the user sees it (its path). */
  file: string;
  company?: string;
  role?: string;
  /** A note without `status` is `waiting`. */
  status: Status;
  /** Oldest first, as the timeline has them. */
  meetings: MeetingFacts[];
  /** The dated follow-ups (check-ins). */
  checkIns: Day[];
  /** The dates of the replies recorded (`replies: [{date, from, subject}]`), oldest first. */
  replies: Day[];
}

/** The note's facts; undefined when it is not an interview note with a readable status and dates. */
export function factsOf(note: ParsedNote, file: string): ProcessFacts | undefined {
  const i = note.interview;
  const status = i && statusOf(i);
  const meetings = i && meetingsOf(i);
  if (!i || !status || !meetings) return undefined;
  const rounds = i.rounds.kind === 'ok' ? i.rounds.value : undefined;
  return {
    file,
    company: i.company.kind === 'ok' ? i.company.value : undefined,
    role: i.role.kind === 'ok' ? i.role.value : undefined,
    status,
    meetings: meetings.map((m) => ({
      day: m.day,
      cancelled: m.round !== undefined && rounds !== undefined && isTrue(rounds.find((r) => r.index === m.round)?.keys.get('cancelled')?.pair.value),
      ...(m.thankYouSent.kind === 'ok' ? { thankYou: m.thankYouSent.value } : {}),
    })),
    checkIns: i.followUps.kind === 'ok' ? i.followUps.value.flatMap((f) => (f.day === undefined ? [] : [f.day])).sort((a, b) => a - b) : [],
    replies: repliesOf(note),
  };
}

function isTrue(node: unknown): boolean {
  return isScalar(node) && node.value === true;
}

/**
 * `replies`, read defensively: a list of mappings whose `date` is a date; anything else (a
 * scalar, an entry without a date, an alias loop) is skipped, never an error here.
 */
function repliesOf(note: ParsedNote): Day[] {
  const node = note.keys.get('replies')?.pair.value;
  if (!note.doc || !isSeq(node)) return [];
  const r = new Reader(note.doc, note.frontMatter.content.start, note.text);
  const out: Day[] = [];
  for (const item of node.items) {
    const entry = r.resolve(item as Node);
    if (!isMap(entry)) continue;
    const date = r.keys(entry).get('date');
    const day = date ? r.dateOf(r.resolve(date.pair.value as Node), 'reply date').day : undefined;
    if (day !== undefined) out.push(day);
  }
  return out.sort((a, b) => a - b);
}
