/**
 * The end-to-end run in a real VS Code: packages the extension (`npm run package`), installs
 * the .vsix into a fresh extensions folder, and runs the mocha suites inside the extension
 * host with @vscode/test-electron's `runTests`:
 *
 *   installed      the installed .vsix in a trusted workspace: Problems, quick fixes, the
 *                  Follow-ups view, the walkthrough, settings, commands, status bar
 *   restricted     the same workspace in Restricted Mode: workspace templates are not loaded
 *   drafts         the example job search with the built-in templates: a draft from the light
 *                  bulb is revealed; its lenses open the mail app, copy it, mark it sent
 *   report         the example job search: "Show Job Search Report" opens the page beside the
 *                  editor, and a saved note draws it again
 *   import         the example job search: "Import Invite or Reply..." on an invite, through
 *                  VS Code's refactor preview, gives the note its round; so does an invite
 *                  dragged from the Explorer onto the Follow-ups view, and a reply into the note
 *   folder-open    the example notes without .interview-followup.yaml: opening the folder
 *                  is enough (activation, Problems, the view), with the time it takes
 *   empty          an empty folder: no server, the view's welcome; the first note starts one
 *   markdown-repo  3,000 markdown files and no interview note: a short scan, no server
 *
 * VS Code's download is not reachable here, so by default VS Code is code-server 4.100.3
 * (VS Code 1.100.3) through the `shim.ts` executable; `E2E_VSCODE=desktop` runs the same
 * suites on desktop VS Code where it can be downloaded (the restricted suite needs Workspace
 * Trust, which runTests always disables on desktop: it is reported as not run there).
 *
 * Without code-server or Chromium (npm run e2e:setup installs them where apt-get can) it
 * prints one SKIPPED line and exits 0; with INTERVIEW_FOLLOWUP_REQUIRE_ALL=1 it fails instead.
 *
 *   node out/test/e2e/run.js [--suite installed|restricted|drafts|...] [--no-package]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { missingBecause, REQUIRE_ALL, requiredError, skippedLine } from '../layers';
import { CODE_SERVER_VERSION, installExtension, isolatedEnv, missingPrerequisites, REPO, seedUserSettings, tempBase } from './code-server';

const SUITES = ['installed', 'restricted', 'drafts', 'report', 'import', 'folder-open', 'empty', 'markdown-repo'] as const;
type Suite = (typeof SUITES)[number];
const TODAY = '2026-11-26';
const DESKTOP = process.env.E2E_VSCODE === 'desktop';
const DESKTOP_VERSION = process.env.E2E_VSCODE_VERSION || '1.100.3';

interface Result {
  suite: string;
  passes: number;
  failures: number;
  pending: number;
  tests: number;
  ms: number;
  vscode: string;
  appName: string;
  appHost: string;
  /** Measurements the suite reports (activation timings), printed as they come. */
  figures?: Record<string, string>;
}

const t0 = Date.now();
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const say = (s: string) => console.log(`[e2e ${secs(Date.now() - t0)}] ${s}`);

function packageVsix(): string {
  const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version as string;
  const vsix = path.join(REPO, `interview-followup-${version}.vsix`);
  if (process.argv.includes('--no-package')) {
    if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist: run npm run package`);
    return vsix;
  }
  const r = spawnSync('npm', ['run', 'package'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}${r.stderr}`);
  const done = /Packaged: .*/.exec(r.stdout + r.stderr)?.[0] ?? '';
  say(`${done || 'packaged'}`);
  return vsix;
}

/** The example job search, plus a workspace template and today pinned in the workspace settings. */
function makeWorkspace(dir: string): void {
  fs.cpSync(path.join(REPO, 'examples/notes'), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscode/settings.json'), JSON.stringify({ 'interviewFollowup.today': TODAY }, null, 2));
  const templates = path.join(dir, '.interview-followup/templates');
  fs.mkdirSync(templates, { recursive: true });
  fs.writeFileSync(path.join(templates, 'thank-you-email.hbs'), [
    '## Draft: thank-you email (the workspace template)',
    '',
    'To: {{to}}',
    'Subject: Thanks from {{sender.name}} for the {{role}} interview',
    '',
    'Hi {{greetingName}}, thank you! (WORKSPACE TEMPLATE)',
    '',
  ].join('\n'));
}

/**
 * The example notes alone: no config file, no templates (and not accepted/, a search of its own
 * by its config file); today pinned in the workspace settings.
 */
function makeNotesOnly(dir: string): void {
  fs.cpSync(path.join(REPO, 'examples/notes'), dir, { recursive: true });
  fs.rmSync(path.join(dir, '.interview-followup.yaml'));
  fs.rmSync(path.join(dir, 'accepted'), { recursive: true });
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscode/settings.json'), JSON.stringify({ 'interviewFollowup.today': TODAY }, null, 2));
}

/** The example job search (its config file signs the drafts), the built-in templates, today pinned. */
function makeDraftsWorkspace(dir: string): void {
  fs.cpSync(path.join(REPO, 'examples/notes'), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscode/settings.json'), JSON.stringify({ 'interviewFollowup.today': TODAY }, null, 2));
}

/**
 * A documentation repository: 3,000 markdown files (E2E_MARKDOWN_FILES for another size) in
 * 60 folders, two in three with front matter, none an interview note.
 */
const MARKDOWN_FILES = Number(process.env.E2E_MARKDOWN_FILES || 3000);
function makeMarkdownRepo(dir: string): void {
  for (let i = 0; i < MARKDOWN_FILES; i++) {
    const folder = path.join(dir, 'docs', `section-${String(i % 60).padStart(2, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    const front = i % 3 === 0 ? '' : `---\ntitle: Page ${i}\ndescription: How the team works, part ${i}\ntags: [guide, team]\nlayout: doc\n---\n\n`;
    const body = `# Page ${i}\n\n${'The role of the platform team in onboarding: a paragraph of ordinary documentation. '.repeat(20)}\n\n## Next\n\n- [Home](../index.md)\n`;
    fs.writeFileSync(path.join(folder, `page-${i}.md`), front + body);
  }
  fs.writeFileSync(path.join(dir, 'README.md'), '# A big documentation repository\n');
}

function makeSuiteWorkspace(suite: Suite, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  if (suite === 'installed' || suite === 'restricted') makeWorkspace(dir);
  else if (suite === 'drafts' || suite === 'report') makeDraftsWorkspace(dir);
  else if (suite === 'import') {
    makeDraftsWorkspace(dir);
    // The invite of the import suite lists the user's own address among its attendees.
    fs.appendFileSync(path.join(dir, '.interview-followup.yaml'), 'me: alex.morgan@gmail.com\n');
    // The bundled example invite, in the workspace: the Explorer drags it onto the Follow-ups view.
    fs.copyFileSync(path.join(REPO, 'examples/inbox/acme-final.ics'), path.join(dir, 'acme-final.ics'));
    fs.copyFileSync(path.join(REPO, 'examples/inbox/acme-reply.eml'), path.join(dir, 'acme-reply.eml'));
  }
  else if (suite === 'folder-open') makeNotesOnly(dir);
  else if (suite === 'markdown-repo') makeMarkdownRepo(dir);
  // empty: nothing at all
}

/** A dev-path extension with no code: runTests needs one, and the extension under test is the installed .vsix. */
function makeHostStub(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'e2e-host', publisher: 'interview-followup-tests', version: '0.0.0', engines: { vscode: '^1.100.0' },
    capabilities: { untrustedWorkspaces: { supported: true } },
  }, null, 2));
}

async function runSuite(suite: Suite, vsix: string, desktopExe: string | undefined): Promise<Result | 'not run'> {
  if (suite === 'restricted' && DESKTOP) return 'not run';
  const base = tempBase(`ifu-e2e-${suite}-`);
  try {
    const ws = path.join(base, 'job-search');
    const userDataDir = path.join(base, 'user-data');
    const extensionsDir = path.join(base, 'extensions');
    const stub = path.join(base, 'host-stub');
    const resultFile = path.join(base, 'result.json');
    makeSuiteWorkspace(suite, ws);
    makeHostStub(stub);
    // Today pinned for the whole profile too: the empty folder has no settings of its own.
    seedUserSettings(userDataDir, { 'interviewFollowup.today': TODAY });
    fs.mkdirSync(extensionsDir, { recursive: true });
    if (desktopExe) {
      const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(desktopExe, { reuseMachineInstall: true });
      const r = spawnSync(cli, [...cliArgs, `--extensions-dir=${extensionsDir}`, `--user-data-dir=${userDataDir}`, '--install-extension', vsix, '--force'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}${r.stderr}`);
    } else {
      installExtension(vsix, extensionsDir, userDataDir, isolatedEnv(path.join(base, 'install')));
    }
    say(`${suite}: installed ${path.basename(vsix)} into a fresh profile; starting ${DESKTOP ? `VS Code ${DESKTOP_VERSION}` : 'code-server'}`);
    const shim = path.join(__dirname, 'shim.js');
    fs.chmodSync(shim, 0o755);
    const shotDir = path.join(REPO, '.cache/e2e');
    fs.mkdirSync(shotDir, { recursive: true });
    const started = Date.now();
    let failed: unknown;
    try {
      await runTests({
        vscodeExecutablePath: desktopExe ?? shim,
        extensionDevelopmentPath: stub,
        extensionTestsPath: path.join(__dirname, 'host/index.js'),
        launchArgs: [ws, `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`],
        extensionTestsEnv: {
          E2E_SUITE: suite,
          E2E_RESULT_FILE: resultFile,
          E2E_EXTENSIONS_DIR: extensionsDir,
          E2E_WORKSPACE_TRUST: suite === 'restricted' ? '1' : '',
          E2E_SHOT_DIR: shotDir,
          E2E_MARKDOWN_FILES: String(MARKDOWN_FILES),
          INTERVIEW_FOLLOWUP_TODAY: '', // the workspace setting pins today
        },
      });
    } catch (err) {
      failed = err;
    }
    const result: Result | undefined = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : undefined;
    for (const [k, v] of Object.entries(result?.figures ?? {})) say(`${suite}: ${k}: ${v}`);
    if (!result) throw new Error(`${suite}: the suite did not report (${failed ?? 'no result file'}) after ${secs(Date.now() - started)}`);
    if (failed || result.failures > 0) throw new Error(`${suite}: ${result.failures} of ${result.tests} tests failed`);
    // A skipped test is not a pass: the suite must run every test it has.
    if (result.pending > 0 || result.passes === 0 || result.passes !== result.tests) {
      throw new Error(`${suite}: ${result.passes} passed, ${result.pending} pending of ${result.tests}: every test must run and pass`);
    }
    say(`${suite}: ${result.passes} passing on ${result.appName} ${result.vscode} (${result.appHost}), ${secs(Date.now() - started)} with start-up`);
    return result;
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const only = process.argv.includes('--suite') ? process.argv[process.argv.indexOf('--suite') + 1] : undefined;
  const suites = SUITES.filter((s) => !only || s === only);
  if (suites.length === 0) throw new Error(`unknown suite '${only}' (${SUITES.join(', ')})`);
  let desktopExe: string | undefined;
  if (DESKTOP) desktopExe = await downloadAndUnzipVSCode(DESKTOP_VERSION);
  else {
    const missing = missingPrerequisites();
    if (missing.length > 0) {
      // Skipped where code-server or Chromium could not be installed; never under REQUIRE_ALL.
      const reason = missingBecause(missing.map((m) => `${m} not found`), 'npm run e2e:setup');
      if (REQUIRE_ALL) {
        console.error(`e2e: ${requiredError('the VS Code end-to-end tests', reason).message}`);
        return 1;
      }
      console.warn(skippedLine('VS Code end-to-end tests', reason, `code-server ${CODE_SERVER_VERSION} and Chromium`));
      return 0;
    }
  }
  const vsix = packageVsix();
  say(`${path.basename(vsix)}: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB`);
  const results: string[] = [];
  let ok = true;
  for (const suite of suites) {
    try {
      const r = await runSuite(suite, vsix, desktopExe);
      results.push(r === 'not run' ? `${suite}: NOT RUN (needs Workspace Trust, which runTests disables on desktop)` : `${suite}: ${r.passes} passing`);
    } catch (err) {
      ok = false;
      results.push(`${suite}: FAILED: ${(err as Error).message}`);
    }
  }
  say(`done: ${results.join('; ')}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('e2e:', err);
    process.exit(1);
  },
);
