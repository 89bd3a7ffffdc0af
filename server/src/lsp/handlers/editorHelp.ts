/** Hover, inlay hints, completion and document symbols: the service's answers, in the client's encoding (the lenses: drafts.ts). */
import { CompletionItem, DocumentSymbol, Hover, InlayHint } from 'vscode-languageserver/node';
import { PositionConverter } from '../../service';
import { Server } from '../parts';

export function registerEditorHelp({ host }: Server): void {
  const { connection, safe, service } = host;
  /** The document and a converter for it; undefined when its text cannot be had. */
  const open = (uri: string): { doc: { uri: string; text: string }; c: PositionConverter } | undefined => {
    const text = host.textOf(uri);
    return text === undefined ? undefined : { doc: { uri, text }, c: host.converter(text) };
  };

  connection.onHover(safe.request('hover', null as Hover | null, ({ textDocument, position }) => {
    const o = open(textDocument.uri);
    const h = o && service.hover(o.doc, o.c.fromClient(position), host.editorOptions(textDocument.uri));
    return h ? { ...h, range: h.range && o.c.rangeToClient(h.range) } : null;
  }));

  connection.languages.inlayHint.on(safe.request('inlayHint', [] as InlayHint[], ({ textDocument, range }) => {
    const o = open(textDocument.uri);
    if (!o) return [];
    return service.inlayHints(o.doc, o.c.rangeFromClient(range), host.editorOptions(textDocument.uri))
      .map((h) => ({ ...h, position: o.c.toClient(h.position) }));
  }));

  connection.onCompletion(safe.request('completion', [] as CompletionItem[], ({ textDocument, position }) => {
    const o = open(textDocument.uri);
    if (!o) return [];
    return service.completion(o.doc, o.c.fromClient(position), host.editorOptions(textDocument.uri)).map((item) => (
      item.textEdit && 'range' in item.textEdit ? { ...item, textEdit: { ...item.textEdit, range: o.c.rangeToClient(item.textEdit.range) } } : item));
  }));

  connection.onDocumentSymbol(safe.request('documentSymbol', [] as DocumentSymbol[], ({ textDocument }) => {
    const o = open(textDocument.uri);
    if (!o) return [];
    const convert = (sym: DocumentSymbol): DocumentSymbol => ({
      ...sym, range: o.c.rangeToClient(sym.range), selectionRange: o.c.rangeToClient(sym.selectionRange), children: sym.children?.map(convert),
    });
    return service.documentSymbols(o.doc).map(convert);
  }));
}
