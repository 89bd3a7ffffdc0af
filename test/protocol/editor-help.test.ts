/**
 * Hover, inlay hints, the next-action lens, completion and symbols over the wire, and the
 * midnight refresh: a server with an injected clock re-checks every note when the date
 * changes, with no edit.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, Diagnostic, ProtocolConnection, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/lsp/main';
import { Notifications } from '../../server/src/protocol';
import { EXAMPLES, LspClient } from '../lsp/client';

const ACME = readFileSync(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');

describe('protocol: editor help', function () {
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('hovers a date, hints the dates, lenses the next action, completes keys and lists symbols', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME } });
    const uri = await client.open('acme.md');
    // Line 13 (0-based 12): expect_reply_by: 2026-11-12
    const h = await client.hover(uri, { line: 12, character: 20 });
    assert.match((h?.contents as { value: string }).value, /^\*\*Thursday, 12 November 2026\*\* · 14 days ago/);
    const hints = await client.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } });
    assert.ok(hints.some((x) => x.label === '→ check in Mon 16 Nov' && x.position.line === 12), JSON.stringify(hints));
    const lenses = await client.codeLenses(uri);
    assert.deepEqual(lenses.map((l) => l.command?.title), ['check in with Jane Doe · 10 days overdue']);
    const items = await client.completion(uri, { line: 14, character: 8 });
    assert.deepEqual(items.slice(0, 3).map((i) => i.label), ['waiting', 'advanced', 'offer']);
    const symbols = await client.documentSymbols(uri);
    assert.equal(symbols[0].name, 'Acme Corp · Senior Backend Engineer');
    assert.ok(client.initializeResult?.capabilities.hoverProvider);
    assert.deepEqual(client.errors(), []);
  });
});

describe('protocol: midnight refresh', () => {
  let dir: string | undefined;
  let conn: ProtocolConnection | undefined;
  afterEach(() => {
    conn?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('re-checks every note when the local date changes, with no edit', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ifu-midnight-'));
    // Promised 12 November: 3 grace days make Sunday the 15th, so the check-in falls due on Monday the 16th.
    const note = path.join(dir, 'acme.md');
    writeFileSync(note, ACME);
    const uri = pathToFileURL(note).href;

    // The server runs in this process over a pair of streams, with a clock and timers we hold.
    let clock = new Date(2026, 10, 15, 23, 59, 30); // local time, the evening before
    const scheduled: { fn: () => void; ms: number }[] = [];
    const published: Diagnostic[][] = [];
    const waiters: (() => void)[] = [];
    const wake = () => { for (const w of waiters.splice(0)) setImmediate(w); };
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer({
      connection: serverConnection,
      now: () => clock,
      env: {}, // no INTERVIEW_FOLLOWUP_TODAY: the clock decides
      timers: { setTimeout: (fn, ms) => { scheduled.push({ fn, ms }); wake(); }, clearTimeout: () => undefined },
    });
    conn = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (p.uri === uri) published.push(p.diagnostics);
      wake();
    });
    // The scan ends with scanDone; the timer is set right after it, in the same turn.
    let scanned = false;
    conn.onNotification(Notifications.scanDone, () => {
      scanned = true;
      wake();
    });
    const until = (predicate: () => boolean, what: string) => new Promise<void>((resolve, reject) => {
      if (predicate()) return resolve();
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 10_000);
      const check = () => {
        if (predicate()) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      waiters.push(check);
    });
    conn.listen();
    await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }] });
    conn.sendNotification('initialized', {});

    // The 15th: thank-you sent, nothing due yet; nothing published for the note.
    await until(() => scanned && scheduled.length > 0, 'the scan and the midnight timer');
    assert.equal(scheduled[0].ms, 31_000, 'set for one second past midnight');
    assert.equal(published.length, 0, 'nothing due on the 15th');

    // Midnight passes: the timer fires and the note is re-checked without any edit.
    clock = new Date(2026, 10, 16, 0, 0, 1);
    scheduled.shift()!.fn();
    await until(() => published.length > 0, 'diagnostics after midnight');
    assert.deepEqual(published[0].map((d) => [d.code, String(d.message).slice(0, 60)]), [['check-in-due', 'Check-in due today (Monday 2026-11-16; the 15th is a Sunday)']]);
    await until(() => scheduled.length > 0, 'the next midnight timer');
    assert.equal(scheduled[0].ms, 24 * 3600 * 1000, 'and the next one set a day later');
  });
});
