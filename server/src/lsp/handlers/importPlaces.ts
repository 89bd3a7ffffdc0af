/**
 * The workspace folders of an import (see Places). Pure path arithmetic over the folders the
 * client named; the notes themselves are read in inbox.ts.
 */
import * as path from 'node:path';
import { folderIndexOf, toPath } from '../features';

export /**
 * Where the notes of an import are: every workspace folder's, each shown to the planner as its
 * path in the folder (prefixed by the folder's name when there are several folders), and the
 * folder a new note goes into: the one holding `activeNote` (the note the user is in, as the
 * client says), else the one of the first note open in the editor, else the first folder.
 */
class Places {
  private readonly labels: string[];
  /** The index of the folder new notes go into. */
  readonly home: number;

  constructor(private readonly folders: string[], open: string[], activeNote: string | undefined) {
    const base = folders.map((f) => path.basename(f) || 'folder');
    this.labels = folders.length < 2 ? [''] : base.map((b, i) => (base.indexOf(b) === i ? `${b}/` : `${b}-${i + 1}/`));
    const active = activeNote ? toPath(activeNote) : undefined;
    const beside = [active, ...open].map((file) => (file === undefined ? undefined : this.folderOf(file))).find((i) => i !== undefined);
    this.home = beside ?? 0;
  }

  get homeFolder(): string {
    return this.folders[this.home];
  }

  get newNoteDir(): string {
    return this.labels[this.home];
  }

  /** The index of the (deepest) folder holding `file`, if one does. */
  folderOf(file: string): number | undefined {
    const i = folderIndexOf(this.folders, file);
    return i < 0 ? undefined : i;
  }

  /** A file as the planner names it. */
  nameOf(file: string): string | undefined {
    const i = this.folderOf(file);
    return i === undefined ? undefined : this.labels[i] + path.relative(this.folders[i], file).split(path.sep).join('/');
  }

  /** A name of the planner's as a file, with its folder. */
  fileOf(name: string): { folder: string; file: string } {
    const i = Math.max(0, this.labels.findIndex((l) => l !== '' && name.startsWith(l)));
    const folder = this.folders[i];
    return { folder, file: path.join(folder, ...name.slice(this.labels[i].length).split('/')) };
  }
}
