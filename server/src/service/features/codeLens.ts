/**
 * One lens on the opening `---`: the next action, as the agenda says it. A label in every
 * client; for one that has a command for it (VS Code's extension), clicking does the action.
 */
import { CodeLens } from 'vscode-languageserver-types';
import { shortDay } from '../dates';
import { NoteView } from '../document';
import { noteAgenda } from './agenda';
import { EditorOptions } from './dateSites';

export interface LensOptions extends EditorOptions {
  /**
   * The client-side command a click runs, with the arguments (uri, range of the finding or the
   * date it counts from, rule id of the finding or null). Without one the lens is a label.
   */
  command?: string;
}

export function codeLenses(view: NoteView, options: LensOptions): CodeLens[] {
  const note = view.note;
  const r = noteAgenda(view, { ...options, horizon: 7 });
  if (!note || !r) return [];
  const title = r.item
    ? `${r.item.action} · ${r.item.group === 'waiting' ? shortDay(r.item.day) : r.item.when}`
    : r.skipped === 'closed' ? 'Nothing to do: this process is closed'
      : r.skipped === 'quiet' ? 'No reminders: turned off in this note' : 'Fix the errors below to see what is due';
  const range = view.rangeOf(note.frontMatter.open);
  // A lens with an empty command shows as a label in every client.
  if (!options.command || !r.item) return [{ range, command: { title, command: '' } }];
  return [{ range, command: { title, command: options.command, arguments: [view.doc.uri, r.range, r.rule ?? null] } }];
}
