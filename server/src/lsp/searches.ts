/**
 * The server's searches: one per workspace folder. Each note's own diagnostics and its summary
 * are kept, so a change to one note re-checks exactly the notes whose findings read it
 * (withdraw-others on every open process when an acceptance comes or goes, weigh-offer on every
 * offer when an open process changes, same-process on the notes of one process), from the
 * summaries alone: no file read, no parse.
 */
import * as path from 'node:path';
import { relativeTo } from '../node';
import { Config, isOpen, NoteSummary, Search } from '../service';
import { DiagnosticsJson } from './diagnostics/json';

interface Entry {
  folder: string;
  /** The note's own diagnostics, as the client counts positions, as JSON (10,000 notes' objects weigh). */
  local: DiagnosticsJson;
  /** Its summary, anchorRange as the client counts positions. */
  summary?: NoteSummary;
  config: Config;
}

export class Searches {
  private readonly entries = new Map<string, Entry>();
  private readonly indexes = new Map<string, Search>();

  /** `folderOf`: the folder a note's search is (see Host). */
  constructor(readonly folderOf: (file: string) => string) {}

  /** Every note recorded (a full re-check drops those gone from disk). */
  paths(): string[] {
    return [...this.entries.keys()];
  }

  nameOf(file: string): string {
    const rel = relativeTo(this.folderOf(file), file);
    return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  }

  get(file: string): Entry | undefined {
    return this.entries.get(file);
  }

  /**
   * Records a note; answers the other notes of its search whose cross-note findings may change
   * with it.
   */
  set(file: string, entry: Entry, dependents = true): string[] {
    const before = this.entries.get(file)?.summary;
    this.entries.set(file, entry);
    return this.changed(file, entry.folder, before, entry.summary, dependents);
  }

  /** Forgets a note; answers the notes whose cross-note findings may change without it. */
  delete(file: string): string[] {
    const entry = this.entries.get(file);
    if (!entry) return [];
    this.entries.delete(file);
    return this.changed(file, entry.folder, entry.summary, undefined);
  }

  /** Every index rebuilt on next use: after a full check. */
  invalidate(): void {
    this.indexes.clear();
  }

  search(folder: string): Search {
    let index = this.indexes.get(folder);
    if (!index) {
      const summaries: NoteSummary[] = [];
      for (const e of this.entries.values()) if (e.folder === folder && e.summary) summaries.push(e.summary);
      this.indexes.set(folder, (index = new Search(summaries)));
    }
    return index;
  }

  /** `dependents: false` (a full check, which publishes every note anyway): the index is reset, nothing listed. */
  private changed(file: string, folder: string, before: NoteSummary | undefined, after: NoteSummary | undefined, dependents = true): string[] {
    const accepted = (s?: NoteSummary) => (s?.status === 'accepted' ? `${s.company}\u0000${s.name}\u0000${s.process}` : '');
    const open = (s?: NoteSummary) => (s && isOpen(s) ? `${s.company}\u0000${s.next}\u0000${s.name}\u0000${s.process}` : '');
    // same-process names the others with their statuses; a closing one closes them all.
    const member = (s?: NoteSummary) => (s?.process !== undefined ? `${s.process}\u0000${s.status}\u0000${s.name}` : '');
    const acceptedChanged = accepted(before) !== accepted(after);
    const openChanged = open(before) !== open(after);
    const memberChanged = member(before) !== member(after);
    if (!acceptedChanged && !openChanged && !memberChanged) return [];
    // A full check rebuilds the indexes once, at its end (invalidate): not once a note.
    if (!dependents) return [];
    this.indexes.delete(folder);
    const out: string[] = [];
    for (const [other, e] of this.entries) {
      if (other === file || e.folder !== folder || !e.summary) continue;
      // withdraw-others reads the accepted notes (on every open process); weigh-offer, the open
      // processes (on every offer: a process closed in one note leaves them); same-process and
      // the gate, the notes of one process.
      const sibling = memberChanged && e.summary.process !== undefined && (e.summary.process === before?.process || e.summary.process === after?.process);
      if ((acceptedChanged && isOpen(e.summary)) || ((openChanged || memberChanged) && e.summary.status === 'offer') || sibling) out.push(other);
    }
    return out;
  }
}
