/**
 * The agenda request (VS Code's Follow-ups view): every note the server knows (found on disk
 * in the workspace folders, or open), each with its own configuration, through the service's
 * agenda (agendaOf, as `interview-followup agenda` prints it), sorted by compareAgenda. A
 * note's row is kept until the checker checks the note again (its stamp changes: an edit, a
 * file event, a new setting or day), so a refresh after one edit reads one note, not all.
 */
import { AgendaItem, AGENDA_GROUPS, compareAgenda, formatDay, GROUP_TITLES, NoteAgenda } from '../../service';
import { AgendaEntry, AgendaParams, AgendaResult, Requests } from '../../protocol';
import { reason } from '../../node';
import { Server } from '../parts';

/** What one note adds to the agenda: an entry, or why none (undefined: not an interview note). */
type Row = { item: AgendaItem; entry: AgendaEntry } | { skipped: 'closed' | 'invalid' | 'quiet' } | undefined;

interface Cached {
  stamp: number;
  days: number;
  uri: string;
  row: Row;
}

export function registerAgenda({ host, checker }: Server): void {
  const cache = new Map<string, Cached>();
  const empty = (_params?: AgendaParams): AgendaResult => ({ today: formatDay(host.today()), days: 7, groups: [], notes: 0, invalid: [] });

  /** The service's answer as a row, its range in the client's encoding. */
  const rowOf = (uri: string, text: string, r: NoteAgenda | undefined): Row => {
    if (!r) return undefined;
    if (!r.item) return { skipped: r.skipped };
    const { item } = r;
    return { item, entry: {
      group: item.group, kind: item.kind, date: formatDay(item.day), action: item.action, when: item.when, company: item.company,
      role: item.role, uri, range: host.converter(text).rangeToClient(r.range), ...(r.rule ? { rule: r.rule } : {}),
    } };
  };

  host.connection.onRequest(Requests.agenda, host.safe.request('agenda', empty, async (params: AgendaParams | undefined) => {
    // Today may be pinned by a setting: not read before the settings are.
    await host.settingsLoaded;
    const today = host.today();
    const days = Number.isInteger(params?.days) && params!.days! >= 0 ? params!.days! : 7;
    const rows: { key: string; uri: string; row: Row }[] = [];

    const files = new Set(checker.onDisk);
    for (const p of host.documents.paths()) files.add(p);
    for (const key of cache.keys()) if (!files.has(key)) cache.delete(key);
    for (const file of files) {
      const stamp = checker.stamps.get(file);
      const uri = host.uriFor(file);
      const hit = cache.get(file);
      if (hit && hit.stamp === stamp && hit.days === days && hit.uri === uri) {
        rows.push({ key: file, uri, row: hit.row });
        continue;
      }
      const resolved = host.resolver.forFile(file);
      if (!checker.checks(file, resolved)) continue;
      let text = host.documents.atPath(file)?.getText();
      try {
        text ??= await host.notes.read(file); // up to the end of the front matter, as the scan reads
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') host.log(`agenda: cannot read ${file}: ${reason(err)}`);
        continue;
      }
      // With the other notes of its search (an accepted offer elsewhere makes this a withdrawal).
      const options = { ...host.editorOptions(uri), today, config: resolved.config, horizon: days };
      const row = rowOf(uri, text, host.service.agenda({ uri, text }, options));
      if (stamp !== undefined) cache.set(file, { stamp, days, uri, row });
      rows.push({ key: file, uri, row });
    }
    for (const doc of host.documents.untitled()) {
      const text = doc.getText();
      rows.push({ key: doc.uri, uri: doc.uri, row: rowOf(doc.uri, text, host.service.agenda({ uri: doc.uri, text }, { ...host.editorOptions(doc.uri), horizon: days })) });
    }

    const open = rows.filter((r): r is { key: string; uri: string; row: { item: AgendaItem; entry: AgendaEntry } } => !!r.row && 'item' in r.row)
      .sort((a, b) => compareAgenda(a.row.item, b.row.item) || a.key.localeCompare(b.key));
    const groups = AGENDA_GROUPS.map((id) => ({ id, title: GROUP_TITLES[id], entries: open.filter((r) => r.row.item.group === id).map((r) => r.row.entry) }))
      .filter((g) => g.entries.length > 0);
    const invalid = rows.filter((r) => r.row && 'skipped' in r.row && r.row.skipped === 'invalid').map((r) => r.uri).sort();
    return { today: formatDay(today), days, groups, notes: rows.filter((r) => r.row).length, invalid } satisfies AgendaResult;
  }));
}
