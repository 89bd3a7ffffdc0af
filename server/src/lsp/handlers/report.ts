/**
 * `interviewFollowup.report` (workspace/executeCommand): the job search report of every note the
 * server knows (on disk in the workspace folders, or open), as the CLI's `report` computes it:
 * the HTML page and the JSON figures. A note with an error is left out and named. Each note's
 * facts are kept until the checker checks it again (its stamp changes), so a refresh after one
 * save reads one note; the charting library is loaded on the first report only.
 */
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { reason } from '../../node';
import type { ReportResult } from '../../protocol';
import { factsOf, ProcessFacts, reportFigures, reportPage } from '../../service/report';
import { Server } from '../parts';

type Row = { facts: ProcessFacts } | { leftOut: string } | undefined;

const hasError = (ds: Diagnostic[]) => ds.some((d) => (d.severity ?? 1) === 1);

/** The command's runner, for the server's one executeCommand handler. */
export function reportRunner({ host, checker }: Server): () => Promise<ReportResult> {
  const cache = new Map<string, { stamp: number; shown: string; row: Row }>();
  return async () => {
    await host.settingsLoaded;
    const today = host.today();
    const processes: ProcessFacts[] = [];
    const leftOut: string[] = [];
    const files = new Set(checker.onDisk);
    for (const p of host.documents.paths()) files.add(p);
    for (const key of cache.keys()) if (!files.has(key)) cache.delete(key);
    const add = (row: Row) => {
      if (row && 'facts' in row) processes.push(row.facts);
      else if (row) leftOut.push(row.leftOut);
    };
    for (const file of [...files].sort()) {
      const stamp = checker.stamps.get(file);
      const folder = host.workspaceFolderOf(file);
      const shown = folder ? path.relative(folder, file) : file;
      const hit = cache.get(file);
      if (hit && hit.stamp === stamp && hit.shown === shown) {
        add(hit.row);
        continue;
      }
      const resolved = host.resolver.forFile(file);
      if (!checker.checks(file, resolved)) continue;
      let text = host.documents.atPath(file)?.getText();
      try {
        text ??= await host.notes.read(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') host.log(`report: cannot read ${file}: ${reason(err)}`);
        continue;
      }
      const doc = { uri: host.uriFor(file), text };
      const found = host.service.check(doc, { today, config: resolved.config, deferCross: true });
      const parsed = found && host.service.parsed(doc);
      const facts = parsed && !hasError(found) ? factsOf(parsed, shown) : undefined;
      const row: Row = !found ? undefined : facts ? { facts } : { leftOut: shown };
      if (stamp !== undefined) cache.set(file, { stamp, shown, row });
      add(row);
    }
    const json = reportFigures(processes, leftOut.sort(), today);
    return { json, html: await reportPage(json) };
  };
}
