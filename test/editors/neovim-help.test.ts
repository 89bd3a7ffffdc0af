/**
 * The editor help as a real editor shows it: headless Neovim asks our server for the hover on
 * a date and runs its own code-lens module; the transcript is what a user would read.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requiredError } from '../layers';
import { BIN, EXAMPLES, REPO } from '../lsp/client';
import { EDITORS, editorsMissing, probeEditor, skipEditor, TODAY } from './harness';

const NEOVIM = EDITORS.find((e) => e.id === 'neovim')!;
const { missing } = probeEditor(NEOVIM);
const skip = skipEditor(NEOVIM);

describe(`editor: Neovim shows the hover and the next-action lens${skip ? `: SKIPPED, ${missing}` : ''}`, function () {
  this.timeout(40000);
  let dir: string | undefined;
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  (skip ? it.skip : it)('hover on the promised date, and the lens on the front matter', () => {
    if (missing !== undefined) throw requiredError('the Neovim tests', editorsMissing([NEOVIM]));
    dir = mkdtempSync(path.join(os.tmpdir(), 'ifu-nvim-help-'));
    for (const f of ['acme-backend.md', '.interview-followup.yaml']) copyFileSync(path.join(EXAMPLES, f), path.join(dir, f));
    const home = path.join(dir, 'home');
    const r = spawnSync(NEOVIM.bin, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(REPO, 'test/editors/nvim_help.lua')}`], {
      encoding: 'utf8',
      timeout: 30000,
      env: {
        ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: home,
        INTERVIEW_FOLLOWUP_TODAY: TODAY, IFU_FILE: path.join(dir, 'acme-backend.md'), IFU_SERVER: BIN, IFU_HOVER_LINE: '12', IFU_HOVER_COL: '20',
      },
    });
    assert.equal(r.status, 0, r.stderr);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; lines?: string[]; lenses?: { line: number; title: string }[] });
    const hover = events.find((e) => e.event === 'hover');
    assert.deepEqual(hover?.lines, [
      '**Thursday, 12 November 2026** · 14 days ago',
      '',
      'Check-in due since Sunday, 15 November 2026 (11 days ago): if you have not heard, send one brief check-in.',
    ]);
    const lens = events.find((e) => e.event === 'codelens');
    assert.deepEqual(lens?.lenses, [{ line: 0, title: 'check in with Jane Doe · 11 days overdue' }]);
    process.stdout.write(`      transcript: ${r.stdout.trim().split('\n').join('\n                  ')}\n`);
  });
});
