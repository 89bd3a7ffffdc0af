/**
 * Real editors as the client, headless: Neovim 0.7 (built-in LSP client), Emacs 28 with eglot,
 * and Vim 9 with ALE. Each starts the server from the installed npm package, as users do,
 * opens an overdue note, shows check-in-due, applies "Draft check-in email..." and then
 * "Mark check-in email sent today..." through its own code action menu, and writes the file.
 * We judge the files on disk (what the user keeps): after each action they must be exactly
 * the server's edit applied (plus the final newline every editor writes), hence
 * byte-identical in all three editors, for a normal note, one without a final newline and a
 * CRLF one.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fsp, readFileSync, realpathSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLanguageService, parseIsoDay } from '../../server/src/service';
import { builtinTemplatesDir, ConfigResolver, templateLookup } from '../../server/src/node';
import { applyTextEdits, EXAMPLES, REPO } from '../lsp/client';
import { REQUIRE_ALL, requiredError } from '../layers';
import {
  Editor, EDITORS, editorsMissing, EditorRun, installedServer, Installed, probeEditor, RUN_TIMEOUT_MS, runEditor, skipEditor, TODAY,
} from './harness';

const ACME = readFileSync(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');
const CONFIG = readFileSync(path.join(EXAMPLES, '.interview-followup.yaml'), 'utf8');
const DRAFT_TITLE = 'Draft check-in email to Jane Doe';
const MARK_TITLE = `Mark check-in email sent today (${TODAY})`;

interface Variant {
  name: string;
  text: string;
  eol: string;
}

const VARIANTS: Variant[] = [
  { name: 'a normal note', text: ACME, eol: '\n' },
  { name: 'a note without a final newline', text: ACME.replace(/\n$/, ''), eol: '\n' },
  { name: 'a CRLF note', text: ACME.replace(/\n/g, '\r\n'), eol: '\r\n' },
  // Non-ASCII on the last line, where the draft goes: each editor must count positions as the server does.
  { name: 'a note with non-ASCII text', text: ACME.replace(/decide by the end of next week\.\n$/, 'decide by the end of next week — fingers crossed (Zoë’s words) 🤞\n'), eol: '\n' },
];

/** Every editor here writes a final line break the file lacked (Vim's 'fixeol', Emacs' require-final-newline). */
const withFinalNewline = (text: string, eol: string) => (/\r?\n$/.test(text) ? text : text + eol);

/** What the files must be after each action: the service's own edits, applied to the text. */
function expectedFiles(root: string, note: string, variant: Variant): { draft: string; mark: string } {
  const service = createLanguageService();
  const resolved = new ConfigResolver(root).forFile(note);
  const options = { today: parseIsoDay(TODAY)!, config: resolved.config, templates: templateLookup(resolved, builtinTemplatesDir()) };
  const uri = 'file:///note.md';
  const act = (text: string, prefix: string): string => {
    const due = service.check({ uri, text }, options)?.find((d) => d.code === 'check-in-due');
    assert.ok(due, 'the expectation needs check-in-due');
    const action = service.codeActions({ uri, text }, due.range, [due], options).find((a) => a.title.startsWith(prefix));
    assert.ok(action?.edit?.changes, `the expectation needs '${prefix}'`);
    return withFinalNewline(applyTextEdits(text, action.edit.changes[uri]), variant.eol);
  };
  const draft = act(variant.text, 'Draft check-in email');
  return { draft, mark: act(draft, 'Mark check-in email sent') };
}

interface Outcome {
  draft: string;
  mark: string;
  run: EditorRun;
}

const results = new Map<string, Map<string, Outcome>>(); // editor id -> variant name -> files
const timings: string[] = [];

describe('editors: Neovim, Emacs + eglot and Vim + ALE against the installed package', function () {
  this.timeout(RUN_TIMEOUT_MS + 10000);
  let installed: Installed;

  before(async function () {
    this.timeout(180000);
    installed = await installedServer();
    timings.push(`npm pack ${installed.ms.pack} ms, npm install ${installed.ms.install} ms`);
  });

  after(() => {
    if (timings.length > 0) console.log(`\n    Timings\n${timings.map((t) => `      ${t}`).join('\n')}\n`);
  });

  it('packs what the server needs (bin/, out/server/, templates/) and nothing of the tests or sources', () => {
    for (const f of ['package.json', 'bin/interview-followup.js', 'out/server/src/cli/main.js', 'out/server/src/lsp/main.js',
      'out/server/src/service/index.js', 'templates/check-in-email.hbs', 'templates/thank-you-email.hbs', 'templates/offer-checklist.hbs']) {
      assert.ok(installed.files.includes(f), `${f} is not in the package: ${installed.files.join(', ')}`);
    }
    const stray = installed.files.filter((f) => /^(out\/(test|client|bench)|test|server\/src|client|bench|examples|node_modules)\//.test(f) || f.endsWith('.ts'));
    assert.deepEqual(stray, [], 'no tests, sources or examples in the package');
    // Installed outside the repository, and it runs.
    assert.ok(!installed.bin.startsWith(REPO + path.sep), installed.bin);
    const version = spawnSync(installed.bin, ['--version'], {
      encoding: 'utf8', env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` },
    });
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim().split(/\s+/).pop(), JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });

  for (const editor of EDITORS) {
    const probe = probeEditor(editor);
    const skip = skipEditor(editor);
    describe(skip ? `${editor.title}: SKIPPED, ${probe.missing}` : editor.title, function () {
      let dir: string | undefined;

      before(function () {
        if (skip) return;
        if (probe.missing !== undefined) throw requiredError(`the ${editor.title} tests`, editorsMissing([editor]));
        timings.push(`${editor.title}: ${probe.version}`);
      });

      afterEach(async () => {
        if (dir) await fsp.rm(dir, { recursive: true, force: true });
        dir = undefined;
      });

      for (const variant of VARIANTS) {
        (skip ? it.skip : it)(`${variant.name}: shows check-in-due, drafts the check-in, marks it sent`, async () => {
          dir = realpathSync(await fsp.mkdtemp(path.join(os.tmpdir(), `interview-followup-${editor.id}-`)));
          const outcome = await runOnce(editor, installed.bin, dir, variant);
          (results.get(editor.id) ?? results.set(editor.id, new Map()).get(editor.id)!).set(variant.name, outcome);
        });
      }
    });
  }

  // The editors that run here: all three unless some are skipped (then not all three agree).
  const here = EDITORS.filter((e) => REQUIRE_ALL || probeEditor(e).missing === undefined);
  const skipped = EDITORS.filter((e) => !here.includes(e)).map((e) => e.title);
  describe(skipped.length === 0 ? 'all three editors agree' : `the editors here agree (${skipped.join(', ')} SKIPPED)`, () => {
    for (const variant of VARIANTS) {
      (here.length < 2 ? it.skip : it)(`gives byte-identical files for ${variant.name}`, function () {
        const ran = here.filter((e) => results.get(e.id)?.has(variant.name));
        const missing = here.filter((e) => !ran.includes(e));
        if (missing.length > 0) assert.fail(`no result from ${missing.map((e) => e.title).join(', ')} for ${variant.name}: see its test above`);
        const [first, ...rest] = ran.map((e) => ({ editor: e, outcome: results.get(e.id)!.get(variant.name)! }));
        for (const other of rest) {
          assert.equal(other.outcome.draft, first.outcome.draft, `after the draft: ${other.editor.title} differs from ${first.editor.title}`);
          assert.equal(other.outcome.mark, first.outcome.mark, `after marking it sent: ${other.editor.title} differs from ${first.editor.title}`);
        }
      });
    }
  });
});

async function runOnce(editor: Editor, server: string, dir: string, variant: Variant): Promise<Outcome> {
  const root = path.join(dir, 'notes');
  const home = path.join(dir, 'home');
  await fsp.mkdir(root);
  await fsp.mkdir(home);
  const note = path.join(root, 'acme-backend.md');
  await fsp.writeFile(note, variant.text);
  await fsp.writeFile(path.join(root, '.interview-followup.yaml'), CONFIG);
  const run = await runEditor(editor, server, root, note, home);
  const report = `${editor.title} exit ${run.code}${run.signal ? ` (${run.signal})` : ''} after ${run.ms} ms\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
  assert.equal(run.signal, null, `${editor.title} was killed (timeout ${RUN_TIMEOUT_MS} ms?)\n${report}`);
  assert.equal(run.code, 0, report);
  for (const e of ['diagnostics', 'drafted', 'marked', 'cleared', 'done']) assert.ok(run.events[e], `no '${e}' event\n${report}`);

  // The overdue note shows check-in-due, on the promised date's value (line 13, column 18).
  const diagnostics = run.events.diagnostics.diagnostics as { code: string; line: number; col: number; message: string }[];
  assert.ok(diagnostics.some((d) => d.code === 'check-in-due' && d.line === 12 && d.col === 17 && /11 days overdue/.test(d.message)),
    `check-in-due at 13:18: ${JSON.stringify(diagnostics)}`);
  // The editor's menu offered the three fixes, and the one chosen landed.
  assert.deepEqual(run.events.drafted.titles, [DRAFT_TITLE, MARK_TITLE, `Log a check-in call today (${TODAY})`]);
  assert.equal(run.events.drafted.title, DRAFT_TITLE);
  assert.equal(run.events.marked.title, MARK_TITLE);
  if (editor.id === 'neovim') {
    // The documented root detection found the folder of .interview-followup.yaml.
    assert.equal(run.events.diagnostics.root, root);
    // Neovim declares codeAction resolveSupport: the draft was rendered by codeAction/resolve.
    assert.equal(run.events.drafted.resolved, true, 'the draft came through codeAction/resolve');
  }

  const draft = await fsp.readFile(`${note}.after-draft`, 'utf8');
  const mark = await fsp.readFile(note, 'utf8');
  const expected = expectedFiles(root, note, variant);
  assert.equal(draft, expected.draft, `${editor.title}: the file after the draft is not the server's edit applied`);
  assert.equal(mark, expected.mark, `${editor.title}: the file after marking the check-in sent is not the server's edit applied`);
  // Spelled out: the front matter gained the follow-up, the line endings stayed the note's.
  assert.ok(mark.includes(`pitch: >-${variant.eol}  Five years building payment systems like the one your team is scaling.${variant.eol}follow_ups:${variant.eol}  - ${TODAY}${variant.eol}---${variant.eol}`), mark);
  if (variant.eol === '\r\n') assert.ok(!/[^\r]\n/.test(mark) && !mark.includes('\r\r'), 'CRLF throughout');

  const e = run.events;
  timings.push(`${editor.title}, ${variant.name}: ${run.ms} ms (check-in-due shown at ${e.diagnostics.ms} ms, draft written at ${e.drafted.ms}, `
    + `mark written at ${e.marked.ms}, diagnostic cleared at ${e.cleared.ms}, server stopped at ${e.done.ms})`);
  return { draft, mark, run };
}
