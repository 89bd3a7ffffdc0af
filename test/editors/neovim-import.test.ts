/**
 * An import in a real, headless Neovim 0.7, set up as the docs say: docs/editors.md's
 * "Neovim 0.7" configuration and the README's :InterviewImport, both read from the docs and run
 * as written (recipes.ts), with the server installed from the npm package on the PATH. The user
 * imports a Google Calendar invite into their open note, answers Neovim's own prompt (the
 * server asks: Neovim declares no change annotations), Neovim applies the server's
 * workspace/applyEdit, the user writes the file. We judge the note on disk.
 */
import * as assert from 'node:assert/strict';
import { promises as fsp, realpathSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requiredError } from '../layers';
import { EXAMPLES, REPO } from '../lsp/client';
import { EDITORS, editorsMissing, HERE, installedServer, Installed, probeEditor, RUN_TIMEOUT_MS, runEditor, skipEditor } from './harness';
import { recipe } from './recipes';

const NEOVIM = EDITORS.find((e) => e.id === 'neovim')!;
const { missing } = probeEditor(NEOVIM);
const skip = skipEditor(NEOVIM);
const INVITE = path.join(REPO, 'test/fixtures/inbox/google-final.ics');

describe(`editor: Neovim imports an invite through the README's recipe${skip ? `: SKIPPED, ${missing}` : ''}`, function () {
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

  (skip ? it.skip : it)(':InterviewImport invite.ics, Apply at the prompt, :write: the note on disk has the round', async () => {
    dir = realpathSync(await fsp.mkdtemp(path.join(os.tmpdir(), 'interview-followup-nvim-import-')));
    const notes = path.join(dir, 'notes');
    const home = path.join(dir, 'home');
    const other = path.join(dir, 'other');
    await Promise.all([notes, home, other].map((d) => fsp.mkdir(d, { recursive: true })));
    const config = await fsp.readFile(path.join(EXAMPLES, '.interview-followup.yaml'), 'utf8');
    // The invite lists the user's own gmail address among its attendees.
    await fsp.writeFile(path.join(notes, '.interview-followup.yaml'), `${config}me: alex.morgan@gmail.com\n`);
    const before = await fsp.readFile(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');
    const note = path.join(notes, 'acme-backend.md');
    await fsp.writeFile(note, before);
    await fsp.writeFile(path.join(dir, 'init.lua'), recipe('docs/editors.md', '## Neovim 0.7'));
    await fsp.writeFile(path.join(dir, 'recipe.lua'), recipe('README.md', '**Importing an invite or a reply**'));

    const run = await runEditor(NEOVIM, installed.bin, notes, note, home, {
      IFU_SCRIPT: path.join(HERE, 'nvim_import.lua'),
      IFU_INIT: path.join(dir, 'init.lua'),
      IFU_RECIPE: path.join(dir, 'recipe.lua'),
      IFU_IMPORT: INVITE,
      // Another language server attached to the note before ours (our own server under another
      // name, on an empty folder: it stands for marksman or any other): the recipe must pick ours.
      IFU_OTHER_ROOT: other,
      TZ: 'America/Los_Angeles',
      // As the docs' `cmd = { 'interview-followup', ... }` expects: the installed command on the PATH.
      PATH: [path.dirname(installed.bin), path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter),
    });
    assert.equal(run.code, 0, `Neovim failed:\n${run.stderr}\n${run.stdout}`);
    // Neovim's own prompt (inputlist) was shown, with the server's question.
    assert.deepEqual(run.events.imported?.asked, {
      message: 'Import: apply acme-backend.md (rounds[2].date, rounds[2].stage, rounds[2].duration, rounds[2].link, rounds[2].interviewers, rounds[2].uid)?',
      actions: ['Apply', 'Cancel'],
    });
    assert.deepEqual(run.events.imported?.messages, []);
    const after = await fsp.readFile(note, 'utf8');
    assert.equal(after, before.replace([
      'interviewers:',
      '  - name: Sam Lee',
      '    title: Engineering Manager',
      'interviewed: 2026-11-02',
      'stage: onsite',
      '',
    ].join('\n'), [
      'rounds:',
      '  - date: 2026-11-02',
      '    interviewers:',
      '      - name: Sam Lee',
      '        title: Engineering Manager',
      '    stage: onsite',
      '    thank_you_sent: 2026-11-02',
      // 14:00 in New York is 11:00 in the user's zone.
      '  - date: 2026-12-09T11:00',
      '    stage: final',
      '    duration: 60',
      '    link: "https://meet.google.com/abc-defg-hij"',
      '    interviewers: [{name: Jane Doe, email: jane.doe@acme.example}, {name: Priya Natarajan, email: priya.natarajan@acme.example}]',
      '    uid: 7kq2v9c1s0m3hd8f4r6t@google.com',
      '',
    ].join('\n')).replace(/^thank_you_sent: 2026-11-02\n/m, ''));
  });
});
