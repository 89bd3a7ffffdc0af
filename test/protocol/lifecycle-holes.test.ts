/**
 * Notes that move or vanish under the server, and buffers that are not files: what the
 * Problems panel shows must follow the disk, whatever an editor still holds.
 */
import * as assert from 'node:assert/strict';
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { byRule, EXAMPLES, FileChangeType, LspClient } from '../lsp/client';

const ACME = readFileSync(path.join(EXAMPLES, 'acme-backend.md'), 'utf8');
const due = (d: { code?: unknown }[]) => byRule(d as never, 'check-in-due').length === 1;

describe('protocol: notes that move or vanish, buffers that are not files', function () {
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('a folder renamed (one Deleted and one Created folder event): the old paths are cleared, the moved notes published', async () => {
    client = await LspClient.start({ files: { 'search/acme.md': ACME } });
    await client.waitForScan();
    const before = client.uri('search/acme.md');
    await client.waitForDiagnostics(before, due);
    await fsp.rename(client.path('search'), client.path('moved'));
    await client.filesChanged(['search', FileChangeType.Deleted], ['moved', FileChangeType.Created]);
    await client.waitForDiagnostics(before, (d) => d.length === 0);
    await client.waitForDiagnostics(client.uri('moved/acme.md'), due);
  });

  it('a folder deleted: every note under it is cleared', async () => {
    client = await LspClient.start({ files: { 'old/a.md': ACME, 'old/deeper/b.md': ACME, 'kept.md': ACME } });
    await client.waitForScan();
    await client.waitForDiagnostics(client.uri('old/deeper/b.md'), due);
    await fsp.rm(client.path('old'), { recursive: true });
    await client.filesChanged(['old', FileChangeType.Deleted]);
    await client.waitForDiagnostics(client.uri('old/a.md'), (d) => d.length === 0);
    await client.waitForDiagnostics(client.uri('old/deeper/b.md'), (d) => d.length === 0);
    assert.ok(due(client.diagnostics.get(client.uri('kept.md')) ?? []), 'the note outside the folder keeps its diagnostics');
  });

  it('a note deleted by another program while an editor still holds its buffer: the deletion clears it', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME } });
    await client.waitForScan();
    const uri = await client.open('acme.md');
    await client.waitForDiagnostics(uri, due);
    await fsp.rm(client.path('acme.md'));
    await client.filesChanged(['acme.md', FileChangeType.Deleted]);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('Re-check All drops a note that no longer exists, even one an editor still holds', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME, 'gone.md': ACME } });
    await client.waitForScan();
    const uri = await client.open('acme.md');
    await client.waitForDiagnostics(client.uri('gone.md'), due);
    await fsp.rm(client.path('acme.md'));
    await fsp.rm(client.path('gone.md')); // no watcher event for either
    await client.recheckAll();
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    await client.waitForDiagnostics(client.uri('gone.md'), (d) => d.length === 0);
  });

  it('an untitled buffer keeps its diagnostics through a settings change, and no file URI is made up for it', async () => {
    client = await LspClient.start({ files: {} });
    await client.waitForScan();
    const uri = 'untitled:Untitled-1';
    await client.openUri(uri, ACME);
    await client.waitForDiagnostics(uri, due);
    const published = client.published.length;
    await client.changeSettings({ checkInGraceDays: 30 });
    // The grace days move the check-in past today: the untitled buffer is re-checked, by its URI.
    await client.waitForDiagnostics(uri, (d) => !due(d));
    await client.changeSettings({});
    await client.waitForDiagnostics(uri, due);
    const bogus = client.published.slice(published).filter((p) => p.uri.includes('untitled') && p.uri !== uri);
    assert.deepEqual(bogus.map((p) => p.uri), [], 'no publication for a made-up URI');
  });
});
