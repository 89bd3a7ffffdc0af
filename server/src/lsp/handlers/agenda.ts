/**
 * The agenda request (VS Code's Follow-ups view): every note the server knows (found on disk
 * in the workspace folders, or open), each with its own configuration, through the service's
 * agenda (agendaOf, as `interview-followup agenda` prints it), sorted by compareAgenda.
 */
import { AgendaItem, AGENDA_GROUPS, compareAgenda, formatDay, GROUP_TITLES, NoteAgenda } from '../../service';
import { AgendaEntry, AgendaParams, AgendaResult, Requests } from '../../protocol';
import { reason } from '../../node';
import { Server } from '../parts';

interface Row {
  item: AgendaItem;
  entry: AgendaEntry;
  /** Sorts like the CLI's file column. */
  key: string;
}

export function registerAgenda({ host, checker }: Server): void {
  const empty = (_params?: AgendaParams): AgendaResult => ({ today: formatDay(host.today()), days: 7, groups: [], notes: 0, invalid: [] });

  host.connection.onRequest(Requests.agenda, host.safe.request('agenda', empty, async (params: AgendaParams | undefined) => {
    const today = host.today();
    const days = Number.isInteger(params?.days) && params!.days! >= 0 ? params!.days! : 7;
    const rows: Row[] = [];
    const invalid: string[] = [];
    let notes = 0;
    const add = (key: string, uri: string, text: string, r: NoteAgenda | undefined) => {
      if (!r) return;
      notes++;
      if (!r.item) {
        if (r.skipped === 'invalid') invalid.push(uri);
        return;
      }
      const { item } = r;
      const c = host.converter(text);
      rows.push({ item, key, entry: {
        group: item.group, kind: item.kind, date: formatDay(item.day), action: item.action, when: item.when, company: item.company,
        role: item.role, uri, range: c.rangeToClient(r.range), ...(r.rule ? { rule: r.rule } : {}),
      } });
    };

    const files = new Set(checker.onDisk);
    for (const p of host.documents.paths()) files.add(p);
    for (const file of files) {
      const resolved = host.resolver.forFile(file);
      if (!checker.checks(file, resolved)) continue;
      let text = host.documents.atPath(file)?.getText();
      try {
        text ??= await host.notes.read(file); // up to the end of the front matter, as the scan reads
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') host.log(`agenda: cannot read ${file}: ${reason(err)}`);
        continue;
      }
      const uri = host.uriFor(file);
      add(file, uri, text, host.service.agenda({ uri, text }, { today, config: resolved.config, horizon: days }));
    }
    for (const doc of host.documents.untitled()) {
      const text = doc.getText();
      add(doc.uri, doc.uri, text, host.service.agenda({ uri: doc.uri, text }, { ...host.editorOptions(doc.uri), horizon: days }));
    }

    rows.sort((a, b) => compareAgenda(a.item, b.item) || a.key.localeCompare(b.key));
    const groups = AGENDA_GROUPS.map((id) => ({ id, title: GROUP_TITLES[id], entries: rows.filter((r) => r.item.group === id).map((r) => r.entry) }))
      .filter((g) => g.entries.length > 0);
    return { today: formatDay(today), days, groups, notes, invalid: invalid.sort() } satisfies AgendaResult;
  }));
}
