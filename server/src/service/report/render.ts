/**
 * The charts drawn ahead of time: Vega-Lite compiled to Vega, rendered to SVG text by a
 * headless view (no DOM, no canvas). The libraries are loaded on the first report only (ESM,
 * hence import()), so `check` and the server's start do not pay for them. The data is inline;
 * the view's loader refuses every load, so nothing a spec names is ever fetched or read.
 */
import type { Chart } from './charts';

type Vega = typeof import('vega', { with: { 'resolution-mode': 'import' } });
type VegaLite = typeof import('vega-lite', { with: { 'resolution-mode': 'import' } });

let libraries: Promise<{ vega: Vega; vl: VegaLite }> | undefined;

/** Loads vega and vega-lite once. */
export function loadCharting(): Promise<{ vega: Vega; vl: VegaLite }> {
  // The extension bundles both in one CommonJS file (dist/charting.js): import() gives its
  // exports as `default`, the library under its name.
  const exportsOf = <T extends object>(m: T, name: string, lib: string): T => {
    if (name in m) return m;
    const bundle = (m as unknown as { default: Record<string, T> }).default;
    return bundle[lib] ?? (bundle as unknown as T);
  };
  return (libraries ??= Promise.all([import('vega'), import('vega-lite')])
    .then(([vega, vl]) => ({ vega: exportsOf(vega, 'View', 'vega'), vl: exportsOf(vl, 'compile', 'vega-lite') })));
}

const refuse = () => Promise.reject(new Error('the report loads nothing: its data is inline'));
const NO_LOADER = { load: refuse, sanitize: refuse, http: refuse, file: refuse };

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One chart as an SVG element: a title and a description for assistive technology first. */
export async function renderChart(chart: Chart): Promise<string> {
  const { vega, vl } = await loadCharting();
  const compiled = vl.compile(chart.spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: NO_LOADER as never });
  try {
    const svg = await view.toSVG();
    const id = `chart-${chart.id}`;
    return svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${id}-title ${id}-desc" id="${id}" `)
      .replace(/^(<svg[^>]*>)/, `$1<title id="${id}-title">${escapeXml(chart.title)}</title><desc id="${id}-desc">${escapeXml(chart.description)}</desc>`);
  } finally {
    view.finalize();
  }
}
