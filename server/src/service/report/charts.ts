/**
 * The charts as Vega-Lite specifications: data inline (nothing for a loader to fetch), text and
 * axes in `currentColor` so the page's colour (light or dark theme) draws them, and marks in
 * mid-tone colours that read on either background.
 */
import type { ReportFigures } from './figures';

export interface Chart {
  id: string;
  title: string;
  /** The text alternative: what the chart shows, in words and numbers. */
  description: string;
  spec: Record<string, unknown>;
}

const INK = 'currentColor';
// Tableau 10's mid tones: legible on white and on a dark editor background alike.
const OPEN = '#4c78a8';
const OFFER = '#54a24b';
const REJECTED = '#e45756';
const WITHDRAWN = '#b279a2';
const SILENT = '#9d755d';
const LATE = '#f58518';

const STATUS_COLOURS: Record<string, string> = {
  waiting: OPEN, advanced: '#72b7b2', offer: OFFER, accepted: '#2f7d32', declined: '#88d27a', rejected: REJECTED, withdrawn: WITHDRAWN, closed: SILENT,
};

export const CONFIG = {
  background: 'transparent',
  font: 'system-ui, -apple-system, "Segoe UI", sans-serif',
  view: { stroke: null },
  title: { color: INK, fontSize: 14, anchor: 'start' },
  axis: { labelColor: INK, titleColor: INK, domainColor: INK, tickColor: INK, gridColor: INK, gridOpacity: 0.15, labelFontSize: 12, titleFontSize: 12 },
  legend: { labelColor: INK, titleColor: INK, labelFontSize: 12, orient: 'bottom' },
  text: { color: INK },
};

const base = (c: Omit<Chart, 'spec'>, spec: Record<string, unknown>): Chart => ({
  ...c,
  // No title in the drawing: the page heads each chart with it (and the SVG's <title> names it).
  spec: { description: c.description, width: 420, config: CONFIG, ...spec },
});

/** Bars with their counts written at their end. */
function bars(values: { label: string; n: number; colour: string }[], y: string, x: string): Record<string, unknown> {
  const order = values.map((v) => v.label);
  return {
    data: { values },
    height: { step: 26 },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: order, title: y },
      x: { field: 'n', type: 'quantitative', title: x, axis: { tickMinStep: 1, format: 'd' } },
    },
    layer: [
      { mark: { type: 'bar', cornerRadiusEnd: 3 }, encoding: { color: { field: 'colour', type: 'nominal', scale: null } } },
      { mark: { type: 'text', align: 'left', dx: 4, color: INK }, encoding: { text: { field: 'n', type: 'quantitative' } } },
    ],
  };
}

/** Weeks drawn in the activity chart, up to today's. */
export const CHART_WEEKS = 26;

const list = (values: { label: string; n: number }[]) => values.map((v) => `${v.label} ${v.n}`).join(', ');

export function chartsOf(f: ReportFigures): Chart[] {
  const status = Object.entries(f.by_status).filter(([, n]) => n > 0).map(([label, n]) => ({ label, n, colour: STATUS_COLOURS[label] }));
  const funnel = [
    { label: '1 or more rounds', n: f.rounds_reached['1'] },
    { label: '2 or more rounds', n: f.rounds_reached['2'] },
    { label: '3 or more rounds', n: f.rounds_reached['3'] },
  ];
  const thanks = [
    { label: 'same day', n: f.thank_you.same_day, colour: OFFER },
    { label: 'next day', n: f.thank_you.next_day, colour: OPEN },
    { label: '2+ days later', n: f.thank_you.later, colour: LATE },
    { label: 'none recorded', n: f.thank_you.none, colour: SILENT },
  ];
  const kinds = [['interviews', 'Interviews', OPEN], ['thank_yous', 'Thank-yous', OFFER], ['check_ins', 'Check-ins', LATE]] as const;
  // The chart shows the last half year (the JSON and the table have every week): bars stay readable.
  const shown = f.weeks.slice(-CHART_WEEKS);
  const weekly = shown.flatMap((w) => kinds.map(([key, kind]) => ({ week: w.week, kind, n: w[key] })));
  const busy = shown.filter((w) => w.interviews + w.thank_yous + w.check_ins > 0);
  return [
    base({
      id: 'status', title: 'Where processes stand',
      description: `Processes by status: ${list(status) || 'none'}. Outcomes: ${Object.entries(f.outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}.`,
    }, bars(status.length > 0 ? status : [{ label: 'none yet', n: 0, colour: OPEN }], 'Status', 'Processes')),
    base({
      id: 'funnel', title: 'How far they got',
      description: `Processes by rounds held, as a funnel: ${list(funnel)}, of ${f.processes} processes.`,
    }, {
      data: { values: funnel },
      height: { step: 34 },
      transform: [{ calculate: '-datum.n / 2', as: 'lo' }, { calculate: 'datum.n / 2', as: 'hi' }],
      encoding: { y: { field: 'label', type: 'nominal', sort: funnel.map((v) => v.label), title: null } },
      layer: [
        { mark: { type: 'bar', color: OPEN, cornerRadius: 3 }, encoding: { x: { field: 'lo', type: 'quantitative', axis: null }, x2: { field: 'hi' } } },
        { mark: { type: 'text', color: INK, fontWeight: 'bold' }, encoding: { x: { datum: 0, type: 'quantitative' }, text: { field: 'n', type: 'quantitative' } } },
      ],
    }),
    base({
      id: 'thank-you', title: 'Thank-you notes after each interview',
      description: `Interviews held by when the thank-you note went out: ${list(thanks)}.`,
    }, bars(thanks, 'Sent', 'Interviews')),
    base({
      id: 'weeks', title: f.weeks.length > CHART_WEEKS ? `Activity per week (the last ${CHART_WEEKS})` : 'Activity per week',
      description: busy.length === 0 ? 'No interviews, thank-you notes or check-ins yet.'
        : `Per ISO week, interviews, thank-you notes and check-ins: ${busy.map((w) => `${w.week} ${w.interviews}, ${w.thank_yous}, ${w.check_ins}`).join('; ')}; other weeks none.`,
    }, {
      data: { values: weekly.length > 0 ? weekly : [{ week: 'none yet', kind: 'Interviews', n: 0 }] },
      mark: { type: 'bar' },
      height: 180,
      encoding: {
        x: { field: 'week', type: 'ordinal', title: 'ISO week', axis: { labelAngle: -45 } },
        y: { field: 'n', type: 'quantitative', title: 'Count', axis: { tickMinStep: 1, format: 'd' } },
        color: { field: 'kind', type: 'nominal', title: null, scale: { domain: kinds.map((k) => k[1]), range: kinds.map((k) => k[2]) } },
        xOffset: { field: 'kind', sort: kinds.map((k) => k[1]) },
      },
    }),
  ];
}
