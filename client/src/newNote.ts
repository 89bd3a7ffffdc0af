/**
 * "New Interview Note": asks the company and the role, writes a note from the note template
 * (`interview-note.hbs`, as the CLI's `new` does: the workspace's own when the workspace is
 * trusted, else the built-in one) with today as the interview date, and opens it with a tab
 * stop in each empty field. A note of that company and role already there is opened instead,
 * unless the user asks for another.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import type * as NoteRendererModule from './note-renderer';
import { noteSnippet } from './snippet';

export interface NewNoteArgs {
  company?: string;
  role?: string;
  /** The folder to create the note in; default: the active note's folder, else the first workspace folder. */
  folder?: vscode.Uri | string;
  /** When the note's file exists: open it, or write another beside it; default: ask. */
  ifExists?: 'open' | 'another';
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
export function loadRenderer(extensionUri: vscode.Uri): typeof NoteRendererModule {
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

  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await fillWithTabStops(await vscode.window.showTextDocument(doc), note.text);
    return doc.uri;
  }
  const base = note.fileName.replace(/\.md$/, '');
  let uri = vscode.Uri.joinPath(folder, note.fileName);
  if (await exists(uri)) {
    const choice = args.ifExists ?? await askExisting(note.fileName, company, role);
    if (!choice) return undefined;
    if (choice === 'open') {
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    }
    for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder, `${base}-${n}.md`); // never overwrite a note
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(note.text));
  const doc = await vscode.workspace.openTextDocument(uri);
  await fillWithTabStops(await vscode.window.showTextDocument(doc, { preview: false }), note.text);
  await doc.save();
  return doc.uri;
}

async function askExisting(fileName: string, company: string, role: string): Promise<'open' | 'another' | undefined> {
  type Item = vscode.QuickPickItem & { choice: 'open' | 'another' };
  const picked = await vscode.window.showQuickPick<Item>([
    { label: '$(go-to-file) Open the existing note', description: fileName, choice: 'open' },
    { label: '$(new-file) Write another note', description: 'for a second process or a later round', choice: 'another' },
  ], { title: `${company}, ${role}: a note is already there`, ignoreFocusOut: true });
  return picked?.choice;
}

async function fillWithTabStops(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  await editor.insertSnippet(new vscode.SnippetString(noteSnippet(text)), all);
}
