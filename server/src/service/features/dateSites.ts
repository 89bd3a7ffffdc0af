/** What hovers and inlay hints know about a note: the dates written in it, and what each key is for. */
import { Config } from '../config';
import { Day } from '../dates';
import { Span } from '../frontmatter';
import { KNOWN_KEYS, ParsedNote, STATUSES } from '../model';
import { timelineOf } from '../rules/timeline';
import type { Search } from '../search';

export interface EditorOptions {
  today: Day;
  config: Config;
  /** The other notes of the search, and this note's name there (the lens then says "withdraw"). */
  search?: Search;
  name?: string;
}

export const KEY_DOCS: Record<(typeof KNOWN_KEYS)[number], string> = {
  type: 'Optional marker: `type: interview` makes this an interview note.',
  company: 'Required. The company you interviewed with.',
  role: 'Required. The position.',
  contact: 'The main contact for the position, `{name, email, phone}`: the addressee of the drafted emails.',
  interviewers: 'Optional list of the people you met: `{name, email?, title?}`.',
  interviewed: 'Required. The interview date, `YYYY-MM-DD` (a date-time counts as its date).',
  stage: 'Optional, free text: phone screen, technical, onsite, final.',
  expect_reply_by: "When they said you would hear: a date, or their words ('within two weeks', 'end of next week', 'by Friday').",
  thank_you_sent: 'When the thank-you note went out. Send it right after the interview.',
  follow_ups: 'The check-ins sent after the thank-you, as a list of dates. One is enough: then let it go.',
  status: `One of ${STATUSES.map((s) => `\`${s}\``).join(', ')}. Default \`waiting\`.`,
  pitch: '1-2 sentences on why you fit, used in the thank-you draft.',
  rounds: 'The interviews of the process, oldest first, instead of `interviewed`: each `{date, stage?, interviewers?, thank_you_sent?, highlight?}`. The latest one held is the one the rules follow.',
  highlight: 'One thing you talked about, in your words ("your move of the ledger to event sourcing"): the thank-you drafts mention it.',
  offer_deadline: 'When they need your answer to an offer, `YYYY-MM-DD`: the offer reminder counts the days left, and turns a warning two working days before.',
  replies: 'The replies you imported (`interview-followup import`), each `{date, from, subject}`: a reply dated on or after the latest round restarts the follow-up clock.',
};

export interface DateSite {
  span: Span;
  day: Day;
  label: string;
  phrase?: string;
}

/** Every date written in the note, with what it means (a phrase resolved as the rules resolve it today). */
export function dateSites(note: ParsedNote, today: Day): DateSite[] {
  const i = note.interview;
  if (!i) return [];
  const out: DateSite[] = [];
  if (i.interviewed.kind === 'ok') out.push({ span: i.interviewed.span, day: i.interviewed.value, label: 'interviewed' });
  if (i.rounds.kind === 'ok') {
    for (const r of i.rounds.value) {
      if (r.day !== undefined) out.push({ span: r.daySpan, day: r.day, label: r.stage ? `round ${r.index + 1}: ${r.stage}` : `round ${r.index + 1}` });
      if (r.thankYouSent.kind === 'ok') out.push({ span: r.thankYouSent.span, day: r.thankYouSent.value, label: `thank-you for round ${r.index + 1} sent` });
    }
  }
  if (i.expectReplyBy.kind === 'ok') {
    const t = timelineOf(i, today);
    const day = t?.promise?.day ?? t?.stale?.day ?? i.expectReplyBy.value.day;
    out.push({ span: i.expectReplyBy.span, day, label: 'reply promised by', phrase: i.expectReplyBy.value.phrase });
  }
  if (i.thankYouSent.kind === 'ok') out.push({ span: i.thankYouSent.span, day: i.thankYouSent.value, label: 'thank-you sent' });
  if (i.followUps.kind === 'ok') {
    for (const f of i.followUps.value) if (f.day !== undefined) out.push({ span: f.span, day: f.day, label: `check-in ${f.index + 1} sent` });
  }
  if (i.offerDeadline.kind === 'ok') out.push({ span: i.offerDeadline.span, day: i.offerDeadline.value, label: 'offer answer due' });
  return out;
}
