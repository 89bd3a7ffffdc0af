/**
 * What `check` keeps of each note whose findings wait for the rest of its search (the rules
 * that read other notes, known once every note is read): where its findings start and where
 * they went in the output, to splice the others in at their place and drop the ones the
 * search silences.
 *
 * Kept small and mostly outside V8's heap: numbers in typed arrays, the few distinct rules,
 * searches and configurations as indexes. Kept as an object with four arrays per note, 10,000
 * notes held 10 MB, and what survives scavenges while the notes are read grows V8's young
 * generation to twice its size for the rest of the run (16 MB more peak memory).
 */
import type { Config, NoteSummary } from '../service';

/** A note's own findings as printed, in output order. */
export interface PendingFindings {
  /** Where each starts in the note (`line * 1e6 + column`). */
  starts: number[];
  rules: string[];
  /** Indexes into the severity names. */
  severities: number[];
  /** Where each finding's text starts in the output. */
  at: number[];
}

/** One note's part, unpacked again: short-lived, one note at a time. */
export interface PendingNote {
  summary: NoteSummary;
  /** The note's path as printed. */
  shown: string;
  search: string;
  config: Config;
  /** Where the note's text ends in the output. */
  end: number;
  /** Its own findings, unpacked on demand: most notes have nothing spliced in or dropped. */
  findings(): PendingFindings;
}

/** A growing list of numbers whose storage is not in the JS heap (a typed array's). */
class Numbers {
  private a = new Float64Array(1024);
  length = 0;

  push(x: number): void {
    if (this.length === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = x;
  }

  at(i: number): number {
    return this.a[i];
  }
}

/** Each distinct value once, and its index. */
class Table<T> {
  readonly values: T[] = [];
  private readonly index = new Map<T, number>();

  of(value: T): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

export class Pending {
  private readonly summaries: NoteSummary[] = [];
  private readonly shown: string[] = [];
  private readonly searches = new Table<string>();
  private readonly configs = new Table<Config>();
  private readonly rules = new Table<string>();
  /** Per note: its search's and configuration's index, its first finding's index, where its text ends. */
  private readonly notes = new Numbers();
  /** Per finding: its start in the note, its place in the output, its severity, its rule's index. */
  private readonly marks = new Numbers();

  /** A note whose findings were printed; its findings follow with `finding`. */
  note(note: Omit<PendingNote, 'findings'>): void {
    this.summaries.push(note.summary);
    this.shown.push(note.shown);
    this.notes.push(this.searches.of(note.search));
    this.notes.push(this.configs.of(note.config));
    this.notes.push(this.marks.length / 4);
    this.notes.push(note.end);
  }

  /** One of the last note's findings, in output order. */
  finding(start: number, rule: string, severity: number, at: number): void {
    this.marks.push(start);
    this.marks.push(at);
    this.marks.push(severity);
    this.marks.push(this.rules.of(rule));
  }

  /** Every note added, in order; then nothing is kept. */
  *drain(): Generator<PendingNote> {
    const count = this.summaries.length;
    for (let n = 0; n < count; n++) {
      const first = this.notes.at(4 * n + 2);
      const to = n + 1 < count ? this.notes.at(4 * (n + 1) + 2) : this.marks.length / 4;
      yield {
        summary: this.summaries[n],
        shown: this.shown[n],
        search: this.searches.values[this.notes.at(4 * n)],
        config: this.configs.values[this.notes.at(4 * n + 1)],
        end: this.notes.at(4 * n + 3),
        findings: () => {
          const out: PendingFindings = { starts: [], rules: [], severities: [], at: [] };
          for (let i = first; i < to; i++) {
            out.starts.push(this.marks.at(4 * i));
            out.at.push(this.marks.at(4 * i + 1));
            out.severities.push(this.marks.at(4 * i + 2));
            out.rules.push(this.rules.values[this.marks.at(4 * i + 3)]);
          }
          return out;
        },
      };
    }
    this.summaries.length = 0;
    this.shown.length = 0;
  }
}
