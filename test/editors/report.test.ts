/**
 * The job search report in a real, headless Neovim 0.7.2, set up as the docs say, with the
 * server installed from the npm package: docs/editors.md's "Neovim 0.7" configuration and the
 * README's :JobSearchReport, read from the docs and run as written (recipes.ts). The page the
 * editor hands to the browser is the page `interview-followup report --format html` prints.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fsp, realpathSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requiredError } from '../layers';
import { EXAMPLES } from '../lsp/client';
import { EDITORS, editorsMissing, installedServer, Installed, probeEditor, RUN_TIMEOUT_MS, runEditor, skipEditor, TODAY } from './harness';
import { recipe } from './recipes';

const NEOVIM = EDITORS.find((e) => e.id === 'neovim')!;
const { missing } = probeEditor(NEOVIM);
const skip = skipEditor(NEOVIM);

describe(`editor: Neovim opens the job search report through the README's recipe${skip ? `: SKIPPED, ${missing}` : ''}`, function () {
  this.timeout(RUN_TIMEOUT_MS + 10000);
  let installed: Installed;
  let dir: string | undefined;

  before(async function () {
    if (skip) return;
    if (missing !== undefined) throw requiredError('the Neovim tests', editorsMissing([NEOVIM]));
    this.timeout(180000);
    installed = await installedServer();
  });

  after(async () => {
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  (skip ? it.skip : it)(':JobSearchReport from a note: the page of `report --format html`, over every note of the folder', async () => {
    dir = realpathSync(await fsp.mkdtemp(path.join(os.tmpdir(), 'interview-followup-neovim-report-')));
    const notes = path.join(dir, 'notes');
    const home = path.join(dir, 'home');
    await fsp.cp(EXAMPLES, notes, { recursive: true });
    await fsp.mkdir(home);
    await fsp.writeFile(path.join(dir, 'init.lua'), recipe('docs/editors.md', '## Neovim 0.7'));
    await fsp.writeFile(path.join(dir, 'recipe.lua'), recipe('README.md', 'server knows (open buffers as edited)'));
    const env = {
      IFU_INIT: path.join(dir, 'init.lua'),
      IFU_RECIPE: path.join(dir, 'recipe.lua'),
      PATH: [path.dirname(installed.bin), path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter),
    };
    const run = await runEditor(NEOVIM, installed.bin, notes, path.join(notes, 'pied-piper-backend.md'), home, { script: 'nvim_report.lua', env });
    assert.equal(run.code, 0, `Neovim failed:\n${run.stderr}\n${run.stdout}`);
    const html = String(run.events.opened?.html);
    assert.match(html, new RegExp(`<title>Job search report, ${TODAY}</title>`));
    const cli = spawnSync(installed.bin, ['report', '--format', 'html', '--today', TODAY], { cwd: notes, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.ok(html === cli.stdout, `the page the CLI prints, byte for byte (${html.length} and ${cli.stdout.length} characters)`);
  });
});
