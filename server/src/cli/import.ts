/**
 * `import FILE...`: interview invites (.ics, or an email with its text/calendar part) and
 * replies (.eml) into the notes under DIR. Prints each change; applies after a y/N prompt on
 * a terminal, with --yes without asking, never with --dry-run. Files are read and written
 * here (through node/); what changes is planned by service/inbox, loaded only for this command.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { builtinTemplatesDir, ConfigResolver, findTemplate, readForEdit, readTextSync, reason, rewriteNote, staysWithin, writeNewFile, WriteError } from '../node';
import { NOTE_TEMPLATE } from '../protocol';
import { importInbox, ImportResult } from '../service/inbox';
import { MAX_FILE_BYTES } from '../service/inbox/parse';
import { terminalJson } from '../service/safe/terminal';
import { CliIO, formatFrom, gather, printable, reportRefusals, resolverOptions, todayFrom, UsageError } from './common';

interface Args {
  files: string[];
  dir?: string;
  me: string[];
  dryRun: boolean;
  yes: boolean;
  values: Record<string, string | undefined>;
}

function parse(args: string[]): Args {
  const out: Args = { files: [], me: [], dryRun: false, yes: false, values: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = () => {
      if (eq > 0) return a.slice(eq + 1);
      if (i + 1 >= args.length) throw new UsageError(`${flag} needs a value`);
      return args[++i];
    };
    if (a === '--') out.files.push(...args.slice(i + 1)), (i = args.length);
    else if (flag === '--dir') out.dir = value();
    else if (flag === '--me') out.me.push(value().trim().toLowerCase());
    else if (flag === '--format' || flag === '--today') out.values[flag] = value();
    else if (a === '--dry-run') out.dryRun = true;
    else if (a === '--yes' || a === '-y') out.yes = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${flag}' (see --help)`);
    else out.files.push(a);
  }
  if (out.files.length === 0) throw new UsageError('import needs a FILE (an invite .ics or an email .eml)');
  if (out.dryRun && out.yes) throw new UsageError('--dry-run and --yes contradict each other');
  return out;
}

/** Your time zone: TZ, else the system's (Intl reads it; no clock). */
function zoneOf(io: CliIO): string {
  const tz = io.env.TZ?.replace(/^:/, '');
  if (tz) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz;
    } catch {
      throw new UsageError(`TZ '${tz}' is not a time zone`);
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export async function importFiles(argv: string[], io: CliIO): Promise<number> {
  const args = parse(argv);
  const format = formatFrom(args.values);
  const today = todayFrom(args.values, io);
  const zone = zoneOf(io);
  const dir = path.resolve(io.cwd, args.dir ?? '.');
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--dir '${args.dir}' is not a folder`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot use folder '${args.dir ?? '.'}': ${reason(err)}`);
  }
  const shown = (file: string) => path.relative(io.cwd, file) || file;
  const resolver = new ConfigResolver(io.cwd, {}, resolverOptions(io));
  const resolved = resolver.forFile(path.join(dir, 'new.md'));
  reportRefusals(resolver, io);
  const me = [...args.me, ...resolved.config.me, resolved.config.sender.email?.toLowerCase()].filter((a): a is string => !!a);
  const template = findTemplate(resolved, builtinTemplatesDir(), NOTE_TEMPLATE);

  // The notes under DIR, whole (the check reads their heads only).
  const notes: { file: string; text: string }[] = [];
  const paths: string[] = [];
  await gather([dir], io, (n) => paths.push(n.file));
  for (const file of paths) {
    try {
      notes.push({ file: path.relative(dir, file), text: await readForEdit(file) });
    } catch {
      // A note too large or gone: not one an import can edit exactly.
    }
  }
  const errors: ImportResult['errors'] = [];
  const sources: { name: string; text: string }[] = [];
  for (const f of args.files) {
    try {
      sources.push({ name: f, text: readTextSync(path.resolve(io.cwd, f), MAX_FILE_BYTES + 1) });
    } catch (err) {
      errors.push({ source: f, line: 1, message: `cannot read it: ${reason(err)}` });
    }
  }
  const result = await importInbox(sources, notes, { me, zone, today, template });
  result.errors.unshift(...errors);

  const target = (file: string) => path.join(dir, file);
  if (format === 'json') {
    const doc = {
      files: result.files.map((f) => ({ file: shown(target(f.file)), created: f.created, changes: f.changes })),
      errors: result.errors, notes: result.notes, applied: args.yes,
    };
    io.stdout(terminalJson(doc, 2) + '\n');
  } else {
    for (const f of result.files) {
      io.stdout(`${printable(shown(target(f.file)))}${f.created ? ' (new note)' : ''}:\n`);
      for (const c of f.changes) {
        if (c.field === '(new note)') continue;
        io.stdout(printable(`  ${c.field}: ${c.old === undefined ? '' : `${c.old} -> `}${c.new}  (${c.source})`) + '\n');
        if (c.sentence) io.stdout(printable(`      "${c.sentence}"`) + '\n');
        else if (c.why) io.stdout(printable(`      (${c.why})`) + '\n');
      }
    }
    for (const n of result.notes) io.stdout(printable(`${n.source}: ${n.message}`) + '\n');
    if (result.files.length === 0) io.stdout('Nothing to change.\n');
  }
  for (const e of result.errors) io.stderr(`interview-followup: ${printable(`${e.source}:${e.line}: ${e.message}`)}\n`);
  const status = result.errors.length > 0 ? 2 : 0;
  if (result.files.length === 0 || args.dryRun) return status;
  let apply = args.yes;
  if (!apply) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      io.stderr('interview-followup: not applied: run with --yes to apply, or on a terminal to be asked\n');
      return status;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const count = result.files.reduce((n, f) => n + f.changes.filter((c) => c.field !== '(new note)').length, 0);
    const answer = await rl.question(`Apply ${count === 1 ? 'this change' : `these ${count} changes`} to ${result.files.length === 1 ? '1 note' : `${result.files.length} notes`}? [y/N] `);
    rl.close();
    apply = /^y(?:es)?$/i.test(answer.trim());
    if (!apply) return status;
  }
  let failed = false;
  for (const f of result.files) {
    const file = target(f.file);
    const rel = path.relative(dir, file);
    const inside = !!rel && !rel.startsWith('..') && !path.isAbsolute(rel) && (f.created ? staysWithin(path.dirname(file), [dir]) : staysWithin(file, [dir]));
    if (!inside) {
      io.stderr(`interview-followup: ${printable(`refused '${shown(file)}': outside ${shown(dir)}`)}\n`);
      failed = true;
      continue;
    }
    try {
      if (f.created) await writeNewFile(file, f.after);
      else await rewriteNote(file, f.before, f.after);
      if (format === 'text') io.stdout(`${printable(`${f.created ? 'Wrote' : 'Updated'} ${shown(file)}`)}\n`);
    } catch (err) {
      if (!(err instanceof WriteError)) throw err;
      io.stderr(`interview-followup: ${printable(`cannot write '${shown(file)}': ${err.message}`)}\n`);
      failed = true;
    }
  }
  return failed ? 2 : status;
}
