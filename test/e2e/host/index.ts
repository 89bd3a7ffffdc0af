/**
 * The `extensionTestsPath` module: runs inside VS Code's extension host. Loads the suite named
 * by E2E_SUITE (`installed` or `restricted`) into mocha and writes the counts to
 * E2E_RESULT_FILE for the launcher, which refuses a run where a test was skipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { figures, ui } from './helpers';

export function run(): Promise<void> {
  const suite = process.env.E2E_SUITE || 'installed';
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec', forbidOnly: true, forbidPending: true });
  mocha.addFile(path.join(__dirname, `${suite}.e2e.js`));
  // A failing test leaves a picture of the workbench as it was then (the shim's probe).
  const shots = process.env.E2E_SHOT_DIR;
  const probe = ui;
  if (probe && shots) {
    mocha.suite.afterEach(async function () {
      const t = this.currentTest;
      if (t?.state !== 'failed') return;
      const file = path.join(shots, `${suite}-${t.title.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}.png`);
      await probe.screenshot(file).then(() => console.log(`    screenshot: ${file}`), () => undefined);
    });
  }
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      if (process.env.E2E_RESULT_FILE) {
        fs.writeFileSync(process.env.E2E_RESULT_FILE, JSON.stringify({
          suite, passes: stats?.passes ?? 0, failures, pending: stats?.pending ?? 0, tests: stats?.tests ?? 0,
          ms: Date.now() - started, vscode: vscode.version, appName: vscode.env.appName, appHost: vscode.env.appHost, figures,
        }));
      }
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
