#!/usr/bin/env node
// Renders images/icon.svg to images/icon.png (128x128; the Marketplace wants a PNG) with
// Debian's chromium through playwright-core. Run after editing the SVG; the PNG is committed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

(async () => {
  const dir = path.resolve(__dirname, '..', 'images');
  const svg = fs.readFileSync(path.join(dir, 'icon.svg'), 'utf8');
  const profile = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'icon-chromium-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'],
    env: { ...process.env, XDG_CONFIG_HOME: profile }, // else Chromium writes into ~/.config
  });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(dir, 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log('images/icon.png written');
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
