/**
 * A note as every feature sees it: its text, its parse and its positions, each computed once
 * and only when first asked for. The service keeps the last view, so a hover, the inlay
 * hints and the lens asked about the same text share one parse.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Span } from './frontmatter';
import { parseNote, ParsedNote } from './model';

/** What the host passes for a note. */
export interface NoteDocument {
  uri: string;
  text: string;
  /** The editor's version of the text: code action edits carry it, so a stale one cannot apply. */
  version?: number;
}

export class NoteView {
  private parsed?: { note: ParsedNote | undefined };
  private head?: TextDocument;
  private whole?: TextDocument;

  constructor(readonly doc: NoteDocument) {}

  /** A view of a text that is not a note (the config file): positions only, nothing parsed. */
  static plain(doc: NoteDocument): NoteView {
    const view = new NoteView(doc);
    view.parsed = { note: undefined };
    return view;
  }

  get text(): string {
    return this.doc.text;
  }

  /** The parsed note; undefined when the text is not an interview note. */
  get note(): ParsedNote | undefined {
    return (this.parsed ??= { note: parseNote(this.doc.text) }).note;
  }

  /**
   * Findings lie in the front matter, so their positions are computed over that prefix only,
   * not over a body of megabytes; an offset past it (a draft at the end) uses the whole text.
   */
  positionAt(offset: number): Position {
    const fm = this.parsed?.note?.frontMatter; // not worth a parse of its own
    const limit = fm ? (fm.close ? fm.close.end : fm.open.end) : -1;
    if (offset <= limit) return (this.head ??= TextDocument.create(this.doc.uri, 'markdown', 0, this.doc.text.slice(0, limit))).positionAt(offset);
    return this.document().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.document().offsetAt(position);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  private document(): TextDocument {
    return (this.whole ??= TextDocument.create(this.doc.uri, 'markdown', 0, this.doc.text));
  }
}

function before(p: Position, q: Position): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

/** Do two ranges share a position (touching ends count)? A position is an empty range. */
export function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
