/** The server re-checks exactly the notes that read a changed one: accepting an offer reaches unopened notes. */
import * as assert from 'node:assert/strict';
import { byRule, LspClient } from '../lsp/client';

const note = (lines: string[]) => ['---', ...lines, '---', ''].join('\n');
const ACME = note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'status: offer']);
const GLOBEX = note(['company: Globex', 'role: Frontend Engineer', 'interviewed: 2026-11-20', 'thank_you_sent: 2026-11-20', 'expect_reply_by: 2026-12-04']);
const HOOLI = note(['company: Hooli', 'role: Platform Engineer', 'interviewed: 2026-10-01', 'status: closed']);

describe('protocol: across notes', function () {
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('accepting the offer in one note adds withdraw-others to the unopened open processes, and undoing it clears them', async () => {
    client = await LspClient.start({ files: { 'acme.md': ACME, 'globex.md': GLOBEX, 'hooli.md': HOOLI } });
    await client.waitForScan();
    const globex = client.uri('globex.md');
    const acme = await client.open('acme.md');
    const [weigh] = await client.waitForDiagnostics(acme, (d) => byRule(d, 'weigh-offer').length === 1);
    assert.equal(weigh.message, 'An offer: weigh it against your other open process: Globex (waiting); and pay, role, team, timing, before accepting or declining');
    const published = client.published.length;
    const at = ACME.split('\n').findIndex((l) => l.startsWith('status:'));
    await client.change(acme, { range: { start: { line: at, character: 8 }, end: { line: at, character: 13 } }, text: 'accepted' });
    const [withdraw] = await client.waitForDiagnostics(globex, (d) => byRule(d, 'withdraw-others').length === 1);
    assert.equal(withdraw.message, 'You accepted the offer from Acme Corp (acme.md): tell Globex you are withdrawing');
    assert.equal(withdraw.range.start.line, 0, 'no status in the note: on its first line');
    const hooli = client.uri('hooli.md');
    assert.ok(!client.published.slice(published).some((p) => p.uri === hooli), 'the closed process is not even republished');
    await client.change(acme, { range: { start: { line: at, character: 8 }, end: { line: at, character: 16 } }, text: 'declined' });
    await client.waitForDiagnostics(globex, (d) => byRule(d, 'withdraw-others').length === 0);
  });

  it('a workspace scan publishes an offer once, weighed against every open process: not first against the few read so far', async () => {
    // More notes than the scan reads at once: the offer, first in order, is checked before most of the others.
    const files: Record<string, string> = { 'a-offer.md': ACME, 'hooli.md': HOOLI };
    for (let i = 0; i < 40; i++) files[`b${String(i).padStart(2, '0')}.md`] = GLOBEX.replace('company: Globex', `company: Globex ${i}`);
    client = await LspClient.start({ files });
    await client.waitForScan();
    const offer = client.uri('a-offer.md');
    const mine = client.published.filter((p) => p.uri === offer);
    assert.equal(mine.length, 1, mine.map((p) => p.diagnostics.map((d) => d.message).join(' | ')).join('\n'));
    assert.match(byRule(mine[0].diagnostics, 'weigh-offer')[0].message as string, /^An offer: weigh it against 40 open processes: /);
  });
});
