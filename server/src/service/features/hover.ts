/** Hover on a date (its weekday, how long ago or ahead, when to check in) or on a known key (what it is for). */
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { longDay, relativeDay } from '../dates';
import { NoteView } from '../document';
import { silenced } from '../directives';
import { checkInPlan } from '../rules/common';
import { gateOfView, gateSays } from '../gate';
import { whyMoved } from '../workdays';
import { dateSites, EditorOptions, KEY_DOCS } from './dateSites';

export function hover(view: NoteView, position: Position, options: EditorOptions): Hover | undefined {
  const note = view.note;
  if (!note?.interview) return undefined;
  const at = view.offsetAt(position);
  const site = dateSites(note, options.today).find((s) => s.span.start <= at && at <= s.span.end);
  if (site) {
    const { today } = options;
    const lines = [`**${longDay(site.day)}** · ${relativeDay(site.day, today)}`];
    if (site.phrase) lines.unshift(`'${site.phrase}' resolves to`);
    {
      // On the date the check-in counts from (the promise, else the interview): when it falls due.
      const plan = silenced(note, 'check-in-due') ? undefined : checkInPlan(note.interview, options.config, options.today);
      const here = plan && plan.span.start === site.span.start ? plan : undefined;
      // The rest of the search may have closed the process, or made withdrawing the one thing due.
      const gate = here && gateOfView(view, options);
      if (gate) lines.push(gateSays(gate));
      else if (here) {
        const when = `${relativeDay(here.due, today)}${here.moved ? `; ${whyMoved(here.due, here.moved)}` : ''}`;
        lines.push(here.due > today
          ? `Check in on ${longDay(here.due)} (${when}) if you have not heard by then.`
          : `Check-in due since ${longDay(here.due)} (${when}): if you have not heard, send one brief check-in.`);
      }
    }
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: view.rangeOf(site.span) };
  }
  for (const key of note.keys.values()) {
    if (key.keySpan.start <= at && at <= key.keySpan.end && key.name in KEY_DOCS) {
      return { contents: { kind: MarkupKind.Markdown, value: `\`${key.name}\`: ${KEY_DOCS[key.name as keyof typeof KEY_DOCS]}` }, range: view.rangeOf(key.keySpan) };
    }
  }
  return undefined;
}
