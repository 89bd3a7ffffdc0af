/** A rendered note as a snippet for the editor. Pure (no vscode): test/unit/snippet.test.ts. */

/**
 * The note's text as a snippet: a tab stop in each empty `""` value of the front matter, in
 * order (the contact's name first), and the caret's last stop at the end.
 */
export function noteSnippet(text: string): string {
  let stop = 0;
  const escaped = text.replace(/[\\$}]/g, '\\$&');
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const body = escaped.indexOf('\n', 1);
  const rest = escaped.slice(body);
  const end = close.exec(rest);
  const fmEnd = end ? body + end.index : escaped.length;
  const fm = escaped.slice(0, fmEnd).replace(/^([ \t]*[A-Za-z_][\w-]*:[ \t]*)""/gm, (_m, key: string) => `${key}"\${${++stop}}"`);
  return `${fm}${escaped.slice(fmEnd)}$0`;
}
