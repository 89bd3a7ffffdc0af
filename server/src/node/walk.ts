/**
 * Finding notes on disk: the markdown files under a folder, never outside its real path (a
 * link to another folder would publish that folder's notes; a link to `/` would walk the
 * whole file system).
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { reason } from './read';
import { Yielder } from './yielder';

/** Folders never scanned: dependencies and version control. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const NOTE_EXT = /\.(?:md|markdown)$/i;

export interface Walked {
  files: string[];
  /** Paths that could not be read: [path, reason]. */
  unreadable: [string, string][];
  /** Symbolic links not followed because they lead outside the folder walked. */
  outside: string[];
}

/** Is the real path `real` the real folder `root` or under it? */
export function isWithin(real: string, root: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** Does `file` (a path met under one of `roots`) really lie inside one of them? False when it cannot be resolved. */
export function staysWithin(file: string, roots: string[]): boolean {
  try {
    const real = realpathSync.native(file);
    return roots.some((r) => isWithin(real, realpathSync.native(r)));
  } catch {
    return false;
  }
}

/**
 * Lists the markdown files under the folder `root` (as paths under `root` as given), skipping
 * node_modules and version control. A symbolic link is followed when its real path lies
 * inside root's, once (a loop is cut by real path); one that leads outside is listed in
 * `outside` and not followed. Only links cost a realpath: a folder's real path is its
 * parent's plus its name. The calls block (a round trip through the thread pool per folder
 * costs more than the call) and the event loop runs every 10 ms or so, so a host that serves
 * requests meanwhile is not held up by a big tree.
 */
export async function walk(root: string): Promise<Walked> {
  const out: Walked = { files: [], unreadable: [], outside: [] };
  let rootReal: string;
  try {
    rootReal = realpathSync.native(root);
  } catch (err) {
    out.unreadable.push([root, reason(err)]);
    return out;
  }
  const seen = new Set<string>([rootReal]);
  const yielder = new Yielder();
  const visit = async (dir: string, real: string): Promise<void> => {
    await yielder.due();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      out.unreadable.push([dir, reason(err)]);
      return;
    }
    const subdirs: [string, string][] = [];
    // path.join(dir, name) for every entry, at the cost of one: a name is one plain segment.
    const prefix = path.join(dir, 'x').slice(0, -1);
    const realPrefix = path.join(real, 'x').slice(0, -1);
    for (const e of entries) {
      const p = prefix + e.name;
      if (e.isDirectory()) {
        const r = realPrefix + e.name;
        if (!SKIP_DIRS.has(e.name) && !seen.has(r)) {
          seen.add(r);
          subdirs.push([p, r]);
        }
      } else if (e.isFile()) {
        if (NOTE_EXT.test(e.name)) out.files.push(p);
      } else if (e.isSymbolicLink() && !SKIP_DIRS.has(e.name)) {
        let isDir: boolean;
        let r: string;
        try {
          const st = statSync(p);
          isDir = st.isDirectory();
          if (!isDir && !(st.isFile() && NOTE_EXT.test(e.name))) continue;
          r = realpathSync.native(p);
        } catch {
          continue; // a dangling link is not a note
        }
        if (!isWithin(r, rootReal)) out.outside.push(p);
        else if (!isDir) out.files.push(p);
        else if (!seen.has(r)) {
          seen.add(r);
          subdirs.push([p, r]);
        }
      }
    }
    for (const [d, r] of subdirs) await visit(d, r);
  };
  await visit(root, rootReal);
  return out;
}
