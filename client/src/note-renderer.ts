/**
 * The new note's file name and text, the way the CLI's `new` makes them (one implementation:
 * the service's renderNewNote): the note template is the workspace's own `interview-note.hbs`
 * (in the templatesDir of the nearest `.interview-followup.yaml`, or of the settings) when the
 * workspace is trusted, else the built-in one. Bundled on its own (dist/new-note.js) and loaded
 * on the first "New Interview Note" (or "Set Your Name"), so activation does not pay for YAML
 * and Handlebars.
 */
import * as path from 'node:path';
import { toLayer } from '../../server/src/service/config';
import { parseIsoDay } from '../../server/src/service/dates';
import { DraftRenderer } from '../../server/src/service/drafts/render';
import { newNoteFileName, renderNewNote } from '../../server/src/service/newnote';
import { NOTE_TEMPLATE } from '../../server/src/protocol';
import { builtinTemplatesDir, ConfigResolver, findTemplate } from '../../server/src/node';

/** The walkthrough's "Set Your Name" reads and writes the config file with the same YAML. */
export { senderNameIn, withSenderName } from './config-edit';


export interface NoteRequest {
  company: string;
  role: string;
  /** YYYY-MM-DD: the interview date and the day of writing. */
  today: string;
  /** The folder the note goes into. */
  dir: string;
  /** The workspace folder (where `.interview-followup.yaml` is looked for, at or above `dir`). */
  root: string;
  /** The `interviewFollowup` settings that matter here (`templatesDir`): over the config file. */
  settings: { templatesDir?: string };
  /** False in Restricted Mode: the workspace's own template is not read. */
  allowWorkspace: boolean;
}

export interface RenderedNote {
  fileName: string;
  text: string;
  /** The template used. */
  origin: string;
}

/** Throws an Error whose message says what went wrong (a template that does not compile...). */
export function renderNote(req: NoteRequest): RenderedNote {
  const day = parseIsoDay(req.today);
  if (day === undefined) throw new Error(`'${req.today}' is not a date (YYYY-MM-DD)`);
  const resolved = new ConfigResolver(req.root, toLayer(req.settings ?? {}, () => undefined)).forFile(path.join(req.dir, 'new.md'));
  const template = findTemplate(resolved, builtinTemplatesDir(), NOTE_TEMPLATE, req.allowWorkspace);
  if (template) {
    try {
      const fields = { company: req.company, role: req.role, interviewed: day, today: day };
      return { fileName: newNoteFileName(req), text: renderNewNote(new DraftRenderer(), template, fields), origin: template.origin };
    } catch (err) {
      throw new Error(`${template.origin}: ${(err as Error).message}`);
    }
  }
  throw new Error(`no ${NOTE_TEMPLATE}.hbs template found`);
}
