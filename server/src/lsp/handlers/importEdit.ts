/**
 * The WorkspaceEdit of an import, as the client can take it: each note's one changed span; a
 * new note as a CreateFile then its text (only where the client creates files by an edit);
 * change annotations that need confirmation where the client shows them (its preview), none
 * where it does not (it has asked the user first, see inbox.ts).
 */
import { ClientFeatures } from '../features';
import type { Host } from '../host';

interface Pos { line: number; character: number }

/** The position of a UTF-16 offset in `text`. */
function positionAt(text: string, offset: number): Pos {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** The one span where `before` and `after` differ: the edit that keeps every other byte. */
function diff(before: string, after: string): { start: number; end: number; newText: string } {
  let s = 0;
  while (s < before.length && s < after.length && before[s] === after[s]) s++;
  let e = 0;
  while (e < before.length - s && e < after.length - s && before[before.length - 1 - e] === after[after.length - 1 - e]) e++;
  return { start: s, end: before.length - e, newText: after.slice(s, after.length - e) };
}

/** One note of the edit. */
export interface NoteEdit {
  uri: string;
  /** The note as shown in the preview (`acme.md`, `work/acme.md`). */
  shown: string;
  created: boolean;
  before: string;
  after: string;
  /** One line per change, for the annotation's description. */
  changes: string[];
}

interface Annotation { label: string; description?: string; needsConfirmation: boolean }

export class ImportEdit {
  private readonly annotations: Record<string, Annotation> = {};
  private readonly documentChanges: unknown[] = [];
  private readonly changes: Record<string, unknown[]> = {};

  constructor(private readonly host: Host, private readonly f: ClientFeatures = host.features) {}

  /** Whether this client can take a new note in an edit. */
  canCreate(): boolean {
    return this.f.createFiles;
  }

  add(note: NoteEdit): void {
    const id = this.f.changeAnnotations ? `import:${note.shown}` : undefined;
    if (id) this.annotations[id] = { label: `${note.created ? 'New note' : 'Import into'} ${note.shown}`, description: note.changes.join('; '), needsConfirmation: true };
    const d = diff(note.before, note.after);
    const c = this.host.converter(note.before);
    const range = { start: c.toClient(positionAt(note.before, d.start)), end: c.toClient(positionAt(note.before, d.end)) };
    const textEdit = { range, newText: d.newText, ...(id ? { annotationId: id } : {}) };
    if (this.f.documentChanges) {
      if (note.created) this.documentChanges.push({ kind: 'create', uri: note.uri, options: { overwrite: false, ignoreIfExists: false }, ...(id ? { annotationId: id } : {}) });
      const version = note.created ? null : this.host.documents.get(note.uri)?.version ?? null;
      this.documentChanges.push({ textDocument: { uri: note.uri, version }, edits: [textEdit] });
    } else {
      this.changes[note.uri] = [textEdit];
    }
  }

  /** The WorkspaceEdit (LSP). */
  edit(): Record<string, unknown> {
    const annotations = this.f.changeAnnotations ? { changeAnnotations: this.annotations } : {};
    return this.f.documentChanges ? { documentChanges: this.documentChanges, ...annotations } : { changes: this.changes, ...annotations };
  }
}
