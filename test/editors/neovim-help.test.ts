/**
 * The editor help as a real editor shows it: headless Neovim asks our server for the hover on
 * a date and runs its own code-lens module, and runs a draft's "Mark sent" lens as a user does
 * (the server's command, its workspace/applyEdit); the transcript is what a user would read.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requiredError } from '../layers';
import { BIN, EXAMPLES, REPO } from '../lsp/client';
import { EDITORS, editorsMissing, probeEditor, skipEditor, TODAY } from './harness';

const NEOVIM = EDITORS.find((e) => e.id === 'neovim')!;
const { missing } = probeEditor(NEOVIM);
const skip = skipEditor(NEOVIM);

interface Event { event: string; lines?: string[]; lenses?: { line: number; title: string }[]; line?: number; text?: string }

/** A note whose thank-you is drafted and not yet sent. */
const DRAFTED = [
  '---', 'company: Acme Corp', 'role: Backend Engineer', 'contact: {name: Jane Doe, email: jane@acme.example}', 'interviewed: 2026-11-24',
  'status: waiting', '---', '', 'Notes.', '', '## Draft: thank-you email to Jane Doe (2026-11-26)', '', 'To: Jane Doe <jane@acme.example>',
  'Subject: Thank you for the Backend Engineer interview', '', 'Dear Jane,', '', 'Thank you for your time.', '',
].join('\n');

describe(`editor: Neovim shows the hover and the lenses, and runs Mark sent${skip ? `: SKIPPED, ${missing}` : ''}`, function () {
  this.timeout(40000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** Runs nvim_help.lua on `file` (copied into a new folder with the examples' config) with `env`; its JSON events. */
  function runHelp(name: string, text: string | undefined, env: NodeJS.ProcessEnv): { stdout: string; events: Event[] } {
    if (missing !== undefined) throw requiredError('the Neovim tests', editorsMissing([NEOVIM]));
    const d = mkdtempSync(path.join(os.tmpdir(), 'ifu-nvim-help-'));
    dirs.push(d);
    copyFileSync(path.join(EXAMPLES, '.interview-followup.yaml'), path.join(d, '.interview-followup.yaml'));
    if (text === undefined) copyFileSync(path.join(EXAMPLES, name), path.join(d, name));
    else writeFileSync(path.join(d, name), text);
    const home = path.join(d, 'home');
    const r = spawnSync(NEOVIM.bin, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(REPO, 'test/editors/nvim_help.lua')}`], {
      encoding: 'utf8',
      timeout: 30000,
      env: {
        ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: home,
        INTERVIEW_FOLLOWUP_TODAY: TODAY, IFU_FILE: path.join(d, name), IFU_SERVER: BIN, ...env,
      },
    });
    assert.equal(r.status, 0, r.stderr);
    return { stdout: r.stdout, events: r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Event) };
  }

  (skip ? it.skip : it)('hover on the promised date, and the lens on the front matter', () => {
    const { stdout, events } = runHelp('acme-backend.md', undefined, { IFU_HOVER_LINE: '12', IFU_HOVER_COL: '20' });
    const hover = events.find((e) => e.event === 'hover');
    assert.deepEqual(hover?.lines, [
      '**Thursday, 12 November 2026** · 14 days ago',
      '',
      'Check-in due since Monday, 16 November 2026 (10 days ago; the 15th is a Sunday): if you have not heard, send one brief check-in.',
    ]);
    const lens = events.find((e) => e.event === 'codelens');
    assert.deepEqual(lens?.lenses, [{ line: 0, title: 'check in with Jane Doe · 10 days overdue' }]);
    process.stdout.write(`      transcript: ${stdout.trim().split('\n').join('\n                  ')}\n`);
  });

  (skip ? it.skip : it)('"Mark sent" run from the lens on a draft heading: the heading renamed, the thank-you recorded, nothing else', () => {
    const { stdout, events } = runHelp('acme.md', DRAFTED, { IFU_RUN_LENS: 'Mark sent' });
    const line = DRAFTED.split('\n').indexOf('## Draft: thank-you email to Jane Doe (2026-11-26)');
    // Neovim 0.7 declares no window/showDocument: no Open lens; and it has no Copy of ours.
    assert.deepEqual(events.find((e) => e.event === 'codelens')?.lenses, [
      { line: 0, title: 'send the thank-you note to Jane Doe · 2 days overdue' }, { line, title: 'Mark sent' }]);
    const run = events.find((e) => e.event === 'lens-run');
    assert.equal(run?.line, line);
    // Neovim's buffer lines joined: the text without its final newline.
    assert.equal(`${run?.text}\n`, DRAFTED
      .replace('status: waiting\n', 'status: waiting\nthank_you_sent: 2026-11-26\n')
      .replace('## Draft: thank-you email', '## Sent: thank-you email'));
    process.stdout.write(`      transcript: ${stdout.trim().split('\n').join('\n                  ')}\n`);
  });
});
