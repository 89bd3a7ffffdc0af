/**
 * The fuzz's own reading of `# interview-followup-disable` directives, written without the
 * service so that the properties check the service against something independent.
 */
import { parseNote } from '../../server/src/service';
import { comments } from './invariants';

/**
 * What `# interview-followup-disable` comment lines turn off, read here without the service: the
 * whole-line comments of a front matter that parses. `at` holds each directive comment's span.
 */
export function directiveSilence(text: string): { all: boolean; rules: Set<string>; at: [number, number][] } {
  const out = { all: false, rules: new Set<string>(), at: [] as [number, number][] };
  const n = parseNote(text);
  if (!n?.doc || n.syntax.length > 0) return out;
  for (const [offset, c] of comments(n)) {
    if (!/^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset))) continue;
    const m = /^#[ \t]*interview-followup-disable(?=[ \t,]|$)(.*)$/.exec(c);
    if (!m) continue;
    const ids = m[1].split('#')[0].split(/[\s,]+/).filter(Boolean); // a further `#`: the user's own words
    if (ids.length === 0) out.all = true;
    ids.forEach((id) => out.rules.add(id));
    out.at.push([offset, offset + c.length]);
  }
  return out;
}
