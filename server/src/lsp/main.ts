/**
 * The LSP adapter: keeps every interview note of the workspace checked, opened or not, and
 * serves code actions and editor help. This file assembles the server; each concern is one
 * module over a shared Host (see the README's code map):
 * - diagnostics are pulled (`textDocument/diagnostic`, `workspace/diagnostic`) by a client
 *   that declares `textDocument.diagnostic`, and pushed to any other, never both to one client;
 * - positions count UTF-8 bytes when the client offers `utf-8`, else UTF-16 code units (the
 *   service always computes UTF-16; conversion happens here, at the edge);
 * - drafts are rendered in `codeAction/resolve` for a client that resolves `edit`, else at once;
 * - the initial scan reports `$/progress` to a client that declares `window.workDoneProgress`.
 */
import { format } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { Connection, createConnection, MessageReader, ProposedFeatures } from 'vscode-languageserver/node';
import { Checker } from './checker';
import { registerPull } from './diagnostics/pull';
import { DiagnosticStore } from './diagnostics/store';
import { guardFrames } from './frames';
import { registerAgenda } from './handlers/agenda';
import { registerCodeActions } from './handlers/codeActions';
import { registerCommands } from './handlers/commands';
import { registerConfiguration } from './handlers/configuration';
import { registerDrafts } from './handlers/drafts';
import { registerEditorHelp } from './handlers/editorHelp';
import { registerFiles } from './handlers/files';
import { registerLifecycle } from './handlers/lifecycle';
import { Host, ServerOptions } from './host';
import { Server } from './parts';
import { Scanner } from './scan';
import { BatchedWriter } from './wire';

export type { ServerOptions } from './host';

/** A connection over stdio whose frames are checked: a broken header ends the server with a reason, never a deaf one. */
function stdioConnection(): { connection: Connection; writer: BatchedWriter } {
  const input = guardFrames(process.stdin, (why) => {
    process.stderr.write(`interview-followup: ${why}; the message stream cannot be resynchronised: exiting\n`);
    process.exit(1);
  });
  // stdout is the protocol's: anything a library prints goes to stderr instead.
  for (const method of ['log', 'info', 'debug', 'dir', 'table'] as const) {
    console[method] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  }
  const writer = new BatchedWriter(process.stdout);
  process.on('exit', () => writer.flush());
  // An editor gone (stdout broken): nobody can hear the server any more. It ends, quietly;
  // else the connection, closed, throws at the next notification, with a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`interview-followup: cannot write to the client: ${err.message}: exiting\n`);
    process.exit(1);
  });
  // The input passed as a stream, not a reader: vscode-languageserver then ends the process
  // when stdin ends (status 1 without shutdown), as with its own stdio connection; given a
  // reader it would not, and the server outlived its editor's pipe.
  return { connection: createConnection(ProposedFeatures.all, input as unknown as MessageReader, writer), writer };
}

/**
 * A server process lives as long as the editor and keeps a modest live set (about 60 MB at
 * 10,000 notes), while each edit of an open note makes a new copy of its whole text: V8's
 * default lets the old generation grow to several times the live set before a full collection
 * (a 5,000-line note edited 200 times peaked at 186 MB, 140 MB with this; 25% kept no less and
 * cost more collections during a burst of republishing). The growing factor is
 * read at every collection, so it can be set once the process runs.
 */
function collectSooner(): void {
  setFlagsFromString('--heap-growing-percent=50');
}

export function startServer(options: ServerOptions = {}): Connection {
  if (!options.connection) collectSooner(); // a server process of its own, not one inside a test
  const stdio = !options.connection && process.argv.includes('--stdio') ? stdioConnection() : undefined;
  const connection = options.connection ?? stdio?.connection ?? createConnection(ProposedFeatures.all);
  const host = new Host(connection, { notifyJson: stdio && ((method, json) => stdio.writer.notifyJson(method, json)), ...options });
  const store = new DiagnosticStore(host);
  const checker = new Checker(host, store);
  const server: Server = { host, store, checker, scanner: new Scanner(host, checker) };
  for (const register of [registerLifecycle, registerConfiguration, registerFiles, registerCodeActions, registerEditorHelp, registerDrafts, registerPull, registerCommands, registerAgenda]) {
    register(server);
  }
  host.documents.all.listen(connection);
  connection.listen();
  return connection;
}
