/**
 * Edits as an editor applies them, strictly: an edit the server answers must land exactly,
 * so a position past the end of a line, overlapping edits or an edit for a document we do
 * not have are errors here. And the small readers of diagnostics the tests share.
 */
import { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { lineStarts } from '../fuzz/invariants';

/**
 * A UTF-16 offset for an LSP position. Strict on purpose: a position past the end of its
 * line or of the document is an error here (the protocol would clamp it, but our server
 * should never send one).
 */
export function offsetAt(text: string, pos: { line: number; character: number }): number {
  const starts = lineStarts(text);
  if (pos.line < 0 || pos.line >= starts.length) throw new Error(`line ${pos.line} out of range (0..${starts.length - 1})`);
  const start = starts[pos.line];
  let end = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  if (pos.character < 0 || start + pos.character > end) throw new Error(`character ${pos.character} out of range on line ${pos.line}`);
  return start + pos.character;
}

/** Applies text edits (all against the original text, non-overlapping, as LSP requires). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const spans = edits.map((e, i) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), text: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k].start < spans[k - 1].end) throw new Error(`overlapping edits: ${JSON.stringify(edits)}`);
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.end < s.start) throw new Error(`reversed range in edit ${s.i}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Applies a WorkspaceEdit to the given documents (uri -> text); returns the new texts. */
export function applyEdits(edit: WorkspaceEdit, documents: Record<string, string>): Record<string, string> {
  const out = { ...documents };
  const apply = (uri: string, edits: TextEdit[]) => {
    if (!(uri in out)) throw new Error(`edit for a document we do not have: ${uri}`);
    out[uri] = applyTextEdits(out[uri], edits);
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change)) throw new Error(`unsupported resource operation: ${JSON.stringify(change)}`);
    apply(change.textDocument.uri, change.edits as TextEdit[]);
  }
  return out;
}

/** The diagnostics with a given rule id (the `code`). */
export function byRule(diagnostics: Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === rule);
}

/** A diagnostic's message as text (3.18 allows MarkupContent; ours are plain strings). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export const rules = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();
