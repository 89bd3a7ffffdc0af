/**
 * `calendar`: an iCalendar file (RFC 5545) of all-day events for each open process, written
 * with ical-generator (CRLF lines folded at 75 octets, escaping done right). Event ids are
 * derived from what identifies the interview, so a re-import updates instead of duplicating.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import ical from 'ical-generator';
import { calendarOf, CalendarEntry, Day, LAST_DAY, parseNote } from '../service';
import { CliIO, gather, parseArgs, printable, reportProblems, todayFrom, UsageError } from './common';
import { writeNewFile, WriteError } from '../node';

const MS_PER_DAY = 86_400_000;

/** All-day dates go in as UTC midnight: ical-generator writes DATE values from UTC fields. */
const utc = (day: Day) => new Date(day * MS_PER_DAY);

export function eventId(entry: CalendarEntry): string {
  const hash = createHash('sha256').update(entry.identity).digest('hex').slice(0, 20);
  return `${entry.kind}-${hash}@interview-followup`;
}

export function buildCalendar(entries: (CalendarEntry & { file: string })[], stamp: Day): string {
  const cal = ical({
    name: 'Interview follow-ups',
    prodId: { company: 'interview-followup', product: 'interview-followup', language: 'EN' },
  });
  for (const e of entries) {
    cal.createEvent({
      id: eventId(e),
      start: utc(e.day),
      // An all-day event without an end lasts its day (RFC 5545 3.6.1): 9999-12-31 has no next day to end on.
      end: e.day < LAST_DAY ? utc(e.day + 1) : undefined,
      allDay: true,
      summary: e.summary,
      description: `${e.description}\nNote: ${e.file}`,
      // A fixed stamp keeps the output byte-stable for the same notes and day.
      stamp: utc(stamp),
    });
  }
  return cal.toString();
}

export async function calendar(args: string[], io: CliIO): Promise<number> {
  const { positional, values } = parseArgs(args, { '--today': 'value', '-o': 'value', '--output': 'value', '--force': 'bool' });
  const today = todayFrom(values, io);
  const output = values['-o'] ?? values['--output'];
  const entries: (CalendarEntry & { file: string })[] = [];
  const g = await gather(positional, io, (note) => {
    const parsed = parseNote(note.text);
    if (!parsed) return;
    for (const e of calendarOf(parsed, note.resolved.config, today)) {
      // A date computed past 9999-12-31 (a check-in after an interview on 9999-12-30) has no DATE to write.
      if (e.day <= LAST_DAY) entries.push({ ...e, file: note.shown });
    }
  });
  const unreadable = reportProblems(g, io);
  entries.sort((a, b) => a.day - b.day || a.file.localeCompare(b.file) || a.kind.localeCompare(b.kind));
  const text = buildCalendar(entries, today);
  if (output && output !== '-') {
    try {
      await writeNewFile(path.resolve(io.cwd, output), text, { force: values['--force'] !== undefined });
    } catch (err) {
      if (err instanceof WriteError) throw new UsageError(`cannot write '${output}': ${err.message}${err.exists ? ' (--force replaces it)' : ''}`);
      throw err;
    }
    io.stderr(`interview-followup: ${printable(`wrote ${entries.length} events to ${output}`)}\n`);
  } else {
    io.stdout(text);
  }
  return unreadable ? 2 : 0;
}
