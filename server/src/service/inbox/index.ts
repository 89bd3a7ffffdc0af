/**
 * The inbox comes in: interview invites (.ics, or an email with a text/calendar part) and
 * replies (.eml) into the notes. Pure: the files' text, the notes' text, your addresses, your
 * time zone and today come in as arguments; what comes out is each note's new text and the
 * changes that make it. Stages, in order:
 *
 *   parse (parse.ts) -> facts (invite.ts, reply.ts, phrases/) -> match (match.ts)
 *   -> plan (plan.ts) -> edit (edit.ts, over service/edits)
 */
import { Day, formatDay } from '../dates';
import { DraftRenderer, TemplateSource } from '../drafts';
import { newNoteFileName, renderNewNote } from '../newnote';
import { parseIsoDay } from '../dates';
import { domainOf } from './clean';
import { NotExact } from './edit';
import { inviteFacts, RoundFacts } from './invite';
import { candidates, matchInvite, matchReply, NoteIn } from './match';
import { InboxError, parseInbox } from './parse';
import { addToProcess, applyReply, Change, fillNew, updateRound } from './plan';
import { replyFacts } from './reply';

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
  const working = () => {
    const byFile = new Map(notes.map((n) => [n.file, n.text]));
    for (const c of current.values()) byFile.set(c.file, c.after);
    return candidates([...byFile].map(([file, text]) => ({ file, text })));
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
  for (const s of sources) {
    try {
      const parsed = await parseInbox(s.text);
      if (parsed.kind === 'invite') {
        for (const f of inviteFacts(parsed.calendar, options)) importRound(f, s.name);
      } else {
        let r;
        try {
          r = replyFacts(parsed.email, options.zone);
        } catch (err) {
          throw new InboxError((err as Error).message);
        }
        if (r.kind === 'auto-reply') {
          result.notes.push({ source: s.name, message: `an automatic reply from ${r.from}: nothing to record` });
          continue;
        }
        const m = matchReply(r.from, working());
        if (m.kind === 'none') {
          result.notes.push({ source: s.name, message: `not imported: ${m.why}` });
          continue;
        }
        const planned = applyReply(m.target.note.text, m.target.note, r);
        record(m.target.file, m.target.note.text, planned.text, planned.changes, s.name);
        if (r.kind === 'next-round') result.notes.push({ source: s.name, message: `a next round is being scheduled ("${r.sentence}"): import its invite when it comes` });
        if (r.kind === 'rejection' && planned.changes.some((c) => c.field === 'status')) result.notes.push({ source: s.name, message: `${m.target.file}: a reply to the rejection is now offered as a draft` });
        if (planned.changes.length === 0) result.notes.push({ source: s.name, message: `already recorded in ${m.target.file}` });
      }
    } catch (err) {
      if (err instanceof InboxError) result.errors.push({ source: s.name, line: err.line, message: err.message });
      else if (err instanceof NotExact) result.errors.push({ source: s.name, line: 1, message: err.message });
      else throw err;
    }
  }
  return result;

  function importRound(f: RoundFacts, source: string): void {
    const m = matchInvite(f, working());
    if (m.kind === 'round') {
      const planned = updateRound(m.target.note.text, m.target.note, m.index, f);
      if (planned.changes.length === 0) result.notes.push({ source, message: `already in ${m.target.file}` });
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

/** "acme.example" -> "Acme": a company's mail domain, read as its name (never a public one: those never get here). */
function companyOfDomain(domain: string | undefined): string | undefined {
  const label = domain?.split('.').slice(-2, -1)[0];
  return label ? label[0].toUpperCase() + label.slice(1) : undefined;
}

export { domainOf, formatDay };
