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
}

/** An open process: one you could still withdraw from, or weigh an offer against. */
export const isOpen = (s: NoteSummary) => s.status === 'waiting' || s.status === 'advanced' || s.status === 'offer';

/** The summary of a note; undefined when it is not an interview note. */
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
  return {
    name,
    company: i.company.kind === 'ok' ? i.company.value : undefined,
    role: i.role.kind === 'ok' ? i.role.value : undefined,
    status,
    next: next ? `${next.stage ?? 'interview'} ${formatDay(next.day)}` : status ?? 'status unknown',
    anchor,
    anchorRange: view.rangeOf(anchor),
    ...(silence ? { silence } : {}),
    ...(first !== undefined ? { first } : {}),
    ...(i.offerDeadline.kind === 'ok' ? { offerDeadline: i.offerDeadline.value } : {}),
  };
}

/** The notes of one search, indexed for the cross-note rules: a look-up per note, not a scan. */
export class Search {
  private readonly accepted: NoteSummary[];
  private readonly open: NoteSummary[];
  private readonly openNames: Set<string>;

  constructor(notes: Iterable<NoteSummary>) {
    const all = [...notes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.accepted = all.filter((s) => s.status === 'accepted');
    this.open = all.filter(isOpen);
    this.openNames = new Set(this.open.map((s) => s.name));
  }

  static readonly empty = new Search([]);

  /** The first accepted offer (by name) other than `self`'s note. */
  acceptedOtherThan(self: string): NoteSummary | undefined {
    return this.accepted.find((s) => s.name !== self);
  }

  /** The open processes other than `self`'s note, by name. */
  openOtherThan(self: string): NoteSummary[] {
    return this.open.filter((s) => s.name !== self);
  }

  /**
   * How many open processes there are other than `self`'s note, and the first `n` of them: what
   * a message names, without copying a list of thousands for each offer.
   */
  openSample(self: string, n: number): { count: number; first: NoteSummary[] } {
    const first: NoteSummary[] = [];
    for (const s of this.open) {
      if (first.length >= n) break;
      if (s.name !== self) first.push(s);
    }
    return { count: this.open.length - (this.openNames.has(self) ? 1 : 0), first };
  }
}
