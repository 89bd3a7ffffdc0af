/**
 * The inbox comes in: interview invites (.ics, or an email with a text/calendar part) and
 * replies (.eml) into the notes. Pure: the files' text, the notes' text, your addresses, your
 * time zone and today come in as arguments; what comes out is each note's new text and the
 * changes that make it. Stages, in order:
 *
 *   parse (parse.ts) -> facts (invite.ts, reply.ts, phrases/) -> match (match.ts)
 *   -> plan (plan.ts) -> edit (edit.ts, over service/edits)
 */
import type { Email } from 'postal-mime';
import { Day, formatDay } from '../dates';
import { DraftRenderer, TemplateSource } from '../drafts';
import { newNoteFileName, renderNewNote } from '../newnote';
import { parseIsoDay } from '../dates';
import { domainOf } from './clean';
import { NotExact } from './edit';
import { inviteFacts, RoundFacts } from './invite';
import { Candidate, candidates, hasReply, matchInvite, matchReply, NoteIn } from './match';
import { InboxError, parseInbox } from './parse';
import { addToProcess, applyReply, Change, fillNew, updateRound } from './plan';
import { ReplyFacts, replyFacts } from './reply';

export type { NoteIn } from './match';
export type { Change } from './plan';
export { InboxError } from './parse';

export interface ImportOptions {
  /** Your addresses: never listed as your own interviewer. */
  me: readonly string[];
  /** Your IANA time zone (`TZ`, else the system's). */
  zone: string;
  today: Day;
  /** The interview-note template, for an invite of a process no note has yet. */
  template?: TemplateSource;
  /** Where a new note goes, as the start of its `file` (`work/`); default: beside the notes' root. */
  newNoteDir?: string;
}

export interface Source {
  /** The file's name as shown. */
  name: string;
  text: string;
}

/** A note changed or created, with the changes that make it. */
export interface FileChange {
  file: string;
  created: boolean;
  before: string;
  after: string;
  changes: (Change & { source: string })[];
}

export interface ImportResult {
  files: FileChange[];
  /** Files that could not be read: the source, its line, why. */
  errors: { source: string; line: number; message: string }[];
  /** What a file said that changed nothing (an automatic reply, a reply no note matches). */
  notes: { source: string; message: string }[];
}

/**
 * Plans the import of `sources` into `notes`. Several sources may change one note: each
 * applies to the note as the ones before it left it.
 */
export async function importInbox(sources: readonly Source[], notes: readonly NoteIn[], options: ImportOptions): Promise<ImportResult> {
  const result: ImportResult = { files: [], errors: [], notes: [] };
  const current = new Map<string, FileChange>();
  // The notes as the changes so far left them, each parsed once per text: an invite of
  // thousands of events re-parsed every note per event (quadratic: 2,000 events ran minutes).
  const parses = new Map<string, { text: string; found: Candidate[] }>();
  const working = (): Candidate[] => {
    const byFile = new Map(notes.map((n) => [n.file, n.text]));
    for (const c of current.values()) byFile.set(c.file, c.after);
    const out: Candidate[] = [];
    for (const [file, text] of byFile) {
      let p = parses.get(file);
      if (p?.text !== text) parses.set(file, (p = { text, found: candidates([{ file, text }]) }));
      out.push(...p.found);
    }
    return out;
  };
  const record = (file: string, before: string, after: string, changes: Change[], source: string, created = false) => {
    if (changes.length === 0) return;
    const c = current.get(file) ?? { file, created, before, after, changes: [] };
    c.after = after;
    c.changes.push(...changes.map((ch) => ({ ...ch, source })));
    if (!current.has(file)) {
      current.set(file, c);
      result.files.push(c);
    }
  };
  // Every file read first; then the invites, each event's versions in SEQUENCE order (a
  // cancellation named before the invite it cancels still comes after it), then the replies
  // in date order, to the notes and people the invites brought: the same outcome whatever
  // order the files are named in.
  const invites: { source: string; f: RoundFacts }[] = [];
  const replies: { source: string; r: ReplyFacts }[] = [];
  for (const s of sources) {
    try {
      const parsed = await parseInbox(s.text);
      if (parsed.kind === 'invite') invites.push(...inviteFacts(parsed.calendar, options).map((f) => ({ source: s.name, f })));
      else replies.push({ source: s.name, r: readReply(parsed.email, options.zone, s.text) });
    } catch (err) {
      failed(s.name, err);
    }
  }
  const each = <T extends { source: string }>(items: T[], step: (item: T) => void) => {
    for (const item of items) {
      try {
        step(item);
      } catch (err) {
        failed(item.source, err);
      }
    }
  };
  each(invites.sort((a, b) => a.f.sequence - b.f.sequence), ({ source, f }) => importRound(f, source));
  each(replies.sort((a, b) => a.r.at - b.r.at), ({ source, r }) => importReply(r, source));
  return result;

  /** A file it cannot read, or a note it cannot edit exactly: an error of that file. */
  function failed(source: string, err: unknown): void {
    if (err instanceof InboxError) result.errors.push({ source, line: err.line, message: err.message });
    else if (err instanceof NotExact) result.errors.push({ source, line: 1, message: err.message });
    else throw err;
  }

  function importReply(r: ReplyFacts, source: string): void {
    if (r.kind === 'auto-reply') {
      result.notes.push({ source, message: `an automatic reply from ${r.from}: nothing to record` });
      return;
    }
    const notes = working();
    const recorded = notes.find((c) => hasReply(c.note, r));
    if (recorded) {
      result.notes.push({ source, message: `already recorded in ${recorded.file}` });
      return;
    }
    const m = matchReply(r.from, notes);
    if (m.kind === 'none') {
      result.notes.push({ source, message: `not imported: ${m.why}` });
      return;
    }
    const planned = applyReply(m.target.note.text, m.target.note, r);
    record(m.target.file, m.target.note.text, planned.text, planned.changes, source);
    if (r.kind === 'next-round') result.notes.push({ source, message: `a next round is being scheduled ("${r.sentence}"): import its invite when it comes` });
    if (r.kind === 'rejection' && planned.changes.some((c) => c.field === 'status')) result.notes.push({ source, message: `${m.target.file}: a reply to the rejection is now offered as a draft` });
  }

  function importRound(f: RoundFacts, source: string): void {
    for (const w of f.warnings) result.notes.push({ source, message: w });
    const m = matchInvite(f, working());
    if (m.kind === 'round') {
      const planned = updateRound(m.target.note.text, m.target.note, m.index, f);
      for (const said of planned.said) result.notes.push({ source, message: `${m.target.file}: ${said}` });
      if (planned.changes.length === 0 && planned.said.length === 0) result.notes.push({ source, message: `already in ${m.target.file}` });
      record(m.target.file, m.target.note.text, planned.text, planned.changes, source);
      return;
    }
    if (m.kind === 'process') {
      const planned = addToProcess(m.target.note.text, m.target.note, f);
      record(m.target.file, m.target.note.text, planned.text, planned.changes, source);
      return;
    }
    if (f.cancelled) {
      result.notes.push({ source, message: `a cancellation of an interview no note has (${f.summary || f.uid}): nothing to change` });
      return;
    }
    if (!options.template) throw new InboxError('no interview-note template to start a note from');
    const company = f.company ?? companyOfDomain(f.domain) ?? '';
    const role = f.role ?? '';
    const day = parseIsoDay(f.date.slice(0, 10)) ?? options.today;
    const text = renderNewNote(new DraftRenderer(), options.template, { company, role, interviewed: day, today: options.today });
    const taken = new Set([...notes.map((n) => n.file), ...current.keys()]);
    const named = (options.newNoteDir ?? '') + newNoteFileName({ company, role });
    let file = named;
    for (let k = 2; taken.has(file); k++) file = named.replace(/\.md$/, `-${k}.md`);
    const planned = fillNew(text, f);
    const made: Change[] = [{ field: '(new note)', new: file, why: company ? undefined : 'the company is not in the invite: fill in company and role' }, ...planned.changes];
    record(file, '', planned.text, made, source, true);
  }
}

/** A reply's facts; what it lacks (a sender, a date) makes the file unreadable. */
function readReply(email: Email, zone: string, text: string): ReplyFacts {
  try {
    return replyFacts(email, zone);
  } catch (err) {
    const message = (err as Error).message;
    // The line of the header it could not read (Date:), for FILE:LINE.
    const header = /\bDate:/.test(message) ? 'date' : /sender/.test(message) ? 'from' : undefined;
    const at = header ? text.slice(0, text.search(/\r?\n\r?\n|$/)).split(/\n/).findIndex((l) => l.toLowerCase().startsWith(`${header}:`)) : -1;
    throw new InboxError(message, at < 0 ? 1 : at + 1);
  }
}

/** "acme.example" -> "Acme": a company's mail domain, read as its name (never a public one: those never get here). */
function companyOfDomain(domain: string | undefined): string | undefined {
  const label = domain?.split('.').slice(-2, -1)[0];
  return label ? label[0].toUpperCase() + label.slice(1) : undefined;
}

export { domainOf, formatDay };
