/** Which `.interview-followup.yaml` governs a note, with editor settings layered over it. */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { Config, CONFIG_FILE, ConfigLayer, DEFAULT_CONFIG, mergeConfig, parseConfigText } from '../service';
import { ConfigProblem } from '../service/config';
import { compileGlob } from '../service/glob';
import { HEAD_BYTES, readTextSync } from './read';

export interface ConfigFile {
  path: string;
  dir: string;
  layer: ConfigLayer;
  text: string;
  problems: ConfigProblem[];
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
      const file = readConfigFile(path.join(d, CONFIG_FILE));
      const up = path.dirname(d);
      if (file || up === d) {
        found = file ?? null;
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
