/**
 * The Node edge shared by the CLI and the LSP server: finding notes on disk, reading them,
 * finding the configuration that applies to each, and loading templates. Caches live in
 * instances owned by the host, never in module globals.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import picomatch from 'picomatch';
import {
  Config, CONFIG_FILE, ConfigLayer, Day, DEFAULT_CONFIG, localDay, mergeConfig, parseConfigText, parseIsoDay,
  TemplateLookup, TemplateName, TemplateSource,
} from '../service';
import { locateFrontMatter } from '../service/frontmatter';
import { TODAY_ENV } from '../protocol';

/** Folders never scanned: dependencies and version control. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const NOTE_EXT = /\.(?:md|markdown)$/i;

export { TODAY_ENV };

/** Today: an explicit value (flag or setting), else the environment, else the local date. */
export function resolveToday(explicit: string | undefined, env: NodeJS.ProcessEnv, now: () => Date): { today?: Day; error?: string } {
  for (const [value, where] of [[explicit, '--today'], [env[TODAY_ENV], TODAY_ENV]] as const) {
    if (value === undefined || value === '') continue;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? parseIsoDay(value) : undefined;
    if (day === undefined) return { error: `${where} '${value}' is not a date (YYYY-MM-DD)` };
    return { today: day };
  }
  return { today: localDay(now()) };
}

export interface Walked {
  files: string[];
  /** Paths that could not be read: [path, reason]. */
  unreadable: [string, string][];
}

/**
 * Lists markdown files under `root` (a directory or a file), skipping node_modules and .git,
 * following symlinks once (a loop is cut by real path). The calls block (a round trip through
 * the thread pool per folder cost more than the call) and the event loop runs every 10 ms or
 * so, so a host that serves requests meanwhile is not held up by a big tree.
 */
export async function walk(root: string): Promise<Walked> {
  const out: Walked = { files: [], unreadable: [] };
  const seen = new Set<string>();
  let lastYield = performance.now();
  const visit = async (dir: string): Promise<void> => {
    if (performance.now() - lastYield > 10) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
    let real: string;
    try {
      real = realpathSync.native(dir);
    } catch (err) {
      out.unreadable.push([dir, reason(err)]);
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      out.unreadable.push([dir, reason(err)]);
      return;
    }
    const subdirs: string[] = [];
    // path.join(dir, name) for every entry, at the cost of one: a name is one plain segment.
    const prefix = path.join(dir, 'x').slice(0, -1);
    for (const e of entries) {
      const p = prefix + e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) subdirs.push(p);
      } else if (e.isFile()) {
        if (NOTE_EXT.test(e.name)) out.files.push(p);
      } else if (e.isSymbolicLink()) {
        try {
          const st = statSync(p);
          if (st.isDirectory() && !SKIP_DIRS.has(e.name)) subdirs.push(p);
          else if (st.isFile() && NOTE_EXT.test(e.name)) out.files.push(p);
        } catch {
          // A dangling link is not a note.
        }
      }
    }
    for (const d of subdirs) await visit(d);
  };
  await visit(root);
  return out;
}

export function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENOTREG': return 'not a regular file';
    default: return e?.message ?? String(err);
  }
}

/** Decodes a note; a byte-order mark is dropped so columns count from the first character. */
export function decode(buf: Buffer): string {
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A file bigger than this is read only up to HEAD_BYTES: every finding lies in the front
 * matter, and one longer than 256 KB is not read anyway; a 1 GB log named `.md` must not fill
 * the memory. (The one thing missed: in such a file, a front matter never closed whose
 * `interviewed:` line comes after the first megabyte.)
 */
export const MAX_NOTE_BYTES = 32 * 1024 * 1024;
const HEAD_BYTES = 1024 * 1024;

function notRegular(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`not a regular file: ${file}`), { code: 'ENOTREG' });
}

/**
 * Reads a note (or a template) as text, all of it: regular files only, opened without blocking
 * (a FIFO would block the read forever, /dev/zero would never end), at most `limit` bytes read.
 * For checking, NoteReader reads only what decides the findings.
 */
export function readTextSync(file: string, limit = MAX_NOTE_BYTES): string {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(file);
    const buf = Buffer.alloc(st.size > limit ? Math.min(HEAD_BYTES, limit) : st.size);
    let n = 0;
    while (n < buf.length) {
      const bytesRead = readSync(fd, buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    return decode(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/**
 * The first read of a note: a front matter is a few hundred bytes, so nearly every note is
 * decided by this one read. One that does not close within it is read on, in growing steps.
 */
export const NOTE_CHUNK_BYTES = 8 * 1024;

/** Fills `buf` from offset `from` of the file up to `want` bytes (less at the end of the file); the new length. */
function fill(fd: number, buf: Buffer, from: number, want: number): number {
  let n = from;
  while (n < want) {
    const bytesRead = readSync(fd, buf, n, want - n, n);
    if (bytesRead === 0) break; // the end, or truncated meanwhile
    n += bytesRead;
  }
  return n;
}

/**
 * What a check needs of the bytes read so far (`b`, the whole of what is to be read when
 * `end`): the text up to the end of the front matter's closing line, or the first line when it
 * does not open a front matter; undefined when more must be read to know. The text returned
 * decides every finding exactly as the whole file would: findings never lie past the front
 * matter, the front matter is the first `---` line to the first closing line after it (see
 * locateFrontMatter), and the UTF-8 decoding of bytes up to a line feed is a prefix of the
 * decoding of the whole. A front matter never closed needs the whole file: does a later line
 * say `interviewed:`?
 */
function headOf(b: Buffer, n: number, end: boolean): string | undefined {
  const nl = lineFeed(b, 0, n);
  if (nl < 0) return end ? decodeRange(b, n) : undefined;
  const first = decodeRange(b, nl + 1);
  if (!locateFrontMatter(first)) return first; // the first line decides: not a front matter
  for (let pos = nl + 1; ;) {
    const next = lineFeed(b, pos, n);
    // The last line is not all there (or has no line feed): the whole file decides.
    if (next < 0) return end ? decodeRange(b, n) : undefined;
    if (isClosingLine(b, pos, next)) {
      const text = decodeRange(b, next + 1);
      if (locateFrontMatter(text)?.close) return text; // as it must: checked all the same
    }
    pos = next + 1;
  }
}

/** The first line feed in b[from, n), or -1. */
function lineFeed(b: Buffer, from: number, n: number): number {
  const i = b.indexOf(10, from);
  return i < n ? i : -1;
}

/** decode() of b[0, end) */
function decodeRange(b: Buffer, end: number): string {
  const text = b.toString('utf8', 0, end);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Is the line from `start` to the line feed at `nl` `---` or `...`, then blanks (CLOSE in frontmatter.ts)? */
function isClosingLine(b: Buffer, start: number, nl: number): boolean {
  const c = b[start];
  if ((c !== 45 && c !== 46) || start + 3 > nl || b[start + 1] !== c || b[start + 2] !== c) return false;
  let j = start + 3;
  while (j < nl && (b[j] === 32 || b[j] === 9)) j++;
  return j === nl || (j === nl - 1 && b[j] === 13);
}

/**
 * Reads notes for checking: only as much of each file as decides its findings (see headOf),
 * usually one read of NOTE_CHUNK_BYTES into a buffer reused from note to note. Synchronous:
 * a read from the page cache costs microseconds, where a read through the thread pool's
 * open/stat/read/close costs a round trip each. Files are opened as readTextSync opens them, and
 * the same bounds apply: regular files only; one over MAX_NOTE_BYTES is read at most up to its
 * first megabyte (the one thing missed: a front matter never closed whose `interviewed:` line
 * comes after the first megabyte of a file over 32 MB).
 */
export class NoteReader {
  private readonly chunk = Buffer.allocUnsafe(NOTE_CHUNK_BYTES);
  private lastYield = performance.now();

  /**
   * The text that decides the note's findings: a prefix of readTextSync's, or all of it.
   * `seenRegular`: the caller has just seen a regular file there (the walk's directory entry,
   * a stat), so the check is left until a second read is needed; opened without blocking,
   * whatever has replaced the file meanwhile is read no further than the first chunk unchecked.
   */
  readSync(file: string, seenRegular = false): string {
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const sizeToRead = () => {
        const st = fstatSync(fd);
        if (!st.isFile()) throw notRegular(file);
        return st.size > MAX_NOTE_BYTES ? HEAD_BYTES : st.size;
      };
      let size = seenRegular ? Infinity : sizeToRead();
      let buf = this.chunk;
      let want = Math.min(size, buf.length);
      let n = fill(fd, buf, 0, want);
      for (;;) {
        const end = n < want || n >= size;
        const text = headOf(buf, n, end);
        if (text !== undefined) return text;
        if (size === Infinity) {
          size = sizeToRead();
          if (n >= size) continue; // all there after all: decided now
        }
        // Not decided yet: read on, four times as much each time.
        want = Math.min(size, want * 4);
        const bigger = Buffer.allocUnsafe(want);
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
        n = fill(fd, buf, n, want);
      }
    } finally {
      closeSync(fd);
    }
  }

  /**
   * readSync for a host that serves requests meanwhile (the server's scan): every 10 ms or so
   * since the last pause it lets the event loop run first, so a scan of thousands of notes
   * never holds a request up for longer.
   */
  async read(file: string): Promise<string> {
    if (performance.now() - this.lastYield > 10) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.lastYield = performance.now();
    }
    return this.readSync(file);
  }
}

export interface ConfigFile {
  path: string;
  dir: string;
  layer: ConfigLayer;
  text: string;
  problems: ReturnType<typeof parseConfigText>['problems'];
}

export interface Resolved {
  config: Config;
  /** The folder globs and templatesDir are relative to: the config file's, else the fallback root. */
  root: string;
  file?: ConfigFile;
  /** included()'s compiled globs (`true`: every file), made on first use. */
  included?: true | ((rel: string) => boolean);
}

/**
 * Finds the nearest `.interview-followup.yaml` at or above a note and layers editor settings
 * over it. One instance per host; `invalidate()` when a config file changes.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, ConfigFile | null>();
  /** What forFile() answers, by the note's folder: thousands of notes share a few folders. */
  private readonly resolvedByDir = new Map<string, Resolved>();

  constructor(private readonly fallbackRoot: string, private settings: ConfigLayer = {}) {}

  setSettings(settings: ConfigLayer): void {
    this.settings = settings;
    this.resolvedByDir.clear();
  }

  invalidate(): void {
    this.byDir.clear();
    this.resolvedByDir.clear();
  }

  /** The config file governing `dir`, searching upwards. */
  fileFor(dir: string): ConfigFile | undefined {
    const chain: string[] = [];
    let d = path.resolve(dir);
    let found: ConfigFile | null | undefined;
    for (;;) {
      if (this.byDir.has(d)) {
        found = this.byDir.get(d);
        break;
      }
      chain.push(d);
      const candidate = path.join(d, CONFIG_FILE);
      const file = readConfigFile(candidate);
      if (file) {
        found = file;
        break;
      }
      const up = path.dirname(d);
      if (up === d) {
        found = null;
        break;
      }
      d = up;
    }
    for (const c of chain) this.byDir.set(c, found ?? null);
    return found ?? undefined;
  }

  /** The configuration of a note; the same object for every note of a folder (do not modify it). */
  forFile(file: string): Resolved {
    const dir = path.dirname(file);
    let resolved = this.resolvedByDir.get(dir);
    if (!resolved) {
      const cf = this.fileFor(dir);
      resolved = { config: mergeConfig(cf?.layer, this.settings), root: cf?.dir ?? this.fallbackRoot, file: cf };
      this.resolvedByDir.set(dir, resolved);
    }
    return resolved;
  }

  /** All config files seen so far (to report their problems once). */
  files(): ConfigFile[] {
    const set = new Set<ConfigFile>();
    for (const f of this.byDir.values()) if (f) set.add(f);
    return [...set];
  }
}

function readConfigFile(p: string): ConfigFile | undefined {
  let text: string;
  try {
    if (!statSync(p).isFile()) return undefined;
    text = readTextSync(p, HEAD_BYTES); // over 256 KB it is reported as too large anyway
  } catch {
    return undefined;
  }
  const { layer, problems } = parseConfigText(text);
  return { path: p, dir: path.dirname(p), layer, text, problems };
}

/** Is `file` included by the configuration's globs (relative to its root)? */
export function included(file: string, resolved: Resolved): boolean {
  // Compiled once per Resolved (one per folder, see ConfigResolver.forFile), not per note.
  const match = (resolved.included ??= compileIncluded(resolved));
  if (match === true) return true;
  return match(path.relative(resolved.root, file).split(path.sep).join('/'));
}

function compileIncluded(resolved: Resolved): true | ((rel: string) => boolean) {
  const opts = { dot: true };
  // picomatch throws on an empty pattern (`exclude: ""` in the config), which aborted the
  // whole check in the CLI and the server. An empty glob names no file: drop it.
  const globs = (list: string[]) => list.filter((g) => typeof g === 'string' && g !== '');
  const include = globs(resolved.config.include);
  const exclude = globs(resolved.config.exclude);
  const isIncluded = resolved.config.include !== DEFAULT_CONFIG.include && include.length > 0 ? picomatch(include, opts) : undefined;
  const isExcluded = exclude.length > 0 ? picomatch(exclude, opts) : undefined;
  if (!isIncluded && !isExcluded) return true;
  return (rel) => (!isIncluded || isIncluded(rel)) && (!isExcluded || !isExcluded(rel));
}

/** Where the built-in templates are: `templates/` at the package root. */
export function builtinTemplatesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'templates');
    try {
      if (statSync(path.join(candidate, 'thank-you-email.hbs')).isFile()) return candidate;
    } catch {
      // keep looking upwards
    }
    dir = path.dirname(dir);
  }
  return path.join(__dirname, 'templates');
}

/**
 * Templates for a note: the workspace's override (`<root>/<templatesDir>/<name>.hbs`) when
 * allowed and present, else the built-in. Read on demand: they are small, and this way an
 * edited template applies at once without any cache to invalidate.
 */
export function templateLookup(resolved: Resolved, builtinDir: string, allowWorkspace = true): TemplateLookup {
  return (name: TemplateName) => findTemplate(resolved, builtinDir, name, allowWorkspace);
}

/**
 * One template by name (`interview-note` included): `<root>/<templatesDir>/<name>.hbs` when
 * allowed and present, else the built-in one; undefined when neither can be read.
 */
export function findTemplate(resolved: Resolved, builtinDir: string, name: string, allowWorkspace = true): TemplateSource | undefined {
  const candidates = allowWorkspace
    ? [path.resolve(resolved.root, resolved.config.templatesDir, `${name}.hbs`), path.join(builtinDir, `${name}.hbs`)]
    : [path.join(builtinDir, `${name}.hbs`)];
  for (const p of candidates) {
    try {
      // Regular files only (a FIFO would block the server); over 256 KB it is not a template.
      if (!statSync(p).isFile() || statSync(p).size > 256 * 1024) continue;
      return { origin: p, text: readTextSync(p, 256 * 1024) };
    } catch {
      // not there: try the next
    }
  }
  return undefined;
}
