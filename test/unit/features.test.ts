/** What the server offers depends on what the client declares in initialize: ClientFeatures, pure. */
import * as assert from 'node:assert/strict';
import { ClientFeatures, foldersOf } from '../../server/src/lsp/features';
import { DraftCommands, InboxCommands, ReportCommand } from '../../server/src/protocol';

const init = (capabilities: object, initializationOptions?: object) =>
  ClientFeatures.from({ processId: null, rootUri: null, capabilities, initializationOptions } as never);

describe('ClientFeatures', () => {
  it('a bare client: push diagnostics, UTF-16, drafts rendered at once, plain edits', () => {
    const f = init({});
    assert.equal(f.pull, false);
    assert.equal(f.encoding, 'utf-16');
    assert.equal(f.deferDrafts, false);
    assert.equal(f.documentChanges, false);
    const caps = f.capabilities();
    assert.equal(caps.diagnosticProvider, undefined, 'nothing to pull');
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite'] });
    assert.equal(caps.positionEncoding, 'utf-16');
  });

  it('a client that pulls, resolves and counts bytes gets all three', () => {
    const f = init({
      general: { positionEncodings: ['utf-8', 'utf-16'] },
      textDocument: { diagnostic: {}, codeAction: { resolveSupport: { properties: ['edit'] } } },
      workspace: { workspaceEdit: { documentChanges: true } },
    });
    assert.equal(f.encoding, 'utf-8');
    assert.equal(f.pull, true);
    assert.equal(f.deferDrafts, true);
    assert.equal(f.documentChanges, true);
    assert.deepEqual(f.capabilities().diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });
    assert.deepEqual(f.capabilities().codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite'], resolveProvider: true });
  });

  it('initialization options: push on request, an encoding for ALE, an untrusted workspace', () => {
    const f = init({ textDocument: { diagnostic: {} } }, { diagnosticMode: 'push', positionEncoding: 'utf-8', workspaceTrusted: false });
    assert.equal(f.pull, false);
    assert.equal(f.encoding, 'utf-8');
    assert.equal(f.workspaceTrusted, false);
    assert.equal(f.lensCommand, undefined, 'no command: the next-action lens is a label');
    assert.equal(init({}, { nextActionCommand: 'interviewFollowup.nextAction' }).lensCommand, 'interviewFollowup.nextAction');
  });

  it('draft lenses: the client\'s own Open and Copy only when it says so; Open by showDocument where it is supported', () => {
    assert.equal(init({}).draftCommands, false);
    assert.equal(init({}, { draftCommands: 'yes' }).draftCommands, false, 'only true');
    assert.equal(init({}, { draftCommands: true }).draftCommands, true);
    assert.equal(init({}).showDocument, false);
    assert.equal(init({ window: { showDocument: { support: false } } }).showDocument, false);
    assert.equal(init({ window: { showDocument: { support: true } } }).showDocument, true);
    const caps = init({}).capabilities();
    assert.deepEqual(caps.executeCommandProvider, { commands: [DraftCommands.serverOpen, DraftCommands.markSent, DraftCommands.reveal, ReportCommand, InboxCommands.import] });
    assert.deepEqual(caps.documentLinkProvider, { resolveProvider: false });
  });

  it('registers configuration only with the client\'s consent', () => {
    assert.equal(init({ workspace: { configuration: true } }).canRegisterConfiguration, false);
    assert.equal(init({ workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }).canRegisterConfiguration, true);
  });

  it('workspace folders, else the root, else none (single-file mode)', () => {
    assert.deepEqual(foldersOf({ workspaceFolders: [{ uri: 'file:///a/b', name: 'b' }], rootUri: 'file:///c' } as never), ['/a/b']);
    assert.deepEqual(foldersOf({ rootUri: 'file:///c' } as never), ['/c']);
    assert.deepEqual(foldersOf({ rootPath: '/d' } as never), ['/d']);
    assert.deepEqual(foldersOf({ rootUri: null } as never), []);
  });
});
