/**
 * Across notes: the other processes of the same search, as the rules that reason across notes
 * see them. A host summarizes each note (company, role, status, what is next, where a finding
 * about the whole process points) and passes the summaries back in; the service reads no
 * other file.
 */
import type { Range } from 'vscode-languageserver-types';
import { Day, formatDay } from './dates';
import { Silence, silenceOf } from './directives';
import { NoteView } from './document';
import type { Status } from './format';
import { mainContact, Person } from './model';
import type { Span } from './frontmatter';
import { statusOf } from './rules/common';
import { timelineOf } from './rules/timeline';

export interface NoteSummary {
  /** How the note is named to the user, unique within its search: its path relative to the search ("acme.md"). */
  name: string;
  company?: string;
  role?: string;
  /** undefined when the status is not valid. */
  status?: Status;
  /** What is next, for a list of processes: "onsite 2026-12-03", else the status ("waiting"). */
  next: string;
  /** Where a finding about the whole process points: the status value, else the opening `---`. */
  anchor: Span;
  /** The same, as a range (UTF-16): hosts that keep only summaries place findings with it. */
  anchorRange: Range;
  /** What the note's `# interview-followup-disable` directives turn off, when it has any. */
  silence?: Silence;
  /** The day of its first interview: with company and role, what identifies the process (the calendar's event ids). */
  first?: Day;
  /** `offer_deadline`: when they need your answer (weigh-offer counts the days left). */
  offerDeadline?: Day;
  /** The process it belongs to: company and role, compared case- and space-insensitively; undefined without both. */
  process?: string;
  /** Of an open note: the person the process goes through (the contact, else the first interviewer), for the calendar's withdrawal. */
  contact?: Pick<Person, 'name' | 'email' | 'phone'>;
}

/** An open note: its status says you could still withdraw from it, or weigh an offer against it. */
export const isOpen = (s: Pick<NoteSummary, 'status'>) => s.status === 'waiting' || s.status === 'advanced' || s.status === 'offer';

/** A status that ends the process, whichever of its notes says it. */
export const isClosing = (s: Pick<NoteSummary, 'status'>) =>
  s.status === 'rejected' || s.status === 'withdrawn' || s.status === 'declined' || s.status === 'closed' || s.status === 'accepted';

/**
 * "Acme Corp", "acme  corp", "AcmeCorp" and "Ａｃｍｅ Corp" are one company: the key of a process,
 * or undefined without company and role. The one key of the rules, the summaries and the import.
 */
export function processKey(company: string | undefined, role: string | undefined): string | undefined {
  if (!company || !role) return undefined;
  const norm = (x: string) => {
    // ASCII is its own NFKC form: most names skip the normalization.
    const n = (/^[\x00-\x7f]*$/.test(x) ? x : x.normalize('NFKC')).toLowerCase();
    return /\s/.test(n) ? n.replace(/\s+/g, '') : n;
  };
  return `${norm(company)}\u0000${norm(role)}`;
}

/**
 * A copy of a string holding only its own characters. A value read from a note is, in V8, a
 * slice of the note's whole text and keeps all of it alive for as long as it is: the summaries
 * of 10,000 notes, kept by a host, held 80 MB of note texts.
 */
export const own = (s: string): string => (' ' + s).slice(1); // flattened into a new string, a quarter of JSON's round trip

const ownOrUndefined = (s: string | undefined) => (s === undefined ? undefined : own(s));

/** The summary of a note; undefined when it is not an interview note. Its strings are its own: a host keeps it, not the note. */
export function summarize(view: NoteView, name: string, today: Day): NoteSummary | undefined {
  const note = view.note;
  const i = note?.interview;
  if (!note || !i) return undefined;
  const status = statusOf(i);
  const t = timelineOf(i, today);
  const next = t?.next;
  const first = t?.meetings[0]?.day;
  const anchor = i.status.kind === 'ok' ? i.status.span : note.frontMatter.open;
  const silence = silenceOf(note);
  const company = ownOrUndefined(i.company.kind === 'ok' ? i.company.value : undefined);
  const role = ownOrUndefined(i.role.kind === 'ok' ? i.role.value : undefined);
  const process = processKey(company, role);
  const person = status && isOpen({ status }) ? mainContact(i) : undefined;
  const contact = person && (person.name || person.email || person.phone)
    ? { name: ownOrUndefined(person.name), email: ownOrUndefined(person.email), phone: ownOrUndefined(person.phone) }
    : undefined;
  return {
    name: own(name),
    company,
    role,
    status,
    next: own(next ? `${next.stage ?? 'interview'} ${formatDay(next.day)}` : status ?? 'status unknown'),
    anchor,
    anchorRange: view.rangeOf(anchor),
    ...(silence ? { silence } : {}),
    ...(first !== undefined ? { first } : {}),
    ...(i.offerDeadline.kind === 'ok' ? { offerDeadline: i.offerDeadline.value } : {}),
    ...(process !== undefined ? { process } : {}),
    ...(contact ? { contact } : {}),
  };
}

/**
 * The notes of one search, indexed for the cross-note rules: a look-up per note, not a scan.
 * Notes of one company and role are one process (SPEC part 3): closed when any of them says so,
 * counted once among the open processes, never withdrawn from for its own acceptance.
 */
export class Search {
  private readonly accepted: NoteSummary[];
  /** One note per open process (not closed by any of its notes), by name. */
  private readonly open: NoteSummary[];
  private readonly openNames: Set<string>;
  private readonly openProcesses: Set<string>;
  private readonly byName = new Map<string, NoteSummary>();
  private readonly processes = new Map<string, NoteSummary[]>();
  private readonly closing = new Map<string, NoteSummary[]>();

  constructor(notes: Iterable<NoteSummary>) {
    const all = [...notes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const s of all) {
      this.byName.set(s.name, s);
      if (s.process === undefined) continue;
      const list = this.processes.get(s.process);
      if (list) list.push(s);
      else this.processes.set(s.process, [s]);
    }
    this.accepted = all.filter((s) => s.status === 'accepted');
    // The first two closing notes of each process: one of them is another than any note's own.
    for (const [key, list] of this.processes) {
      const closing = list.filter(isClosing).slice(0, 2);
      if (closing.length > 0) this.closing.set(key, closing);
    }
    // An advanced note is followed in its next round's note: that one stands for the process.
    const stands = new Map<string, NoteSummary>();
    this.open = [];
    for (const s of all) {
      if (!isOpen(s)) continue;
      if (s.process === undefined) {
        this.open.push(s);
        continue;
      }
      if (this.closing.has(s.process)) continue;
      const before = stands.get(s.process);
      if (!before || (before.status === 'advanced' && s.status !== 'advanced')) stands.set(s.process, s);
    }
    for (const s of stands.values()) this.open.push(s);
    this.open.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.openNames = new Set(this.open.map((s) => s.name));
    this.openProcesses = new Set(stands.keys());
  }

  static readonly empty = new Search([]);

  /** `self` as a summary: the one given, else the note of that name in the search (a name alone: its process unknown). */
  private selfOf(self: string | NoteSummary): { name: string; process?: string } {
    return typeof self === 'string' ? this.byName.get(self) ?? { name: self } : self;
  }

  /** The first accepted offer (by name) of another process than `self`'s. */
  acceptedOtherThan(self: string | NoteSummary): NoteSummary | undefined {
    const me = this.selfOf(self);
    return this.accepted.find((s) => s.name !== me.name && (me.process === undefined || s.process !== me.process));
  }

  /** The other notes of `self`'s process, by name: how many, and the first `n` (a process copied into thousands of notes costs `n` a note). */
  sameProcess(self: NoteSummary, n = Infinity): { count: number; first: NoteSummary[] } {
    const list = self.process === undefined ? undefined : this.processes.get(self.process);
    if (!list) return { count: 0, first: [] };
    const first: NoteSummary[] = [];
    for (const s of list) {
      if (first.length >= n) break;
      if (s.name !== self.name) first.push(s);
    }
    return { count: list.length - (this.byName.get(self.name)?.process === self.process ? 1 : 0), first };
  }

  /** The first other note of `self`'s process (by name) whose status ends it: rejected, withdrawn, declined, closed or accepted. */
  closedBy(self: NoteSummary): NoteSummary | undefined {
    if (self.process === undefined) return undefined;
    const closing = this.closing.get(self.process);
    return closing?.find((s) => s.name !== self.name);
  }

  /** The open processes other than `self`'s, one note each, by name. */
  openOtherThan(self: string | NoteSummary): NoteSummary[] {
    const me = this.selfOf(self);
    return this.open.filter((s) => s.name !== me.name && (me.process === undefined || s.process !== me.process));
  }

  /**
   * How many open processes there are other than `self`'s, and the first `n` of them: what
   * a message names, without copying a list of thousands for each offer.
   */
  openSample(self: string | NoteSummary, n: number): { count: number; first: NoteSummary[] } {
    const me = this.selfOf(self);
    const first: NoteSummary[] = [];
    for (const s of this.open) {
      if (first.length >= n) break;
      if (s.name !== me.name && (me.process === undefined || s.process !== me.process)) first.push(s);
    }
    // Open is one note a process: self's process stands in it at most once.
    const mine = me.process !== undefined ? this.openProcesses.has(me.process) : this.openNames.has(me.name);
    return { count: this.open.length - (mine ? 1 : 0), first };
  }
}
