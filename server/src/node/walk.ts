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
  /** Each note once, by the path met first (its own path over a link's); see `reals`. */
  files: string[];
  /** The real path of each of `files`, in the same order: one note, one identity. */
  reals: string[];
  /** Notes that are not regular files, met on the way (a FIFO, a device, a link that loops or leads nowhere): [path, why]. */
  skipped: [string, string][];
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
 * `outside` and not followed. A note met twice (a link to it) is listed once, by real path;
 * a note-named FIFO, device, socket, looping or dangling link is listed in `skipped`. Only links cost a realpath: a folder's real path is its
 * parent's plus its name. The calls block (a round trip through the thread pool per folder
 * costs more than the call) and the event loop runs every 10 ms or so, so a host that serves
 * requests meanwhile is not held up by a big tree.
 */
export async function walk(root: string): Promise<Walked> {
  const out: Walked = { files: [], reals: [], skipped: [], unreadable: [], outside: [] };
  // A note reached twice (a link to a file, or through a linked folder) is one note: by its real path.
  const byReal = new Map<string, string>();
  const note = (p: string, real: string, own: boolean) => {
    if (own || !byReal.has(real)) byReal.set(real, p);
  };
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
        if (NOTE_EXT.test(e.name)) note(p, realPrefix + e.name, true);
      } else if (!e.isSymbolicLink()) {
        // A FIFO would block the read, a device could be endless: named, never read.
        if (NOTE_EXT.test(e.name)) out.skipped.push([p, `${kindOfEntry(e)}, not a regular file`]);
      } else if (!SKIP_DIRS.has(e.name)) {
        let isDir: boolean;
        let r: string;
        try {
          const st = statSync(p);
          isDir = st.isDirectory();
          if (!isDir && !st.isFile()) {
            if (NOTE_EXT.test(e.name)) out.skipped.push([p, `a link to ${kindOf(st)}, not a regular file`]);
            continue;
          }
          if (!isDir && !NOTE_EXT.test(e.name)) continue;
          r = realpathSync.native(p);
        } catch (err) {
          // A link that loops or leads nowhere: not a note, but one named like a note is said.
          if (NOTE_EXT.test(e.name)) out.skipped.push([p, (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'a link that loops' : `a link that leads nowhere (${reason(err)})`]);
          continue;
        }
        if (!isWithin(r, rootReal)) out.outside.push(p);
        else if (!isDir) note(p, r, false);
        else if (!seen.has(r)) {
          seen.add(r);
          subdirs.push([p, r]);
        }
      }
    }
    for (const [d, r] of subdirs) await visit(d, r);
  };
  await visit(root, rootReal);
  for (const [real, p] of byReal) {
    out.files.push(p);
    out.reals.push(real);
  }
  return out;
}

type Kind = { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean };

function kindOfEntry(e: Kind): string {
  return e.isFIFO() ? 'a FIFO' : e.isSocket() ? 'a socket' : e.isCharacterDevice() || e.isBlockDevice() ? 'a device' : 'a special file';
}

const kindOf = (st: Kind): string => kindOfEntry(st);
