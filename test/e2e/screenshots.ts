/**
 * The pictures in the README: the packaged extension installed into code-server, the example
 * job search opened in the workbench (headless Chromium), driven as a user would: open a note
 * from the Explorer, open the Problems panel, put the caret on the overdue check-in, press
 * Ctrl+. ; then click the status-bar count. Each step waits for what it needs to see.
 *
 *   npm run package && node out/test/e2e/screenshots.js [OUT_DIR]     (default: images/)
 *
 * Writes vscode-quick-fix.png (Problems panel + quick-fix menu), vscode-draft.png (the
 * check-in draft inserted), vscode-follow-ups-due.png (the status-bar count's list),
 * vscode-follow-ups-view.png (the Follow-ups view, its badge and a process's inline actions)
 * and vscode-walkthrough.png (the first-run walkthrough).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  installExtension, isolatedEnv, launchChromium, missingPrerequisites, REPO, seedUserSettings, startCodeServer, tempBase,
  waitForWorkbench, workbenchUrl,
} from './code-server';

const TODAY = '2026-11-26';
const t0 = Date.now();
const say = (s: string) => console.log(`[screenshots ${((Date.now() - t0) / 1000).toFixed(1)} s] ${s}`);

/** Runs a command from the palette, by its title, as a user would. */
async function runCommand(page: import('playwright-core').Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
  await page.keyboard.type(title);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title.replace(/^.*: /, '') }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

async function main(): Promise<number> {
  const missing = missingPrerequisites();
  if (missing.length) {
    console.error(`screenshots: missing ${missing.join(' and ')} (npm run e2e:setup)`);
    return 1;
  }
  const out = path.resolve(process.argv[2] ?? path.join(REPO, 'images'));
  const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version as string;
  const vsix = path.join(REPO, `interview-followup-${version}.vsix`);
  if (!fs.existsSync(vsix)) {
    console.error(`screenshots: ${vsix} is missing: run npm run package first`);
    return 1;
  }
  fs.mkdirSync(out, { recursive: true });
  const base = tempBase('ifu-shots-');
  const ws = path.join(base, 'job-search');
  fs.cpSync(path.join(REPO, 'examples/notes'), ws, { recursive: true });
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  seedUserSettings(userDataDir, {
    'interviewFollowup.today': TODAY, // the picture shows 2026-11-26 whatever the day
    'workbench.colorTheme': 'Default Light Modern',
    'editor.minimap.enabled': false,
    'workbench.layoutControl.enabled': false,
    'security.workspace.trust.enabled': false,
  });
  const env = isolatedEnv(base);
  installExtension(vsix, extensionsDir, userDataDir, env);
  const server = await startCodeServer({ base, userDataDir, extensionsDir, workspaceTrust: false, env });
  const browser = await launchChromium(base);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    await page.goto(workbenchUrl(server, ws));
    await waitForWorkbench(page);
    const explorerRow = (name: string) => page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    await explorerRow('acme-backend.md').waitFor({ timeout: 60_000 });
    say('workbench up');

    // The status-bar count appears once the server has checked the workspace.
    const status = page.locator('.statusbar-item', { hasText: 'follow-ups due' }).first();
    await status.waitFor({ timeout: 60_000 });

    // The Problems panel first: opening the note then scrolls it to the note's findings.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 20_000 });
    await explorerRow('acme-backend.md').click();
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Check-in 10 days overdue' }).first().waitFor({ timeout: 20_000 });
    say('Problems panel lists the overdue check-in');

    // The caret on the promised date (line 13, column 18), then the quick-fix menu.
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type('13:18');
    await page.keyboard.press('Enter');
    // The light bulb says the fixes are known. Opening the first markdown file also wakes VS
    // Code's markdown extension, whose language server registers providers a few seconds
    // later, and a registration cancels the code actions in flight (the menu closes, or Enter
    // applies nothing): then open the menu again, a few times at most.
    await page.locator('.monaco-editor [class*="lightbulb"]').first().waitFor({ timeout: 30_000 });
    const title = 'Draft check-in email to Jane Doe';
    for (let attempt = 1; ; attempt++) {
      try {
        await page.keyboard.press('Control+.');
        // The menu opens on the preferred fix, the draft.
        await page.locator('.action-widget .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: 5_000 });
        await page.screenshot({ path: path.join(out, 'vscode-quick-fix.png') });
        await page.keyboard.press('Enter');
        await page.keyboard.press('Control+End'); // the draft goes at the end of the note
        await page.locator('.view-lines', { hasText: 'Subject: Following up on the Senior Backend Engineer position' }).first().waitFor({ timeout: 5_000 });
        break;
      } catch (err) {
        if (attempt === 4) throw err;
        say(`quick-fix menu, attempt ${attempt}: ${(err as Error).message.split('\n')[0]}`);
        await page.keyboard.press('Escape');
      }
    }
    say('vscode-quick-fix.png');
    await page.screenshot({ path: path.join(out, 'vscode-draft.png') });
    say('vscode-draft.png');

    // Leave the note as it was, then the list behind the status-bar count.
    await page.keyboard.press('Control+Z');
    await page.locator('.view-lines', { hasText: 'Subject: Following up' }).first().waitFor({ state: 'detached', timeout: 20_000 });
    await status.click();
    await page.locator('.quick-input-widget', { hasText: 'Follow-ups due today (4)' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(out, 'vscode-follow-ups-due.png') });
    say('vscode-follow-ups-due.png');
    await page.keyboard.press('Escape');

    // The Follow-ups view from its activity-bar icon, the pointer on a process: its inline actions.
    await page.locator('.activitybar .action-item:has(.action-label[aria-label*="Interview Follow-up"])').first().click(); // the badge covers the icon
    const viewRow = (name: string) => page.locator('.part.sidebar .monaco-list-row', { hasText: name }).first();
    await viewRow('Umbrella').waitFor({ timeout: 20_000 });
    await viewRow('Stark Industries').waitFor({ timeout: 20_000 });
    await viewRow('Acme Corp').hover();
    await page.locator('.part.sidebar .monaco-list-row:has-text("Acme Corp") .action-label[aria-label="Draft the Email"]').waitFor({ timeout: 5_000 });
    await page.screenshot({ path: path.join(out, 'vscode-follow-ups-view.png') });
    say('vscode-follow-ups-view.png');

    // The walkthrough, from the command palette; in this workspace the name and the notes are
    // there, and opening the Problems panel (again, now that the walkthrough listens) does the third.
    await runCommand(page, 'Interview Follow-up: Get Started');
    const done = (title: string) => page.locator('button.getting-started-step[aria-checked="true"]', { hasText: title });
    await done('Create your first interview note').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+J'); // the panel away...
    await page.keyboard.press('Control+Shift+M'); // ...and the Problems view back
    await done('See what is due in the Problems panel').waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+J');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.keyboard.press('Control+B'); // the side bar away: the walkthrough's two columns
    await page.locator('button.getting-started-step', { hasText: 'Draft a thank-you' }).click();
    await page.locator('.getting-started-step', { hasText: 'Set your name for the sign-off' }).scrollIntoViewIfNeeded();
    // The step's page (media/walkthrough/draft.md) renders in a webview: wait for its heading.
    await page.frameLocator('.getting-started-media iframe').frameLocator('iframe').getByText('Draft, never send').waitFor({ timeout: 20_000 });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(out, 'vscode-walkthrough.png') });
    say('vscode-walkthrough.png');
  } catch (err) {
    const shot = path.join(REPO, '.cache/e2e/screenshots-failed.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot }).catch(() => undefined);
    console.error(`screenshots: the workbench when it failed: ${shot}`);
    throw err;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
  say(`written to ${path.relative(process.cwd(), out) || out}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('screenshots:', err);
    process.exit(1);
  },
);
