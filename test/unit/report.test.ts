/** The report's stages on their own: ISO weeks, the weeks' bound, the page's escaping, a loader that loads nothing. */
import assert from 'node:assert/strict';
import { parseIsoDay } from '../../server/src/service';
import { chartsOf, CHART_WEEKS } from '../../server/src/service/report/charts';
import { figuresOf, isoWeek, MAX_WEEKS } from '../../server/src/service/report/figures';
import type { ProcessFacts } from '../../server/src/service/report/facts';
import { reportPage } from '../../server/src/service/report';
import { renderChart } from '../../server/src/service/report/render';

const day = (s: string) => parseIsoDay(s)!;
const process = (meetings: string[], extra: Partial<ProcessFacts> = {}): ProcessFacts => ({
  file: 'a.md', status: 'waiting', meetings: meetings.map((d) => ({ day: day(d), cancelled: false })), checkIns: [], replies: [], ...extra,
});

describe('report stages', () => {
  it('names ISO weeks by the year of their Thursday', () => {
    assert.equal(isoWeek(day('2026-01-01')), '2026-W01');
    assert.equal(isoWeek(day('2025-12-29')), '2026-W01');
    assert.equal(isoWeek(day('2027-01-01')), '2026-W53');
    assert.equal(isoWeek(day('2024-12-30')), '2025-W01');
    assert.equal(isoWeek(day('2026-11-26')), '2026-W48');
  });

  it('lists at most five years of weeks, and draws the last half year', () => {
    const f = figuresOf([process(['1900-01-01', '2023-01-02', '2026-11-02'])], [], day('2026-11-26'));
    assert.equal(f.rounds_held, 3, 'every round counts');
    assert.equal(f.weeks.length, 52 + 52 + 52 + 48, 'from 2023-W01 to 2026-W48; 1900 is past the bound');
    assert.ok(f.weeks.length <= MAX_WEEKS);
    assert.equal(f.weeks[0].week, '2023-W01');
    const weeks = chartsOf(f).find((c) => c.id === 'weeks')!;
    assert.equal(weeks.title, `Activity per week (the last ${CHART_WEEKS})`);
    assert.equal(new Set(((weeks.spec.data as { values: { week: string }[] }).values).map((v) => v.week)).size, CHART_WEEKS);
  });

  it('escapes what the notes name on the page, and has no script', async () => {
    const f = figuresOf([process(['2026-11-02'])], ['<img src=x onerror=alert(1)>.md'], day('2026-11-26'));
    const html = await reportPage(f);
    assert.match(html, /<li>&lt;img src=x onerror=alert\(1\)&gt;\.md<\/li>/);
    assert.doesNotMatch(html, /<img|<script/i);
  });

  it('never loads data a spec names', async () => {
    const chart = { id: 'x', title: 'x', description: 'x', spec: { data: { url: 'https://example.invalid/data.json' }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } } };
    const asked: string[] = [];
    const fetch = globalThis.fetch;
    globalThis.fetch = ((url: unknown) => {
      asked.push(String(url));
      return Promise.reject(new Error('no network in this test'));
    }) as typeof globalThis.fetch;
    try {
      // Drawn without the data (the load is refused), or refused outright: either way nothing is fetched.
      await renderChart(chart).catch(() => undefined);
    } finally {
      globalThis.fetch = fetch;
    }
    assert.deepEqual(asked, []);
  });
});
