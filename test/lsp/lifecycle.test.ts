/**
 * The test client never keeps mocha alive: a server a test forgot to dispose is disposed
 * after the last test (folder removed), a spare never holds the event loop, and a server
 * killed in the middle of a message leaves no timer behind.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { REPO } from './client';

const MOCHA = path.join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js');
const FIXTURE = path.join(__dirname, 'fixtures', 'leaky.spec.js');
/** Far beyond the second test's 10 s timer that vscode-jsonrpc would re-arm forever. */
const EXIT_MS = 15_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('test/lsp: nothing outlives the run', function () {
  this.timeout(EXIT_MS + 5000);

  it('mocha exits after tests that leave a server running or kill one mid-message', async () => {
    const child = spawn(process.execPath, [MOCHA, '--no-config', '--reporter', 'dot', FIXTURE], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, EXIT_MS);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    assert.notEqual(code, null, `mocha was still running after ${EXIT_MS} ms:\n${out}`);
    assert.equal(code, 0, out);
    assert.match(out, /2 passing/);
    assert.match(out, /1 LSP server\(s\) left running by a test, disposed/, 'the leak is named');
    const left = /LEFT pid=(\d+) dir=(.+)/.exec(out);
    assert.ok(left, out);
    assert.equal(alive(Number(left[1])), false, 'the server left running is gone');
    assert.equal(existsSync(left[2]), false, 'and its folder');
  });
});
