/**
 * The agenda request (VS Code's Follow-ups view) answers what `interview-followup agenda`
 * prints on the same workspace and day: same groups, same order, same words; each entry also
 * says where to open the note. Open buffers win over the disk, as for diagnostics.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AgendaResult, Commands, Requests } from '../../server/src/protocol';
import { BIN, DEFAULT_TODAY, EXAMPLES, LspClient } from '../lsp/client';

interface CliRow {
  group: string;
  kind: string;
  action: string;
  when: string;
  company: string;
  role: string;
  date: string;
  file: string;
}

function cliAgenda(cwd: string): Promise<CliRow[]> {
  const env = { ...process.env };
  delete env.INTERVIEW_FOLLOWUP_TODAY;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, 'agenda', '.', '--today', DEFAULT_TODAY, '--format', 'json'], { cwd, env, timeout: 10000 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(JSON.parse(stdout) as CliRow[]);
    });
  });
}

describe('protocol: the agenda request', function () {
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('answers the CLI agenda of the workspace, grouped, with where to open each note', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES });
    await client.waitForScan();
    const agenda = await client.connection.sendRequest<AgendaResult>(Requests.agenda, {});
    const cli = await cliAgenda(client.dir);
    const flat = agenda.groups.flatMap((g) => g.entries.map((e) => ({ ...e, title: g.title })));
    assert.deepEqual(flat.map(({ group, kind, action, when, company, role, date, uri }) => ({ group, kind, action, when, company, role, date, file: path.basename(fileURLToPath(uri)) })),
      cli.map((r) => ({ ...r, file: path.basename(r.file) })));
    assert.deepEqual(agenda.groups.map((g) => [g.title, g.entries.length]), [['Overdue', 3], ['Due today', 2], ['Coming up', 1], ['Waiting', 2], ['Let go', 2]]);
    assert.equal(agenda.today, DEFAULT_TODAY);
    assert.equal(agenda.notes, 13, 'every interview note, closed and invalid ones too');
    assert.deepEqual(agenda.invalid.map((u) => path.basename(fileURLToPath(u))), ['cyberdyne-ml.md', 'tyrell-design.md']);
    const acme = flat.find((e) => e.company === 'Acme Corp')!;
    assert.deepEqual([acme.rule, acme.range], ['check-in-due', { start: { line: 12, character: 17 }, end: { line: 12, character: 27 } }]);
    assert.equal(flat.find((e) => e.company === 'Initech')!.rule, undefined, 'waiting: no finding yet');
    assert.deepEqual(client.errors(), []);
  });

  it('reads an open buffer over the disk, edit after edit, and takes the horizon of `days`', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES });
    await client.waitForScan();
    const globex = await client.open('globex-frontend.md');
    // Asked once before the edit: the entries kept from this answer must not outlive the edit.
    const before = await client.connection.sendRequest<AgendaResult>(Requests.agenda, { days: 14 });
    assert.equal(before.groups.flatMap((g) => g.entries).find((e) => e.company === 'Globex')!.group, 'today');
    const text = readFileSync(client.path('globex-frontend.md'), 'utf8');
    await client.change(globex, { text: text.replace('interviewed: 2026-11-26', 'interviewed: 2026-11-26\nthank_you_sent: 2026-11-26') });
    const agenda = await client.connection.sendRequest<AgendaResult>(Requests.agenda, { days: 14 });
    const globexEntry = agenda.groups.flatMap((g) => g.entries).find((e) => e.company === 'Globex')!;
    assert.equal(globexEntry.group, 'upcoming', 'thank-you sent in the buffer: the check-in (3 Dec) is next, within 14 days');
    assert.equal(globexEntry.uri, globex);
    assert.equal(agenda.days, 14);
  });

  it('the next-action lens runs the client\'s command when initialize names one', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES, initializationOptions: { nextActionCommand: Commands.nextAction } });
    const uri = await client.open('acme-backend.md');
    const [lens] = await client.codeLenses(uri);
    assert.equal(lens.command?.command, Commands.nextAction);
    assert.deepEqual(lens.command?.arguments, [uri, { start: { line: 12, character: 17 }, end: { line: 12, character: 27 } }, 'check-in-due']);
  });
});
