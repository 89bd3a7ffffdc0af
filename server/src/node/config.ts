/**
 * Which `.interview-followup.yaml` governs a note, and what a host must report about the files
 * it refused. A config file is workspace input: one above the workspace (in `/tmp` on a shared
 * machine, say) must not govern its notes, so the lookup has a ceiling (see ResolverOptions).
 */
import { Stats, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Config, CONFIG_FILE, ConfigLayer, DEFAULT_CONFIG, mergeConfig, parseConfigText } from '../service/config';
import { ConfigProblem, configSpan } from '../service/config';
import { compileGlob } from '../service/glob';
import { NOTE_TEMPLATE, TEMPLATE_NAMES } from '../protocol';
import { HEAD_BYTES, readTextSync } from './read';
import { locateWorkspaceTemplate, workspaceTemplatePath } from './templates';
import { isWithin } from './walk';

export interface ConfigFile {
  path: string;
  dir: string;
  layer: ConfigLayer;
  text: string;
  problems: ConfigProblem[];
}

export interface Resolved {
  config: Config;
  /** The folder globs and templatesDir are relative to: the config file's, else `scope`. */
  root: string;
  /**
   * The folder a workspace template must really lie in: the note's workspace folder (its own
   * folder when it is in none); for the CLI the config file's folder, else the working directory.
   */
  scope: string;
  file?: ConfigFile;
  /** included()'s compiled globs (`true`: every file), made on first use. */
  included?: true | ((rel: string) => boolean);
}

export interface ResolverOptions {
  /**
   * The server's workspace folders (the default: the fallback root). The lookup goes no higher
   * than the innermost one holding the note; a note under none of them gets only a config
   * file in its own folder.
   */
  ceilings?: string[];
  /**
   * The CLI's lookup instead: upwards up to the first folder holding `.git` or the home folder,
   * whichever comes first (its config included). Like ssh with its config, a file owned by
   * another user (root aside) or writable by everyone is ignored and listed in refusals().
   */
  stopAtRepoOrHome?: boolean;
  /** For stopAtRepoOrHome: the home folder (default: os.homedir()) and our user id (default: process.getuid()). */
  home?: string;
  uid?: number;
}

/** A file refused for safety, for the host to report. */
export interface Refusal extends ConfigProblem {
  /** The file refused: a workspace template or a config file. */
  file: string;
  /** The config file to put a diagnostic on (at `span`); without one the host logs `message` (the CLI: stderr). */
  config?: ConfigFile;
}

/**
 * Finds the config file governing each note and layers editor settings over it. One instance
 * per host; `invalidate()` when a config file changes.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, ConfigFile | null>();
  /** What forFile() answers, by the note's folder: thousands of notes share a few folders. */
  private readonly resolvedByDir = new Map<string, Resolved>();
  /** Config files ignored (stopAtRepoOrHome), by path. */
  private readonly ignored = new Map<string, Refusal>();
  private ceilings?: string[];
  private readonly home?: string;

  constructor(private readonly fallbackRoot: string, private settings: ConfigLayer = {}, private readonly options: ResolverOptions = {}) {
    if (options.stopAtRepoOrHome) this.home = path.resolve(options.home ?? os.homedir());
    else this.setCeilings(options.ceilings ?? [fallbackRoot]);
  }

  setSettings(settings: ConfigLayer): void {
    this.settings = settings;
    this.resolvedByDir.clear();
  }

  /** The server's workspace folders changed. */
  setCeilings(ceilings: string[]): void {
    this.ceilings = ceilings.map((c) => path.resolve(c));
    this.invalidate();
  }

  invalidate(): void {
    this.byDir.clear();
    this.resolvedByDir.clear();
    this.ignored.clear();
  }

  /** The innermost ceiling holding `dir`, if any. */
  private ceilingOf(dir: string): string | undefined {
    let best: string | undefined;
    for (const c of this.ceilings ?? []) if (isWithin(dir, c) && (!best || c.length > best.length)) best = c;
    return best;
  }

  /** Is `dir` the last folder to look in? */
  private stopsAt(dir: string, top: string | undefined): boolean {
    if (!this.home) return dir === top;
    if (dir === this.home) return true;
    try {
      statSync(path.join(dir, '.git')); // a folder, or a file in a worktree or submodule
      return true;
    } catch {
      return false;
    }
  }

  /** The config file governing `dir`, searching upwards as far as the options allow. */
  fileFor(dir: string): ConfigFile | undefined {
    const chain: string[] = [];
    let d = path.resolve(dir);
    // A folder's answer holds for every folder below it on the way: each one stops at the same place.
    const top = this.ceilings ? this.ceilingOf(d) ?? d : undefined;
    let found: ConfigFile | null | undefined;
    for (;;) {
      if (this.byDir.has(d)) {
        found = this.byDir.get(d);
        break;
      }
      chain.push(d);
      const file = this.read(path.join(d, CONFIG_FILE));
      const up = path.dirname(d);
      if (file || up === d || this.stopsAt(d, top)) {
        found = file ?? null;
        break;
      }
      d = up;
    }
    for (const c of chain) this.byDir.set(c, found ?? null);
    return found ?? undefined;
  }

  private read(p: string): ConfigFile | undefined {
    let text: string;
    try {
      const st = statSync(p);
      if (!st.isFile()) return undefined;
      const why = this.home && process.platform !== 'win32' ? unsafeOwnership(st, this.options.uid ?? process.getuid?.()) : undefined;
      if (why) {
        this.ignored.set(p, { file: p, span: { start: 0, end: 0 }, message: `ignored ${path.relative(this.fallbackRoot, p) || p}: ${why}` });
        return undefined;
      }
      text = readTextSync(p, HEAD_BYTES); // over 256 KB it is reported as too large anyway
    } catch {
      return undefined;
    }
    const { layer, problems } = parseConfigText(text);
    return { path: p, dir: path.dirname(p), layer, text, problems };
  }

  /** The configuration of a note; the same object for every note of a folder (do not modify it). */
  forFile(file: string): Resolved {
    const dir = path.dirname(file);
    let resolved = this.resolvedByDir.get(dir);
    if (!resolved) {
      const cf = this.fileFor(dir);
      const scope = this.ceilings ? this.ceilingOf(dir) ?? dir : cf?.dir ?? this.fallbackRoot;
      resolved = { config: mergeConfig(cf?.layer, this.settings), root: cf?.dir ?? scope, scope, file: cf };
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

  /**
   * What was refused among the files seen so far: config files ignored, and the workspace
   * templates of the notes resolved (checked now) that are not used (see locateWorkspaceTemplate),
   * unless `allowWorkspaceTemplates` is false (they are not read at all then).
   */
  refusals(allowWorkspaceTemplates = true): Refusal[] {
    const out = [...this.ignored.values()];
    if (!allowWorkspaceTemplates) return out;
    const seen = new Set<string>();
    for (const r of this.resolvedByDir.values()) {
      for (const name of [...TEMPLATE_NAMES, NOTE_TEMPLATE]) {
        const file = workspaceTemplatePath(r, name);
        if (seen.has(`${file}\0${r.scope}`)) continue;
        seen.add(`${file}\0${r.scope}`);
        const why = locateWorkspaceTemplate(file, r.scope).refused;
        if (!why) continue;
        const span = r.file ? configSpan(r.file.text, 'templatesDir') : { start: 0, end: 0 };
        const message = `The template ${path.relative(r.root, file) || file} is not used: ${why}; the built-in one applies`;
        out.push({ file, config: r.file, span, message });
      }
    }
    return out;
  }
}

/** Why a config file must not be trusted (as ssh judges its own), or undefined. */
function unsafeOwnership(st: Stats, uid: number | undefined): string | undefined {
  if (uid !== undefined && st.uid !== uid && st.uid !== 0) return 'it is owned by another user';
  if ((st.mode & 0o002) !== 0) return 'it is writable by everyone';
  return undefined;
}

/** Is `file` included by the configuration's globs (relative to its root)? */
export function included(file: string, resolved: Resolved): boolean {
  // Compiled once per Resolved (one per folder, see ConfigResolver.forFile), not per note.
  const match = (resolved.included ??= compileIncluded(resolved));
  if (match === true) return true;
  return match(path.relative(resolved.root, file).split(path.sep).join('/'));
}

function compileIncluded(resolved: Resolved): true | ((rel: string) => boolean) {
  // toLayer reports a glob that cannot be used and drops its key; should one come here all the
  // same, it names no file.
  const compile = (list: string[]) => {
    const matchers = list.flatMap((g) => {
      try {
        return typeof g === 'string' && g !== '' ? [compileGlob(g)] : [];
      } catch {
        return [];
      }
    });
    return matchers.length > 0 ? (rel: string) => matchers.some((m) => m(rel)) : undefined;
  };
  const isIncluded = resolved.config.include !== DEFAULT_CONFIG.include ? compile(resolved.config.include) : undefined;
  const isExcluded = compile(resolved.config.exclude);
  if (!isIncluded && !isExcluded) return true;
  return (rel) => (!isIncluded || isIncluded(rel)) && (!isExcluded || !isExcluded(rel));
}
