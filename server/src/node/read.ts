/**
 * Reading notes and templates: regular files only, opened without blocking (a FIFO would block
 * a read forever, /dev/zero would never end), and never more than the bounds below.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isClosingLine, locateFrontMatter } from '../service/frontmatter';
import { Yielder } from './yielder';

/**
 * A file bigger than this is read only up to HEAD_BYTES: every finding lies in the front
 * matter, and one longer than 256 KB is not read anyway; a 1 GB log named `.md` must not fill
 * the memory. (The one thing missed: in such a file, a front matter never closed whose
 * `interviewed:` line comes after the first megabyte.)
 */
export const MAX_NOTE_BYTES = 32 * 1024 * 1024;
export const HEAD_BYTES = 1024 * 1024;

/**
 * The first read of a note: a front matter is a few hundred bytes, so nearly every note is
 * decided by this one read. One that does not close within it is read on, in growing steps.
 */
export const NOTE_CHUNK_BYTES = 8 * 1024;

/** A one-line reason for a failed file operation, for a log or stderr. */
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

/** Decodes b[0, end); a byte-order mark is dropped so columns count from the first character. */
export function decode(b: Buffer, end = b.length): string {
  const text = b.toString('utf8', 0, end);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function notRegular(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`not a regular file: ${file}`), { code: 'ENOTREG' });
}

/** Opens `file` for reading without blocking; `flags` add to that (O_NOFOLLOW). */
function openRead(file: string, flags = 0): number {
  return openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | flags);
}

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
 * Reads a note (or a template) as text, all of it: a regular file, at most `limit` bytes read
 * (over it, HEAD_BYTES at most). For checking, NoteReader reads only what decides the findings.
 */
export function readTextSync(file: string, limit = MAX_NOTE_BYTES, openFlags = 0): string {
  const fd = openRead(file, openFlags);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(file);
    const buf = Buffer.alloc(st.size > limit ? Math.min(HEAD_BYTES, limit) : st.size);
    return decode(buf, fill(fd, buf, 0, buf.length));
  } finally {
    closeSync(fd);
  }
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
  if (nl < 0) return end ? decode(b, n) : undefined;
  const first = decode(b, nl + 1);
  if (!locateFrontMatter(first)) return first; // the first line decides: not a front matter
  const at = (i: number) => b[i];
  for (let pos = nl + 1; ;) {
    const next = lineFeed(b, pos, n);
    // The last line is not all there (or has no line feed): the whole file decides.
    if (next < 0) return end ? decode(b, n) : undefined;
    if (isClosingLine(at, pos, next > pos && b[next - 1] === 13 ? next - 1 : next)) {
      const text = decode(b, next + 1);
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

/**
 * Reads notes for checking: only as much of each file as decides its findings (see headOf),
 * usually one read of NOTE_CHUNK_BYTES into a buffer reused from note to note. Synchronous:
 * a read from the page cache costs microseconds, where a read through the thread pool's
 * open/stat/read/close costs a round trip each. The bounds of readTextSync apply.
 */
export class NoteReader {
  private readonly chunk = Buffer.allocUnsafe(NOTE_CHUNK_BYTES);
  private readonly yielder = new Yielder();

  /**
   * The text that decides the note's findings: a prefix of readTextSync's, or all of it.
   * `seenRegular`: the caller has just seen a regular file there (the walk's directory entry,
   * a stat), so the check is left until a second read is needed; opened without blocking,
   * whatever has replaced the file meanwhile is read no further than the first chunk unchecked.
   */
  readSync(file: string, seenRegular = false): string {
    const fd = openRead(file);
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

  /** readSync for a host that serves requests meanwhile (the server's scan). */
  async read(file: string): Promise<string> {
    await this.yielder.due();
    return this.readSync(file);
  }
}
