#!/usr/bin/env node
/**
 * A "VS Code executable" for @vscode/test-electron's `runTests({ vscodeExecutablePath })`,
 * backed by code-server: it takes the arguments runTests gives VS Code
 * (`--extensionDevelopmentPath=`, `--extensionTestsPath=`, `--user-data-dir=`,
 * `--extensions-dir=`, `--disable-workspace-trust`, a folder), starts code-server, opens the
 * workbench in headless Chromium with the extension-test payload, relays the extension host's
 * console (mocha's reporter) and exits with the tests' exit status.
 *
 * It also serves a small "UI probe" on 127.0.0.1 (its URL in E2E_UI_PROBE, which the extension
 * host inherits) so the tests can look at what the user sees: the Problems panel, the status
 * bar, a quick-fix menu, and type into an input box. Desktop VS Code has no probe; the tests
 * check the same things through the API there.
 *
 * Environment: CODE_SERVER_BIN, CHROMIUM_BIN, E2E_TIMEOUT_MS (default 240000),
 * E2E_WORKSPACE_TRUST=1 (keep Workspace Trust on although runTests always passes
 * --disable-workspace-trust), E2E_SHOT_ON_FAIL (a PNG path), E2E_VERBOSE.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as util from 'node:util';
import type { Page } from 'playwright-core';
import { isolatedEnv, launchChromium, remoteUri, startCodeServer, tempBase, workbenchUrl } from './code-server';

interface Args {
  devPaths: string[];
  testsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  folder?: string;
  disableTrust: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { devPaths: [], disableTrust: false };
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m?.[1] === 'extensionDevelopmentPath') a.devPaths.push(path.resolve(m[2]));
    else if (m?.[1] === 'extensionTestsPath') a.testsPath = path.resolve(m[2]);
    else if (m?.[1] === 'user-data-dir') a.userDataDir = path.resolve(m[2]);
    else if (m?.[1] === 'extensions-dir') a.extensionsDir = path.resolve(m[2]);
    else if (arg === '--disable-workspace-trust') a.disableTrust = true;
    else if (!arg.startsWith('-')) a.folder = path.resolve(arg);
    // Electron-only switches (--no-sandbox, --disable-gpu-sandbox, --skip-welcome...) do not apply.
  }
  return a;
}

/** The extension host's console lines that are workbench noise, not test output. */
const NOISE = /^(Resolv|Creating a socket|\[Service Worker|ChatSession|Updating additional|getaddrinfo ENOTFOUND|Extension host agent|Started initializing default profile|Completed initializing default profile|\[perf\])/;

type ProbeRequest =
  | { op: 'text'; selector: string }
  | { op: 'waitFor'; selector: string; hasText?: string; state?: 'visible' | 'hidden' | 'attached' | 'detached'; timeout?: number }
  | { op: 'count'; selector: string; hasText?: string }
  | { op: 'click'; selector: string; hasText?: string; timeout?: number }
  | { op: 'hover'; selector: string; hasText?: string; timeout?: number }
  | { op: 'type'; text: string }
  | { op: 'press'; key: string }
  | { op: 'screenshot'; path: string }
  | { op: 'clickInline'; selector: string; hasText: string; action: string }
  | { op: 'drag'; selector: string; hasText?: string; target: string; targetText?: string; timeout?: number; shift?: boolean };

async function probe(page: Page, req: ProbeRequest): Promise<unknown> {
  switch (req.op) {
    case 'text':
      return page.locator(req.selector).allInnerTexts();
    case 'count':
      return page.locator(req.selector, req.hasText ? { hasText: req.hasText } : {}).count();
    case 'waitFor': {
      const loc = page.locator(req.selector, req.hasText ? { hasText: req.hasText } : {}).first();
      await loc.waitFor({ state: req.state ?? 'visible', timeout: req.timeout ?? 20_000 });
      return req.state === 'hidden' || req.state === 'detached' ? '' : loc.innerText().catch(() => '');
    }
    case 'click':
      await page.locator(req.selector, req.hasText ? { hasText: req.hasText } : {}).first().click({ timeout: req.timeout ?? 20_000 });
      return true;
    case 'hover':
      await page.locator(req.selector, req.hasText ? { hasText: req.hasText } : {}).first().hover({ timeout: req.timeout ?? 20_000 });
      return true;
    case 'clickInline': {
      // A row's inline action shows while the mouse is over the row; a view that re-renders its
      // rows under a still mouse hides it until the mouse moves. Hovered again until the click
      // goes through: a click that times out was never made (Playwright clicks only once the
      // button is visible), so this clicks once.
      const row = page.locator(req.selector, { hasText: req.hasText }).first();
      const button = page.locator(`${req.selector}:has-text(${JSON.stringify(req.hasText)}) .action-label[aria-label=${JSON.stringify(req.action)}]`).first();
      for (let tries = 1; ; tries++) {
        await row.hover({ timeout: 20_000 });
        try {
          await button.click({ timeout: 2_000 });
          return true;
        } catch (err) {
          if (tries >= 10) throw err;
        }
      }
    }
    case 'drag': {
      // Chromium's own drag and drop, as a mouse does it: VS Code reads the drop's data transfer.
      const from = page.locator(req.selector, req.hasText ? { hasText: req.hasText } : {}).first();
      const to = page.locator(req.target, req.targetText ? { hasText: req.targetText } : {}).first();
      // Shift held: VS Code drops into an editor only so (else it opens the file).
      if (!req.shift) {
        await from.dragTo(to, { timeout: req.timeout ?? 20_000 });
        return true;
      }
      // Into an editor: Shift held (else VS Code opens the file), moved over the editor in
      // steps, as a hand does: each step is a dragover the editor answers.
      const a = await from.boundingBox();
      const b = await to.boundingBox();
      if (!a || !b) throw new Error('drag: the source or the target is not on screen');
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      await page.keyboard.down('Shift');
      try {
        await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
        await page.mouse.move(b.x + b.width / 2 + 5, b.y + b.height / 2 + 5, { steps: 2 });
        await page.mouse.up();
      } finally {
        await page.keyboard.up('Shift');
      }
      return true;
    }
    case 'type':
      await page.keyboard.type(req.text);
      return true;
    case 'press':
      await page.keyboard.press(req.key);
      return true;
    case 'screenshot':
      await page.screenshot({ path: req.path });
      return req.path;
  }
}

function startProbe(page: Page): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      try {
        const result = await probe(page, JSON.parse(body) as ProbeRequest);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result }));
      } catch (err) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String((err as Error).message ?? err).split('\n')[0] }));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    resolve({ url: `http://127.0.0.1:${port}`, server });
  }));
}

const t0 = Date.now();

async function main(): Promise<number> {
  const a = parseArgs(process.argv.slice(2));
  if (!a.testsPath || a.devPaths.length === 0) {
    console.error('code-server shim: need --extensionTestsPath= and --extensionDevelopmentPath=');
    return 2;
  }
  const base = tempBase('ifu-shim-');
  const userDataDir = a.userDataDir ?? path.join(base, 'user-data');
  const extensionsDir = a.extensionsDir ?? path.join(base, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const workspaceTrust = !a.disableTrust || process.env.E2E_WORKSPACE_TRUST === '1';
  const browser = await launchChromium(base);
  let server: Awaited<ReturnType<typeof startCodeServer>> | undefined;
  let probeServer: http.Server | undefined;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const { url: probeUrl, server: ps } = await startProbe(page);
    probeServer = ps;
    server = await startCodeServer({
      base, userDataDir, extensionsDir, workspaceTrust,
      env: isolatedEnv(base, { E2E_UI_PROBE: probeUrl }),
    });
    const exit = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = util.format(...args);
      if (process.env.E2E_VERBOSE) process.stderr.write(`[shim ${((Date.now() - t0) / 1000).toFixed(1)} s] `);
      if (!NOISE.test(line)) console.log(line);
    });
    if (process.env.E2E_VERBOSE) page.on('console', (m) => m.type() === 'error' && console.error(`[browser] ${m.text()}`));
    const payload: [string, string][] = [
      ...a.devPaths.map((d): [string, string] => ['extensionDevelopmentPath', remoteUri(server!, d)]),
      ['extensionTestsPath', remoteUri(server, a.testsPath)],
    ];
    if (process.env.E2E_VERBOSE) console.error(`[shim ${((Date.now() - t0) / 1000).toFixed(1)} s] code-server up, opening the workbench`);
    await page.goto(workbenchUrl(server, a.folder, payload));
    const limit = Number(process.env.E2E_TIMEOUT_MS || 240_000);
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), limit).unref());
    const code = await Promise.race([exit, timeout]);
    if (code === 'timeout') console.error(`code-server shim: the tests did not finish in ${limit / 1000} s`);
    if (code !== 0 && process.env.E2E_SHOT_ON_FAIL) {
      await page.screenshot({ path: process.env.E2E_SHOT_ON_FAIL }).catch(() => undefined);
      console.error(`code-server shim: screenshot of the workbench: ${process.env.E2E_SHOT_ON_FAIL}`);
    }
    return code === 0 ? 0 : 1;
  } finally {
    probeServer?.close();
    await browser.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('code-server shim:', err);
    process.exit(1);
  },
);
