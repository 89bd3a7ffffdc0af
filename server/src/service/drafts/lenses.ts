/**
 * The drafts in a note's body, found by their heading `## Draft: <what> to <name> (<date>)`:
 * lenses to open one in the mail app (email drafts), copy it and mark it sent; and the edits of
 * Mark sent, which record what was sent (the thank-you date, a follow-up with its channel, or
 * for closing messages nothing) and rename the heading to `## Sent: ...`, nothing else.
 */
import { CodeLens, DocumentLink, TextEdit } from 'vscode-languageserver-types';
import { DraftCommands } from '../../protocol';
import { formatDay, parseIsoDay } from '../dates';
import { NoteView } from '../document';
import { appendToList, Edit, setInRound, setValue } from '../edits';
import { mailtoOf, parseDraft } from './message';
import { timelineOf } from '../rules/timeline';
import { EditorOptions } from '../features/dateSites';

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

const HEADING_START = '## Draft: ';
const HEADING_END = /^ \((\d{4}-\d\d-\d\d)\)[ \t]*$/;

/**
 * `## Draft: <what> to <name> (<date>)` read apart: <what> up to the first " to ", the rest
 * the name. By string search rather than one regular expression, whose lazy groups backtrack
 * quadratically on a long heading of many " to ".
 */
function draftHeading(line: string): { what: string; to?: string; date: string } | undefined {
  if (!line.startsWith(HEADING_START)) return undefined;
  const open = line.lastIndexOf(' (');
  const date = open < 0 ? null : HEADING_END.exec(line.slice(open));
  const middle = line.slice(HEADING_START.length, open);
  if (!date || middle === '' || /[\r\n\u2028\u2029]/.test(middle)) return undefined;
  const at = middle.indexOf(' to ', 1);
  return at < 0 || at + 4 === middle.length ? { what: middle, date: date[1] } : { what: middle.slice(0, at), to: middle.slice(at + 4), date: date[1] };
}

/** The marker of an opening code fence (CommonMark: up to 3 spaces, 3 or more backticks, with no backtick after them, or tildes). */
function fenceOf(line: string): string | undefined {
  const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
  return m && !(m[1][0] === '`' && line.includes('`', m[0].length)) ? m[1] : undefined;
}

/**
 * The drafts in the body, in order. A line is a heading only outside fenced code blocks and
 * HTML comments, as a markdown reader sees it: a `## Draft:` shown as an example in a code
 * block is no draft, and a `# comment` in a draft's code block does not end the draft.
 */
export function draftSections(view: NoteView): DraftSection[] {
  let found = SECTIONS.get(view);
  if (!found) SECTIONS.set(view, (found = readSections(view)));
  return found;
}

/** Each view's drafts, read once: a request asks for them once per draft action it offers. */
const SECTIONS = new WeakMap<NoteView, DraftSection[]>();

function readSections(view: NoteView): DraftSection[] {
  const note = view.note;
  if (!note?.interview || !note.frontMatter.close) return [];
  const text = view.doc.text;
  // Most notes hold no draft: one search instead of a walk over every line of the body.
  if (text.indexOf(HEADING_START, note.frontMatter.close.end) < 0) return [];
  const out: DraftSection[] = [];
  let open: DraftSection | undefined;
  let offset = note.frontMatter.close.end;
  /** The marker of the fenced code block, or `<!--` for the HTML comment, the line is in. */
  let inside: string | undefined;
  const close = (end: number) => {
    if (open) open.text = text.slice(open.start, end).trimEnd();
    open = undefined;
  };
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(offset, end).replace(/\r?\n$/, '');
    if (inside === '<!--') {
      if (line.includes('-->')) inside = undefined;
    } else if (inside !== undefined) {
      const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
      if (m && m[1][0] === inside[0] && m[1].length >= inside.length) inside = undefined;
    } else if (/^#{1,2}\s/.test(line)) {
      close(offset);
      const m = draftHeading(line);
      if (m) {
        open = { line: view.positionAt(offset).line, ...m, text: '', start: offset };
        out.push(open);
      }
    } else {
      const fence = fenceOf(line);
      if (fence) inside = fence;
      else if (/^ {0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) inside = '<!--';
    }
    offset = end;
  }
  close(text.length);
  return out;
}

/** Which commands a draft heading's lenses run: the client's own, or the server's. */
export interface DraftLensOptions {
  /**
   * The client runs DraftCommands.open and .copy itself (VS Code). Otherwise Open is the
   * server's (DraftCommands.serverOpen, by `window/showDocument`) and there is no Copy lens:
   * the editor's own yank does that.
   */
  clientCommands?: boolean;
  /** Without client commands: the client opens what `window/showDocument` names. No Open lens otherwise. */
  showDocument?: boolean;
}

export function draftLenses(view: NoteView, options: DraftLensOptions): CodeLens[] {
  const uri = view.doc.uri;
  return draftSections(view).flatMap((d) => {
    const range = { start: { line: d.line, character: 0 }, end: { line: d.line, character: 0 } };
    const parts = parseDraft(d.text);
    const lenses: CodeLens[] = [];
    if (parts.to !== undefined || parts.subject !== undefined) {
      const { uri: mailto, withBody } = mailtoOf(parts);
      const title = 'Open in mail app';
      if (options.clientCommands) lenses.push({ range, command: { title, command: DraftCommands.open, arguments: [uri, mailto, withBody, parts.body] } });
      else if (options.showDocument) lenses.push({ range, command: { title, command: DraftCommands.serverOpen, arguments: [uri, mailto] } });
    }
    if (options.clientCommands) {
      lenses.push({ range, command: { title: 'Copy', command: DraftCommands.copy, arguments: [d.text.split('\n').slice(1).join('\n').replace(/^\s+/, '')] } });
    }
    lenses.push({ range, command: { title: 'Mark sent', command: DraftCommands.markSent, arguments: [uri, d.line, headingOf(d)] } });
    return lenses;
  });
}

/**
 * The `To:` line of each draft, a link to the draft's `mailto:` URI (To, Subject and the body,
 * or the subject only past MAILTO_LIMIT): the address as written is the link's text.
 */
export function draftLinks(view: NoteView): DocumentLink[] {
  return draftSections(view).flatMap((d) => {
    const parts = parseDraft(d.text);
    const to = toValueOf(d.text);
    if (parts.to === undefined || !to) return [];
    const start = d.start + to.start;
    return [{ range: view.rangeOf({ start, end: start + to.length }), target: mailtoOf(parts).uri, tooltip: 'Open the draft in the mail app' }];
  });
}

/**
 * Where the value of a draft's `To:` header is in its section: the header line that parseDraft
 * reads (after the heading and blank lines, among the `To:` and `Subject:` lines, the last),
 * without the blanks around the value; undefined when it has none or it is empty.
 */
function toValueOf(section: string): { start: number; length: number } | undefined {
  let found: { start: number; length: number } | undefined;
  let headers = false;
  for (let offset = section.indexOf('\n') + 1; offset > 0 && offset < section.length;) {
    const nl = section.indexOf('\n', offset);
    const line = section.slice(offset, nl < 0 ? section.length : nl).replace(/\r$/, '');
    const header = /^(To|Subject):/i.exec(line);
    if (header) {
      headers = true;
      const rest = line.slice(header[0].length);
      const value = rest.trim();
      if (header[1].toLowerCase() === 'to') found = value === '' ? undefined : { start: offset + 3 + rest.length - rest.trimStart().length, length: value.length };
    } else if (headers || line.trim() !== '') {
      break;
    }
    offset = nl + 1;
  }
  return found;
}

/**
 * The <what> of the drafts a template writes, read from its first line, e.g. "thank-you email"
 * of `## Draft: thank-you email{{#if person.name}} to ...`; undefined when that line is not a
 * draft heading with a plain <what> (the offer checklist).
 */
export function draftKindOf(template: string): string | undefined {
  const first = template.replace(/^\s+/, '').split(/\r?\n/, 1)[0];
  // Ending on a character that is not blank: tried inside a run of blanks, the lookahead would
  // scan the rest of the run at each of its characters (quadratic on a long run).
  const m = /^## Draft: ([^{}()]*?[^{}()\s])(?=\s*\{\{|\s+to\s|\s*\(|\s*$)/.exec(first);
  return m?.[1];
}

/**
 * The latest unsent draft (a `## Draft:` heading) of kind `what` to `to` (a name; undefined: a
 * draft to nobody named) dated on or after `since`, or after it when `after`.
 */
export function unsentDraft(view: NoteView, what: string, to: string | undefined, since?: { day: string; after: boolean }): DraftSection | undefined {
  const fits = (d: DraftSection) => d.what === what && d.to === to && (!since || (since.after ? d.date > since.day : d.date >= since.day));
  return draftSections(view).filter(fits).pop();
}

/**
 * The line the heading of an appended draft lands on once `edit` is applied: the first heading
 * line of the inserted text (else its first line that is not blank).
 */
export function appendedHeadingLine(view: NoteView, edit: Edit): number {
  const lines = edit.newText.split(/\r?\n/);
  let k = lines.findIndex((l) => /^#{1,6}\s/.test(l));
  if (k < 0) k = Math.max(0, lines.findIndex((l) => l.trim() !== ''));
  return view.positionAt(edit.span.start).line + k;
}

/** The heading line of a draft, as written. */
const headingOf = (d: DraftSection): string => d.text.split('\n', 1)[0].replace(/\r$/, '');

/** What Mark sent does: its edits, or why it cannot. */
export type MarkSent = { edits: TextEdit[] } | { reason: string };

/**
 * The edits of Mark sent for the draft whose heading is on `line`. With `heading` (the lens's
 * own, as it was when computed), the draft with that heading nearest `line` when the note moved
 * since; a thank-you is recorded on the round the draft was written for (the latest held on
 * its date). A reason instead when there is no such draft or the record cannot be made exactly.
 */
export function markSentEdits(view: NoteView, line: number, options: EditorOptions, heading?: string): MarkSent {
  const sections = draftSections(view);
  const note = view.note;
  const at = sections.find((s) => s.line === line);
  const d = heading === undefined || (at && headingOf(at) === heading)
    ? at
    : sections.filter((s) => headingOf(s) === heading).sort((a, b) => Math.abs(a.line - line) - Math.abs(b.line - line))[0];
  if (!d || !note?.interview) return { reason: `no draft heading on line ${line + 1} of the note any more` };
  const today = formatDay(options.today);
  const edits: Edit[] = [{ span: { start: d.start + 3, end: d.start + 8 }, newText: 'Sent' }]; // "## Draft:" -> "## Sent:"
  const record = RECORDS[d.what];
  if (record === 'thank-you') {
    const written = parseIsoDay(d.date);
    const current = timelineOf(note.interview, written !== undefined && written < options.today ? written : options.today)?.current;
    if (current && current.thankYouSent.kind === 'absent') {
      const e = current.round !== undefined ? setInRound(note, current.round, 'thank_you_sent', today) : setValue(note, 'thank_you_sent', today);
      if (!e) return { reason: 'thank_you_sent cannot be set exactly (record it by hand, then rename the heading)' };
      edits.push(e);
    }
  } else if (record) {
    const e = appendToList(note, 'follow_ups', record === 'call' ? `{date: ${today}, channel: call}` : today);
    if (!e) return { reason: 'follow_ups cannot be added to exactly (record the check-in by hand, then rename the heading)' };
    edits.push(e);
  }
  return { edits: edits.map((e) => ({ range: view.rangeOf(e.span), newText: e.newText })) };
}
