/** What the CLI's commands share: arguments, the walk over notes, and stderr reports. */
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Day } from '../service/dates';
import { terminalLine, terminalLines } from '../service/safe/terminal';
import { ConfigResolver, included, NoteReader, reason, relativeTo, Resolved, ResolverOptions, resolveToday, walk, writeNewFile, WriteError, youngGenerationCap } from '../node';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Cap V8's young generation while the notes are read (node/heap.ts): the process's own runs, not a test's. */
  capYoungGeneration?: boolean;
}

export class UsageError extends Error {}

/**
 * One line whatever a path or a value holds: C0 and C1 controls (a newline in a file name, a
 * CSI from a note), separators and bidi overrides escaped (service/safe/terminal.ts).
 */
export const printable = terminalLine;

/** Text of several lines (a draft) safe for a terminal: its line breaks and tabs kept, all else as `printable`. */
export const printableLines = terminalLines;

/** Flags a command takes: `value` ones need an argument (`--x v` or `--x=v`). */
export type FlagSpec = Record<string, 'value' | 'bool'>;

export interface ParsedArgs {
  positional: string[];
  values: Record<string, string | undefined>;
}

export function parseArgs(args: string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = { positional: [], values: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const kind = spec[flag];
    if (!kind) throw new UsageError(`unknown option '${flag}' (see --help)`);
    if (kind === 'bool') {
      out.values[flag] = 'true';
      continue;
    }
    if (eq > 0 && a.startsWith('--')) out.values[flag] = a.slice(eq + 1);
    else if (i + 1 < args.length) out.values[flag] = args[++i];
    else throw new UsageError(`${flag} needs a value`);
  }
  return out;
}

export function todayFrom(values: ParsedArgs['values'], io: CliIO): Day {
  const { today, error } = resolveToday(values['--today'], io.env, io.now);
  if (error) throw new UsageError(error);
  return today!;
}

export function formatFrom(values: ParsedArgs['values']): 'text' | 'json' {
  const f = values['--format'] ?? 'text';
  if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not '${f}'`);
  return f;
}

/** The CLI's config lookup: up to the repository or the home folder, files of others ignored. */
export function resolverOptions(io: CliIO): ResolverOptions {
  return { stopAtRepoOrHome: true, home: io.env.HOME || os.homedir() };
}

export interface NoteFile {
  file: string;
  /** The path as the user should see it: relative to the working directory. */
  shown: string;
  /**
   * What decides the note's findings: the text up to the end of its front matter (all of it
   * when the front matter is never closed), not the body. See NoteReader.
   */
  text: string;
  resolved: Resolved;
  /**
   * The search the note belongs to, for the rules that read other notes: the folder of its
   * `.interview-followup.yaml`, else the PATH argument it was found under.
   */
  search: string;
  /** Its name in that search: its path relative to the search's folder. */
  name: string;
}

export interface Gathered {
  resolver: ConfigResolver;
  /** Files that could not be read: [path, reason]. */
  unreadable: [string, string][];
  /** Links not followed: [link, the path walked]. */
  outside: [string, string][];
  /** Note-named special files met in a walk (FIFO, device, looping link): [path, why]. Named on stderr; the exit status is the findings'. */
  skipped: [string, string][];
}

/**
 * Walks the paths (a missing one is a usage error), reads each markdown file, one at a time
 * and only as far as its front matter goes, and hands each to `visit` with the configuration
 * that applies to it, in the order of their shown paths.
 */
export async function gather(paths: string[], io: CliIO, visit: (note: NoteFile) => void): Promise<Gathered> {
  const resolver = new ConfigResolver(io.cwd, {}, resolverOptions(io));
  const unreadable: [string, string][] = [];
  const outside: [string, string][] = [];
  const skipped: [string, string][] = [];
  // One note, one identity: its real path. A note named twice, or named and walked, or walked
  // through a link, is read once (it must not weigh an offer against itself).
  const reals = new Set<string>();
  /**
   * The files to check, with the configuration found for a walked one's include check.
   * `walked`: found by walking a folder (not named by the user): one gone by the time it is
   * read is skipped.
   */
  const files = new Map<string, { walked: boolean; resolved?: Resolved; arg: string }>();
  for (const p of paths.length > 0 ? paths : ['.']) {
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
      skipped.push(...walked.skipped);
      for (const link of walked.outside) outside.push([link, p]);
      // The walk lists a folder's files together: its configuration is looked up once.
      let dir = '';
      let resolved: Resolved | undefined;
      for (const [k, f] of walked.files.entries()) {
        if (reals.has(walked.reals[k])) continue;
        if (!(resolved && f.startsWith(dir) && f.indexOf(path.sep, dir.length) < 0)) {
          resolved = resolver.forFile(f);
          dir = path.dirname(f) + path.sep;
        }
        if (!files.has(f) && included(f, resolved)) {
          files.set(f, { walked: true, resolved, arg: abs });
          reals.add(walked.reals[k]);
        }
      }
    } else if (st.isFile()) {
      const real = await fsp.realpath(abs).catch(() => abs);
      if (reals.has(real)) continue;
      reals.add(real);
      files.set(abs, { walked: false, arg: path.dirname(abs) }); // a file named on the command line is checked whatever its extension
    } else {
      // A FIFO would block the read forever, /dev/zero would fill the memory.
      throw new UsageError(`cannot read '${p}': not a regular file`);
    }
  }
  const cwd = path.resolve(io.cwd);
  const order = [...files].map(([file, found]) => ({ file, found, shown: relativeTo(cwd, file) || path.basename(file) }))
    .sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  const reader = new NoteReader();
  const capHeap = io.capYoungGeneration ? youngGenerationCap() : undefined;
  for (const { file, found, shown } of order) {
    let text: string;
    try {
      text = reader.readSync(file, true); // the walk or a stat has just seen a regular file
    } catch (err) {
      // Deleted between the walk and the read (an editor's temporary file): not a note any more.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && found.walked) continue;
      unreadable.push([file, reason(err)]);
      continue;
    }
    const resolved = found.resolved ?? resolver.forFile(file);
    const search = resolved.file?.dir ?? found.arg;
    capHeap?.();
    visit({ file, shown, text, resolved, search, name: relativeTo(search, file) || path.basename(file) });
  }
  return { resolver, unreadable, outside, skipped };
}

/**
 * Config file problems, files refused or skipped, and unreadable files, one line each on
 * stderr; true when a file was unreadable.
 */
export function reportProblems(g: Gathered, io: CliIO): boolean {
  const shown = (p: string) => path.relative(io.cwd, p) || p;
  for (const cf of g.resolver.files()) {
    for (const p of cf.problems) {
      const line = cf.text.slice(0, p.span.start).split('\n').length;
      io.stderr(`interview-followup: ${printable(`${shown(cf.path)}:${line}: ${p.message}`)} (ignored; defaults apply)\n`);
    }
  }
  reportRefusals(g.resolver, io);
  for (const [link, walked] of g.outside) io.stderr(`interview-followup: ${printable(`skipped '${shown(link)}': it leads outside '${walked}'`)}\n`);
  for (const [p, why] of g.skipped.sort()) io.stderr(`interview-followup: ${printable(`skipped '${shown(p)}': ${why}`)}\n`);
  for (const [p, why] of g.unreadable.sort()) io.stderr(`interview-followup: ${printable(`cannot read '${shown(p)}': ${why}`)}\n`);
  return g.unreadable.length > 0;
}

/** Config files ignored and workspace templates not used, one line each on stderr. */
export function reportRefusals(resolver: ConfigResolver, io: CliIO): void {
  for (const r of resolver.refusals()) {
    const where = r.config ? `${path.relative(io.cwd, r.config.path) || r.config.path}:${r.config.text.slice(0, r.span.start).split('\n').length}: ` : '';
    io.stderr(`interview-followup: ${printable(`${where}${r.message}`)}\n`);
  }
}

/** Writes a command's `-o FILE` (never over a note; another file only with --force), a refusal as a usage error. */
export async function writeOutputFile(io: Pick<CliIO, 'cwd'>, output: string, text: string, force: boolean): Promise<void> {
  try {
    await writeNewFile(path.resolve(io.cwd, output), text, { force });
  } catch (err) {
    if (err instanceof WriteError) throw new UsageError(`cannot write '${output}': ${err.message}${err.exists ? ' (--force replaces it)' : ''}`);
    throw err;
  }
}
