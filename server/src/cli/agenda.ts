/** `agenda`: what to do, grouped by urgency, one line per note. */
import {
  AGENDA_GROUPS, AgendaItem, agendaOf, compareAgenda, createLanguageService, Day, formatDay, GROUP_TITLES, isOpen, longDay, NoteSummary, parseNote,
  reminds, weekdayShort, withdrawItem,
} from '../service';
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
  const searches = new Searches();
  const found: { item?: AgendaItem; file: string; summary?: NoteSummary; search: string; invalid: boolean }[] = [];
  const service = createLanguageService();
  const g = await gather(positional, io, (note) => {
    const parsed = parseNote(note.text);
    if (!parsed) return;
    const summary = service.summarize({ uri: note.file, text: note.text }, note.name, today);
    searches.add(note.search, summary);
    const r = agendaOf(parsed, today, note.resolved.config, horizon);
    // An open process may have to be withdrawn from, whatever else it has (or has not) to do.
    const withdrawable = summary && isOpen(summary) && reminds(summary.silence, note.resolved.config, 'withdraw-others') ? summary : undefined;
    if (r.item || withdrawable) found.push({ item: r.item, file: note.shown, summary: withdrawable, search: note.search, invalid: 'skipped' in r && r.skipped === 'invalid' });
    else if (r.skipped === 'invalid') invalid.push(note.shown);
  });
  // An offer accepted in one note makes every other open process of its search a withdrawal.
  const rows: AgendaRow[] = found.flatMap(({ item, file, summary, search, invalid: bad }) => {
    const row = (summary && withdrawItem(summary, searches.of(search), today)) ?? item;
    if (!row && bad) invalid.push(file);
    return row ? [{ ...row, date: formatDay(row.day), file }] : [];
  });
  const unreadable = reportProblems(g, io);
  rows.sort((a, b) => compareAgenda(a, b) || a.file.localeCompare(b.file));
  if (format === 'json') {
    io.stdout(terminalJson(rows.map(({ day: _day, ...row }) => row), 2) + '\n');
  } else {
    io.stdout(renderAgenda(rows, today, horizon, invalid.sort()));
  }
  return unreadable ? 2 : 0;
}

export function renderAgenda(rows: AgendaRow[], today: Day, horizon: number, invalid: string[]): string {
  const lines = [`Agenda for ${longDay(today)}`];
  for (const group of AGENDA_GROUPS) {
    const inGroup = rows.filter((r) => r.group === group);
    if (inGroup.length === 0) continue;
    const title = group === 'upcoming' ? `${GROUP_TITLES[group]} (next ${horizon} days)` : GROUP_TITLES[group];
    lines.push('', `${title}:`);
    for (const r of inGroup) lines.push(`  ${weekdayShort(r.day)} ${formatDay(r.day)}  ${r.company} (${r.role}): ${r.action} [${r.when}]  ${r.file}`);
  }
  if (rows.length === 0) lines.push('', 'Nothing to do: no open interview notes.');
  if (invalid.length > 0) {
    lines.push('', `Left out, with errors to fix first (see \`interview-followup check\`): ${invalid.join(', ')}`);
  }
  // One line per entry whatever a file name, company or role holds: a newline would forge one.
  return lines.map(printable).join('\n') + '\n';
}
