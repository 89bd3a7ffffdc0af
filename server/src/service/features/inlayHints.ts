/** Hints after each date ("Mon 2 Nov · 24 days ago") and the check-in / let-go date to come. */
import { InlayHint, Range } from 'vscode-languageserver-types';
import { relativeDay, shortDay } from '../dates';
import { NoteView, overlaps } from '../document';
import { silenced } from '../directives';
import { checkInPlan, letGoPlan } from '../rules/common';
import { dateSites, EditorOptions } from './dateSites';

export function inlayHints(view: NoteView, range: Range | undefined, options: EditorOptions): InlayHint[] {
  const note = view.note;
  if (!note?.interview) return [];
  const { today, config } = options;
  const hints: InlayHint[] = [];
  const add = (offset: number, label: string) => hints.push({ position: view.positionAt(offset), label, paddingLeft: true });
  for (const site of dateSites(note, today)) add(site.span.end, `${shortDay(site.day)} · ${relativeDay(site.day, today)}`);
  // The dates to come are reminders: not for a rule the note turned off.
  const plan = silenced(note, 'check-in-due') ? undefined : checkInPlan(note.interview, config, today);
  if (plan) add(plan.span.end, `→ check in ${shortDay(plan.due)} · ${relativeDay(plan.due, today)}`);
  const letGo = silenced(note, 'let-it-go') ? undefined : letGoPlan(note.interview, config, today);
  if (letGo) add(letGo.span.end, `→ let go ${shortDay(letGo.due)} · ${relativeDay(letGo.due, today)}`);
  return hints.filter((h) => !range || overlaps({ start: h.position, end: h.position }, range))
    .sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
