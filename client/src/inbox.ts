/**
 * "Import Invite or Reply...": interview invites (.ics, or the invite email) and saved replies
 * (.eml) into the notes, through the server's `interviewFollowup.import`. The server sends one
 * WorkspaceEdit whose changes need confirmation: VS Code shows its refactor preview before any
 * note changes. Files come from a picker (several at once), a drop onto the Follow-ups view, or
 * a drop into a note (which then inserts no link to the file).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ImportAnswer, ImportCommandOptions, ImportSource, InboxCommands } from '../../server/src/protocol';

const IMPORTABLE = /\.(?:ics|ical|ifb|eml)$/i;

export const importable = (uri: vscode.Uri) => IMPORTABLE.test(uri.path);

/** A file as the server takes it: its URI when the server can read it, else its text. */
async function sourceOf(uri: vscode.Uri): Promise<string | ImportSource> {
  if (uri.scheme === 'file') return uri.toString();
  const bytes = await vscode.workspace.fs.readFile(uri);
  return { name: uri.path.split('/').pop() ?? uri.toString(), text: new TextDecoder('utf-8').decode(bytes) };
}

/**
 * Imports `uris` (asks for them when none): the server applies what the preview confirms. A new
 * note goes into the workspace folder of `into` (the note dropped into), else of the note in
 * the active editor.
 */
export async function importFiles(client: () => Promise<LanguageClient | undefined>, uris?: vscode.Uri[], into?: vscode.Uri): Promise<ImportAnswer | undefined> {
  let files = uris?.filter(importable);
  if (!files || files.length === 0) {
    files = await vscode.window.showOpenDialog({
      canSelectMany: true, openLabel: 'Import',
      title: 'Import an interview invite (.ics, .eml) or a saved reply (.eml)',
      filters: { 'Invites and replies': ['ics', 'eml'], 'All files': ['*'] },
    });
  }
  if (!files || files.length === 0) return undefined;
  const lc = await client();
  if (!lc) {
    void vscode.window.showWarningMessage('Interview Follow-up: open the folder of your interview notes to import into it.');
    return undefined;
  }
  const sources = await Promise.all(files.map(sourceOf));
  const note = into ?? vscode.window.activeTextEditor?.document.uri;
  const options: ImportCommandOptions = note?.scheme === 'file' ? { activeNote: note.toString() } : {};
  // The server shows what it could not read or match (window/showMessage) and asks for the edit.
  const answer = await lc.sendRequest<ImportAnswer>('workspace/executeCommand', { command: InboxCommands.import, arguments: [...sources, options] });
  if (answer?.applied) {
    const n = answer.files.length;
    vscode.window.setStatusBarMessage(`Interview Follow-up: imported into ${n} note${n === 1 ? '' : 's'}`, 5000);
  }
  return answer;
}

/** The files of a drop (VS Code's explorer and the OS both give `text/uri-list`). */
export async function droppedFiles(data: vscode.DataTransfer): Promise<vscode.Uri[]> {
  const list = await data.get('text/uri-list')?.asString();
  const uris = (list ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => vscode.Uri.parse(l));
  return uris.filter(importable);
}

/** Dropping an invite or a reply into a note imports it (instead of a link to the file). */
export function registerNoteDrop(client: () => Promise<LanguageClient | undefined>): vscode.Disposable {
  const kind = vscode.DocumentDropOrPasteEditKind.Empty.append('interviewFollowup', 'import');
  return vscode.languages.registerDocumentDropEditProvider({ language: 'markdown' }, {
    async provideDocumentDropEdits(doc, _position, data) {
      const files = await droppedFiles(data);
      if (files.length === 0) return undefined;
      void importFiles(client, files, doc.uri);
      return new vscode.DocumentDropEdit('', 'Import invite or reply into the notes', kind);
    },
  }, { providedDropEditKinds: [kind], dropMimeTypes: ['text/uri-list'] });
}

/** The Follow-ups view's drop: an invite or a reply dropped on it is imported. */
export function viewDrop(client: () => Promise<LanguageClient | undefined>): vscode.TreeDragAndDropController<unknown> {
  return {
    dropMimeTypes: ['text/uri-list', 'files'],
    dragMimeTypes: [],
    async handleDrop(_target, data) {
      const files = await droppedFiles(data);
      if (files.length > 0) await importFiles(client, files);
    },
  };
}
