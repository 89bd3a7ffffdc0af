/**
 * The process on a given day: its interviews (the rounds, or the one `interviewed`), the
 * latest one held (I), the promise and the follow-ups that belong to it. Shared by the timing
 * rules, the agenda, the calendar and the editor help, so they never disagree.
 */
import { Day } from '../dates';
import { Span } from '../frontmatter';
import { Field, FollowUp, Interview } from '../model';
import { resolvePhrase } from '../phrases';

export interface Meeting {
  day: Day;
  /** Where the date is written. */
  span: Span;
  stage?: string;
  highlight?: string;
  thankYouSent: Field<Day>;
  /** The `rounds` entry; undefined for a note with `interviewed`. */
  round?: number;
}

export interface Promise_ {
  day: Day;
  phrase?: string;
  span: Span;
}

export interface Timeline {
  /** Oldest first. */
  meetings: Meeting[];
  /** I: the latest interview on or before today; undefined when none has happened yet. */
  current?: Meeting;
  /** The next interview after today, if one is scheduled. */
  next?: Meeting;
  /** The promised reply date that counts for `current`: not one made before it (stale). */
  promise?: Promise_;
  /** A promise dated before `current`, which was not the first interview: it belonged to an earlier round. */
  stale?: Promise_;
  /** The follow-ups that belong to `current`: dated on or after it (for the first interview, all). */
  followUps: FollowUp[];
  /** The latest reply recorded on or after `current` (up to today): the follow-up clock restarts from it. */
  reply?: Day;
}

/** The interviews of the process, oldest first; undefined when its date field is missing or invalid. */
export function meetingsOf(i: Interview): Meeting[] | undefined {
  if (i.rounds.kind === 'ok') {
    // A cancelled round was never held: it counts for no rule, and the agenda skips it.
    return i.rounds.value.filter((r) => r.day !== undefined && !r.cancelled).map((r) => ({
      day: r.day!, span: r.daySpan, stage: r.stage, highlight: r.highlight, thankYouSent: r.thankYouSent, round: r.index,
    }));
  }
  if (i.rounds.kind === 'invalid' || i.interviewed.kind !== 'ok') return undefined;
  return [{
    day: i.interviewed.value, span: i.interviewed.span, stage: i.stage.kind === 'ok' ? i.stage.value : undefined,
    highlight: i.highlight.kind === 'ok' ? i.highlight.value : undefined, thankYouSent: i.thankYouSent,
  }];
}

/** The follow-ups grouped by the interview they follow: an entry belongs to the latest interview on or before its date. */
export function followUpsByMeeting(i: Interview, meetings: Meeting[]): FollowUp[][] {
  const groups: FollowUp[][] = meetings.map(() => []);
  if (i.followUps.kind !== 'ok' || groups.length === 0) return groups;
  for (const f of i.followUps.value) {
    let k = 0;
    // Before the first interview, or not a date: the first's (date-order and invalid-date speak for it).
    if (f.day !== undefined) while (k + 1 < meetings.length && meetings[k + 1].day <= f.day) k++;
    groups[k].push(f);
  }
  return groups;
}

export function timelineOf(i: Interview, today: Day): Timeline | undefined {
  const meetings = meetingsOf(i);
  if (!meetings) return undefined;
  let at = -1;
  while (at + 1 < meetings.length && meetings[at + 1].day <= today) at++;
  const current = at >= 0 ? meetings[at] : undefined;
  const out: Timeline = { meetings, current, next: meetings[at + 1], followUps: current ? followUpsByMeeting(i, meetings)[at] : [] };
  const reply = current ? [...(i.replies ?? [])].reverse().find((d) => d >= current.day && d <= today) : undefined;
  if (reply !== undefined) {
    out.reply = reply;
    out.followUps = out.followUps.filter((f) => f.day !== undefined && f.day >= reply);
  }
  const e = i.expectReplyBy;
  if (current && e.kind === 'ok') {
    const { phrase } = e.value;
    const day = phrase === undefined ? e.value.day : resolvePhrase(phrase, current.day) ?? e.value.day;
    const promise = { day, phrase, span: e.span };
    if ((at > 0 && day < current.day) || (reply !== undefined && day < reply)) out.stale = promise;
    else out.promise = promise;
  }
  return out;
}
