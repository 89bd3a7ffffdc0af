/**
 * Real VS Code without VS Code's download: code-server (the VS Code 1.100.3 server and web
 * workbench, with the real Node extension host) on 127.0.0.1, driven by Debian's chromium
 * through playwright-core. Shared by the runTests shim and the screenshot script. Every
 * process started here runs in its own process group and is killed by that group.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const REPO = path.resolve(__dirname, '../../..');
export const CODE_SERVER_VERSION = '4.100.3';
export const DEFAULT_CODE_SERVER_BIN = path.join(REPO, '.cache/code-server/node_modules/.bin/code-server');

export function codeServerBin(): string {
  return process.env.CODE_SERVER_BIN || DEFAULT_CODE_SERVER_BIN;
}

export function chromiumBin(): string {
  return process.env.CHROMIUM_BIN || '/usr/bin/chromium';
}

/** What is missing to run code-server here, if anything (one line each). */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(codeServerBin())) missing.push(`code-server ${CODE_SERVER_VERSION} (${codeServerBin()})`);
  if (!fs.existsSync(chromiumBin())) missing.push(`chromium (${chromiumBin()})`);
  return missing;
}

/** Environment that keeps code-server and Chromium out of ~/.config, ~/.local and /tmp. */
export function isolatedEnv(base: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dirs = { XDG_CONFIG_HOME: 'xdg/config', XDG_DATA_HOME: 'xdg/data', XDG_CACHE_HOME: 'xdg/cache', TMPDIR: 'tmp' };
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const [k, rel] of Object.entries(dirs)) {
    env[k] = path.join(base, rel);
    fs.mkdirSync(env[k]!, { recursive: true });
  }
  return env;
}

/** User settings for a quiet, deterministic workbench. */
export function seedUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'always',
    ...extra,
  };
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

/** Installs a .vsix (or an extension id) into an extensions folder, as a user would. */
export function installExtension(vsix: string, extensionsDir: string, userDataDir: string, env: NodeJS.ProcessEnv): void {
  const r = spawnSync(codeServerBin(), ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'], {
    env, encoding: 'utf8', timeout: 120_000,
  });
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new Error(`code-server --install-extension ${vsix} failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  }
}

export interface CodeServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, for vscode-remote:// URIs */
  authority: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  base: string;
  userDataDir: string;
  extensionsDir: string;
  workspaceTrust: boolean;
  env: NodeJS.ProcessEnv;
  /** Where code-server's own log goes (default: dropped unless E2E_VERBOSE). */
  log?: (line: string) => void;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function startCodeServer(o: CodeServerOptions): Promise<CodeServer> {
  const configFile = path.join(o.base, 'code-server.yaml');
  fs.writeFileSync(configFile, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const args = [
    '--config', configFile, '--bind-addr', '127.0.0.1:0', '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--disable-proxy',
    '--ignore-last-opened', '--user-data-dir', o.userDataDir, '--extensions-dir', o.extensionsDir,
  ];
  if (!o.workspaceTrust) args.push('--disable-workspace-trust');
  const child = spawn(codeServerBin(), args, { env: o.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = o.log ?? (process.env.E2E_VERBOSE ? (l: string) => process.stderr.write(`[code-server] ${l}\n`) : () => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const authority = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${buffered}`)), 60_000);
    const onData = (d: Buffer) => {
      const text = d.toString();
      buffered += text;
      for (const line of text.split('\n')) if (line.trim()) log(line);
      const m = /HTTP server listening on https?:\/\/(127\.0\.0\.1:\d+)/.exec(buffered);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${buffered}`));
    });
  });
  return {
    url: `http://${authority}`,
    authority,
    async stop() {
      killGroup(child, 'SIGTERM');
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        killGroup(child, 'SIGKILL');
        await exited;
      }
      // The extension hosts and language servers it spawned live in their own sessions
      // sometimes; any left in our group go with it.
      killGroup(child, 'SIGKILL');
    },
  };
}

export async function launchChromium(base: string): Promise<Browser> {
  const pw = require(process.env.PLAYWRIGHT_CORE || 'playwright-core') as typeof import('playwright-core');
  return pw.chromium.launch({
    executablePath: chromiumBin(),
    headless: true,
    env: isolatedEnv(path.join(base, 'chromium')),
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic', '--disable-sync',
      '--disable-background-networking', '--disable-component-update', '--disable-features=Translate',
    ],
  });
}

/** A workbench URL: a folder (or an empty window) and an optional extension-test payload. */
export function workbenchUrl(server: CodeServer, folder: string | undefined, payload?: [string, string][]): string {
  const q: string[] = [];
  q.push(folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true');
  if (payload) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.url}/?${q.join('&')}`;
}

export function remoteUri(server: CodeServer, p: string): string {
  return `vscode-remote://${server.authority}${p}`;
}

export function tempBase(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function waitForWorkbench(page: Page, timeout = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout });
}
