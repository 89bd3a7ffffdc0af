/** Finding notes on disk: the markdown files under a folder. */
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
}

/**
 * Lists markdown files under the folder `root`, skipping node_modules and version control,
 * following symlinks once (a loop is cut by real path). The calls block (a round trip through
 * the thread pool per folder costs more than the call) and the event loop runs every 10 ms or
 * so, so a host that serves requests meanwhile is not held up by a big tree.
 */
export async function walk(root: string): Promise<Walked> {
  const out: Walked = { files: [], unreadable: [] };
  const seen = new Set<string>();
  const yielder = new Yielder();
  const visit = async (dir: string): Promise<void> => {
    await yielder.due();
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
