/**
 * The drafts in a note's body, found by their heading `## Draft: <what> to <name> (<date>)`:
 * lenses to open one in the mail app (email drafts), copy it and mark it sent; and the edits of
 * Mark sent, which record what was sent (the thank-you date, a follow-up with its channel, or
 * for closing messages nothing) and rename the heading to `## Sent: ...`, nothing else.
 */
import { CodeLens, TextEdit } from 'vscode-languageserver-types';
import { DraftCommands } from '../../protocol';
import { formatDay } from '../dates';
import { NoteView } from '../document';
import { appendToList, Edit, setInRound, setValue } from '../edits';
import { mailtoOf, parseDraft } from '../mail';
import { timelineOf } from '../rules/timeline';
import { EditorOptions } from './dateSites';

/** What each heading's <what> records when sent. */
const RECORDS: Record<string, 'thank-you' | 'email' | 'call' | undefined> = {
  'thank-you email': 'thank-you', 'thank-you card': 'thank-you', 'check-in email': 'email', 'check-in call': 'call',
};

export interface DraftSection {
  /** 0-based line of the heading. */
  line: number;
  what: string;
  to?: string;
  date: string;
  /** The section: the heading to the next heading of level 1 or 2, or the end. */
  text: string;
  /** Offset of the heading's first character. */
  start: number;
}

const HEADING = /^## Draft: (.+?)(?: to (.+?))? \((\d{4}-\d\d-\d\d)\)[ \t]*$/;

/** The drafts in the body, in order. */
export function draftSections(view: NoteView): DraftSection[] {
  const note = view.note;
  if (!note?.interview || !note.frontMatter.close) return [];
  const text = view.doc.text;
  const out: DraftSection[] = [];
  let open: DraftSection | undefined;
  let offset = note.frontMatter.close.end;
  const close = (end: number) => {
    if (open) open.text = text.slice(open.start, end).replace(/\s+$/, '');
    open = undefined;
  };
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(offset, end).replace(/\r?\n$/, '');
    if (/^#{1,2}\s/.test(line)) {
      close(offset);
      const m = HEADING.exec(line);
      if (m) {
        open = { line: view.positionAt(offset).line, what: m[1], to: m[2], date: m[3], text: '', start: offset };
        out.push(open);
      }
    }
    offset = end;
  }
  close(text.length);
  return out;
}

export function draftLenses(view: NoteView): CodeLens[] {
  const uri = view.doc.uri;
  return draftSections(view).flatMap((d) => {
    const range = { start: { line: d.line, character: 0 }, end: { line: d.line, character: 0 } };
    const parts = parseDraft(d.text);
    const lenses: CodeLens[] = [];
    if (parts.to !== undefined || parts.subject !== undefined) {
      const { uri: mailto, withBody } = mailtoOf(parts);
      lenses.push({ range, command: { title: 'Open in mail app', command: DraftCommands.open, arguments: [uri, mailto, withBody, parts.body] } });
    }
    lenses.push({ range, command: { title: 'Copy', command: DraftCommands.copy, arguments: [d.text.split('\n').slice(1).join('\n').replace(/^\s+/, '')] } });
    lenses.push({ range, command: { title: 'Mark sent', command: DraftCommands.markSent, arguments: [uri, d.line] } });
    return lenses;
  });
}

/** The edits of Mark sent for the draft whose heading is on `line`; undefined when there is none there or the record cannot be made exactly. */
export function markSentEdits(view: NoteView, line: number, options: EditorOptions): TextEdit[] | undefined {
  const d = draftSections(view).find((s) => s.line === line);
  const note = view.note;
  if (!d || !note?.interview) return undefined;
  const today = formatDay(options.today);
  const edits: Edit[] = [{ span: { start: d.start + 3, end: d.start + 8 }, newText: 'Sent' }]; // "## Draft:" -> "## Sent:"
  const record = RECORDS[d.what];
  if (record === 'thank-you') {
    const current = timelineOf(note.interview, options.today)?.current;
    if (current && current.thankYouSent.kind === 'absent') {
      const e = current.round !== undefined ? setInRound(note, current.round, 'thank_you_sent', today) : setValue(note, 'thank_you_sent', today);
      if (!e) return undefined;
      edits.push(e);
    }
  } else if (record) {
    const e = appendToList(note, 'follow_ups', record === 'call' ? `{date: ${today}, channel: call}` : today);
    if (!e) return undefined;
    edits.push(e);
  }
  return edits.map((e) => ({ range: view.rangeOf(e.span), newText: e.newText }));
}
