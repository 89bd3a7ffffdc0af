/**
 * The edges of a workspace, in the server and the CLI alike: a template that is a link out of
 * it is never read into a draft; the scan never follows a link out of the folder; a config
 * file above the workspace (or, for the CLI, above the repository or home, or someone else's)
 * never governs its notes; a glob that makes regular expressions backtrack costs nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { main } from '../../server/src/cli/main';
import { CONFIG_FILE } from '../../server/src/protocol';
import { FileChangeType, LspClient } from '../lsp/client';
import { BASE, note, TODAY } from './corpus';
import { startIn } from './server-preset';

interface Ran { code: number | undefined; stdout: string; stderr: string; ms: number }

async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const started = Date.now();
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env, now: () => new Date() });
  return { code, stdout, stderr, ms: Date.now() - started };
}

/** Writes files (text) and symbolic links (`{ link: target }`) under `dir`. */
function tree(dir: string, entries: Record<string, string | { link: string }>): void {
  for (const [name, what] of Object.entries(entries)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    if (typeof what === 'string') fs.writeFileSync(p, what);
    else fs.symlinkSync(what.link, p);
  }
}

const codes = (d: Diagnostic[] | undefined) => (d ?? []).map((x) => String(x.code)).sort();
const draftText = (a: CodeAction) => ((a.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as TextEdit).newText;
/** A pathological regular expression (picomatch's of it backtracks exponentially) and a name it chokes on. */
const BACKTRACKING_GLOB = '*a*a*a*a*a*a*a*a*a*a*a*x';
const LONG_NAME = `${'a'.repeat(36)}.md`;

describe('hostile: the edges of the workspace', function () {
  this.timeout(30_000);
  /** A temporary folder: `outside` and the workspace(s) live in it. */
  let top: string;
  let lsp: LspClient | undefined;

  beforeEach(() => {
    top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-edges-')));
    tree(top, {
      'outside/secret.hbs': 'SECRET-KEY-MATERIAL for {{company}}\n',
      'outside/initech.md': note(['company: Initech', 'role: Engineer', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'salary_notes: PRIVATE-VALUE']),
    });
  });

  afterEach(async () => {
    await lsp?.dispose();
    lsp = undefined;
    fs.rmSync(top, { recursive: true, force: true });
  });

  const uri = (p: string) => pathToFileURL(p).href;
  const actions = (file: string, line: number): Promise<CodeAction[]> =>
    lsp!.codeActions(uri(file), { start: { line, character: 0 }, end: { line: line + 1, character: 0 } });

  describe('item 3: a workspace template that is a link out of the workspace', () => {
    it('server: is not read into the draft (the built-in one is used) and the config file says why', async () => {
      const ws = path.join(top, 'ws');
      tree(ws, {
        [CONFIG_FILE]: 'templatesDir: tpl\n',
        'tpl/thank-you-email.hbs': { link: path.join(top, 'outside/secret.hbs') },
        'n.md': note(BASE.slice(0, 3)),
      });
      lsp = await startIn(ws);
      await lsp.waitForScan();
      const draft = (await actions(path.join(ws, 'n.md'), 3)).find((a) => a.title.startsWith('Draft thank-you email'))!;
      assert.ok(draft.edit, draft.disabled?.reason);
      const text = draftText(draft);
      assert.ok(!text.includes('SECRET-KEY-MATERIAL'), text);
      assert.match(text, /Acme Corp/, 'the built-in template');
      const [onConfig] = await lsp.waitUntil('a diagnostic on the config', () => lsp!.diagnostics.get(uri(path.join(ws, CONFIG_FILE))));
      assert.match(onConfig.message as string, /^The template tpl\/thank-you-email\.hbs is not used: it leads outside .*secret\.hbs\); the built-in one applies$/);
      assert.deepEqual(onConfig.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 17 } }, 'on the templatesDir value');
    });

    it('CLI new: writes the note from the built-in template and says why on stderr', async () => {
      const ws = path.join(top, 'ws');
      tree(ws, { '.interview-followup/templates/interview-note.hbs': { link: path.join(top, 'outside/secret.hbs') } });
      const r = await cli(['new', '--company', 'Acme Corp', '--role', 'Engineer', '--today', TODAY], ws);
      assert.equal(r.code, 0, r.stderr);
      const written = fs.readFileSync(path.join(ws, r.stdout.trim()), 'utf8');
      assert.ok(!written.includes('SECRET-KEY-MATERIAL'), written);
      assert.match(written, /^company: Acme Corp$/m);
      assert.match(r.stderr, /^interview-followup: The template \.interview-followup\/templates\/interview-note\.hbs is not used: it leads outside /m);
    });
  });

  describe('item 4: links out of the folder walked', () => {
    function workspace(): string {
      const ws = path.join(top, 'ws');
      tree(ws, {
        'acme.md': note(BASE),
        'sub/inside.md': note(BASE),
        'inner': { link: 'sub' }, // a link within the folder: fine, walked once
        'elsewhere': { link: path.join(top, 'outside') },
        'root': { link: '/' },
        'leak.md': { link: path.join(top, 'outside/initech.md') },
      });
      return ws;
    }

    it('server: the scan publishes the workspace\'s own notes only, and logs each link skipped, once a scan', async () => {
      const ws = workspace();
      lsp = await startIn(ws);
      await lsp.waitForScan();
      assert.equal(await lsp.recheckAll(), 2, 'acme.md and sub/inside.md');
      const published = [...lsp.diagnostics].filter(([, d]) => d.length > 0).map(([u]) => u);
      assert.equal(published.length, 2, published.join('\n'));
      assert.ok(published.every((u) => u.startsWith(uri(ws) + '/') && !/elsewhere|root|leak/.test(u)), published.join('\n'));
      for (const link of ['elsewhere', 'root', 'leak.md']) {
        const lines: unknown[] = lsp.logs.filter((l) => l.message.includes(`skipped ${path.join(ws, link)}: it leads outside the workspace folder`));
        assert.equal(lines.length, 2, `one line per scan for ${link}`);
      }
      // A link out created later and reported by the watcher is not read either.
      fs.symlinkSync(path.join(top, 'outside/initech.md'), path.join(ws, 'late.md'));
      fs.writeFileSync(path.join(ws, 'fresh.md'), note(BASE));
      await lsp.filesChanged(['late.md', FileChangeType.Created], ['fresh.md', FileChangeType.Created]);
      await lsp.waitUntil('fresh.md checked', () => (codes(lsp!.diagnostics.get(uri(path.join(ws, 'fresh.md')))).includes('check-in-due') ? true : undefined));
      assert.equal(lsp.diagnostics.get(uri(path.join(ws, 'late.md'))), undefined);
    });

    it('CLI check: checks the folder\'s own notes only, one line on stderr per link skipped', async () => {
      const ws = workspace();
      const r = await cli(['check', '--today', TODAY], ws);
      assert.equal(r.code, 1, r.stderr);
      assert.ok(!/Initech|elsewhere|root\/|leak/.test(r.stdout), r.stdout);
      assert.match(r.stdout, /^2 interview notes checked on 2026-11-26: 2 warnings, 2 information$/m);
      assert.deepEqual(r.stderr.split('\n').filter(Boolean).sort(), ['elsewhere', 'leak.md', 'root']
        .map((link) => `interview-followup: skipped '${link}': it leads outside '.'`));
    });
  });

  describe('item 5: a config file above the workspace', () => {
    const PLANTED = 'templatesDir: planted\nrules: {check-in-due: off}\n';

    it('server: is never read, for a note of the folder nor for one opened from outside it', async () => {
      tree(top, {
        [CONFIG_FILE]: PLANTED,
        'planted/check-in-email.hbs': 'To: {{to}}\nBcc: mallory@evil.example\n',
        'ws/acme.md': note(BASE),
        'other/n.md': note(BASE),
      });
      const ws = path.join(top, 'ws');
      lsp = await startIn(ws);
      await lsp.waitForScan();
      const acme = path.join(ws, 'acme.md');
      assert.deepEqual(codes(lsp.diagnostics.get(uri(acme))), ['check-in-due'], 'not silenced by the planted rules');
      const draft = (await actions(acme, 5)).find((a) => a.title.startsWith('Draft check-in email'))!;
      assert.ok(!draftText(draft).includes('Bcc'), draftText(draft));
      // A note from outside the workspace folder: only a config in its own folder would apply.
      const other = path.join(top, 'other/n.md');
      await lsp.openUri(uri(other), note(BASE));
      await lsp.waitUntil('the outside note checked', () => (codes(lsp!.diagnostics.get(uri(other))).includes('check-in-due') ? true : undefined));
    });

    it('CLI: the lookup stops at the repository (`.git`) and at the home folder', async () => {
      tree(top, { [CONFIG_FILE]: PLANTED, 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/acme.md': note(BASE), 'home/notes/acme.md': note(BASE) });
      const inRepo = await cli(['check', '--today', TODAY], path.join(top, 'repo'));
      assert.match(inRepo.stdout, /^acme\.md:6:18: warning check-in-due /m);
      const inHome = await cli(['check', '--today', TODAY], path.join(top, 'home/notes'), { HOME: path.join(top, 'home') });
      assert.match(inHome.stdout, /^acme\.md:6:18: warning check-in-due /m);
      assert.equal(inRepo.stderr + inHome.stderr, '');
    });

    it('CLI: a config file writable by everyone, or owned by another user, is ignored and named on stderr', async function () {
      tree(top, { 'repo/.git/HEAD': 'ref: refs/heads/main\n', [`repo/${CONFIG_FILE}`]: PLANTED, 'repo/acme.md': note(BASE) });
      const config = path.join(top, 'repo', CONFIG_FILE);
      fs.chmodSync(config, 0o666);
      const writable = await cli(['check', '--today', TODAY], path.join(top, 'repo'));
      assert.match(writable.stdout, /^acme\.md:6:18: warning check-in-due /m);
      assert.equal(writable.stderr, 'interview-followup: ignored .interview-followup.yaml: it is writable by everyone\n');
      if (process.getuid?.() !== 0) return; // only root can give a file away
      fs.chmodSync(config, 0o644);
      fs.chownSync(config, 4242, 4242);
      const foreign = await cli(['check', '--today', TODAY], path.join(top, 'repo'));
      assert.match(foreign.stdout, /^acme\.md:6:18: warning check-in-due /m);
      assert.equal(foreign.stderr, 'interview-followup: ignored .interview-followup.yaml: it is owned by another user\n');
    });
  });

  describe('item 6: a glob that makes a regular expression backtrack', () => {
    function workspace(): string {
      const ws = path.join(top, 'ws');
      tree(ws, { [CONFIG_FILE]: `exclude: ["${BACKTRACKING_GLOB}"]\n`, [LONG_NAME]: note(BASE) });
      return ws;
    }

    it('CLI check: finishes in under a second', async () => {
      const r = await cli(['check', '--today', TODAY], workspace());
      assert.ok(r.ms < 1000, `${r.ms} ms`);
      assert.match(r.stdout, new RegExp(`^${LONG_NAME.replace('.', '\\.')}:6:18: warning check-in-due `, 'm'), 'not excluded: the name does not end in x');
    });

    it('server: the scan finishes and hover is answered', async () => {
      const ws = workspace();
      lsp = await startIn(ws);
      await lsp.waitForScan(5000);
      const file = path.join(ws, LONG_NAME);
      assert.deepEqual(codes(lsp.diagnostics.get(uri(file))), ['check-in-due']);
      const hover = await lsp.within('hover', lsp.hover(uri(file), { line: 5, character: 20 }), 1000);
      assert.ok(hover, 'a hover on expect_reply_by');
    });
  });
});
