/**
 * The command line: `check` for terminals, cron and CI, and `lsp --stdio` for editors. A thin
 * layer over the language service: arguments, files and output live here, rules do not.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, Day, formatDay } from '../service';
import { ConfigResolver, decode, included, reason, resolveToday, walk } from '../node/workspace';

const USAGE = `Usage:
  interview-followup check [PATH...] [--today YYYY-MM-DD] [--format text|json]
  interview-followup lsp --stdio
  interview-followup --help | --version

check   Lints the interview notes under PATH (default: .) against follow-up etiquette.
        Exit status: 0 nothing due, 1 a warning or error, 2 usage error or unreadable path.
        Today is the local date unless --today or INTERVIEW_FOLLOWUP_TODAY pins it.
lsp     Starts the language server on stdin/stdout.`;

const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

const defaultIO = (): CliIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  now: () => new Date(),
});

class UsageError extends Error {}

interface CheckArgs {
  paths: string[];
  today?: string;
  format: 'text' | 'json';
}

function parseCheckArgs(args: string[]): CheckArgs {
  const out: CheckArgs = { paths: [], format: 'text' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      if (i + 1 >= args.length) throw new UsageError(`${flag} needs a value`);
      return args[++i];
    };
    if (flag === '--today') out.today = value();
    else if (flag === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not '${f}'`);
      out.format = f;
    } else if (a === '--') out.paths.push(...args.slice(i + 1)), (i = args.length);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}' (see --help)`);
    else out.paths.push(a);
  }
  if (out.paths.length === 0) out.paths.push('.');
  return out;
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

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function check(args: CheckArgs, io: CliIO): Promise<number> {
  const { today, error } = resolveToday(args.today, io.env, io.now);
  if (error) throw new UsageError(error);
  const service = createLanguageService();
  const resolver = new ConfigResolver(io.cwd);
  const unreadable: [string, string][] = [];
  const files = new Set<string>();
  for (const p of args.paths) {
    const abs = path.resolve(io.cwd, p);
    let st;
    try {
      st = await fsp.stat(abs);
    } catch (err) {
      throw new UsageError(`cannot read '${p}': ${reason(err)}`);
    }
    if (st.isDirectory()) {
      const walked = await walk(abs);
      unreadable.push(...walked.unreadable);
      for (const f of walked.files) if (included(f, resolver.forFile(f))) files.add(f);
    } else {
      files.add(abs); // a file named on the command line is checked whatever its extension
    }
  }
  const findings: CliFinding[] = [];
  let notes = 0;
  await pool([...files], 32, async (file) => {
    let text: string;
    try {
      text = decode(await fsp.readFile(file));
    } catch (err) {
      unreadable.push([file, reason(err)]);
      return;
    }
    const { config } = resolver.forFile(file);
    const diags = service.check({ uri: file, text }, { today: today as Day, config });
    if (!diags) return;
    notes++;
    const rel = path.relative(io.cwd, file) || path.basename(file);
    for (const d of diags) {
      findings.push({
        file: rel,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITY_NAMES[(d.severity ?? 1) - 1],
        rule: String(d.code),
        message: typeof d.message === 'string' ? d.message : d.message.value,
      });
    }
  });
  for (const cf of resolver.files()) {
    for (const p of cf.problems) {
      const line = cf.text.slice(0, p.span.start).split('\n').length;
      io.stderr(`interview-followup: ${path.relative(io.cwd, cf.path) || cf.path}:${line}: ${p.message} (ignored; defaults apply)\n`);
    }
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column
    || a.endLine - b.endLine || a.endColumn - b.endColumn || a.rule.localeCompare(b.rule));
  if (args.format === 'json') {
    io.stdout(JSON.stringify(findings, null, 2) + '\n');
  } else {
    for (const f of findings) io.stdout(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${f.message}\n`);
    io.stdout(summary(notes, findings, today as Day) + '\n');
  }
  for (const [p, why] of unreadable.sort()) io.stderr(`interview-followup: cannot read '${path.relative(io.cwd, p) || p}': ${why}\n`);
  if (unreadable.length > 0) return 2;
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
}

function summary(notes: number, findings: CliFinding[], today: Day): string {
  const count = (s: CliFinding['severity']) => findings.filter((f) => f.severity === s).length;
  const parts = SEVERITY_NAMES.map((s) => [s, count(s)] as const).filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s === 'error' || s === 'warning' ? s + (n === 1 ? '' : 's') : s}`);
  const notesText = `${notes} interview note${notes === 1 ? '' : 's'} checked on ${formatDay(today)}`;
  return parts.length === 0 ? `${notesText}: nothing due` : `${notesText}: ${parts.join(', ')}`;
}

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
    if (command === 'check') {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout(USAGE + '\n');
        return 0;
      }
      return await check(parseCheckArgs(rest), io);
    }
    if (command === 'lsp') {
      const bad = rest.find((a) => !['--stdio', '--node-ipc'].includes(a) && !a.startsWith('--clientProcessId'));
      if (bad) throw new UsageError(`unknown option '${bad}' for lsp (use --stdio)`);
      if (!rest.includes('--stdio') && !rest.includes('--node-ipc')) throw new UsageError('lsp needs --stdio');
      // Loaded only here: `check` does not pay for the LSP libraries.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { startServer } = require('../lsp/server') as typeof import('../lsp/server');
      startServer();
      return new Promise<number | undefined>(() => undefined); // the connection decides when to exit
    }
    throw new UsageError(`unknown command '${command}' (see --help)`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`interview-followup: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
