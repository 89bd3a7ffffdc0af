/**
 * The Node edge shared by the CLI and the LSP server: finding notes on disk, reading them,
 * finding the configuration that applies to each, and loading templates. Caches live in
 * instances owned by the host, never in module globals.
 */
import { closeSync, constants, fstatSync, openSync, promises as fsp, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import {
  Config, CONFIG_FILE, ConfigLayer, Day, DEFAULT_CONFIG, localDay, mergeConfig, parseConfigText, parseIsoDay,
  TemplateLookup, TemplateName, TemplateSource,
} from '../service';

/** Folders never scanned: dependencies and version control. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const NOTE_EXT = /\.(?:md|markdown)$/i;

export const TODAY_ENV = 'INTERVIEW_FOLLOWUP_TODAY';

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
 * following symlinks once (a loop is cut by real path).
 */
export async function walk(root: string): Promise<Walked> {
  const out: Walked = { files: [], unreadable: [] };
  const seen = new Set<string>();
  const visit = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await fsp.realpath(dir);
    } catch (err) {
      out.unreadable.push([dir, reason(err)]);
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (err) {
      out.unreadable.push([dir, reason(err)]);
      return;
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) subdirs.push(p);
      } else if (e.isFile()) {
        if (NOTE_EXT.test(e.name)) out.files.push(p);
      } else if (e.isSymbolicLink()) {
        try {
          const st = await fsp.stat(p);
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
 * Reads a note (or a template) as text: regular files only, opened without blocking (a FIFO
 * would block the read forever, /dev/zero would never end), at most `limit` bytes read.
 */
export async function readText(file: string, limit = MAX_NOTE_BYTES): Promise<string> {
  const fh = await fsp.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw notRegular(file);
    const buf = Buffer.alloc(st.size > limit ? Math.min(HEAD_BYTES, limit) : st.size);
    let n = 0;
    while (n < buf.length) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break; // truncated meanwhile
      n += bytesRead;
    }
    return decode(buf.subarray(0, n));
  } finally {
    await fh.close();
  }
}

/** readText, synchronously (the server's code actions on a note not open, templates). */
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
}

/**
 * Finds the nearest `.interview-followup.yaml` at or above a note and layers editor settings
 * over it. One instance per host; `invalidate()` when a config file changes.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, ConfigFile | null>();

  constructor(private readonly fallbackRoot: string, private settings: ConfigLayer = {}) {}

  setSettings(settings: ConfigLayer): void {
    this.settings = settings;
  }

  invalidate(): void {
    this.byDir.clear();
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

  forFile(file: string): Resolved {
    const cf = this.fileFor(path.dirname(file));
    return { config: mergeConfig(cf?.layer, this.settings), root: cf?.dir ?? this.fallbackRoot, file: cf };
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
  const rel = path.relative(resolved.root, file).split(path.sep).join('/');
  const opts = { dot: true };
  // picomatch throws on an empty pattern (`exclude: ""` in the config), which aborted the
  // whole check in the CLI and the server. An empty glob names no file: drop it.
  const globs = (list: string[]) => list.filter((g) => typeof g === 'string' && g !== '');
  const include = globs(resolved.config.include);
  const exclude = globs(resolved.config.exclude);
  if (resolved.config.include !== DEFAULT_CONFIG.include && include.length > 0 && !picomatch(include, opts)(rel)) return false;
  return exclude.length === 0 || !picomatch(exclude, opts)(rel);
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
  return (name: TemplateName): TemplateSource | undefined => {
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
  };
}
