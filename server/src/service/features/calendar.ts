/**
 * The calendar entries of a note with what the day needs to act on: a check-in's event carries
 * the check-in email the `draft` command would print, as a `mailto:` link (RFC 6068). The
 * templates come in with the options, as for every draft: no file is read here.
 */
import { calendarOf, CalendarEntry, withdrawing } from '../calendar';
import { summarize } from '../search';
import { LAST_DAY } from '../dates';
import { NoteView } from '../document';
import { DraftRenderer, mailtoOf, parseDraft, renderText } from '../drafts';
import { Interview } from '../model';
import { timelineOf } from '../rules/timeline';
import { ActionOptions, fixContext } from './codeActions';

/** The note's calendar entries (calendarOf), each check-in with its draft's link; undefined when it is not an interview note. */
export function calendarEntries(view: NoteView, options: ActionOptions, renderer: DraftRenderer): CalendarEntry[] | undefined {
  const note = view.note;
  if (!note?.interview) return undefined;
  const i = note.interview;
  const entries = calendarOf(note, options.config, options.today).map((e) => (e.kind === 'check-in' ? withDraft(view, i, e, options, renderer) : e));
  // With the other notes of its search: a process closed elsewhere, or a withdrawal (gate.ts).
  const self = options.search && summarize(view, options.name ?? view.doc.uri, options.today);
  return self ? withdrawing(entries, self, options.search!, options.config, options.today) : entries;
}

function withDraft(view: NoteView, i: Interview, entry: CalendarEntry, options: ActionOptions, renderer: DraftRenderer): CalendarEntry {
  if (entry.day > LAST_DAY) return entry; // left out of the calendar anyway
  const { today } = options;
  // Written as on the event's day, when it will be sent ("my interview on Monday, ...", never a
  // "yesterday" that is stale by then); an overdue one as of today. Not past an interview still
  // to come before that day: the draft would speak of that one.
  const between = timelineOf(i, today)?.meetings.some((m) => m.day > today && m.day <= entry.day);
  const day = entry.day > today && !between ? entry.day : today;
  const ctx = fixContext(view, { ...options, today: day }, renderer);
  const rendered = ctx && renderText(ctx, 'check-in-email');
  if (rendered?.text === undefined) return entry; // a template that fails: the event without a link
  const { uri, withBody } = mailtoOf(parseDraft(rendered.text));
  const how = withBody
    ? `The check-in email, ready to send in your mail app: ${uri}`
    : `The check-in email (subject only: the whole text is too long for a link; interview-followup draft prints it): ${uri}`;
  return { ...entry, mailto: uri, description: `${entry.description}\n${how}` };
}
