/**
 * Short hints after each date ("Mon · 24 days ago") and the check-in or let-go date to come
 * ("→ check in Sun 15 Nov"). Short, so that they fit VS Code's default hint length and leave a
 * comment on the line where it is; the full dates are in the tooltip and the hover.
 */
import { InlayHint, Range } from 'vscode-languageserver-types';
import { longDay, relativeDay, shortDay, weekdayShort } from '../dates';
import { NoteView, overlaps } from '../document';
import { silenced } from '../directives';
import { gateOfView } from '../gate';
import { checkInPlan, letGoPlan } from '../rules/common';
import { dateSites, EditorOptions } from './dateSites';

export function inlayHints(view: NoteView, range: Range | undefined, options: EditorOptions): InlayHint[] {
  const note = view.note;
  if (!note?.interview) return [];
  const { today, config } = options;
  const hints: InlayHint[] = [];
  const add = (offset: number, label: string, tooltip: string) => hints.push({ position: view.positionAt(offset), label, tooltip, paddingLeft: true });
  for (const site of dateSites(note, today)) {
    add(site.span.end, `${weekdayShort(site.day)} · ${relativeDay(site.day, today)}`, `${longDay(site.day)}, ${relativeDay(site.day, today)}`);
  }
  // The dates to come are reminders: not for a rule the note turned off, nor where the rest of
  // the search has the process closed or a withdrawal due (gate.ts).
  const gate = gateOfView(view, options);
  const plan = gate || silenced(note, 'check-in-due') ? undefined : checkInPlan(note.interview, config, today);
  if (plan) add(plan.span.end, `→ check in ${shortDay(plan.due)}`, `The check-in, if you have not heard: ${longDay(plan.due)}, ${relativeDay(plan.due, today)}`);
  const letGo = gate || silenced(note, 'let-it-go') ? undefined : letGoPlan(note.interview, config, today);
  if (letGo) add(letGo.span.end, `→ let go ${shortDay(letGo.due)}`, `No answer by then? Let it go: ${longDay(letGo.due)}, ${relativeDay(letGo.due, today)}`);
  return hints.filter((h) => !range || overlaps({ start: h.position, end: h.position }, range))
    .sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
