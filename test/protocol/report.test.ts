/**
 * `interviewFollowup.report` (workspace/executeCommand) answers the figures `interview-followup
 * report --format json` prints on the same workspace and day, and the HTML page; a save
 * changes the next answer.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReportCommand, SERVER_COMMANDS } from '../../server/src/protocol';
import { BIN, DEFAULT_TODAY, EXAMPLES, LspClient } from '../lsp/client';

function cliReport(cwd: string): Promise<Record<string, unknown>> {
  const env = { ...process.env };
  delete env.INTERVIEW_FOLLOWUP_TODAY;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, 'report', '.', '--today', DEFAULT_TODAY, '--format', 'json'], { cwd, env, timeout: 20000 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(JSON.parse(stdout) as Record<string, unknown>);
    });
  });
}

describe('protocol: the report command', function () {
  this.timeout(60000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('answers the CLI report of the workspace as JSON and a self-contained page', async () => {
    assert.ok(SERVER_COMMANDS.includes(ReportCommand));
    client = await LspClient.start({ copyFrom: EXAMPLES });
    await client.waitForScan();
    const r = await client.report();
    assert.deepEqual(r.json, await cliReport(client.dir));
    assert.ok(r.json.processes > 0);
    assert.match(r.html, /^<!DOCTYPE html>/);
    assert.equal((r.html.match(/<svg /g) ?? []).length, 4);
    assert.doesNotMatch(r.html, /<script/i);
    assert.match(r.html, /Content-Security-Policy" content="default-src 'none'/);

    // A note saved with a new status: the next report counts it.
    const acme = path.join(client.dir, 'acme-backend.md');
    const before = (r.json as unknown as { by_status: Record<string, number> }).by_status;
    await client.writeFile('acme-backend.md', fs.readFileSync(acme, 'utf8').replace('status: waiting', 'status: rejected'));
    await client.filesChanged(['acme-backend.md', 2]);
    let after = before;
    for (let k = 0; k < 100 && after.rejected === before.rejected; k++) {
      await new Promise((done) => setImmediate(done));
      after = ((await client.report()).json as unknown as { by_status: Record<string, number> }).by_status;
    }
    assert.equal(after.rejected, before.rejected + 1);
    assert.equal(after.waiting, before.waiting - 1);
    assert.deepEqual(client.errors(), []);
  });
});
