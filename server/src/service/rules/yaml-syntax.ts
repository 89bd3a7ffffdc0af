import { ParsedNote } from '../model';
import { Finding } from '../types';

/** yaml-syntax: front matter that is not valid YAML, not a mapping, or never closed. */
export function yamlSyntax(note: ParsedNote): Finding[] {
  return note.syntax.map((p) => ({ rule: 'yaml-syntax', span: p.span, message: p.message }));
}
