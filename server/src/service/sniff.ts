/**
 * A cheap test on the first bytes of a markdown file: could it be an interview note? No YAML
 * parse: the VS Code client runs it over every markdown file of a workspace before it starts
 * the server, so a repository of plain markdown pays a short read and no server. A superset of
 * parseNote: a front matter with a key that contains "interv" (`interviewed`, and most near
 * misses) or is `rounds`, or `type: interview`; a near miss of `interviewed` counts only beside a `company` or
 * `role` key, so any such key passes too (test/unit/sniff.test.ts holds it to parseNote).
 * A leaf module: it imports nothing, so the client bundles only this.
 */

/** How many bytes of a file the test reads. */
export const SNIFF_BYTES = 16 * 1024;

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** A key that names or nearly names `interviewed`, or `rounds`, `company`, `role`; or `type: interview`. */
const WORDS = /(?:^|[\s{,"'])(?:[\w-]*interv[\w-]*|rounds|company|role)["']?[ \t]*:|\btype["']?[ \t]*:[ \t]*["']?interview/im;

export function mayBeInterviewNote(head: string): boolean {
  const open = OPEN.exec(head);
  if (!open) return false;
  const rest = head.slice(open[0].length - 1);
  const close = CLOSE.exec(rest);
  return WORDS.test(close ? rest.slice(0, close.index) : rest);
}
