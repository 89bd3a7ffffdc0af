/**
 * The job search report, in stages: each note's facts (facts.ts) -> the figures (figures.ts,
 * the JSON) -> markdown tables (markdown.ts) or charts (charts.ts, render.ts) on one HTML page
 * (html.ts). Pure: the host reads the notes and passes today in.
 */
import type { Day } from '../dates';
import { chartsOf } from './charts';
import { figuresOf, ReportFigures } from './figures';
import type { ProcessFacts } from './facts';
import { reportHtml } from './html';
import { reportMarkdown } from './markdown';
import { renderChart } from './render';

export { factsOf } from './facts';
export type { ProcessFacts } from './facts';
export type { ReportFigures } from './figures';
export { REPORT_CSP } from './html';
export { loadCharting } from './render';

export type ReportFormat = 'html' | 'md' | 'json';

export function reportFigures(processes: ProcessFacts[], leftOut: string[], today: Day): ReportFigures {
  return figuresOf(processes, leftOut, today);
}

export const reportJson = (f: ReportFigures): string => `${JSON.stringify(f, null, 2)}\n`;

export { reportMarkdown };

/** The HTML page; async, as the charts are drawn by a library loaded on first use. */
export async function reportPage(f: ReportFigures): Promise<string> {
  const charts = [];
  for (const chart of chartsOf(f)) charts.push({ chart, svg: await renderChart(chart) });
  return reportHtml(f, charts);
}

export async function renderReport(f: ReportFigures, format: ReportFormat): Promise<string> {
  if (format === 'json') return reportJson(f);
  if (format === 'md') return reportMarkdown(f);
  return reportPage(f);
}
