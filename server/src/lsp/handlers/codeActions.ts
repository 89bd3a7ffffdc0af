/** Quick fixes, and the drafts rendered only when chosen (`codeAction/resolve`). */
import { CodeAction, Diagnostic, MessageType } from 'vscode-languageserver/node';
import { PositionConverter } from '../../service';
import { Server } from '../parts';

/** An action computed in UTF-16, as the client counts positions. */
function actionToClient(action: CodeAction, c: PositionConverter): CodeAction {
  if (c.identity) return action;
  const out: CodeAction = { ...action };
  if (action.diagnostics) out.diagnostics = action.diagnostics.map((d) => ({ ...d, range: c.rangeToClient(d.range) }));
  if (action.edit?.changes) {
    out.edit = { changes: Object.fromEntries(Object.entries(action.edit.changes).map(([uri, edits]) =>
      [uri, edits.map((e) => ({ ...e, range: c.rangeToClient(e.range) }))])) };
  }
  if (action.edit?.documentChanges) {
    out.edit = { documentChanges: action.edit.documentChanges.map((dc) => ('edits' in dc
      ? { ...dc, edits: dc.edits.map((e) => ({ ...e, range: c.rangeToClient(e.range) })) } : dc)) };
  }
  return out;
}

function isPosition(p: unknown): boolean {
  const q = p as { line?: unknown; character?: unknown } | null;
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character);
}

function isRangeCarrier(d: unknown): d is Diagnostic {
  const r = (d as { range?: { start?: unknown; end?: unknown } } | null)?.range;
  return !!r && isPosition(r.start) && isPosition(r.end);
}

export function registerCodeActions({ host }: Server): void {
  const { connection, documents, safe, service } = host;

  connection.onCodeAction(safe.request('codeAction', [] as CodeAction[], (params) => {
    const uri = params.textDocument.uri;
    const text = host.textOf(uri);
    if (text === undefined) return [];
    const c = host.converter(text);
    // Only well-formed context diagnostics: Neovim 0.7 sends them without `range` (its
    // user_data.lsp keeps code and data only), which made the whole request fail.
    const context = (Array.isArray(params.context?.diagnostics) ? params.context.diagnostics.filter(isRangeCarrier) : [])
      .map((d) => ({ ...d, range: c.rangeFromClient(d.range) }));
    const version = documents.get(uri)?.version ?? null;
    return service.codeActions({ uri, text, version: version ?? undefined }, c.rangeFromClient(params.range), context, host.actionOptions(uri)).map((a) => {
      // A deferred draft: the service's data (rule, template, UTF-16 range) plus where it is.
      if (a.data) a.data = { ...(a.data as object), uri, version };
      return actionToClient(a, c);
    });
  }));

  // Renders the draft chosen, for a client that resolves code actions. On failure: the action as it came.
  connection.onCodeActionResolve(safe.request('codeAction/resolve', (action: CodeAction) => action, (action) => {
    const uri = (action.data as { uri?: unknown } | undefined)?.uri;
    if (typeof uri !== 'string') return action;
    const text = host.textOf(uri);
    if (text === undefined) return { ...action, disabled: { reason: 'The note cannot be read' } };
    const resolved = service.resolveCodeAction({ uri, text, version: documents.get(uri)?.version }, action, host.actionOptions(uri));
    if (!resolved.edit && resolved.disabled) {
      // The menu was already shown: say why nothing happens.
      void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: `${action.title}: ${resolved.disabled.reason}` });
    }
    const c = host.converter(text);
    return resolved.edit && !c.identity ? { ...resolved, edit: actionToClient({ title: '', edit: resolved.edit }, c).edit } : resolved;
  }));
}
