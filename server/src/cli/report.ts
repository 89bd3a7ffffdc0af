/**
 * `report`: the figures of the job search, from the notes alone, as JSON, markdown tables or
 * one self-contained HTML page with charts. The same walk and config as `check`; a note with an
 * error is left out (its figures would be wrong) and named.
 */
import * as path from 'node:path';
import { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../service';
import { factsOf, ProcessFacts, renderReport, ReportFormat, reportFigures } from '../service/report';
import { CliIO, gather, parseArgs, printable, reportProblems, todayFrom, UsageError, writeOutputFile } from './common';

const FORMATS: ReportFormat[] = ['html', 'md', 'json'];

export const hasError = (ds: Diagnostic[]) => ds.some((d) => (d.severity ?? 1) === 1);

export async function report(args: string[], io: CliIO): Promise<number> {
  const { positional, values } = parseArgs(args, { '--today': 'value', '--format': 'value', '-o': 'value', '--output': 'value', '--force': 'bool' });
  const today = todayFrom(values, io);
  const format = (values['--format'] ?? 'html') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be html, md or json, not '${values['--format']}'`);
  const output = values['-o'] ?? values['--output'];
  const service = createLanguageService();
  const processes: ProcessFacts[] = [];
  const leftOut: string[] = [];
  const g = await gather(positional, io, (note) => {
    const doc = { uri: note.file, text: note.text };
    const found = service.check(doc, { today, config: note.resolved.config, deferCross: true });
    if (!found) return;
    const parsed = service.parsed(doc);
    const facts = parsed && !hasError(found) ? factsOf(parsed, note.shown) : undefined;
    if (facts) processes.push(facts);
    else leftOut.push(note.shown);
  });
  const unreadable = reportProblems(g, io);
  const text = await renderReport(reportFigures(processes, leftOut, today), format);
  if (leftOut.length > 0) io.stderr(`interview-followup: ${printable(`left out ${leftOut.length} note${leftOut.length === 1 ? '' : 's'} with errors: ${leftOut.join(', ')}`)}\n`);
  if (output && output !== '-') {
    await writeOutputFile(io, output, text, values['--force'] !== undefined);
    io.stderr(`interview-followup: ${printable(`wrote the report of ${processes.length} processes to ${output}`)}\n`);
  } else {
    io.stdout(text);
  }
  return unreadable ? 2 : 0;
}
