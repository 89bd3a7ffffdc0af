/**
 * The CLI and the server are two hosts of one service: on the same workspace and the same
 * day they must report the same findings, at the same places.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TODAY_ENV } from '../../server/src/protocol';
import { BIN, EXAMPLES, messageOf, LspClient } from '../lsp/client';

const SEVERITIES = ['error', 'warning', 'information', 'hint'];

interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

function runCli(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env[TODAY_ENV];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env, timeout: 10000 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') return reject(err);
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });
}

const key = (f: Finding) => JSON.stringify([f.file, f.line, f.column, f.endLine, f.endColumn, f.severity, f.rule, f.message]);

describe('protocol: the CLI and the server agree', function () {
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('reports the same (file, line, column, rule, message) set for examples/notes', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES, today: '2026-11-26' });
    const [cli] = await Promise.all([
      runCli(client.dir, ['check', '--format', 'json', '--today', '2026-11-26']),
      client.waitForScan(),
    ]);
    assert.equal(cli.stderr, '');
    assert.equal(cli.code, 1, 'warnings and errors: exit status 1');
    const fromCli = (JSON.parse(cli.stdout) as Finding[]).map(key).sort();

    const fromServer: string[] = [];
    for (const [uri, diagnostics] of client.diagnostics) {
      const file = path.relative(client.dir, fileURLToPath(uri));
      for (const d of diagnostics) {
        fromServer.push(key({
          file,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity: SEVERITIES[(d.severity ?? 1) - 1],
          rule: String(d.code),
          message: messageOf(d),
        }));
      }
    }
    fromServer.sort();
    assert.ok(fromCli.length >= 10, `the examples have findings: ${fromCli.length}`);
    assert.ok(fromCli.some((k) => k.startsWith('["acme-backend.md",13,18,')), 'check-in-due on acme-backend.md:13:18');
    assert.deepEqual(fromServer, fromCli);
  });
});
