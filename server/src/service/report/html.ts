/**
 * The report as one self-contained HTML page: the charts as inline SVG, the figures as text
 * beside them, one style sheet, no script, no font, no image, nothing from the network. Its own
 * Content-Security-Policy allows nothing but its inline styles, so it opens the same from a
 * file, in a browser or in an editor's webview. Colours follow the page (a webview's theme
 * variables, else the system's light or dark scheme); the charts draw in currentColor.
 */
import type { Chart } from './charts';
import type { ReportFigures } from './figures';
import { days, percent } from './markdown';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const esc = (s: string | number) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
:root { color-scheme: light dark; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 3rem; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--vscode-editor-foreground, CanvasText); background: var(--vscode-editor-background, Canvas); }
h1 { font-size: 1.5rem; margin: 0.5rem 0; } h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
.lead { opacity: 0.85; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 1.5rem; }
figure { margin: 0; padding: 1rem; border: 1px solid color-mix(in srgb, currentColor 20%, transparent); border-radius: 6px; }
figure svg { display: block; max-width: 100%; height: auto; color: inherit; }
figcaption { margin-top: 0.5rem; font-size: 0.9rem; opacity: 0.85; }
table { border-collapse: collapse; margin: 0.5rem 0; } th, td { padding: 0.15rem 0.75rem 0.15rem 0; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
thead th { font-weight: 600; } tbody th { font-weight: normal; }
th {  border-bottom: 1px solid color-mix(in srgb, currentColor 30%, transparent); }
section { margin-top: 1.5rem; }
`;

function table(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${
    rows.map((r) => `<tr>${r.map((c, k) => (k === 0 ? `<th scope="row">${esc(c)}</th>` : `<td class="n">${esc(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
}

const spread = (s: ReportFigures['days_between_rounds']) => (s.count === 0 ? 'none yet' : `${days(s.median)} (median of ${s.count})`);

/** The figures each chart shows, as a table under it. */
function figuresFor(id: string, f: ReportFigures): string {
  switch (id) {
    case 'status':
      return table(['Status', 'Processes'], Object.entries(f.by_status).filter(([, n]) => n > 0))
        + table(['Outcome', 'Processes'], Object.entries(f.outcomes));
    case 'funnel':
      return table(['Rounds held', 'Processes'], Object.entries(f.rounds_reached).map(([k, n]) => [`${k} or more`, n]))
        + `<p>Days between rounds: ${esc(spread(f.days_between_rounds))}.</p>`;
    case 'thank-you':
      return table(['Sent', 'Interviews'], [['same day', f.thank_you.same_day], ['next day', f.thank_you.next_day], ['2 or more days later', f.thank_you.later], ['none recorded', f.thank_you.none]]);
    case 'weeks': {
      const busy = f.weeks.filter((w) => w.interviews + w.thank_yous + w.check_ins > 0);
      return busy.length === 0 ? '<p>Nothing yet.</p>'
        : table(['Week', 'Interviews', 'Thank-yous', 'Check-ins'], busy.map((w) => [`${w.week} (${w.from})`, w.interviews, w.thank_yous, w.check_ins]));
    }
    default:
      return '';
  }
}

export function reportHtml(f: ReportFigures, charts: { chart: Chart; svg: string }[]): string {
  const parts: string[] = [];
  parts.push(`<p class="lead">${f.processes} process${f.processes === 1 ? '' : 'es'}, ${f.rounds_held} interview${f.rounds_held === 1 ? '' : 's'} held, ${f.check_ins} check-in${f.check_ins === 1 ? '' : 's'} sent, as of ${esc(f.today)}.</p>`);
  parts.push('<div class="charts">');
  for (const { chart, svg } of charts) {
    parts.push(`<figure aria-labelledby="cap-${esc(chart.id)}"><h2 id="cap-${esc(chart.id)}">${esc(chart.title)}</h2>${svg}<figcaption>${figuresFor(chart.id, f)}</figcaption></figure>`);
  }
  parts.push('</div>');
  if (f.replies) {
    const r = f.replies;
    parts.push(`<section><h2>Replies</h2>${table(['Figure', 'Value'], [
      ['replies recorded', r.recorded],
      ['time to hear back after an interview', spread(r.after_round)],
      ['time to hear back after a check-in', spread(r.after_check_in)],
      ['check-ins answered', `${r.check_ins_answered.answered} of ${r.check_ins_answered.of} (${percent(r.check_ins_answered.share)})`],
    ])}</section>`);
  }
  if (f.left_out.length > 0) {
    parts.push(`<section><h2>Left out</h2><p>These notes have errors to fix first (run <code>interview-followup check</code>):</p><ul>${f.left_out.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></section>`);
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Job search report, ${esc(f.today)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Job search report, ${esc(f.today)}</h1>
${parts.join('\n')}
</body>
</html>
`;
}
