/**
 * Draft and note templates: the workspace's own (`<root>/<templatesDir>/<name>.hbs`) when
 * allowed, present and safe to read, else the built-in one. Read on demand: they are small,
 * and this way an edited template applies at once without any cache to invalidate.
 */
import { constants, lstatSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { TemplateLookup, TemplateName, TemplateSource } from '../service/drafts/render';
import type { Resolved } from './config';
import { readTextSync, reason } from './read';
import { isWithin } from './walk';

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

/** The workspace's own template `name` for a note configured by `resolved`, whether it exists or not. */
export function workspaceTemplatePath(resolved: Resolved, name: string): string {
  return path.resolve(resolved.root, resolved.config.templatesDir, `${name}.hbs`);
}

/**
 * Where a workspace template really is, or why it is refused: what a workspace could use to
 * read other files (a link to `~/.ssh/id_ed25519` would end up in a draft). It must be a
 * regular file of at most MAX_TEMPLATE_BYTES whose real path lies inside `scope`. Neither: there is none.
 */
export function locateWorkspaceTemplate(file: string, scope: string): { real?: string; refused?: string } {
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return { refused: reason(err) };
    try {
      lstatSync(file);
      return { refused: 'it is a link to nothing' };
    } catch {
      return {}; // not there: the built-in one applies, nothing to say
    }
  }
  try {
    if (!isWithin(real, realpathSync.native(scope))) return { refused: `it leads outside ${scope} (to ${real})` };
    const st = statSync(real);
    if (!st.isFile()) return { refused: 'it is not a regular file' };
    if (st.size > MAX_TEMPLATE_BYTES) return { refused: `it is over ${MAX_TEMPLATE_BYTES / 1024} KB` };
    return { real };
  } catch (err) {
    return { refused: reason(err) };
  }
}

/** A workspace template (see locateWorkspaceTemplate), or why it is refused; neither: there is none. */
export function readWorkspaceTemplate(file: string, scope: string): { source?: TemplateSource; refused?: string } {
  const { real, refused } = locateWorkspaceTemplate(file, scope);
  if (!real) return { refused };
  try {
    // O_NOFOLLOW: a link put in place of the file since it was located is not followed.
    return { source: { origin: file, text: readTextSync(real, MAX_TEMPLATE_BYTES, constants.O_NOFOLLOW) } };
  } catch (err) {
    return { refused: reason(err) };
  }
}

/** Templates for a note, the workspace's own ones only when `allowWorkspace` (a trusted workspace). */
export function templateLookup(resolved: Resolved, builtinDir: string, allowWorkspace = true): TemplateLookup {
  return (name: TemplateName) => findTemplate(resolved, builtinDir, name, allowWorkspace);
}

/**
 * One template by name (`interview-note` included): the workspace's own when allowed and
 * readable (see readWorkspaceTemplate), else the built-in one; undefined when neither can be read.
 */
export function findTemplate(resolved: Resolved, builtinDir: string, name: string, allowWorkspace = true): TemplateSource | undefined {
  if (allowWorkspace) {
    const own = readWorkspaceTemplate(workspaceTemplatePath(resolved, name), resolved.scope).source;
    if (own) return own;
  }
  const builtin = path.join(builtinDir, `${name}.hbs`);
  try {
    const st = statSync(builtin);
    if (!st.isFile() || st.size > MAX_TEMPLATE_BYTES) return undefined;
    return { origin: builtin, text: readTextSync(builtin, MAX_TEMPLATE_BYTES) };
  } catch {
    return undefined;
  }
}
