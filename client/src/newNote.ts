/**
 * "New Interview Note": asks the company and the role, writes a note from the note template
 * (`interview-note.hbs`, as the CLI's `new` does: the workspace's own when the workspace is
 * trusted, else the built-in one) with today as the interview date, and opens it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import type * as NoteRendererModule from './note-renderer';

export interface NewNoteArgs {
  company?: string;
  role?: string;
  /** The folder to create the note in; default: the active note's folder, else the first workspace folder. */
  folder?: vscode.Uri | string;
}

/** Today as YYYY-MM-DD: the `today` setting, else INTERVIEW_FOLLOWUP_TODAY, else the local date. */
export function todayIso(setting: unknown, env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  for (const v of [setting, env.INTERVIEW_FOLLOWUP_TODAY]) {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return v.trim();
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

let renderer: typeof NoteRendererModule | undefined;

/** dist/new-note.js, loaded on first use (YAML and Handlebars stay out of activation). */
function loadRenderer(extensionUri: vscode.Uri): typeof NoteRendererModule {
  renderer ??= require(path.join(extensionUri.fsPath, 'dist', 'new-note.js')) as typeof NoteRendererModule;
  return renderer;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function targetFolder(args: NewNoteArgs): vscode.Uri | undefined {
  if (args.folder) return typeof args.folder === 'string' ? vscode.Uri.file(args.folder) : args.folder;
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.uri.scheme === 'file' && active.languageId === 'markdown' && vscode.workspace.getWorkspaceFolder(active.uri)) {
    return vscode.Uri.joinPath(active.uri, '..');
  }
  return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
}

/** Returns the new note's URI (an untitled one without a workspace folder), or undefined when cancelled. */
export async function newInterviewNote(extensionUri: vscode.Uri, args: NewNoteArgs = {}): Promise<vscode.Uri | undefined> {
  const required = (what: string) => (v: string) => (v.trim() === '' ? `Enter the ${what}` : undefined);
  const company = (args.company ?? await vscode.window.showInputBox({
    title: 'New Interview Note (1/2)', prompt: 'Company', placeHolder: 'Acme Corp', ignoreFocusOut: true, validateInput: required('company'),
  }))?.trim();
  if (!company) return undefined;
  const role = (args.role ?? await vscode.window.showInputBox({
    title: 'New Interview Note (2/2)', prompt: `Role at ${company}`, placeHolder: 'Senior Backend Engineer', ignoreFocusOut: true, validateInput: required('role'),
  }))?.trim();
  if (!role) return undefined;

  const folder = targetFolder(args);
  const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder);
  const today = todayIso(settings.get('today'));
  const root = folder && (vscode.workspace.getWorkspaceFolder(folder)?.uri ?? folder);
  let note: NoteRendererModule.RenderedNote;
  try {
    note = loadRenderer(extensionUri).renderNote({
      company, role, today,
      dir: (folder ?? extensionUri).fsPath,
      root: (root ?? extensionUri).fsPath,
      settings: { templatesDir: settings.get<string>('templatesDir') },
      allowWorkspace: !!folder && vscode.workspace.isTrusted,
    });
  } catch (err) {
    void vscode.window.showErrorMessage(`Interview Follow-up: cannot write the note: ${(err as Error).message}`);
    return undefined;
  }

  let doc: vscode.TextDocument;
  if (folder) {
    const base = note.fileName.replace(/\.md$/, '');
    let uri = vscode.Uri.joinPath(folder, note.fileName);
    for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder, `${base}-${n}.md`); // never overwrite a note
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(note.text));
    doc = await vscode.workspace.openTextDocument(uri);
  } else {
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: note.text });
  }
  const editor = await vscode.window.showTextDocument(doc);
  // The caret on the contact's name: the first thing to fill in.
  const line = doc.getText().split(/\r?\n/).findIndex((l) => /^\s+name:/.test(l));
  if (line >= 0) {
    const text = doc.lineAt(line).text;
    const col = text.indexOf('name:') + 'name:'.length + 1;
    editor.selection = new vscode.Selection(line, Math.min(col, text.length), line, text.length);
  }
  return doc.uri;
}
