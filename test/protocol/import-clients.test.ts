/**
 * `interviewFollowup.import` in the workspaces and clients users have: two workspace folders
 * (the note changed is the one that matches, in whichever folder; a new note goes beside the
 * note the user is in, else the first note open, else into the first folder), a client that
 * cannot create files by an edit (told what to do instead, never sent a CreateFile), and a
 * client without change annotations (sent none). Today is pinned (2026-11-26) by the harness.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClientCapabilities, MessageType, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { ImportAnswer, InboxCommands } from '../../server/src/protocol';
import { LspClient, StartOptions } from '../lsp/client';
import { INVITE, NEW_PROCESS, NOTE, versioned } from './inbox-texts';

const CONFIG = 'me: alex@mail.example\n';
const GLOBEX = NOTE.replace('Acme Corp', 'Globex').replace(/acme\.example/g, 'globex.example');

/** Every URI the edit touches, created or changed, in order. */
function touched(edit: WorkspaceEdit): string[] {
  return (edit.documentChanges ?? []).map((c) => ('kind' in c ? `${c.kind} ${'uri' in c ? c.uri : ''}` : c.textDocument.uri));
}

describe('protocol: import in two workspace folders and in clients that cannot take all of the edit', function () {
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  async function started(options: StartOptions): Promise<LspClient> {
    client = await LspClient.start({ env: { TZ: 'Europe/London' }, ...options });
    await client.waitForScan();
    return client;
  }

  /** The first folder holds Globex's note, the second Acme's. */
  const twoFolders = (): StartOptions => ({
    files: { 'globex.md': GLOBEX, '.interview-followup.yaml': CONFIG },
    moreFolders: [{ 'acme.md': NOTE, '.interview-followup.yaml': CONFIG }],
    capabilities: versioned(true),
  });
  const inSecond = (c: LspClient, rel: string) => pathToFileURL(path.join(c.moreFolders[0], rel)).href;

  it('two folders: the invite goes to the note that matches, in the second folder', async () => {
    const c = await started(twoFolders());
    const answer = (await c.executeCommand(InboxCommands.import, [{ name: 'invite.ics', text: INVITE }])) as ImportAnswer;
    assert.deepEqual(answer.errors, []);
    assert.deepEqual(answer.files.map((f) => [f.uri, f.created]), [[inSecond(c, 'acme.md'), false]]);
    const edit = c.applyEdits[0].edit as WorkspaceEdit;
    assert.deepEqual(touched(edit), [inSecond(c, 'acme.md')]);
    // Shown with its folder's name: two folders may hold notes of the same name.
    assert.deepEqual(Object.values(edit.changeAnnotations ?? {}).map((a) => a.label), [`Import into ${path.basename(c.moreFolders[0])}/acme.md`]);
  });

  it('two folders: a new note goes beside the note the user is in (activeNote), else the first note open, else into the first folder', async () => {
    const c = await started(twoFolders());
    const created = async (...options: unknown[]) => {
      const answer = (await c.executeCommand(InboxCommands.import, [{ name: 'initech.ics', text: NEW_PROCESS }, { dryRun: true }, ...options])) as ImportAnswer;
      assert.deepEqual(answer.errors, []);
      return answer.files.filter((f) => f.created).map((f) => f.uri);
    };
    assert.deepEqual(await created(), [c.uri('initech-data-engineer.md')]);
    await c.open('globex.md');
    assert.deepEqual(await created({ activeNote: inSecond(c, 'acme.md') }), [inSecond(c, 'initech-data-engineer.md')]);
    assert.deepEqual(await created(), [c.uri('initech-data-engineer.md')]);
    await c.close(c.uri('globex.md'));
    await c.openUri(inSecond(c, 'acme.md'), NOTE);
    assert.deepEqual(await created(), [inSecond(c, 'initech-data-engineer.md')]);
  });

  it('a client that cannot create files: the matching note is imported, the new one is not sent but explained', async () => {
    const caps = (k: ClientCapabilities) => {
      k.workspace = { ...k.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ['rename', 'delete'], changeAnnotationSupport: {} } };
    };
    const c = await started({ files: { 'acme.md': NOTE, '.interview-followup.yaml': CONFIG }, capabilities: caps });
    const answer = (await c.executeCommand(InboxCommands.import, [{ name: 'initech.ics', text: NEW_PROCESS }, { name: 'acme.ics', text: INVITE }])) as ImportAnswer;
    assert.equal(answer.applied, true);
    assert.deepEqual(touched(c.applyEdits[0].edit as WorkspaceEdit), [c.uri('acme.md')]);
    const why = `initech-data-engineer.md would be a new note, and this editor cannot create files by an edit: create the note (its company and role) and import again, or run interview-followup import initech.ics --dir ${JSON.stringify(c.dir)}`;
    assert.deepEqual(answer.errors, [{ source: 'initech.ics', line: 1, message: why }]);
    assert.deepEqual(c.messages.filter((m) => m.type === MessageType.Error).map((m) => m.message), [`Import: initech.ics:1: ${why}`]);
  });

  it('a client without change annotations gets an edit without them (after its Apply)', async () => {
    const c = await started({ files: { 'acme.md': NOTE, '.interview-followup.yaml': CONFIG }, capabilities: versioned(false), messageAnswer: 'Apply' });
    const answer = (await c.executeCommand(InboxCommands.import, [{ name: 'initech.ics', text: NEW_PROCESS }, { name: 'acme.ics', text: INVITE }])) as ImportAnswer;
    assert.equal(answer.applied, true);
    const edit = c.applyEdits[0].edit as WorkspaceEdit;
    assert.deepEqual(touched(edit), [`create ${c.uri('initech-data-engineer.md')}`, c.uri('initech-data-engineer.md'), c.uri('acme.md')]);
    assert.equal(edit.changeAnnotations, undefined);
    assert.doesNotMatch(JSON.stringify(edit), /annotationId/);
  });

  it('an edit the editor does not apply (its preview discarded, or nothing ticked in it): the user is told nothing was imported', async () => {
    const c = await started({ files: { 'acme.md': NOTE, '.interview-followup.yaml': CONFIG }, capabilities: versioned(true), declineEdits: true });
    const answer = (await c.executeCommand(InboxCommands.import, [{ name: 'acme.ics', text: INVITE }])) as ImportAnswer;
    assert.equal(answer.applied, false);
    assert.deepEqual(c.messages.map((m) => [m.type, m.message]), [[MessageType.Info, 'Import: nothing imported (the edit was discarded, or no note was ticked in the preview)']]);
  });
});
