/**
 * The typed interview: every field of the note format read once from the parsed front
 * matter. Validation problems are recorded here once; the rules read them.
 */
import { Document, isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { CHANNELS, Channel, STATUSES, Status } from './format';
import type { ExpectedReply, Field, FollowUp, Interview, KeyInfo, Round } from './model';
import { PHRASE_EXAMPLES, resolvePhrase } from './phrases';
import { clip, describe, Reader } from './reader';
import { nearest } from './spelling';
import { looksLikeIsoDate, parseIsoDay } from './dates';

export function buildInterview(keys: Map<string, KeyInfo>, doc: Document, base: number, text: string): Interview {
  const r = new Reader(doc, base, text);
  const rounds = readRounds(r, keys);
  const interviewed = r.date(keys, 'interviewed');
  if (rounds.kind !== 'absent' && interviewed.kind !== 'absent' && rounds.key) {
    r.problem('invalid-value', rounds.key.keySpan, 'A note has interviewed or rounds, not both: the rules use rounds (move the interview into its first entry)');
  }
  // Their words resolve against the latest interview written (the rules re-resolve them against the latest one held).
  const roundDays = rounds.kind === 'ok' ? rounds.value.map((x) => x.day).filter((d): d is number => d !== undefined) : [];
  const base_ = roundDays.length > 0 ? roundDays[roundDays.length - 1] : interviewed.kind === 'ok' ? interviewed.value : undefined;
  const thankYouSent = r.date(keys, 'thank_you_sent');
  if (rounds.kind === 'ok' && thankYouSent.kind !== 'absent') {
    r.problem('invalid-value', thankYouSent.span, 'In a note with rounds, each round has its own thank_you_sent: move this one to the round it thanks for', undefined, { kind: 'move-thank-you' });
  }
  return {
    company: r.text(keys, 'company', false),
    role: r.text(keys, 'role', false),
    interviewed,
    rounds,
    expectReplyBy: readExpectReplyBy(r, keys, base_),
    thankYouSent,
    followUps: readFollowUps(r, keys),
    status: readStatus(r, keys),
    contact: readContact(r, keys),
    interviewers: r.people(keys, 'interviewers'),
    stage: r.text(keys, 'stage', true),
    pitch: r.text(keys, 'pitch', true),
    highlight: r.text(keys, 'highlight', true),
    offerDeadline: r.date(keys, 'offer_deadline'),
    replies: readReplies(keys),
    problems: r.problems,
  };
}

function readStatus(r: Reader, keys: Map<string, KeyInfo>): Field<Status> {
  const f = r.lookup(keys, 'status');
  if (!f) return { kind: 'absent' };
  if (r.isEmpty(f.node)) return { kind: 'absent', key: f.key };
  const raw = isScalar(f.node) && typeof f.node.value === 'string' ? f.node.value.trim() : undefined;
  if (raw !== undefined && (STATUSES as readonly string[]).includes(raw)) return { kind: 'ok', value: raw as Status, span: f.span, key: f.key };
  const suggestion = raw === undefined ? undefined : nearest(raw, STATUSES);
  const shown = raw === undefined ? describe(f.node) : `'${clip(raw)}'`;
  return r.invalid('invalid-value', f.key, f.span,
    `Unknown status ${shown}${suggestion ? `: did you mean '${suggestion}'?` : ''} (one of ${STATUSES.join(', ')})`, suggestion);
}

function readExpectReplyBy(r: Reader, keys: Map<string, KeyInfo>, interviewDay: number | undefined): Field<ExpectedReply> {
  const f = r.lookup(keys, 'expect_reply_by');
  if (!f) return { kind: 'absent' };
  if (r.isEmpty(f.node)) return { kind: 'absent', key: f.key };
  if (!isScalar(f.node) || typeof f.node.value !== 'string') {
    return r.invalid('invalid-date', f.key, f.span, `expect_reply_by should be a date or their words ('within two weeks'), not ${describe(f.node)}`);
  }
  const words = f.node.value.trim();
  const iso = parseIsoDay(words);
  if (iso === undefined && looksLikeIsoDate(words)) return r.invalid('invalid-date', f.key, f.span, `expect_reply_by '${clip(words)}' is not a real date`);
  // A phrase needs the interview date; its own error speaks.
  if (iso === undefined && interviewDay === undefined) return { kind: 'invalid', span: f.span, key: f.key };
  const day = iso ?? resolvePhrase(words, interviewDay!); // resolvePhrase answers a date with itself
  if (day === undefined) {
    return r.invalid('invalid-date', f.key, f.span,
      `expect_reply_by '${clip(words)}' cannot be resolved to a date: write YYYY-MM-DD or a phrase like ${PHRASE_EXAMPLES}`);
  }
  return { kind: 'ok', value: { day, phrase: iso === undefined ? words : undefined }, span: f.span, key: f.key };
}

/** Follow-ups: dates, or `{date, channel, note?}` mappings. */
function readFollowUps(r: Reader, keys: Map<string, KeyInfo>): Field<FollowUp[]> {
  const f = r.lookup(keys, 'follow_ups');
  if (!f) return { kind: 'absent' };
  if (r.isEmpty(f.node)) return { kind: 'absent', key: f.key };
  if (!isSeq(f.node)) return r.invalid('invalid-value', f.key, f.span, `follow_ups should be a list of dates, not ${describe(f.node)}`);
  const entries: FollowUp[] = [];
  f.node.items.forEach((item, index) => {
    const written = item as Node;
    const node = r.resolve(written);
    // A mapping entry's range ends with its line break: trimmed, as the other entries are not.
    let span = written && written.range ? (isMap(written) ? r.entrySpan(written) : r.spanOf(written)) : f.span;
    if (span.start === span.end) span = r.dashOf(span.start) ?? f.span; // an empty entry (`- `): its dash
    const label = `Follow-up ${index + 1}`;
    if (!isMap(node)) {
      const d = r.dateOf(node, label);
      if (d.problem) r.problem('invalid-date', span, d.problem);
      entries.push({ index, span, day: d.day });
      return;
    }
    const entry = r.keys(node);
    const date = r.date(entry, 'date', `${label} date`);
    if (date.kind === 'absent') r.problem('invalid-date', span, `${label} has no date`);
    entries.push({ index, span, day: date.kind === 'ok' ? date.value : undefined, channel: readChannel(r, entry, label) });
  });
  if (entries.length === 0) return { kind: 'absent', key: f.key };
  return { kind: 'ok', value: entries, span: f.span, key: f.key };
}

function readChannel(r: Reader, keys: Map<string, KeyInfo>, label: string): Channel | undefined {
  const f = r.lookup(keys, 'channel');
  if (!f || r.isEmpty(f.node)) return undefined;
  const raw = isScalar(f.node) && typeof f.node.value === 'string' ? f.node.value.trim() : undefined;
  if (raw !== undefined && (CHANNELS as readonly string[]).includes(raw)) return raw as Channel;
  const suggestion = raw === undefined ? undefined : nearest(raw, CHANNELS);
  const shown = raw === undefined ? describe(f.node) : `'${clip(raw)}'`;
  r.problem('invalid-value', f.span, `${label}: unknown channel ${shown}${suggestion ? `: did you mean '${suggestion}'?` : ''} (one of ${CHANNELS.join(', ')})`);
  return undefined;
}

function readContact(r: Reader, keys: Map<string, KeyInfo>): Interview['contact'] {
  const f = r.lookup(keys, 'contact');
  if (!f) return { kind: 'absent' };
  if (r.isEmpty(f.node)) return { kind: 'absent', key: f.key };
  const p = r.person(f.node, f.span, 'contact', false);
  return p ? { kind: 'ok', value: p, span: f.span, key: f.key } : { kind: 'invalid', span: f.span, key: f.key };
}

const ROUND_SHAPE = 'a list of interviews, oldest first, each a mapping with date (and stage, interviewers, thank_you_sent)';

/** `rounds`: one mapping per interview; a bad entry gets its own problem, on that entry. */
function readRounds(r: Reader, keys: Map<string, KeyInfo>): Field<Round[]> {
  const f = r.lookup(keys, 'rounds');
  if (!f) return { kind: 'absent' };
  // Empty: on the key (an empty value has nothing to underline).
  if (r.isEmpty(f.node) || (isSeq(f.node) && f.node.items.length === 0)) return r.invalid('invalid-value', f.key, r.isEmpty(f.node) ? f.key.keySpan : f.span, `rounds is empty: it should be ${ROUND_SHAPE}`);
  if (!isSeq(f.node)) return r.invalid('invalid-value', f.key, f.span, `rounds should be ${ROUND_SHAPE}, not ${describe(f.node)}`);
  const rounds: Round[] = [];
  f.node.items.forEach((item, index) => {
    const written = item as Node;
    let span = written && written.range ? r.entrySpan(written) : f.span;
    if (span.start === span.end) span = r.dashOf(span.start) ?? f.span; // an empty entry (`- `): its dash
    const node = r.resolve(written);
    const label = `Round ${index + 1}`;
    if (!isMap(node)) {
      r.problem('invalid-value', span, `${label} should be a mapping with date (and stage, interviewers, thank_you_sent), not ${describe(node)}`);
      return;
    }
    const entry = r.keys(node as YAMLMap);
    const date = r.date(entry, 'date', `${label} date`);
    if (date.kind === 'absent') r.problem('missing-field', span, `${label} has no date: write the interview date, YYYY-MM-DD`);
    const stage = r.text(entry, 'stage', true);
    const highlight = r.text(entry, 'highlight', true);
    const interviewers = r.people(entry, 'interviewers');
    rounds.push({
      index, span, keys: entry,
      day: date.kind === 'ok' ? date.value : undefined,
      daySpan: date.kind === 'ok' || date.kind === 'invalid' ? date.span : span,
      stage: stage.kind === 'ok' ? stage.value : undefined,
      highlight: highlight.kind === 'ok' ? highlight.value : undefined,
      interviewers: interviewers.kind === 'ok' ? interviewers.value : [],
      thankYouSent: r.date(entry, 'thank_you_sent'),
      ...(isTrue(entry.get('cancelled')?.pair.value) ? { cancelled: true } : {}),
      ...timingOf(r, entry),
    });
  });
  return { kind: 'ok', value: rounds, span: f.span, key: f.key };
}

/** A round's time of day, duration, link and location (for the calendar's event at that time, and a draft's call). */
function timingOf(r: Reader, entry: Map<string, KeyInfo>): Pick<Round, 'time' | 'minutes' | 'link' | 'location'> {
  const value = (key: string) => {
    const n = entry.get(key)?.pair.value;
    return isScalar(n) ? n.value : undefined;
  };
  const out: Pick<Round, 'time' | 'minutes' | 'link' | 'location'> = {};
  const time = /^\d{4}-\d{2}-\d{2}[Tt ]([01]\d|2[0-3]):([0-5]\d)/.exec(String(value('date') ?? ''));
  if (time) out.time = `${time[1]}:${time[2]}`;
  const minutes = value('duration');
  if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes > 0 && minutes <= 1440) out.minutes = minutes;
  // Text of one printable line (a bidi override or a control: invalid-value, and never an ICS line or a draft's).
  const link = r.text(entry, 'link', false);
  if (link.kind === 'ok' && /^https:\/\/[^\s"<>\u0000-\u001f\u007f-\u009f]{1,500}$/.test(link.value)) out.link = link.value;
  // The location is only read for a call ("Phone call"): an address over lines, or anything odd, is left alone.
  const location = value('location');
  if (typeof location === 'string' && location.length <= 500 && !/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069]/.test(location)) out.location = location;
  return out;
}

const isTrue = (node: unknown) => isScalar(node) && node.value === true;

/** `replies: [{date, from, subject}]`: the days, read leniently (the import writes them; a bad entry counts for nothing). */
function readReplies(keys: Map<string, KeyInfo>): number[] {
  const seq = keys.get('replies')?.pair.value;
  if (!isSeq(seq)) return [];
  const days: number[] = [];
  for (const item of seq.items) {
    const date = isMap(item) ? item.get('date', true) : undefined;
    const day = isScalar(date) ? parseIsoDay(String(date.value instanceof Date ? date.value.toISOString() : date.value).slice(0, 10)) : undefined;
    if (day !== undefined) days.push(day);
  }
  return days.sort((a, b) => a - b);
}
