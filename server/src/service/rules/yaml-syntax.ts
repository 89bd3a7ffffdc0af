import { SyntaxRuleModule } from './rule';

/** yaml-syntax: front matter that is not valid YAML, not a mapping, or never closed. Runs on every note, readable or not. */
export const yamlSyntax: SyntaxRuleModule = {
  id: 'yaml-syntax',
  severity: 'error',
  check: (note) => note.syntax.map((p) => ({ rule: 'yaml-syntax', span: p.span, message: p.message })),
};
