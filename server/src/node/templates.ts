/**
 * Draft and note templates: the workspace's own (`<root>/<templatesDir>/<name>.hbs`) when
 * allowed and present, else the built-in one. Read on demand: they are small, and this way an
 * edited template applies at once without any cache to invalidate.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { TemplateLookup, TemplateName, TemplateSource } from '../service';
import type { Resolved } from './config';
import { readTextSync } from './read';

/** A template over this is not one (a draft is a few hundred bytes). */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

/** Where the built-in templates are: `templates/` at the package root. */
export function builtinTemplatesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'templates');
    try {
      if (statSync(path.join(candidate, 'thank-you-email.hbs')).isFile()) return candidate;
    } catch {
      // keep looking upwards
    }
    dir = path.dirname(dir);
  }
  return path.join(__dirname, 'templates');
}

/** Templates for a note, the workspace's own ones only when `allowWorkspace` (a trusted workspace). */
export function templateLookup(resolved: Resolved, builtinDir: string, allowWorkspace = true): TemplateLookup {
  return (name: TemplateName) => findTemplate(resolved, builtinDir, name, allowWorkspace);
}

/**
 * One template by name (`interview-note` included): `<root>/<templatesDir>/<name>.hbs` when
 * allowed and present, else the built-in one; undefined when neither can be read.
 */
export function findTemplate(resolved: Resolved, builtinDir: string, name: string, allowWorkspace = true): TemplateSource | undefined {
  const candidates = allowWorkspace
    ? [path.resolve(resolved.root, resolved.config.templatesDir, `${name}.hbs`), path.join(builtinDir, `${name}.hbs`)]
    : [path.join(builtinDir, `${name}.hbs`)];
  for (const p of candidates) {
    try {
      // Regular files only (a FIFO would block the server).
      const st = statSync(p);
      if (!st.isFile() || st.size > MAX_TEMPLATE_BYTES) continue;
      return { origin: p, text: readTextSync(p, MAX_TEMPLATE_BYTES) };
    } catch {
      // not there: try the next
    }
  }
  return undefined;
}
