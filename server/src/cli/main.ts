/**
 * The command line: `check` for terminals, cron and CI, the daily `agenda` and `calendar`,
 * `new` for a fresh note, and `lsp --stdio` for editors. A thin layer over the language
 * service: arguments, files and output live here, rules do not.
 */
import { Diagnostic } from 'vscode-languageserver-types';
// Not the service's index: `check` loads the diagnostics alone, not every feature it re-exports.
import { createLanguageService } from '../service/service';
import { Day, formatDay } from '../service/dates';
import { isOpen } from '../service/search';
import { Output } from './output';
import { Pending } from './pending';
import { Searches } from './searches';
import { terminalJson } from '../service/safe/terminal';
import { CliIO, formatFrom, gather, parseArgs, printable, reportProblems, todayFrom, UsageError } from './common';

export type { CliIO } from './common';

const USAGE = `Usage:
  interview-followup check [PATH...] [--today YYYY-MM-DD] [--format text|json]
  interview-followup agenda [PATH...] [--today YYYY-MM-DD] [--days N] [--format text|json]
  interview-followup calendar [PATH...] [--today YYYY-MM-DD] [-o FILE [--force]]
  interview-followup report [PATH...] [--today YYYY-MM-DD] [--format html|md|json] [-o FILE [--force]]
  interview-followup new --company C --role R [--date YYYY-MM-DD] [--dir DIR]
  interview-followup draft NOTE [--kind K] [--to NAME] [--format text|eml|mailto] [--today YYYY-MM-DD]
  interview-followup import FILE... [--dir DIR] [--me EMAIL]... [--dry-run] [--yes] [--format text|json]
  interview-followup lsp --stdio
  interview-followup --help | --version

check     Lints the interview notes under PATH (default: .) against follow-up etiquette.
          Exit status: 0 nothing due, 1 a warning or error, 2 usage error or unreadable path.
agenda    What to do, grouped: overdue, due today, coming up within N days (default 7),
          waiting, let go; one line per note, most urgent first.
calendar  An iCalendar file (.ics) of all-day events: promised reply dates, check-in dates,
          thank-you notes. Stable event ids: re-importing updates, never duplicates.
          -o FILE writes a new file; --force replaces an existing one (never a note).
report    How the search is going, from the notes alone: where processes stand, how far they
          got, thank-you promptness, activity per week; as one self-contained HTML page with
          charts (default), markdown tables or JSON. Notes with errors are left out and named.
new       Writes a note from the interview-note template, interview date today or --date.
          Never overwrites a file.
draft     Prints the draft that is due for NOTE (or of kind K, to NAME) without touching it:
          as text, as an unsent .eml (X-Unsent: 1) or as a mailto: link. Exit 2 when none fits.
import    Reads interview invites (.ics, or an email with the invite) and saved replies (.eml)
          into the notes under DIR (default: .): prints each change, then applies it after
          a y/N prompt on a terminal; --yes without asking, --dry-run never. Exit 2 when a
          file cannot be read (the others still import).
lsp       Starts the language server on stdin/stdout.

Today is the local date unless --today or INTERVIEW_FOLLOWUP_TODAY pins it.`;

const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;

const defaultIO = (): CliIO => {
  const stderr = sink(process.stderr);
  return { stdout: sink(process.stdout, stderr), stderr, cwd: process.cwd(), env: process.env, now: () => new Date(), capYoungGeneration: true };
};

/**
 * Writes to a stream of the process. A reader that has gone away (`check | head -1`) fails the
 * write with EPIPE, emitted as an 'error' event that would end the process with a stack trace
 * and status 1: the rest of the output is dropped instead, and the command ends with the status
 * its answer has. Any other failure of stdout (a full disk) is one line through `report` (the
 * stderr sink) and status 2; stderr's own failures are dropped, with nowhere left to tell them.
 */
function sink(stream: NodeJS.WriteStream, report?: (s: string) => void): (s: string) => void {
  let state: 'new' | 'open' | 'closed' = 'new';
  return (s) => {
    if (state === 'closed') return;
    if (state === 'new') {
      // Only once written to: `lsp` never writes through here, and its connection has its own handler.
      stream.on('error', (err: NodeJS.ErrnoException) => {
        state = 'closed';
        if (!report || err.code === 'EPIPE') return;
        report(`interview-followup: ${printable(`cannot write the output: ${err.message}`)}\n`);
        process.on('exit', () => (process.exitCode = 2));
      });
      state = 'open';
    }
    stream.write(s);
  };
}

export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: (typeof SEVERITY_NAMES)[number];
  rule: string;
  message: string;
}

const byPosition = (a: CliFinding, b: CliFinding) => a.line - b.line || a.column - b.column
  || a.endLine - b.endLine || a.endColumn - b.endColumn || a.rule.localeCompare(b.rule);

async function check(args: string[], io: CliIO): Promise<number> {
  const { positional, values } = parseArgs(args, { '--today': 'value', '--format': 'value' });
  const today = todayFrom(values, io);
  const format = formatFrom(values);
  const service = createLanguageService();
  // Each note is checked and its findings printed (held) as it is read, but for the rules that
  // read other notes: those come from the notes' summaries once all are read (no second
  // parse), spliced in at their place. Output follows in path order.
  const out = new Output();
  const counts = [0, 0, 0, 0];
  const searches = new Searches();
  // Kept until all are read, for the notes that take part in a search only: where each of
  // their findings starts, in the note and in the output (to place those that read other notes).
  const pending = new Pending();
  let notes = 0;
  // A JSON list: every element after a separator; the first separator becomes the opening bracket.
  const format_ = (f: CliFinding): string => (format === 'json'
    // JSON.stringify(all, null, 2), one element at a time: nested one level deeper.
    ? `,\n  ${terminalJson(f, 2).replace(/\n/g, '\n  ')}`
    : `${printable(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${f.message}`)}\n`);
  const finding = (shown: string, d: Diagnostic): CliFinding => ({
    file: shown,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY_NAMES[(d.severity ?? 1) - 1],
    rule: String(d.code),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  });
  const startOf = (f: CliFinding) => f.line * 1e6 + f.column;
  const g = await gather(positional, io, (note) => {
    const doc = { uri: note.file, text: note.text };
    const local = service.check(doc, { today, config: note.resolved.config, deferCross: true });
    if (!local) return;
    notes++;
    // Only an open process, an accepted offer or a note of a process (company and role) reads or is read by other notes.
    const found = service.summarize(doc, note.name, today);
    const summary = found && (isOpen(found) || found.status === 'accepted' || found.process !== undefined) ? found : undefined;
    searches.add(note.search, summary);
    const findings = local.map((d) => finding(note.shown, d)).sort(byPosition);
    const at: number[] = [];
    for (const f of findings) {
      counts[SEVERITY_NAMES.indexOf(f.severity)]++;
      at.push(out.position);
      out.add(format_(f));
    }
    if (!summary) return;
    pending.note({ summary, shown: note.shown, search: note.search, config: note.resolved.config, end: out.position });
    findings.forEach((f, i) => pending.finding(startOf(f), f.rule, SEVERITY_NAMES.indexOf(f.severity), at[i]));
  });
  for (const c of pending.drain()) {
    const found = service.crossCheck(c.summary, searches.of(c.search), { config: c.config, today });
    if (found.length === 0 && !found.silenced) continue;
    const own = c.findings();
    // The note's own findings the rest of the search silences (an accepted offer elsewhere, its process closed) are left out.
    if (found.silenced) {
      own.rules.forEach((rule, i) => {
        if (!found.silenced!.has(rule)) return;
        counts[own.severities[i]]--;
        out.drop(own.at[i], i + 1 < own.at.length ? own.at[i + 1] : c.end);
      });
    }
    const cross = found.map((d) => finding(c.shown, d));
    // After the note's own findings that start at or before it, as if sorted with them.
    for (const f of cross.sort((a, b) => startOf(a) - startOf(b))) {
      counts[SEVERITY_NAMES.indexOf(f.severity)]++;
      const i = own.starts.findIndex((x) => x > startOf(f));
      out.insert(i < 0 ? c.end : own.at[i], format_(f));
    }
  }
  const unreadable = reportProblems(g, io);
  const empty = out.empty;
  if (format === 'json') out.add(empty ? '[]\n' : '\n]\n');
  else out.add(summary(notes, counts, today) + '\n');
  out.flush(io.stdout, format === 'json' && !empty ? { from: ',\n  ', to: '[\n  ' } : undefined);
  if (unreadable) return 2;
  return counts[0] + counts[1] > 0 ? 1 : 0;
}

function summary(notes: number, counts: number[], today: Day): string {
  const parts = SEVERITY_NAMES.map((s, i) => [s, counts[i]] as const).filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s === 'error' || s === 'warning' ? s + (n === 1 ? '' : 's') : s}`);
  const notesText = `${notes} interview note${notes === 1 ? '' : 's'} checked on ${formatDay(today)}`;
  return parts.length === 0 ? `${notesText}: nothing due` : `${notesText}: ${parts.join(', ')}`;
}

/* eslint-disable @typescript-eslint/no-require-imports */
// Loaded only for their command: `check` and `lsp` do not pay for ical-generator and the rest.
const COMMANDS: Record<string, (args: string[], io: CliIO) => Promise<number>> = {
  check,
  agenda: (args, io) => (require('./agenda') as typeof import('./agenda')).agenda(args, io),
  calendar: (args, io) => (require('./calendar') as typeof import('./calendar')).calendar(args, io),
  'report': (args, io) => (require('./report') as typeof import('./report')).report(args, io),
  new: (args, io) => (require('./new') as typeof import('./new')).newNote(args, io),
  draft: (args, io) => (require('./draft') as typeof import('./draft')).draft(args, io),
  'import': (args, io) => (require('./import') as typeof import('./import')).importFiles(args, io),
};
/* eslint-enable @typescript-eslint/no-require-imports */

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number | undefined> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      io.stdout(`${require('../../../../package.json').version}\n`);
      return 0;
    }
    const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (run) {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout(USAGE + '\n');
        return 0;
      }
      return await run(rest, io);
    }
    if (command === 'lsp') {
      const bad = rest.find((a) => !['--stdio', '--node-ipc'].includes(a) && !a.startsWith('--clientProcessId'));
      if (bad) throw new UsageError(`unknown option '${bad}' for lsp (use --stdio)`);
      if (!rest.includes('--stdio') && !rest.includes('--node-ipc')) throw new UsageError('lsp needs --stdio');
      // Loaded only here: `check` does not pay for the LSP libraries.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { startServer } = require('../lsp/main') as typeof import('../lsp/main');
      startServer();
      return new Promise<number | undefined>(() => undefined); // the connection decides when to exit
    }
    throw new UsageError(`unknown command '${command}' (see --help)`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`interview-followup: ${printable(err.message)}\n`);
      return 2;
    }
    throw err;
  }
}
