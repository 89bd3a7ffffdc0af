/**
 * `calendar`: an iCalendar file (RFC 5545) of all-day events for each open process, written
 * with ical-generator (CRLF lines folded at 75 octets on UTF-8 boundaries, TEXT values escaped:
 * backslash, semicolon, comma, line breaks as \n; controls as U+FFFD, safe/ics.ts; the last
 * line ends in CRLF too). Event ids are derived from what identifies
 * the interview, so a re-import updates instead of duplicating. Each event has a reminder at
 * 09:00 on its day, the contact, and for a check-in the draft's mailto: link.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalEvent, ICalEventStatus } from 'ical-generator';
import { CalendarEntry, Config, createLanguageService, Day, LAST_DAY, NoteSummary, withdrawing } from '../service';
import { icsPlain, icsTerminated, icsText } from '../service/safe/ics';
import { mailtoAddress } from '../service/safe/mailto';
import { foldLines } from './fold';
import { Searches } from './searches';
import { CliIO, gather, parseArgs, printable, reportProblems, todayFrom, UsageError, writeOutputFile } from './common';
import { builtinTemplatesDir, templateLookup } from '../node';

const MS_PER_DAY = 86_400_000;

/** All-day dates go in as UTC midnight: ical-generator writes DATE values from UTC fields. */
const utc = (day: Day) => new Date(day * MS_PER_DAY);

export function eventId(entry: CalendarEntry, file?: string): string {
  const hash = createHash('sha256').update(file === undefined ? entry.identity : `${entry.identity}\u0000${file}`).digest('hex').slice(0, 20);
  return `${entry.kind}-${hash}@interview-followup`;
}

/**
 * The reminder: 9 hours after the start of the all-day event's day, i.e. 09:00 local time
 * wherever the calendar is shown. A relative trigger on a DATE (floating) DTSTART is what
 * Apple Calendar itself writes for "on the day of the event (09:00)" and what Thunderbird
 * reads as such; an absolute `TRIGGER;VALUE=DATE-TIME` must be in UTC (RFC 5545 3.8.6.3), so
 * it would fix 09:00 of the time zone the file was made in, wrong after a move or a trip.
 * Google Calendar drops the reminders of an imported file whatever their form (it applies its
 * own defaults), and Outlook keeps only reminders before the start (it may fall back to its
 * all-day default). RELATED=START is written out: ical-generator would relate a positive
 * trigger to the end, which for an all-day event is 09:00 the day after.
 */
export const REMINDER_SECONDS = 9 * 3600;

/**
 * CONTACT (RFC 5545 3.8.4.2): "Jane Doe, jane@acme.example, +1 555 0100" as escaped TEXT, with
 * the address as ALTREP (percent-encoded as in mailtoOf, so no DQUOTE ends the parameter early).
 */
function contactLine(contact: NonNullable<CalendarEntry['contact']>): string | undefined {
  const text = [contact.name, contact.email, contact.phone].filter((x) => x).join(', ');
  if (!text) return undefined;
  const at = contact.email?.lastIndexOf('@') ?? -1;
  const altrep = contact.email && at > 0 ? `;ALTREP="mailto:${mailtoAddress(contact.email)}"` : '';
  return `CONTACT${altrep}:${icsText(text)}`;
}

/**
 * Properties ical-generator has no place for (CONTACT), or writes after the VALARM (URL), go in
 * after the event's UID: RFC 5545 puts an event's properties before its alarms. The calendar
 * folds them with the rest.
 */
function addProperties(event: ICalEvent, lines: string[]): void {
  if (lines.length === 0) return;
  const toString = event.toString.bind(event);
  event.toString = () => toString().replace(/^UID:[^\r\n]*\r\n/m, (uid) => `${uid}${lines.map((l) => `${l}\r\n`).join('')}`);
}

export function buildCalendar(entries: (CalendarEntry & { file: string })[], stamp: Day): string {
  const cal = ical({
    name: 'Interview follow-ups',
    prodId: { company: 'interview-followup', product: 'interview-followup', language: 'EN' },
  });
  // The calendar's own lines, written before it has events; the events go in before its END,
  // and all is folded here (ical-generator's folding took seconds on a large calendar: fold.ts).
  const frame = cal.toString();
  const events: string[] = [];
  // Two copies of a note (or one note of a process written twice) would give two events one
  // UID, and a calendar app keeps one: the later one (entries come sorted) takes its file too.
  const uids = new Set<string>();
  for (const e of entries) {
    let id = eventId(e);
    if (uids.has(id)) id = eventId(e, e.file);
    uids.add(id);
    // A round at a time of day (an imported invite) is an event at that time, floating: the
    // note's date-time is local, and so is the calendar it is read in.
    const at = e.time ? e.day * MS_PER_DAY + (Number(e.time.slice(0, 2)) * 60 + Number(e.time.slice(3, 5))) * 60_000 : undefined;
    const event = cal.createEvent({
      id,
      ...(at !== undefined
        ? { start: new Date(at), end: new Date(at + (e.minutes ?? 60) * 60_000), floating: true }
        // An all-day event without an end lasts its day (RFC 5545 3.6.1): 9999-12-31 has no next day to end on.
        : { start: utc(e.day), end: e.day < LAST_DAY ? utc(e.day + 1) : undefined, allDay: true }),
      ...(e.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
      // No control character reaches a TEXT value raw (safe/ics.ts); ical-generator escapes the rest.
      summary: icsPlain(e.summary),
      description: icsPlain(`${e.description}\nNote: ${e.file}`),
      // A fixed stamp keeps the output byte-stable for the same notes and day.
      stamp: utc(stamp),
    });
    // At 09:00 on an all-day event's day; half an hour before a timed one; none for a cancelled one.
    if (!e.cancelled) {
      event.createAlarm(at !== undefined
        ? { type: ICalAlarmType.display, triggerBefore: 30 * 60, description: icsPlain(e.summary) }
        : { type: ICalAlarmType.display, triggerAfter: REMINDER_SECONDS, description: icsPlain(e.summary) })
        .relatesTo(ICalAlarmRelatesTo.start); // not taken from the constructor's data (ical-generator 10)
    }
    const contact = e.contact && contactLine(e.contact);
    // A mailto: URI has nothing to escape (mailtoOf percent-encodes all but letters, digits, -._~ and @).
    // Apple Calendar shows URL as a link; the description has it too, for the others.
    // A conference link (checked to be one https URL when read) is the event's URL.
    const url = e.mailto ?? e.link;
    addProperties(event, [...(contact ? [contact] : []), ...(url ? [`URL;VALUE=URI:${url}`] : [])]);
    events.push(event.toString());
  }
  const end = frame.lastIndexOf('END:VCALENDAR');
  // Every content line ends in CRLF, the last one too (RFC 5545 3.1).
  return icsTerminated(foldLines(`${frame.slice(0, end)}${events.join('')}${frame.slice(end)}`));
}

export async function calendar(args: string[], io: CliIO): Promise<number> {
  const { positional, values } = parseArgs(args, { '--today': 'value', '-o': 'value', '--output': 'value', '--force': 'bool' });
  const today = todayFrom(values, io);
  const output = values['-o'] ?? values['--output'];
  const service = createLanguageService();
  const builtin = builtinTemplatesDir();
  const searches = new Searches();
  // Per note until all are read: an accepted offer in one note turns the others' reminders into a withdrawal.
  const notes: { entries: CalendarEntry[]; file: string; summary?: NoteSummary; search: string; config: Config }[] = [];
  const g = await gather(positional, io, (note) => {
    // The templates as `draft` reads them (the workspace's own, else the built-in): a check-in's link is that draft.
    const options = { today, config: note.resolved.config, templates: templateLookup(note.resolved, builtin) };
    const doc = { uri: note.file, text: note.text };
    const entries = service.calendar(doc, options);
    if (!entries) return;
    const summary = service.summarize(doc, note.name, today);
    searches.add(note.search, summary);
    notes.push({ entries, file: note.shown, summary, search: note.search, config: note.resolved.config });
  });
  const entries = notes.flatMap((n) => (n.summary ? withdrawing(n.entries, n.summary, searches.of(n.search), n.config, today) : n.entries)
    // A date computed past 9999-12-31 (a check-in after an interview on 9999-12-30) has no DATE to write.
    .filter((e) => e.day <= LAST_DAY).map((e) => ({ ...e, file: n.file })));
  const unreadable = reportProblems(g, io);
  entries.sort((a, b) => a.day - b.day || a.file.localeCompare(b.file) || a.kind.localeCompare(b.kind));
  const text = buildCalendar(entries, today);
  if (output && output !== '-') {
    await writeOutputFile(io, output, text, values['--force'] !== undefined);
    io.stderr(`interview-followup: ${printable(`wrote ${entries.length} events to ${output}`)}\n`);
  } else {
    io.stdout(text);
  }
  return unreadable ? 2 : 0;
}
