/**
 * The server's stdio ends: the editor closing stdin, or going away so that stdout breaks, ends
 * the server (no process left behind while the editor lives, no stack trace); `shutdown` and
 * `exit` sent together still get the shutdown answered before the process ends.
 */
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN, exitOf } from '../lsp/client';

function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}


describe('hostile: the server when its client goes away', function () {
  this.timeout(15_000);
  let dir: string;

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-wire-')));
    fs.writeFileSync(path.join(dir, 'acme.md'), '---\ncompany: Acme Corp\nrole: Engineer\ninterviewed: 2026-11-02\n---\n# Acme\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function server(): ChildProcess {
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, INTERVIEW_FOLLOWUP_TODAY: '2026-11-26' } });
    child.stdin!.on('error', () => undefined);
    return child;
  }

  // processId: this process, alive throughout: only the end of stdin can tell the server to go.
  const initialize = (id = 1) => frame({ jsonrpc: '2.0', id, method: 'initialize', params: { processId: process.pid, rootUri: `file://${dir}`, capabilities: {} } });
  const answered = (child: ChildProcess, id: number) => new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`"id":${id}`)) resolve(out);
    });
  });

  for (const [what, wait] of [['at once', 0], ['once the scan is done', 1000]] as const) {
    it(`stdin closed without shutdown or exit (${what}): the server exits with status 1, quietly, while the editor lives`, async () => {
      const child = server();
      const exited = exitOf(child);
      const ready = answered(child, 1);
      child.stdin!.write(initialize());
      await ready;
      child.stdin!.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
      await new Promise((resolve) => setTimeout(resolve, wait));
      child.stdin!.end();
      const { code, stderr } = await exited;
      assert.equal(code, 1);
      assert.doesNotMatch(stderr, /Error|at /, 'no stack trace');
    });
  }

  it('stdout closed by the client: the server exits, quietly (no stack trace)', async () => {
    const child = server();
    const exited = exitOf(child);
    const ready = answered(child, 1);
    child.stdin!.write(initialize());
    await ready;
    child.stdout!.destroy();
    child.stdin!.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
    // Requests keep coming (stdin stays open): each answer fails to be written.
    let id = 2;
    const timer = setInterval(() => child.stdin!.write(frame({ jsonrpc: '2.0', id: id++, method: 'workspace/executeCommand', params: { command: 'none', arguments: [] } })), 50);
    try {
      const { code, stderr } = await exited;
      assert.equal(code, 1);
      assert.doesNotMatch(stderr, /Error|at /, 'no stack trace');
    } finally {
      clearInterval(timer);
    }
  });

  it('shutdown and exit in one write: the shutdown is answered, then status 0', async () => {
    const child = server();
    const exited = exitOf(child);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const ready = answered(child, 1);
    child.stdin!.write(initialize());
    await ready;
    child.stdin!.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }) + frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }) + frame({ jsonrpc: '2.0', method: 'exit' }));
    const { code } = await exited;
    assert.equal(code, 0);
    assert.match(out, /"id":2,"result":null/);
  });
});
