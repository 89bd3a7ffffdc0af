/** The edit behind "Don't remind me of <rule> in this note": a directive comment in the front matter. */
import { DIRECTIVE, directivesOf } from '../directives';
import { ParsedNote } from '../model';
import { RuleId } from '../types';
import { rootIndent } from './syntax';
import { Edit } from './text';

/**
 * Turns `rule` off for the note: adds it to the last directive line that names rules, else
 * inserts `# interview-followup-disable <rule>` as the last line of the front matter (a comment
 * line changes no value, whatever the YAML around it). Undefined when the rule is already off.
 */
export function disableInNote(note: ParsedNote, rule: RuleId): Edit | undefined {
  const close = note.frontMatter.close;
  if (!close || !note.doc || note.syntax.length > 0) return undefined;
  const directives = directivesOf(note);
  if (directives.some((d) => d.ids.length === 0 || d.ids.some((i) => i.id === rule))) return undefined;
  const last = directives[directives.length - 1];
  if (last) {
    const { at, separator } = last.append;
    return { span: { start: at, end: at }, newText: `${separator}${rule}` };
  }
  const indent = rootIndent(note) ?? '';
  return { span: { start: close.start, end: close.start }, newText: `${indent}# ${DIRECTIVE} ${rule}${note.frontMatter.eol}` };
}
