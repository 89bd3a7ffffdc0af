/** The note as one symbol (company · role) with its keys as children. */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { formatDay } from '../dates';
import { NoteView } from '../document';

export function documentSymbols(view: NoteView): DocumentSymbol[] {
  const note = view.note;
  if (!note?.interview || !note.frontMatter.close) return [];
  const { text } = view;
  const i = note.interview;
  const name = [i.company.kind === 'ok' ? i.company.value : undefined, i.role.kind === 'ok' ? i.role.value : undefined].filter(Boolean).join(' · ') || 'Interview';
  const children: DocumentSymbol[] = [];
  for (const key of note.keys.values()) {
    const value = key.pair.value as { range?: [number, number, number] } | null;
    const end = value?.range ? value.range[1] + note.frontMatter.content.start : key.keySpan.end;
    const detail = text.slice(key.keySpan.end, end).replace(/^:\s*/, '').split(/\r?\n/)[0].slice(0, 60);
    children.push({
      name: key.name || '(empty key)', detail, kind: SymbolKind.Property,
      range: view.rangeOf({ start: key.keySpan.start, end: Math.max(end, key.keySpan.end) }), selectionRange: view.rangeOf(key.keySpan),
    });
  }
  return [{
    name, detail: i.interviewed.kind === 'ok' ? `interviewed ${formatDay(i.interviewed.value)}` : undefined, kind: SymbolKind.Event,
    range: view.rangeOf({ start: note.frontMatter.open.start, end: note.frontMatter.close.end }), selectionRange: view.rangeOf(note.frontMatter.open), children,
  }];
}
