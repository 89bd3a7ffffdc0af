/**
 * A new interview note from the note template (`interview-note.hbs`), shared by the CLI's
 * `new` and the editor command. Values land in YAML as scalars that read back as written, so
 * "Acme: Labs", "Yes" or "0x1F" cannot break or retype the front matter (safe/yaml.ts).
 */
import { locateFrontMatter } from './frontmatter';
import { Day, formatDay } from './dates';
import { DraftRenderer, TemplateSource } from './drafts';
import { yamlString } from './safe/yaml';

export interface NewNoteFields {
  company: string;
  role: string;
  /** The interview date. */
  interviewed: Day;
  /** The day the note is written. */
  today: Day;
}

/** A file-name slug: "Acme Corp" -> "acme-corp". */
export function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

/** The file name a new note gets: `acme-corp-backend-engineer.md`. */
export function newNoteFileName(fields: Pick<NewNoteFields, 'company' | 'role'>): string {
  return `${[slug(fields.company), slug(fields.role)].filter(Boolean).join('-') || 'interview'}.md`;
}

/**
 * Renders the note template: `{{company}}`, `{{role}}`, `{{interviewed}}` and `{{today}}`,
 * as YAML scalars inside the front matter and as plain text in the body. Throws TemplateError.
 */
export function renderNewNote(renderer: DraftRenderer, template: TemplateSource, fields: NewNoteFields): string {
  const plain = { company: fields.company.trim(), role: fields.role.trim(), interviewed: formatDay(fields.interviewed), today: formatDay(fields.today) };
  const fm = locateFrontMatter(template.text);
  if (!fm?.close) return renderer.render(template, plain);
  const head = template.text.slice(0, fm.close.end);
  const yaml = { ...plain, company: yamlString(plain.company), role: yamlString(plain.role) };
  return renderer.render({ ...template, text: head }, yaml)
    + renderer.render({ ...template, text: template.text.slice(fm.close.end) }, plain);
}
