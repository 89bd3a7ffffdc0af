/**
 * The HTML report in a real browser (headless Chromium through playwright-core, as the e2e
 * tests drive it): no console error, no request leaving the page, every chart drawn.
 * Skipped (and said so) where Chromium is not installed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumBin, launchChromium } from '../e2e/code-server';
import { announceSkip, REQUIRE_ALL, requiredError, skippedLine } from '../layers';
import { runReport } from './run-report';

describe('CLI report in Chromium', function () {
  this.timeout(60000);
  let browser: Browser | undefined;
  let base: string;

  before(async function () {
    if (!fs.existsSync(chromiumBin())) {
      const why = `chromium not found at ${chromiumBin()}`;
      if (REQUIRE_ALL) throw requiredError('the report in Chromium', why);
      announceSkip(skippedLine('the report in Chromium', why, 'scripts/setup-code-server.sh'));
      this.skip();
    }
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-report-html-'));
    browser = await launchChromium(base);
  });

  after(async () => {
    await browser?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`opens from a file with every chart drawn, no console error and no request out (${scheme})`, async () => {
      const file = path.join(base, `report-${scheme}.html`);
      const r = runReport(['examples/notes', '--today', '2026-11-26', '-o', file]);
      assert.equal(r.status, 0, r.stderr);
      const page = await browser!.newPage({ colorScheme: scheme });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('request', (req) => { if (req.url() !== `file://${file}`) requests.push(req.url()); });
      await page.goto(`file://${file}`);
      const charts = await page.$$eval('figure svg', (svgs) => svgs.map((s) => ({
        title: s.querySelector('title')?.textContent ?? '',
        desc: s.querySelector('desc')?.textContent ?? '',
        marks: s.querySelectorAll('path, rect, line, text').length,
        bars: s.querySelectorAll('.mark-rect path, .role-mark path').length,
        width: s.getBoundingClientRect().width,
        colour: (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(s).color,
      })));
      assert.deepEqual(charts.map((c) => c.title), ['Where processes stand', 'How far they got', 'Thank-you notes after each interview', 'Activity per week']);
      for (const c of charts) {
        assert.ok(c.bars > 0, `${c.title}: no bars drawn`);
        assert.ok(c.width > 100, `${c.title}: not laid out`);
        assert.ok(c.desc.length > 20, `${c.title}: no text alternative`);
      }
      assert.match(charts[0].desc, /waiting 7/);
      // The text draws in the page's colour: dark on light, light on dark.
      const [rr, gg, bb] = charts[0].colour.match(/\d+/g)!.map(Number);
      if (scheme === 'light') assert.ok(rr + gg + bb < 200, charts[0].colour);
      else assert.ok(rr + gg + bb > 500, charts[0].colour);
      assert.match(await page.textContent('body') ?? '', /examples\/notes\/tyrell-design\.md/);
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, []);
      if (scheme === 'light') await page.screenshot({ path: path.join(base, 'report.png'), fullPage: true });
      await page.close();
    });
  }
});
