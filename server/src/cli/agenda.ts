/** `agenda`: what to do, grouped by urgency, one line per note. */
import {
  AGENDA_GROUPS, AgendaItem, agendaOf, compareAgenda, Config, createLanguageService, Day, formatDay, gatedAgenda, GROUP_TITLES, isOpen, longDay,
  NoteSummary, parseNote, weekdayShort,
} from '../service';
import type { AgendaResult } from '../service';
import { Searches } from './searches';
import { terminalJson } from '../service/safe/terminal';
import { CliIO, formatFrom, gather, parseArgs, printable, reportProblems, todayFrom, UsageError } from './common';

export interface AgendaRow extends AgendaItem {
  date: string;
  file: string;
}

export async function agenda(args: string[], io: CliIO): Promise<number> {
  const { positional, values } = parseArgs(args, { '--today': 'value', '--days': 'value', '--format': 'value' });
  const today = todayFrom(values, io);
  const format = formatFrom(values);
  const horizonText = values['--days'] ?? '7';
  if (!/^\d{1,4}$/.test(horizonText)) throw new UsageError(`--days must be a whole number of days, not '${horizonText}'`);
  const horizon = Number(horizonText);
  const invalid: string[] = [];
  let quiet = 0;
  const searches = new Searches();
  const found: { own: AgendaResult; file: string; summary?: NoteSummary; search: string; config: Config }[] = [];
  const service = createLanguageService();
  const g = await gather(positional, io, (note) => {
    const parsed = parseNote(note.text);
    if (!parsed) return;
    const summary = service.summarize({ uri: note.file, text: note.text }, note.name, today);
    searches.add(note.search, summary);
    const own = agendaOf(parsed, today, note.resolved.config, horizon);
    // Kept until all are read when the rest of the search may change it (gate.ts): an open note.
    if (summary && isOpen(summary)) found.push({ own, file: note.shown, summary, search: note.search, config: note.resolved.config });
    else found.push({ own, file: note.shown, search: note.search, config: note.resolved.config });
  });
  const rows: AgendaRow[] = found.flatMap(({ own, file, summary, search, config }) => {
    const r = summary ? gatedAgenda(own, summary, searches.of(search), config, today) : own;
    if (!r.item) {
      if (r.skipped === 'invalid') invalid.push(file);
      else if (r.skipped === 'quiet') quiet++;
      return [];
    }
    return [{ ...r.item, date: formatDay(r.item.day), file }];
  });
  const unreadable = reportProblems(g, io);
  rows.sort((a, b) => compareAgenda(a, b) || a.file.localeCompare(b.file));
  if (format === 'json') {
    io.stdout(terminalJson(rows.map(({ day: _day, ...row }) => row), 2) + '\n');
  } else {
    io.stdout(renderAgenda(rows, today, horizon, invalid.sort(), quiet));
  }
  return unreadable ? 2 : 0;
}

/** `quiet`: open notes left out because their reminders are turned off (directives, `rules:`). */
export function renderAgenda(rows: AgendaRow[], today: Day, horizon: number, invalid: string[], quiet = 0): string {
  const lines = [`Agenda for ${longDay(today)}`];
  for (const group of AGENDA_GROUPS) {
    const inGroup = rows.filter((r) => r.group === group);
    if (inGroup.length === 0) continue;
    const title = group === 'upcoming' ? `${GROUP_TITLES[group]} (next ${horizon} days)` : GROUP_TITLES[group];
    lines.push('', `${title}:`);
    for (const r of inGroup) lines.push(`  ${weekdayShort(r.day)} ${formatDay(r.day)}  ${r.company} (${r.role}): ${r.action} [${r.when}]  ${r.file}`);
  }
  if (rows.length === 0 && quiet > 0) lines.push('', `Nothing to do: ${quiet === 1 ? 'the one open note has its' : `the ${quiet} open notes have their`} reminders turned off.`);
  else if (rows.length === 0) lines.push('', 'Nothing to do: no open interview notes.');
  if (invalid.length > 0) {
    lines.push('', `Left out, with errors to fix first (see \`interview-followup check\`): ${invalid.join(', ')}`);
  }
  // One line per entry whatever a file name, company or role holds: a newline would forge one.
  return lines.map(printable).join('\n') + '\n';
}
