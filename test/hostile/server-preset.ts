/**
 * How the hostile tests start a server: in a folder of theirs (never a spare, kept across
 * restarts), today pinned, generous timeouts for a loaded machine, and an editor that applies
 * versioned edits, without progress or dynamic registration.
 */
import { ClientCapabilities } from 'vscode-languageserver-protocol/node';
import { LspClient, StartOptions } from '../lsp/client';
import { TODAY } from './corpus';

export const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
  textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, disabledSupport: true } },
};

export function startIn(dir: string, o: Partial<StartOptions> = {}): Promise<LspClient> {
  return LspClient.start({ dir, today: TODAY, timeoutMs: 20_000, capabilities: () => CAPABILITIES, ...o });
}
