/**
 * An import in real, headless editors, set up as the docs say, with the server installed from
 * the npm package: the README's recipe for each, read from the README and run as written
 * (recipes.ts). The user imports a Google Calendar invite into their open note, answers the
 * server's question (the editors declare no change annotations, so the server asks) and the
 * editor's own, the editor applies the server's workspace/applyEdit, the user writes the file.
 * We judge the note on disk: the same in both editors.
 *
 *   Neovim 0.7.2   docs/editors.md's "Neovim 0.7" set-up (the installed command on the PATH),
 *                  the README's :InterviewImport; another server attached to the note first
 *   Emacs + eglot  the README's M-x interview-followup-import
 */
import * as assert from 'node:assert/strict';
import { promises as fsp, realpathSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requiredError } from '../layers';
import { EXAMPLES, REPO } from '../lsp/client';
import { Editor, EDITORS, editorsMissing, installedServer, Installed, probeEditor, RUN_TIMEOUT_MS, runEditor, skipEditor } from './harness';
import { recipe } from './recipes';

const INVITE = path.join(REPO, 'test/fixtures/inbox/google-final.ics');
const QUESTION = 'Import: apply acme-backend.md (rounds[2].date, rounds[2].stage, rounds[2].duration, rounds[2].link, rounds[2].interviewers, rounds[2].uid)?';

/** The example note with the invite's round, as the server writes it (the user's zone: Los Angeles). */
function withRound(before: string): string {
  return before.replace([
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
  ].join('\n')).replace(/^thank_you_sent: 2026-11-02\n/m, '');
}

interface Case {
  id: Editor['id'];
  title: string;
  /** The editor's script (in test/editors/). */
  script: string;
  /** The recipe's file and its environment for the run, in `dir`. */
  setUp(dir: string, installed: Installed): Promise<NodeJS.ProcessEnv>;
  /** What the editor asked, from its events. */
  check(events: Record<string, Record<string, unknown>>): void;
}

const CASES: Case[] = [
  {
    id: 'neovim',
    title: ':InterviewImport invite.ics, Apply at the prompt, :write',
    script: 'nvim_import.lua',
    async setUp(dir, installed) {
      const other = path.join(dir, 'other');
      await fsp.mkdir(other);
      await fsp.writeFile(path.join(dir, 'init.lua'), recipe('docs/editors.md', '## Neovim 0.7'));
      await fsp.writeFile(path.join(dir, 'recipe.lua'), recipe('README.md', '**Importing an invite or a reply**'));
      return {
        IFU_INIT: path.join(dir, 'init.lua'),
        IFU_RECIPE: path.join(dir, 'recipe.lua'),
        // Another language server attached to the note before ours (our own server under another
        // name, on an empty folder: it stands for marksman or any other): the recipe must pick ours.
        IFU_OTHER_ROOT: other,
        // As the docs' `cmd = { 'interview-followup', ... }` expects: the installed command on the PATH.
        PATH: [path.dirname(installed.bin), path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter),
      };
    },
    check(events) {
      // Neovim's own prompt (inputlist) was shown, with the server's question; nothing went wrong.
      assert.deepEqual(events.imported?.asked, { message: QUESTION, actions: ['Apply', 'Cancel'] });
      assert.deepEqual(events.imported?.messages, []);
    },
  },
  {
    id: 'emacs',
    title: 'M-x interview-followup-import, Apply, y to eglot\'s "Server wants to edit", save',
    script: 'eglot_import.el',
    async setUp(dir) {
      await fsp.writeFile(path.join(dir, 'recipe.el'), recipe('README.md', '- **Emacs with eglot**', 'elisp'));
      return { IFU_RECIPE: path.join(dir, 'recipe.el') };
    },
    check(events) {
      const asked = events.imported?.asked as { prompt: string; choices: string[] } | undefined;
      assert.match(asked?.prompt ?? '', new RegExp(`Server reports \\(type=3\\): ${QUESTION.replace(/[()[\]?.]/g, '\\$&')}`));
      assert.deepEqual(asked?.choices, ['Apply', 'Cancel']);
      assert.match(String(events.imported?.confirmed), /^\[eglot\] Server wants to edit:\n {2}.*acme-backend\.md\n Proceed\? $/);
    },
  },
];

for (const c of CASES) {
  const editor = EDITORS.find((e) => e.id === c.id)!;
  const { missing } = probeEditor(editor);
  const skip = skipEditor(editor);

  describe(`editor: ${editor.title} imports an invite through the README's recipe${skip ? `: SKIPPED, ${missing}` : ''}`, function () {
    this.timeout(RUN_TIMEOUT_MS + 10000);
    let installed: Installed;
    let dir: string | undefined;

    before(async function () {
      if (skip) return;
      if (missing !== undefined) throw requiredError(`the ${editor.title} tests`, editorsMissing([editor]));
      this.timeout(180000);
      installed = await installedServer();
    });

    after(async () => {
      if (dir) await fsp.rm(dir, { recursive: true, force: true });
    });

    (skip ? it.skip : it)(`${c.title}: the note on disk has the round`, async () => {
      dir = realpathSync(await fsp.mkdtemp(path.join(os.tmpdir(), `interview-followup-${c.id}-import-`)));
      const notes = path.join(dir, 'notes');
      const home = path.join(dir, 'home');
      await Promise.all([notes, home].map((d) => fsp.mkdir(d, { recursive: true })));
      const config = await fsp.readFile(path.join(EXAMPLES, '.interview-followup.yaml'), 'utf8');
      // The invite lists the user's own gmail address among its attendees.
      await fsp.writeFile(path.join(notes, '.interview-followup.yaml'), `${config}me: alex.morgan@gmail.com\n`);
      const before = await fsp.readFile(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');
      const note = path.join(notes, 'acme-backend.md');
      await fsp.writeFile(note, before);
      const env = await c.setUp(dir, installed);
      const run = await runEditor(editor, installed.bin, notes, note, home, { script: c.script, env: { ...env, IFU_IMPORT: INVITE, TZ: 'America/Los_Angeles' } });
      assert.equal(run.code, 0, `${editor.title} failed:\n${run.stderr}\n${run.stdout}`);
      c.check(run.events);
      assert.equal(await fsp.readFile(note, 'utf8'), withRound(before));
    });
  });
}
