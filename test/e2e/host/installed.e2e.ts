/**
 * The installed .vsix in a trusted workspace holding the example job search, today pinned to
 * 2026-11-26 by the workspace setting `interviewFollowup.today`. In order, as a user meets it:
 * the extension starts on its own, the Problems panel lists what is due, the status bar counts
 * it, the quick fixes draft and record, a setting changes the verdicts, the commands work.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  Api, codeActions, EXTENSION_ID, insertedText, note, ours, pollUntil, quickFixMenu, ruleOf, statusCount, textUntil, TODAY, ui, until, viewUntil,
  withoutRule, withRule,
} from './helpers';

const PROBLEMS = '.markers-panel';
const PROBLEM_ROW = '.markers-panel .monaco-list-row';
const FILTER_BOX = '.part.panel .viewpane-filter-container input';
const STATUS = '.statusbar-item';
const QUICK_INPUT = '.quick-input-widget';
const VIEW_ROW = '.part.sidebar .monaco-list-row';
const BADGE = '.activitybar .action-item:has(.action-label[aria-label*="Interview Follow-up"]) .badge-content';
const STEP_DONE = 'button.getting-started-step[aria-checked="true"]';

/** The examples on 2026-11-26, as `interview-followup agenda` groups them (accepted/ is a search of its own). */
const EXAMPLE_GROUPS: [string, string[]][] = [
  ['Overdue', ['Acme Corp', 'Umbrella', 'Pied Piper']],
  ['Due today', ['Globex', 'Wayne Enterprises']],
  ['Withdraw', ['Black Mesa', 'Xen Labs']],
  ['Coming up', ['Massive Dynamic']],
  ['Waiting', ['Vandelay Industries', 'Initech']],
  ['Let go', ['Hooli', 'Stark Industries']],
];
describe('Interview Follow-up, installed from its .vsix', function () {
  let api: Api;
  let ext: vscode.Extension<Api>;

  before(async function () {
    ext = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    // Activation (workspaceContains:**/.interview-followup.yaml) is asynchronous: await it.
    api = await ext.activate();
  });

  it('runs from the installed package, not from the sources', function () {
    const extensionsDir = process.env.E2E_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'E2E_EXTENSIONS_DIR is set by the launcher');
    assert.ok(fs.realpathSync(ext.extensionPath).startsWith(fs.realpathSync(extensionsDir) + path.sep),
      `${ext.extensionPath} is inside the extensions folder ${extensionsDir}`);
    assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist/server.js')), 'the bundled server is in the package');
    for (const absent of ['client', 'server', 'node_modules', 'out', 'test']) {
      assert.ok(!fs.existsSync(path.join(ext.extensionPath, absent)), `${absent}/ is not in the package`);
    }
    assert.equal(api.client?.state, 2 /* State.Running */);
    assert.equal(api.activation.reason, 'config file', 'started: the workspace has .interview-followup.yaml');
  });

  it('lists check-in-due in the Problems panel for a note nobody opened', async function () {
    const acme = note('acme-backend.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === acme.toString()), 'acme-backend.md is not open');
    const d = await withRule(acme, 'check-in-due');
    assert.equal(d.message, 'Check-in 10 days overdue (due Monday 2026-11-16; the 15th is a Sunday): no word since the promised date (2026-11-12); send a brief, polite check-in');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.range.start.line, 12, 'on the expect_reply_by value, line 13');
    // The other overdue check-in, in a note nobody opened either, is published by the same scan.
    await withRule(note('umbrella-sre.md'), 'check-in-due');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (ui) {
      // What the user reads: narrow the panel with its filter box, as one would, by clicking
      // into it. (problems.action.focusFilter right after opening the panel can run before the
      // view is there, and the keys are lost; unfiltered, the second note's row is below the fold.)
      await ui.click(FILTER_BOX);
      await ui.waitFor(`${FILTER_BOX}:focus`);
      await ui.type('check-in-due');
      try {
        // Both overdue check-ins are listed, and nothing else.
        await ui.waitFor('.part.panel', 'Showing 2 of');
        const row = await ui.waitFor(PROBLEM_ROW, 'Check-in 10 days overdue');
        assert.match(row, /interview-followup\s*\(?check-in-due/, 'with our source and the rule id');
        await ui.waitFor(PROBLEM_ROW, 'acme-backend.md');
        await ui.waitFor(PROBLEM_ROW, 'Check-in 9 days overdue (due 2026-11-17)');
      } finally {
        await vscode.commands.executeCommand('problems.action.clearFilterText');
      }
    }
  });

  it('counts the follow-ups due today in the status bar', async function () {
    // acme-backend and umbrella-sre: check-ins overdue; globex-frontend: thank-you due today.
    await statusCount(api, 4);
    assert.deepEqual(api.dueFollowUps().map((f) => `${path.basename(f.uri.path)} ${f.rule}`), [
      'acme-backend.md check-in-due', 'globex-frontend.md thank-you-due', 'pied-piper-backend.md thank-you-due', 'umbrella-sre.md check-in-due',
    ]);
    if (ui) await ui.waitFor(STATUS, '4 follow-ups due');
  });

  it('the Follow-ups view lists the example processes in their groups; its badge counts what is due today', async function () {
    const groups = await viewUntil(api, (g) => JSON.stringify(g) === JSON.stringify(EXAMPLE_GROUPS), 'the examples\' agenda');
    assert.deepEqual(groups, EXAMPLE_GROUPS);
    assert.equal(api.view.state, 'ready');
    // Due today: overdue, today and the two withdrawals.
    assert.deepEqual(api.view.tree.badge, { value: 7, tooltip: '7 follow-ups due today or overdue' });
    assert.match(api.view.tree.message ?? '', /^2 notes have errors to fix first/);
    const acme = api.view.agenda!.groups[0].entries[0];
    assert.deepEqual([acme.action, acme.when, acme.date, acme.rule], ['check in with Jane Doe', '10 days overdue', '2026-11-16', 'check-in-due']);
    if (ui) {
      await vscode.commands.executeCommand('interviewFollowup.showFollowUps');
      await ui.waitFor(VIEW_ROW, 'Overdue');
      const row = await ui.waitFor(VIEW_ROW, 'Acme Corp');
      assert.match(row, /Senior Backend Engineer · check in with Jane Doe · Mon 16 Nov/);
      await ui.waitFor(VIEW_ROW, 'Let go');
      await ui.waitFor(BADGE, '7');
    }
  });

  it('an inline action of the view drafts the check-in into a note nobody opened', async function () {
    const umbrella = note('umbrella-sre.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === umbrella.toString()), 'umbrella-sre.md is not open');
    const entry = api.view.agenda!.groups[0].entries.find((e) => e.company === 'Umbrella')!;
    const opened = until(vscode.window.onDidChangeActiveTextEditor, () => vscode.window.activeTextEditor?.document.uri.path.endsWith('umbrella-sre.md'), () => 'umbrella-sre.md to open');
    if (ui) {
      await vscode.commands.executeCommand('interviewFollowup.showFollowUps');
      await ui.clickInline(VIEW_ROW, 'Umbrella', 'Draft the Email');
    } else {
      await vscode.commands.executeCommand('interviewFollowup.view.draft', entry);
    }
    await opened;
    const doc = vscode.window.activeTextEditor!.document;
    const text = await textUntil(doc, (t) => t.includes('## Draft: check-in email'), 'the check-in draft');
    assert.match(text, /^To: Albert Wesker/m);
    assert.match(text, /^Subject: Following up on the Site Reliability Engineer position$/m);
    const onDraft = () => doc.lineAt(vscode.window.activeTextEditor!.selection.active.line).text.startsWith('## Draft: check-in email');
    await until(vscode.window.onDidChangeTextEditorSelection, onDraft, () => `the caret on the draft (line ${vscode.window.activeTextEditor!.selection.active.line + 1})`);
    // Drafting is not sending: still overdue. Leave the note as it was.
    assert.ok(ours(umbrella).some((x) => ruleOf(x) === 'check-in-due'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('the next-action lens does the next action: the quick fixes at the finding', async function () {
    const acme = note('acme-backend.md');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(acme), { selection: new vscode.Range(0, 0, 0, 0) });
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', acme);
    const lens = lenses.find((l) => l.command?.title.startsWith('check in with Jane Doe'));
    assert.ok(lens, `lenses: ${JSON.stringify(lenses.map((l) => l.command?.title))}`);
    assert.equal(lens.command!.command, 'interviewFollowup.nextAction');
    const run = () => vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    if (ui) {
      // The user's way: click the lens above the front matter; the quick-fix menu opens on the draft.
      await quickFixMenu(ui, async () => {
        editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
        await ui!.click('.codelens-decoration a', 'check in with Jane Doe');
      }, 'Draft check-in email to Jane Doe');
      await ui.press('Escape');
    } else {
      await run();
    }
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), acme.toString());
    const at = vscode.window.activeTextEditor!.selection.start;
    assert.deepEqual([at.line, at.character], [12, 17], 'the caret on the promised date, where the finding is');
  });

  it('contributes a walkthrough whose steps complete on real events', async function () {
    const walkthroughs = ext.packageJSON.contributes.walkthroughs as { id: string; steps: { id: string; completionEvents: string[] }[] }[];
    assert.deepEqual(walkthroughs.map((w) => [w.id, w.steps.map((s) => s.id)]), [['firstSteps', ['sender', 'firstNote', 'problems', 'draft']]]);
    assert.deepEqual(walkthroughs[0].steps.map((s) => s.completionEvents), [
      ['onContext:interviewFollowup.senderSet'], ['onContext:interviewFollowup.hasNotes'],
      ['onView:workbench.panel.markers.view'], ['onContext:interviewFollowup.draftedThankYou'],
    ]);
    // The example's config file signs with Alex Rivera; the workspace has notes.
    assert.equal(api.walkthrough.senderName, 'Alex Rivera');
    assert.equal(api.walkthrough.hasNotes, true);
    if (ui) {
      await vscode.commands.executeCommand('interviewFollowup.openWalkthrough');
      await ui.waitFor('.gettingStartedContainer', 'Follow up on every interview');
      // Done already: the example's config file signs the drafts, and the folder has notes.
      await ui.waitFor(STEP_DONE, 'Set your name for the sign-off');
      await ui.waitFor(STEP_DONE, 'Create your first interview note');
      assert.equal(await ui.count(STEP_DONE, 'Draft a thank-you'), 0, 'no thank-you drafted yet');
      // Done when it happens: the user opens the Problems panel.
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await ui.waitFor(STEP_DONE, 'See what is due in the Problems panel');
      // And the last step: Ctrl+. then Enter on Globex's thank-you, as the step says.
      const globex = note('globex-frontend.md');
      const d = await withRule(globex, 'thank-you-due');
      const doc = await vscode.workspace.openTextDocument(globex);
      const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
      await codeActions(globex, d.range, 'Draft thank-you email to Priya Natarajan');
      editor.selection = new vscode.Selection(d.range.start, d.range.start);
      await quickFixMenu(ui, () => vscode.commands.executeCommand('editor.action.quickFix'), 'Draft thank-you email to Priya Natarajan',
        () => textUntil(doc, (t) => t.includes('WORKSPACE TEMPLATE'), 'the thank-you draft', 5_000));
      // VS Code runs the action's command (ours) after applying its edit: no event of its own to wait on.
      await pollUntil(() => api.walkthrough.draftedThankYou, () => 'the draft to tell the extension', 5_000);
      await ui.waitFor(STEP_DONE, 'Draft a thank-you with Ctrl+.');
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('the settings read as plain words: grouped, no "Interview Followup" prefix, rule ids offered', async function () {
    const configuration = ext.packageJSON.contributes.configuration as { id: string; title: string; properties: Record<string, { type?: unknown; properties?: object }> }[];
    assert.deepEqual(configuration.map((c) => c.title), ['Drafts', 'Timing', 'Rules and Notes', 'Advanced']);
    const all = Object.assign({}, ...configuration.map((c) => c.properties));
    assert.equal(all['interviewFollowup.include'].type, 'array', 'a list editor');
    assert.equal(all['interviewFollowup.exclude'].type, 'array', 'a list editor');
    assert.ok(Object.keys(all['interviewFollowup.rules'].properties ?? {}).includes('check-in-due'), 'the rule ids offered as keys');
    if (ui) {
      // As a user browses to them: Settings, Extensions, Interview Follow-up.
      await vscode.commands.executeCommand('workbench.action.openSettings2');
      await ui.click('.settings-toc-container .monaco-list-row', 'Extensions');
      await ui.click('.settings-toc-container .monaco-list-row', 'Interview Follow-up');
      await ui.waitFor('.settings-editor .settings-group-title-label', 'Drafts');
      await ui.waitFor('.settings-editor .setting-item-category', 'Sender:');
      const categories = await ui.text('.settings-editor .setting-item-category');
      assert.ok(categories.length > 0 && categories.every((c) => !/Interview Followup/i.test(c)), JSON.stringify(categories));
      assert.ok(categories.some((c) => /^Sender/.test(c)), JSON.stringify(categories));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('"Show Follow-ups Due" opens the Problems view and lists them', async function () {
    const count = await vscode.commands.executeCommand<number>('interviewFollowup.showFollowUpsDue');
    assert.equal(count, 4);
    if (ui) {
      const picker = await ui.waitFor(QUICK_INPUT, 'Follow-ups due today (4)');
      assert.match(picker, /acme-backend\.md/);
      assert.match(picker, /Send a thank-you note today/);
      await ui.waitFor(PROBLEMS);
      // Choosing one opens the note on the finding.
      const opened = until(vscode.window.onDidChangeActiveTextEditor, () => vscode.window.activeTextEditor?.document.uri.path.endsWith('globex-frontend.md'), () => 'globex-frontend.md to open');
      await ui.click(`${QUICK_INPUT} .monaco-list-row`, 'globex-frontend.md');
      await opened;
      assert.equal(vscode.window.activeTextEditor!.selection.start.line, 6, 'the caret is on the interview date');
    }
  });

  it('the quick fix "Draft check-in email" inserts a draft addressed to the contact', async function () {
    const acme = note('acme-backend.md');
    const doc = await vscode.workspace.openTextDocument(acme);
    const editor = await vscode.window.showTextDocument(doc);
    const d = await withRule(acme, 'check-in-due');
    const title = 'Draft check-in email to Jane Doe';
    const actions = await codeActions(acme, d.range, title);
    const drafted = (t: string) => t.includes('## Draft: check-in email');
    if (ui) {
      // The user's way: the caret on the finding, Ctrl+. ; the draft is the preferred fix, so
      // the menu opens on it and Enter applies it.
      editor.selection = new vscode.Selection(d.range.start, d.range.start);
      await quickFixMenu(ui, () => vscode.commands.executeCommand('editor.action.quickFix'), title, () => textUntil(doc, drafted, 'the draft in the note', 5_000));
    } else {
      assert.ok(await vscode.workspace.applyEdit(actions.find((a) => a.title === title)!.edit!));
    }
    const text = await textUntil(doc, drafted, 'the draft in the note');
    const draft = text.slice(text.indexOf('## Draft: check-in email'));
    assert.match(draft, /^To: Jane Doe <jane\.doe@acme\.example>$/m);
    assert.match(draft, /^Subject: Following up on the Senior Backend Engineer position$/m);
    assert.match(draft, /^Dear Jane,$/m);
    assert.match(draft, /Alex Rivera/, 'signed with the sender of .interview-followup.yaml');
    assert.ok(text.startsWith(fs.readFileSync(acme.fsPath, 'utf8').trimEnd()), 'the note above the draft is unchanged');
    assert.ok(await doc.save());
    assert.match(fs.readFileSync(acme.fsPath, 'utf8'), /^To: Jane Doe <jane\.doe@acme\.example>$/m, 'saved to disk');
    // Drafting is not sending: the check-in is still due.
    assert.ok(ours(acme).some((x) => ruleOf(x) === 'check-in-due'));
  });

  it('the quick fix "Mark thank-you sent today" edits the front matter', async function () {
    const globex = note('globex-frontend.md');
    const doc = await vscode.workspace.openTextDocument(globex);
    await vscode.window.showTextDocument(doc);
    const d = await withRule(globex, 'thank-you-due');
    const actions = await codeActions(globex, d.range, `Mark thank-you sent today (${TODAY})`);
    // The workspace's own thank-you template applies in a trusted workspace.
    const draft = actions.find((a) => a.title === 'Draft thank-you email to Priya Natarajan');
    assert.ok(draft, `offered: ${actions.map((a) => a.title)}`);
    assert.match(insertedText(draft), /WORKSPACE TEMPLATE/);
    const mark = actions.find((a) => a.title === `Mark thank-you sent today (${TODAY})`)!;
    assert.ok(await vscode.workspace.applyEdit(mark.edit!));
    const lines = doc.getText().split('\n');
    const close = lines.indexOf('---', 1);
    assert.ok(lines.slice(1, close).includes(`thank_you_sent: ${TODAY}`), `in the front matter:\n${lines.slice(0, close + 1).join('\n')}`);
    assert.equal(lines.filter((l) => l.startsWith('thank_you_sent')).length, 1);
    assert.ok(lines.slice(close).every((l) => !l.includes('thank_you_sent')), 'the body is untouched');
    await withoutRule(globex, 'thank-you-due');
    await statusCount(api, 3);
    if (ui) await ui.waitFor(STATUS, '3 follow-ups due');
    assert.ok(await doc.save());
  });

  it('changing interviewFollowup.checkInGraceDays changes the diagnostics at once', async function () {
    const acme = note('acme-backend.md');
    const config = vscode.workspace.getConfiguration('interviewFollowup');
    try {
      await config.update('checkInGraceDays', 10, vscode.ConfigurationTarget.Workspace);
      const later = await withRule(acme, 'check-in-due', 'the check-in due 10 days after the promised date').then(() =>
        until(vscode.languages.onDidChangeDiagnostics, () => ours(acme).find((x) => x.message.startsWith('Check-in 3 days overdue (due Monday 2026-11-23; the 22nd is a Sunday)')),
          () => `"Check-in 3 days overdue (due Monday 2026-11-23; the 22nd is a Sunday)"; have ${ours(acme).map((x) => x.message)}`));
      assert.equal(ruleOf(later), 'check-in-due');
      await config.update('checkInGraceDays', 20, vscode.ConfigurationTarget.Workspace);
      await withoutRule(acme, 'check-in-due'); // due 2026-12-02: not yet
      await statusCount(api, 2); // umbrella-sre and pied-piper-backend
    } finally {
      await config.update('checkInGraceDays', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until(vscode.languages.onDidChangeDiagnostics, () => ours(acme).find((x) => x.message.startsWith('Check-in 10 days overdue')), () => 'the default back');
  });

  it('"New Interview Note" asks company and role and creates a note dated today', async function () {
    const created = ui
      ? (async () => {
        const run = vscode.commands.executeCommand<vscode.Uri>('interviewFollowup.newNote');
        await ui.waitFor(QUICK_INPUT, 'New Interview Note (1/2)');
        await ui.type('Initrode');
        await ui.press('Enter');
        await ui.waitFor(QUICK_INPUT, 'New Interview Note (2/2)');
        await ui.type('Staff Engineer: Platform');
        await ui.press('Enter');
        return run;
      })()
      : vscode.commands.executeCommand<vscode.Uri>('interviewFollowup.newNote', { company: 'Initrode', role: 'Staff Engineer: Platform' });
    const uri = await created;
    assert.ok(uri, 'a note was created');
    assert.equal(uri.toString(), note('initrode-staff-engineer-platform.md').toString());
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /^company: Initrode$/m);
    assert.match(text, /^role: "Staff Engineer: Platform"$/m, 'quoted: the colon would break the YAML');
    assert.match(text, new RegExp(`^interviewed: ${TODAY}$`, 'm'));
    assert.match(text, /^expect_reply_by: ""/m, 'a real key to fill in, no commented duplicate');
    assert.doesNotMatch(text, /^# expect_reply_by/m);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString(), 'opened in the editor');
    // Tab stops: the caret in the contact's name, Tab to the email, then the stage.
    const at = () => editor.document.lineAt(editor.selection.active.line).text;
    assert.match(at(), /^\s+name: ""/);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.match(at(), /^\s+email: ""/);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.match(at(), /^stage: ""/);
    assert.equal(editor.document.isDirty, false, 'saved as written');
    // A note of today: the thank-you is due, and nothing is wrong with it.
    const diags = await withRule(uri, 'thank-you-due').then(() => ours(uri));
    assert.deepEqual(diags.map(ruleOf).sort(), ['ask-timeline', 'thank-you-due']);
    await statusCount(api, 4); // acme-backend, umbrella-sre, pied-piper-backend and now initrode
    await viewUntil(api, (g) => g.some(([title, companies]) => title === 'Due today' && companies.includes('Initrode')), 'Initrode due today');
  });

  it('"New Interview Note" for a company and role already there opens that note, or writes another when asked', async function () {
    const existing = note('initrode-staff-engineer-platform.md');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    let opened: vscode.Uri | undefined;
    if (ui) {
      const run = vscode.commands.executeCommand<vscode.Uri>('interviewFollowup.newNote', { company: 'Initrode', role: 'Staff Engineer: Platform' });
      await ui.waitFor(QUICK_INPUT, 'a note is already there');
      await ui.click(`${QUICK_INPUT} .monaco-list-row`, 'Open the existing note');
      opened = await run;
    } else {
      opened = await vscode.commands.executeCommand<vscode.Uri>('interviewFollowup.newNote', { company: 'Initrode', role: 'Staff Engineer: Platform', ifExists: 'open' });
    }
    assert.equal(opened?.toString(), existing.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), existing.toString());
    assert.ok(!fs.existsSync(note('initrode-staff-engineer-platform-2.md').fsPath), 'no second file written');
    const another = await vscode.commands.executeCommand<vscode.Uri>('interviewFollowup.newNote', { company: 'Initrode', role: 'Staff Engineer: Platform', ifExists: 'another' });
    assert.equal(another?.toString(), note('initrode-staff-engineer-platform-2.md').toString());
    await vscode.workspace.fs.delete(another!);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Re-check All Notes" rescans every note of the workspace', async function () {
    const before = api.dueFollowUps().length;
    const count = await vscode.commands.executeCommand<number>('interviewFollowup.recheckAll');
    // 17 example files (3 of them in accepted/) and the note created above.
    assert.equal(count, 18);
    assert.ok(ours(note('acme-backend.md')).some((d) => ruleOf(d) === 'check-in-due'));
    assert.equal(api.dueFollowUps().length, before);
  });
});
