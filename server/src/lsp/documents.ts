/**
 * The open documents, kept in UTF-16 whatever the client counts in (changes are converted as
 * they come), with an index from file path to document so a note on disk finds its buffer
 * without a scan of every open document.
 */
import { TextDocumentContentChangeEvent, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PositionConverter, PositionEncoding } from '../service';
import { toPath } from './features';

export class Documents {
  readonly all: TextDocuments<TextDocument>;
  private readonly byPath = new Map<string, string>();

  constructor(encoding: () => PositionEncoding, warn: (message: string) => void) {
    this.all = new TextDocuments<TextDocument>({
      create: TextDocument.create,
      update(doc, changes, version) {
        // A change older than the text we hold (out of order, or replayed) is dropped: applied, it
        // would corrupt the buffer; the newest text wins.
        if (version < doc.version) {
          warn(`ignored a stale change to ${doc.uri} (version ${version}; we have ${doc.version})`);
          return doc;
        }
        if (encoding() === 'utf-16') return TextDocument.update(doc, changes, version);
        // Each change applies to the text the previous one left, counted as the client counts.
        for (const change of changes) {
          const converted: TextDocumentContentChangeEvent = 'range' in change && change.range
            ? { ...change, range: new PositionConverter(doc.getText(), encoding()).rangeFromClient(change.range) } : change;
          doc = TextDocument.update(doc, [converted], version);
        }
        return doc;
      },
    });
    // Registered first: the index is current before any handler hears of the open or close.
    this.all.onDidOpen((e) => {
      const file = toPath(e.document.uri);
      if (file) this.byPath.set(file, e.document.uri);
    });
    this.all.onDidClose((e) => {
      const file = toPath(e.document.uri);
      if (file && this.byPath.get(file) === e.document.uri) this.byPath.delete(file);
    });
  }

  get(uri: string): TextDocument | undefined {
    return this.all.get(uri);
  }

  /** The open document of a file, whatever spelling of its URI the client used. */
  atPath(file: string): TextDocument | undefined {
    const uri = this.byPath.get(file);
    return uri === undefined ? undefined : this.all.get(uri);
  }

  /** The paths of the open `file:` documents. */
  paths(): string[] {
    return [...this.byPath.keys()];
  }

  /** The open documents that are not files (untitled buffers). */
  untitled(): TextDocument[] {
    return this.all.all().filter((d) => toPath(d.uri) === undefined);
  }
}
