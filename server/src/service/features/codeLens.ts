/** One lens on the opening `---`: the next action, as the agenda says it. */
import { CodeLens } from 'vscode-languageserver-types';
import { agendaOf } from '../agenda';
import { shortDay } from '../dates';
import { NoteView } from '../document';
import { summarize } from '../search';
import { EditorOptions } from './dateSites';

export function codeLenses(view: NoteView, options: EditorOptions): CodeLens[] {
  const note = view.note;
  if (!note?.interview) return [];
  const self = options.search && summarize(view, options.name ?? view.doc.uri, options.today);
  const r = agendaOf(note, options.today, options.config, 7, self ? { self, search: options.search! } : undefined);
  const title = r.item
    ? `${r.item.action} · ${r.item.group === 'waiting' ? shortDay(r.item.day) : r.item.when}`
    : r.skipped === 'closed' ? 'Nothing to do: this process is closed'
      : r.skipped === 'quiet' ? 'No reminders: turned off in this note' : 'Fix the errors below to see what is due';
  // No command of ours: a lens with an empty command shows as a label in every client.
  return [{ range: view.rangeOf(note.frontMatter.open), command: { title, command: '' } }];
}
