/** `new`: writes a new interview note from the note template. Never overwrites a file. */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { DraftRenderer, newNoteFileName, parseIsoDay, renderNewNote, TemplateError } from '../service';
import { builtinTemplatesDir, ConfigResolver, findTemplate, reason, writeNewFile, WriteError } from '../node';
import { NOTE_TEMPLATE } from '../protocol';
import { CliIO, parseArgs, printable, reportRefusals, resolverOptions, todayFrom, UsageError } from './common';


export async function newNote(args: string[], io: CliIO): Promise<number> {
  const { positional, values } = parseArgs(args, {
    '--company': 'value', '--role': 'value', '--date': 'value', '--today': 'value', '--dir': 'value',
  });
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}' (see --help)`);
  const company = values['--company']?.trim();
  const role = values['--role']?.trim();
  if (!company) throw new UsageError('new needs --company');
  if (!role) throw new UsageError('new needs --role');
  const today = todayFrom(values, io);
  const dateText = values['--date'];
  const interviewed = dateText === undefined ? today : /^\d{4}-\d{2}-\d{2}$/.test(dateText) ? parseIsoDay(dateText) : undefined;
  if (interviewed === undefined) throw new UsageError(`--date '${dateText}' is not a date (YYYY-MM-DD)`);
  const dir = path.resolve(io.cwd, values['--dir'] ?? '.');
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--dir '${values['--dir']}' is not a folder`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot use folder '${values['--dir'] ?? '.'}': ${reason(err)}`);
  }
  // The workspace's own template (templatesDir of the nearest config) wins over the built-in.
  const resolver = new ConfigResolver(io.cwd, {}, resolverOptions(io));
  const resolved = resolver.forFile(path.join(dir, 'new.md'));
  const template = findTemplate(resolved, builtinTemplatesDir(), NOTE_TEMPLATE);
  reportRefusals(resolver, io);
  if (!template) throw new UsageError(`no ${NOTE_TEMPLATE}.hbs template found`);
  let text: string;
  try {
    text = renderNewNote(new DraftRenderer(), template, { company, role, interviewed, today });
  } catch (err) {
    throw new UsageError(`template ${path.relative(io.cwd, template.origin)}: ${(err as TemplateError).message}`);
  }
  const file = path.join(dir, newNoteFileName({ company, role }));
  try {
    await writeNewFile(file, text);
  } catch (err) {
    if (err instanceof WriteError) throw new UsageError(`cannot write '${path.relative(io.cwd, file)}': ${err.message}`);
    throw err;
  }
  io.stdout(`${printable(path.relative(io.cwd, file) || file)}\n`);
  return 0;
}
