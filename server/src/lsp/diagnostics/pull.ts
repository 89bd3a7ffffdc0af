/**
 * Pull diagnostics, for a client that declares `textDocument.diagnostic`: one document pulled
 * fresh, and the workspace pull held until there is news (long polling).
 */
import * as path from 'node:path';
import { Diagnostic, DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver/node';
import { CONFIG_FILE } from '../../protocol';
import { toPath } from '../features';
import { Server } from '../parts';
import { resultIdOf } from './store';

export function registerPull({ host, store, checker, scanner }: Server): void {
  const { connection, documents, safe } = host;

  /** Fresh diagnostics for one document, recorded for workspace pulls too. */
  async function diagnose(uri: string): Promise<Diagnostic[]> {
    const file = toPath(uri);
    if (!file) {
      const doc = documents.get(uri);
      if (doc) checker.checkUntitled(doc);
      return store.diagnosticsOf(uri);
    }
    // Config files and templates are kept current by the watchers: what is recorded stands.
    if (path.basename(file) !== CONFIG_FILE && !file.endsWith('.hbs')) await checker.checkFile(file);
    return store.diagnosticsOf(file);
  }

  connection.languages.diagnostics.on(safe.request('textDocument/diagnostic', { kind: 'full', items: [] } as DocumentDiagnosticReport, async (params) => {
    await host.settingsLoaded;
    const diagnostics = await diagnose(params.textDocument.uri);
    const resultId = resultIdOf(JSON.stringify(diagnostics));
    return params.previousResultId === resultId ? { kind: 'unchanged', resultId } : { kind: 'full', resultId, items: diagnostics };
  }));

  // Held until there is news for the client: clients re-request a workspace pull as soon as one is answered.
  connection.languages.diagnostics.onWorkspace(safe.request('workspace/diagnostic', { items: [] } as WorkspaceDiagnosticReport, async (params, token) => {
    await scanner.firstScan;
    for (;;) {
      const { items, news } = store.workspaceReports(params.previousResultIds ?? []);
      if (news || token.isCancellationRequested || host.shuttingDown) return { items };
      await store.nextChange(token);
    }
  }));
}
