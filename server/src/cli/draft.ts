/**
 * `draft NOTE`: prints the draft that is due (or of --kind, to --to) as text, an unsent .eml
 * or a mailto: URI. Never writes the note: the editor's code action is what appends a draft.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, emlOf, givenName, mailboxOf, mailtoOf, MAILTO_LIMIT, parseDraft, TEMPLATE_NAMES, TemplateName, UnsafeHeader } from '../service';
import { builtinTemplatesDir, ConfigResolver, readTextSync, reason, templateLookup } from '../node';
import { CliIO, gather, parseArgs, printable, printableLines, reportRefusals, resolverOptions, todayFrom, UsageError } from './common';
import { Searches } from './searches';

const FORMATS = ['text', 'eml', 'mailto'] as const;

export async function draft(args: string[], io: CliIO): Promise<number> {
  const { positional, values } = parseArgs(args, { '--kind': 'value', '--to': 'value', '--format': 'value', '--today': 'value' });
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'draft needs a NOTE' : `unexpected argument '${positional[1]}' (see --help)`);
  const format = (values['--format'] ?? 'text') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, eml or mailto, not '${values['--format']}'`);
  const kindArg = values['--kind'];
  if (kindArg !== undefined && !(TEMPLATE_NAMES as readonly string[]).includes(kindArg)) {
    throw new UsageError(`unknown kind '${kindArg}' (one of ${TEMPLATE_NAMES.join(', ')})`);
  }
  const today = todayFrom(values, io);
  const shown = positional[0];
  const file = path.resolve(io.cwd, shown);
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new UsageError(`cannot read '${shown}': not a regular file`);
    text = readTextSync(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read '${shown}': ${reason(err)}`);
  }
  const resolver = new ConfigResolver(io.cwd, {}, resolverOptions(io));
  const resolved = resolver.forFile(file);
  reportRefusals(resolver, io);
  const service = createLanguageService();
  const doc = { uri: file, text };
  // The notes of its search, as `check` groups them (the config file's folder, else the note's):
  // withdraw-others, the withdrawal after an accepted offer and the offer checklist read them.
  const root = resolved.file?.dir ?? path.dirname(file);
  const searches = new Searches();
  let name = path.basename(file);
  await gather([root], io, (note) => {
    if (note.search !== root) return; // a folder below with its own config file is a search of its own
    if (note.file === file) name = note.name;
    searches.add(root, service.summarize({ uri: note.file, text: note.text }, note.name, today));
  });
  const options = { today, config: resolved.config, templates: templateLookup(resolved, builtinTemplatesDir()), search: searches.of(root), name };
  const people = service.draftPeople(doc, options);
  if (!people) throw new UsageError(`'${shown}' is not an interview note`);
  const toArg = values['--to'];
  let to = toArg === undefined ? undefined : pickPerson(toArg, people, shown);
  let kind = kindArg as TemplateName | undefined;
  if (!kind) {
    // The draft that is due: the first one the note's code actions offer (to that person).
    const all = service.drafts(doc, options)!;
    const offers = all.filter((o) => !o.disabled && (to === undefined || (o.to ?? people[0]?.name) === to));
    // The editor offers a thank-you to the first few of a round: one due to them is due to anyone met.
    const offer = offers.find((o) => o.due) ?? (to === undefined ? undefined : all.find((o) => o.due && !o.disabled && o.kind.startsWith('thank-you')));
    // Refused for the whole note (a value with a line break or a control): say why, not "none is due".
    const blocked = !offer && all.find((o) => o.due && o.disabled?.startsWith('Fix the note first'));
    if (blocked) throw new UsageError(`no draft for '${shown}': ${blocked.disabled}`);
    if (!offer) {
      const kinds = [...new Set(offers.map((o) => o.kind))];
      throw new UsageError(`no draft is due for '${shown}'${to ? ` to ${to}` : ''}: name one with --kind${kinds.length > 0 ? ` (offered here: ${kinds.join(', ')})` : ''}`);
    }
    kind = offer.kind;
    to ??= offer.to;
  }
  const rendered = service.draftText(doc, kind, to, options)!;
  if (rendered.text === undefined) throw new UsageError(`cannot draft ${kind}: ${rendered.disabled}`);
  if (format === 'text') {
    io.stdout(printableLines(rendered.text.trimEnd()) + '\n');
    return 0;
  }
  const parts = parseDraft(rendered.text);
  if (parts.subject === undefined && parts.to === undefined) throw new UsageError(`a ${kind} draft is not an email: use --format text`);
  if (format === 'eml') {
    try {
      io.stdout(emlOf(parts, resolved.config.sender));
    } catch (err) {
      if (err instanceof UnsafeHeader) throw new UsageError(`cannot write ${kind} as a message: ${err.message}`);
      throw err;
    }
    return 0;
  }
  const { uri, withBody } = mailtoOf(parts);
  if (!withBody) io.stderr(`interview-followup: ${printable(`the link would pass ${MAILTO_LIMIT} characters: it carries the subject only; copy the body from --format text`)}\n`);
  io.stdout(uri + '\n');
  return 0;
}

/**
 * The person `--to` names: a full name, an email, "Name <email>", or a first name that only
 * one person has. A name two people answer to is an error listing them and how to pick one.
 */
/** Names for a message: a round of hundreds is not listed whole. */
function listed(names: string[], most = 8): string {
  return names.length <= most ? names.join(', ') : `${names.slice(0, most).join(', ')} and ${names.length - most} more`;
}

export function pickPerson(toArg: string, people: { name: string; email?: string }[], shown: string): string {
  const wanted = toArg.trim().toLowerCase();
  const box = mailboxOf(toArg);
  const byEmail = box ? people.filter((p) => p.email?.toLowerCase() === box.address.toLowerCase() && (!box.name || p.name.toLowerCase() === box.name.toLowerCase())) : [];
  const byName = people.filter((p) => p.name.toLowerCase() === wanted);
  const byFirst = people.filter((p) => givenName(p.name).toLowerCase() === wanted);
  // A panel often goes by surnames ("Gilfoyle"); "Lee" for Lee Park and Sam Lee is ambiguous.
  const byLast = people.filter((p) => !byFirst.includes(p) && p.name.split(/\s+/).length > 1 && p.name.split(/\s+/).pop()!.toLowerCase() === wanted);
  const matches = byEmail.length > 0 ? byEmail : byName.length > 0 ? byName : [...byFirst, ...byLast];
  const label = (p: { name: string; email?: string }) => (p.email ? `${p.name} <${p.email}>` : p.name);
  if (matches.length === 1) return matches[0].name;
  if (matches.length === 0) throw new UsageError(`nobody named '${toArg}' in '${shown}'${people.length > 0 ? ` (${listed(people.map((p) => p.name))})` : ''}`);
  const example = matches.find((p) => p.email) ?? matches[0];
  throw new UsageError(`'${toArg}' matches ${matches.length} people in '${shown}': ${listed(matches.map(label))}; pick one with --to "${label(example)}"${example.email ? ` or --to ${example.email}` : ` or --to "${example.name}"`}`);
}
