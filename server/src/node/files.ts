/** Small facts about files that the hosts ask for. */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** Is there a regular file at `file` now? */
export function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The package's version, for the server's `serverInfo`; 0.0.0 when package.json is not where it should be. */
export function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'interview-followup' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // keep looking upwards
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

/** Is there a folder at `dir` now? */
export function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** `file` relative to `dir` (both absolute and normalized), as path.relative() has it, without its cost per note. */
export function relativeTo(dir: string, file: string): string {
  const base = dir.endsWith(path.sep) ? dir : dir + path.sep;
  return file.startsWith(base) && file.length > base.length ? file.slice(base.length) : path.relative(dir, file);
}
