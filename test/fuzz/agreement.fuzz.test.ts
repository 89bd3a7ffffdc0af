/**
 * The CLI and the server are two hosts of one service: on every generated workspace (notes
 * from the generator, hostile file names, a config file or none, subfolders) they report the
 * same findings at the same places. One server serves all the runs; each run is a new folder
 * of its workspace, rescanned with `interviewFollowup/recheckAll`.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, promises as fsp, realpathSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { main } from '../../server/src/cli/main';
import { CONFIG_FILE } from '../../server/src/protocol';
import { LspClient } from '../lsp/client';
import { anyText, note } from './arbitraries';

export const WORKSPACES = 100;
const TODAY = '2026-11-26';
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

const fileName = fc.constantFrom('note.md', 'a b.md', 'ü-面试.md', '100%.md', 'c#.md', '[x].md', 'UPPER.MD', 'x.markdown', 'sub/deep/n.md',
  'sub/n.md', '.hidden.md', 'not-a-note.txt', "o'brien.md", '🚀.md');

const configText = fc.constantFrom(undefined, undefined, 'maxFollowUps: 0\n', 'rules:\n  ask-timeline: off\n  thank-you-due: error\n',
  'exclude: ["sub/**"]\n', 'checkInGraceDays: 10\nletGoDays: 3\n', 'rules: [oops\n', 'bogus: 1\nmaxFollowUps: -1\n');

const workspace = fc.record({
  files: fc.uniqueArray(fc.tuple(fileName, fc.oneof({ weight: 5, arbitrary: note.map((n) => n.text) }, { weight: 1, arbitrary: anyText })),
    { minLength: 1, maxLength: 6, selector: ([name]) => name.toLowerCase() }),
  config: configText,
});

interface Finding { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; rule: string; message: string }
const key = (f: Finding) => JSON.stringify([f.file, f.line, f.column, f.endLine, f.endColumn, f.severity, f.rule, f.message]);

describe('fuzz: the CLI and the server agree on generated workspaces', function () {
  this.timeout(120_000);
  let root: string;
  let lsp: LspClient | undefined;
  let findings = 0;
  let notes = 0;

  before(async () => {
    root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ifu-agree-')));
    lsp = await LspClient.start({ dir: root, today: TODAY, timeoutMs: 20_000 });
    await lsp.waitForScan();
  });

  after(async () => {
    await lsp?.dispose();
    await fsp.rm(root, { recursive: true, force: true });
    console.log(`      agreement: ${WORKSPACES} workspaces, ${notes} files, ${findings} findings compared`);
  });

  it(`report the same (file, line, column, severity, rule, message) set (${WORKSPACES} workspaces)`, async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(workspace, async (ws) => {
      const dir = path.join(root, `ws${run++}`);
      for (const [name, text] of ws.files) {
        await fsp.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await fsp.writeFile(path.join(dir, name), text);
      }
      // The notes of one search read each other (withdraw-others, weigh-offer). The CLI, run in the
      // folder, searches the folder; the server searches the folder of the config file, else its
      // workspace folder, which here holds every run: a config file (maybe only a comment) makes
      // both search this run's folder.
      await fsp.writeFile(path.join(dir, CONFIG_FILE), ws.config ?? '# the defaults\n');
      notes += ws.files.length;

      let stdout = '';
      const code = await main(['check', '--format', 'json', '--today', TODAY], {
        stdout: (s) => (stdout += s), stderr: () => undefined, cwd: dir, env: {}, now: () => new Date(),
      });
      assert.ok(code === 0 || code === 1, `exit ${code}`);
      const fromCli = (JSON.parse(stdout) as Finding[]).map(key).sort();

      await lsp!.recheckAll();
      const fromServer: string[] = [];
      for (const [uri, diagnostics] of lsp!.diagnostics) {
        const file = fileURLToPath(uri);
        // The CLI reports config problems on stderr; the server on the file. Notes only here.
        if (!file.startsWith(dir + path.sep) || !/\.(?:md|markdown)$/i.test(file)) continue;
        for (const d of diagnostics) {
          fromServer.push(key({
            file: path.relative(dir, file), line: d.range.start.line + 1, column: d.range.start.character + 1,
            endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
            severity: SEVERITIES[(d.severity ?? 1) - 1], rule: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value,
          }));
        }
      }
      fromServer.sort();
      findings += fromCli.length;
      assert.deepEqual(fromServer, fromCli);
      await fsp.rm(dir, { recursive: true, force: true });
    }), { seed: 0x1f10, numRuns: WORKSPACES });
    assert.ok(findings > WORKSPACES, `the workspaces have findings to compare: ${findings}`);
  });
});
