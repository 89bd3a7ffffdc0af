/**
 * Does this workspace need the language server? Yes when it has `.interview-followup.yaml`
 * or an interview note; the scan lists the markdown files and reads the first 16 KB of each
 * (mayBeInterviewNote, held to the server's own test by fuzzing) until one passes. A
 * workspace of plain markdown pays that short read and keeps no server; the watchers then
 * start one as soon as a note appears (created, written, or opened).
 */
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../server/src/protocol';
import { mayBeInterviewNote, SNIFF_BYTES } from '../../server/src/service/sniff';

/** What the server skips when it walks a folder. */
const SKIPPED = '**/{node_modules,.git}/**';
const NOTES = '**/*.{md,markdown}';

export interface GateReport {
  /** Why a server is needed; undefined: it is not. */
  reason?: 'config file' | 'interview note' | 'open note';
  /** The file that decided it. */
  file?: string;
  /** Markdown files looked at. */
  scanned: number;
  ms: number;
}

async function headOf(uri: vscode.Uri): Promise<string> {
  if (uri.scheme !== 'file') return '';
  const handle = await fsp.open(uri.fsPath, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function isNoteFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return mayBeInterviewNote(await headOf(uri));
  } catch {
    return false; // unreadable: the server would skip it too
  }
}

const isNoteDocument = (doc: vscode.TextDocument) => doc.languageId === 'markdown' && mayBeInterviewNote(doc.getText().slice(0, SNIFF_BYTES));

/** Looks for a reason to start the server: the open documents, the config file, then every markdown file. */
export async function scanWorkspace(): Promise<GateReport> {
  const started = Date.now();
  const done = (r: Omit<GateReport, 'ms'>): GateReport => ({ ...r, ms: Date.now() - started });
  const open = vscode.workspace.textDocuments.find(isNoteDocument);
  if (open) return done({ reason: 'open note', file: open.uri.toString(), scanned: 0 });
  if (!vscode.workspace.workspaceFolders?.length) return done({ scanned: 0 });
  const [config] = await vscode.workspace.findFiles(`**/${CONFIG_FILE}`, SKIPPED, 1);
  if (config) return done({ reason: 'config file', file: config.fsPath, scanned: 0 });
  const files = await vscode.workspace.findFiles(NOTES, SKIPPED);
  // A few reads at a time: a big repository must not flood the extension host's event loop.
  let next = 0;
  let found: vscode.Uri | undefined;
  const worker = async () => {
    while (!found && next < files.length) {
      const uri = files[next++];
      if (await isNoteFile(uri)) found ??= uri;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return done(found ? { reason: 'interview note', file: found.fsPath, scanned: next } : { scanned: files.length });
}

/**
 * While no server runs: calls `onNote` (once) when a note or the config file appears, is
 * written, or is opened or typed into an editor.
 */
export function watchForNotes(onNote: (why: string) => void): vscode.Disposable {
  const subscriptions: vscode.Disposable[] = [];
  let fired = false;
  const fire = (why: string) => {
    if (fired) return;
    fired = true;
    onNote(why);
    for (const s of subscriptions) s.dispose();
  };
  const notes = vscode.workspace.createFileSystemWatcher(NOTES);
  const config = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
  const onFile = async (uri: vscode.Uri) => {
    if (await isNoteFile(uri)) fire(`interview note ${vscode.workspace.asRelativePath(uri)}`);
  };
  subscriptions.push(
    notes, config,
    notes.onDidCreate(onFile), notes.onDidChange(onFile),
    config.onDidCreate(() => fire(CONFIG_FILE)),
    vscode.workspace.onDidOpenTextDocument((doc) => isNoteDocument(doc) && fire('open note')),
    vscode.workspace.onDidChangeTextDocument((e) => isNoteDocument(e.document) && fire('note typed in an editor')),
  );
  return { dispose: () => subscriptions.forEach((s) => s.dispose()) };
}
