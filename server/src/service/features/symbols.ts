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
    const rounds = key.name === 'rounds' && i.rounds.kind === 'ok' ? i.rounds.value : [];
    children.push({
      name: key.name || '(empty key)', detail: rounds.length > 0 ? `${rounds.length} round${rounds.length === 1 ? '' : 's'}` : detail, kind: SymbolKind.Property,
      range: view.rangeOf({ start: key.keySpan.start, end: Math.max(end, key.keySpan.end) }), selectionRange: view.rangeOf(key.keySpan),
      // One symbol per round: the outline of the process.
      children: rounds.length > 0 ? rounds.map((r) => ({
        name: `Round ${r.index + 1}${r.stage ? `: ${r.stage}` : ''}`, detail: r.day !== undefined ? formatDay(r.day) : undefined, kind: SymbolKind.Event,
        range: view.rangeOf(r.span), selectionRange: view.rangeOf(r.daySpan),
      })) : undefined,
    });
  }
  return [{
    name, detail: i.interviewed.kind === 'ok' ? `interviewed ${formatDay(i.interviewed.value)}` : undefined, kind: SymbolKind.Event,
    range: view.rangeOf({ start: note.frontMatter.open.start, end: note.frontMatter.close.end }), selectionRange: view.rangeOf(note.frontMatter.open), children,
  }];
}
