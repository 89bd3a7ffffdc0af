/**
 * positionEncoding, negotiated: UTF-8 when the client offers it (Neovim 0.10+ does), else
 * UTF-16. Every position crossing the wire follows it: diagnostics, incremental changes,
 * code action ranges, context diagnostics and edits.
 */
import * as assert from 'node:assert/strict';
import { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyTextEdits, byRule, LspClient } from '../lsp/client';

/** Non-ASCII before the diagnostics on their lines, and on the last line (where drafts go). */
const NOTE = [
  '---',
  'company: Café Zürich 🚀',
  'role: Développeuse',
  'contact: {name: "Zoë 🚀 Ångström", email: "zoë-at-example"}',
  'interviewed: 2026-11-02',
  'thank_you_sent: 2026-11-02',
  'status: waiting',
  'pitch: Ünïcödé 🚀 everywhere.',
  '---',
  '',
  '# Café Zürich 🚀: notes — ✓',
  '',
].join('\n');

const lines = (text: string) => text.split(/\r\n|\r|\n/);

/** Test-side conversions, by a different route than the server's: Buffer lengths. */
function utf8Char(text: string, p: Position): number {
  return Buffer.byteLength(lines(text)[p.line].slice(0, p.character), 'utf8');
}
function toUtf8(text: string, r: Range): Range {
  return {
    start: { line: r.start.line, character: utf8Char(text, r.start) },
    end: { line: r.end.line, character: utf8Char(text, r.end) },
  };
}
function fromUtf8(text: string, p: Position): Position {
  const line = lines(text)[p.line];
  const bytes = Buffer.from(line, 'utf8').subarray(0, p.character);
  return { line: p.line, character: bytes.toString('utf8').length };
}
/** Applies edits whose ranges count UTF-8 bytes. */
function applyUtf8(text: string, edits: TextEdit[]): string {
  return applyTextEdits(text, edits.map((e) => ({ ...e, range: { start: fromUtf8(text, e.range.start), end: fromUtf8(text, e.range.end) } })));
}

describe('protocol: positionEncoding (negotiated)', function () {
  const clients: LspClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.dispose();
  });

  async function start(offered?: string[], initializationOptions?: Record<string, unknown>): Promise<LspClient> {
    const client = await LspClient.start({
      files: { 'cafe.md': NOTE },
      capabilities: (caps) => {
        if (offered) caps.general = { positionEncodings: offered };
      },
      initializationOptions,
    });
    clients.push(client);
    return client;
  }

  it('answers utf-16 unless utf-8 is offered', async () => {
    for (const [offered, expected] of [[undefined, 'utf-16'], [['utf-32', 'utf-16'], 'utf-16'], [['utf-8', 'utf-16'], 'utf-8'], [['utf-16', 'utf-8'], 'utf-8']] as const) {
      const client = await start(offered as string[] | undefined);
      assert.equal(client.initializeResult?.capabilities.positionEncoding, expected, `offered ${JSON.stringify(offered)}`);
    }
  });

  it('counts bytes for a client that says so in initializationOptions without negotiating (Vim + ALE)', async () => {
    const client = await start(undefined, { positionEncoding: 'utf-8' });
    assert.equal(client.initializeResult?.capabilities.positionEncoding, 'utf-8');
    const uri = await client.open('cafe.md');
    const [email] = byRule(await client.waitForDiagnostics(uri, (d) => d.length === 3), 'invalid-value');
    assert.deepEqual(email.range, { start: { line: 3, character: 47 }, end: { line: 3, character: 64 } });
    // Anything else there is ignored: negotiation as usual.
    const other = await start(['utf-16'], { positionEncoding: 'utf-32' });
    assert.equal(other.initializeResult?.capabilities.positionEncoding, 'utf-16');
  });

  it('counts UTF-8 bytes in diagnostics, changes, code action ranges and edits when utf-8 was chosen', async () => {
    const utf16 = await start();
    const utf8 = await start(['utf-8', 'utf-16']);
    const uri16 = await utf16.open('cafe.md');
    const uri8 = await utf8.open('cafe.md');
    const d16 = await utf16.waitForDiagnostics(uri16, (d) => d.length === 3);
    const d8 = await utf8.waitForDiagnostics(uri8, (d) => d.length === 3);

    // The email on line 4 starts after 'Zoë 🚀 Ångström': 42 UTF-16 units, 47 bytes.
    const [email16] = byRule(d16, 'invalid-value');
    const [email8] = byRule(d8, 'invalid-value');
    assert.deepEqual(email16.range, { start: { line: 3, character: 42 }, end: { line: 3, character: 58 } });
    assert.deepEqual(email8.range, toUtf8(NOTE, email16.range));
    assert.deepEqual(email8.range, { start: { line: 3, character: 47 }, end: { line: 3, character: 64 } });
    // Everything else agrees once converted.
    assert.deepEqual(d8.map((d) => d.range), d16.map((d) => toUtf8(NOTE, d.range)));

    // Code actions: the range and the context diagnostic in bytes; the draft edit in bytes,
    // appended after the last line, whose '🚀' and '—' are multi-byte.
    const due8 = byRule(d8, 'check-in-due')[0];
    const actions8 = await utf8.codeActions(uri8, due8.range, [due8]);
    const actions16 = await utf16.codeActions(uri16, byRule(d16, 'check-in-due')[0].range, byRule(d16, 'check-in-due'));
    const draft8 = actions8.find((a) => a.title.startsWith('Draft check-in email'));
    const draft16 = actions16.find((a) => a.title.startsWith('Draft check-in email'));
    assert.ok(draft8?.edit && draft16?.edit, JSON.stringify(actions8));
    assert.deepEqual(draft8.diagnostics?.map((d: Diagnostic) => d.range), [due8.range]);
    const edits8 = draft8.edit.changes![uri8];
    const edits16 = draft16.edit.changes![uri16];
    assert.deepEqual(edits8.map((e) => e.range), edits16.map((e) => toUtf8(NOTE, e.range)));
    assert.equal(applyUtf8(NOTE, edits8), applyTextEdits(NOTE, edits16), 'the same note either way');

    // An incremental change in bytes: replace the bad email after the emoji. If the server
    // read the range as UTF-16, it would cut into the name and the email would stay bad.
    const fixed = NOTE.replace('zoë-at-example', 'zoe@example.com');
    await utf8.change(uri8, { range: email8.range, text: '"zoe@example.com"' });
    const after = await utf8.waitForDiagnostics(uri8, (d) => byRule(d, 'invalid-value').length === 0);
    assert.equal(after.length, 2);
    // The server's text is now `fixed`: its next edit, applied in bytes, lands exactly.
    const again = await utf8.codeActions(uri8, after[0].range, after);
    const mark = again.find((a) => a.title.startsWith('Mark check-in email sent'));
    assert.ok(mark?.edit, JSON.stringify(again));
    assert.equal(applyUtf8(fixed, mark.edit.changes![uri8]), fixed.replace('pitch: Ünïcödé 🚀 everywhere.\n', 'pitch: Ünïcödé 🚀 everywhere.\nfollow_ups:\n  - 2026-11-26\n'));
    // Two changes in one notification, each in bytes against the text the previous one left.
    const nameStart = { line: 3, character: 'contact: {name: "'.length };
    const nameEnd = { line: 3, character: Buffer.byteLength('contact: {name: "Zoë 🚀 Ångström') };
    await utf8.change(uri8,
      { range: { start: nameStart, end: nameEnd }, text: 'Zoë' },
      { range: { start: { line: 3, character: Buffer.byteLength('contact: {name: "Zoë", email: "') }, end: { line: 3, character: Buffer.byteLength('contact: {name: "Zoë", email: "zoe@example.com') } }, text: 'zoë@bad' });
    const bad = byRule(await utf8.waitForDiagnostics(uri8, (d) => byRule(d, 'invalid-value').length === 1), 'invalid-value')[0];
    const twice = fixed.replace('Zoë 🚀 Ångström', 'Zoë').replace('zoe@example.com', 'zoë@bad');
    assert.match(String(bad.message), /'zoë@bad'/);
    const at = lines(twice)[3].indexOf('"zoë@bad"');
    assert.deepEqual(bad.range, toUtf8(twice, { start: { line: 3, character: at }, end: { line: 3, character: at + '"zoë@bad"'.length } }));
    assert.deepEqual(utf8.errors(), []);
  });
});
