/**
 * The CLI's searches: notes grouped as the rules that read other notes see them (the folder of
 * the nearest config, else the PATH argument), summarized as they are read, indexed once all are.
 */
import { NoteSummary, Search } from '../service/search';

export class Searches {
  private readonly summaries = new Map<string, NoteSummary[]>();
  private readonly indexes = new Map<string, Search>();

  add(search: string, summary: NoteSummary | undefined): void {
    if (!summary) return;
    const list = this.summaries.get(search);
    if (list) list.push(summary);
    else this.summaries.set(search, [summary]);
  }

  /** The index of one search; built on first use, once every note has been added. */
  of(search: string): Search {
    let index = this.indexes.get(search);
    if (!index) this.indexes.set(search, (index = new Search(this.summaries.get(search) ?? [])));
    return index;
  }
}
