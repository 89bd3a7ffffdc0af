/**
 * Every file the CLI writes (`calendar -o`, `new`) goes through writeNewFile: never over a
 * note, never over an existing file unless forced, never through a symlink, never half
 * written. The text goes to a temporary file beside the target, which then takes the target's
 * name in one step: link(2) when the name must be new (it fails if the name was taken
 * meanwhile), rename(2) when forced (it replaces a symlink itself, not the file it points to).
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fsp, realpathSync, Stats } from 'node:fs';
import * as path from 'node:path';
import { parseNote } from '../service/model';
import { NoteReader, reason } from './read';

const MARKDOWN = /\.(?:md|markdown)$/i;

/** The write was refused or failed; `message` says why, for "cannot write 'FILE': <why>". */
export class WriteError extends Error {
  /** `exists`: refused only because the name is taken (a forced write would replace it). */
  constructor(message: string, readonly exists = false) {
    super(message);
  }
}

export interface WriteOptions {
  /** Replace an existing file (never a note, a folder or a device). */
  force?: boolean;
}

export async function writeNewFile(file: string, text: string, options: WriteOptions = {}): Promise<void> {
  const target = path.resolve(file);
  const existing = await lstatOrUndefined(target);
  if (existing) refuseToReplace(target, existing, options.force === true);
  // Beside the target (a rename does not cross file systems); a long name is cut to stay under NAME_MAX.
  const temp = path.join(path.dirname(target), `.${path.basename(target).slice(0, 100)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    // wx: O_EXCL, which never follows a symlink planted at the temporary name.
    const mode = existing?.isFile() ? existing.mode & 0o7777 : 0o666;
    const handle = await fsp.open(temp, 'wx', mode);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.force) await fsp.rename(temp, target);
    else await linkNew(temp, target);
  } catch (err) {
    throw err instanceof WriteError ? err : new WriteError(reason(err));
  } finally {
    await fsp.unlink(temp).catch(() => undefined);
  }
}

const alreadyThere = () => new WriteError('it already exists', true);

async function lstatOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await fsp.lstat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new WriteError(reason(err));
  }
}

/** Throws unless `force` and the existing entry is a plain file (or a symlink to one, or a dangling one) that is not a note. */
function refuseToReplace(target: string, st: Stats, force: boolean): void {
  if (st.isDirectory()) throw new WriteError('it is a folder');
  if (isNote(target)) throw new WriteError('it already exists as a markdown note, and the CLI never writes to notes');
  if (!st.isFile() && !st.isSymbolicLink()) throw new WriteError('it is not a regular file');
  if (!force) throw alreadyThere();
}

/** A markdown file by name (the link's or the file's it points to), or an interview note by content. */
function isNote(file: string): boolean {
  if (MARKDOWN.test(file)) return true;
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    return false; // a dangling symlink: nothing there to lose
  }
  if (MARKDOWN.test(real)) return true;
  try {
    return parseNote(new NoteReader().readSync(real)) !== undefined; // regular files only, read up to the front matter
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTREG') return false; // a FIFO or a device: refused below
    throw new WriteError(`it already exists and cannot be read to tell whether it is a note: ${reason(err)}`);
  }
}

/** link(2): the new name, or EEXIST if it was taken meanwhile. Where hard links are not supported, an exclusive copy. */
async function linkNew(temp: string, target: string): Promise<void> {
  try {
    try {
      await fsp.link(temp, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
      await fsp.copyFile(temp, target, constants.COPYFILE_EXCL);
    }
  } catch (err) {
    throw (err as NodeJS.ErrnoException).code === 'EEXIST' ? alreadyThere() : err;
  }
}

/**
 * The whole text of a note to edit (not the head NoteReader reads for checking); refused
 * over `limit` bytes or when not a regular file.
 */
export async function readForEdit(file: string, limit = 4 * 1024 * 1024): Promise<string> {
  const st = await fsp.lstat(file);
  if (!st.isFile()) throw new WriteError('it is not a regular file');
  if (st.size > limit) throw new WriteError(`it is over ${limit / 1048576} MB`);
  const buf = await fsp.readFile(file);
  return buf.toString('utf8');
}

/**
 * Replaces a note's text with `text`, only if it still reads `expected` (an editor may have
 * saved it meanwhile): a temporary file beside it, with its mode, then rename(2).
 */
export async function rewriteNote(file: string, expected: string, text: string): Promise<void> {
  const target = path.resolve(file);
  let now: string;
  try {
    now = await readForEdit(target);
  } catch (err) {
    throw err instanceof WriteError ? err : new WriteError(reason(err));
  }
  if (now !== expected) throw new WriteError('it changed since it was read: import again');
  const st = await fsp.lstat(target);
  const temp = path.join(path.dirname(target), `.${path.basename(target).slice(0, 100)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fsp.open(temp, 'wx', st.mode & 0o7777);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temp, target);
  } catch (err) {
    throw err instanceof WriteError ? err : new WriteError(reason(err));
  } finally {
    await fsp.unlink(temp).catch(() => undefined);
  }
}
