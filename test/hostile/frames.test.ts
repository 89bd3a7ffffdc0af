/**
 * The stream before and around the protocol: a broken frame header ends the server with a
 * reason (it cannot resynchronise), and a request before `initialize` is answered
 * ServerNotInitialized, never held.
 */
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import {
  createProtocolConnection, ErrorCodes, ResponseError, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { BIN, exitOf } from '../lsp/client';

function server(): ChildProcess {
  return spawn(process.execPath, [BIN, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, INTERVIEW_FOLLOWUP_TODAY: '2026-11-26' } });
}


describe('hostile: frames and order', function () {
  this.timeout(10_000);

  for (const [what, header] of [
    ['Content-Length: abc', 'Content-Length: abc\r\n\r\n'],
    ['Content-Length: -5', 'Content-Length: -5\r\n\r\n'],
    ['no Content-Length', 'Content-Type: application/vscode-jsonrpc\r\n\r\n'],
  ] as const) {
    it(`a frame with ${what}: the server exits with the reason, never stays deaf`, async () => {
      const child = server();
      const exited = exitOf(child, 5000, 'deaf after a broken frame: still running');
      child.stdin!.on('error', () => undefined);
      child.stdin!.write(`${header}{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`);
      const { code, stderr } = await exited;
      assert.notEqual(code, 0);
      assert.match(stderr, /Content-Length|header/);
      assert.match(stderr, /cannot be resynchronised/);
    });
  }

  it('a valid frame split anywhere still gets through: initialize is answered', async () => {
    const child = server();
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      const frame = Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      let out = '';
      const answered = new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('"capabilities"')) resolve();
      }));
      for (let i = 0; i < frame.length; i += 7) child.stdin!.write(frame.subarray(i, i + 7));
      await answered;
    } finally {
      child.kill();
    }
  });

  for (const method of ['textDocument/diagnostic', 'workspace/diagnostic', 'textDocument/hover', 'textDocument/codeAction']) {
    it(`${method} before initialize is answered ServerNotInitialized (-32002), not held`, async () => {
      const child = server();
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      connection.listen();
      try {
        const params = { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] }, previousResultIds: [] };
        let timer: NodeJS.Timeout | undefined;
        const answer = await Promise.race([
          connection.sendRequest(method, params).then(() => 'answered', (err) => err),
          new Promise((resolve) => (timer = setTimeout(() => resolve('held'), 4000))),
        ]);
        clearTimeout(timer); // else it holds the process for 4 s after the last test
        assert.ok(answer instanceof ResponseError, `an error, not ${String(answer)}`);
        assert.equal(answer.code, ErrorCodes.ServerNotInitialized);
      } finally {
        connection.dispose();
        child.kill();
      }
    });
  }
});
