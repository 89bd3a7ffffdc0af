/**
 * Keeping up with files: buffers edited and closed, files and folders created, changed and
 * deleted on disk (one folder event stands for every note under it), workspace folders
 * added and removed.
 */
import * as path from 'node:path';
import { FileChangeType, FileEvent } from 'vscode-languageserver/node';
import { isDirectory, staysWithin, walk } from '../../node';
import { CONFIG_FILE } from '../../protocol';
import { toPath } from '../features';
import { Server } from '../parts';

const NOTE = /\.(?:md|markdown)$/i;
const SKIPPED = new Set(['node_modules', '.git']);

export function registerFiles(server: Server): void {
  const { host, store, checker } = server;
  const { documents, safe } = host;

  documents.all.onDidChangeContent(safe.notification('didChange', (e) => {
    const file = toPath(e.document.uri);
    if (file) checker.checkText(file, e.document.getText());
    else checker.checkUntitled(e.document);
  }));

  documents.all.onDidClose(safe.notification('didClose', async (e) => {
    const file = toPath(e.document.uri);
    if (!file) store.deliver(e.document.uri, e.document.uri, []);
    // Back to what is on disk, if it is a workspace note; cleared otherwise.
    else if (host.inWorkspace(file)) await checker.checkFile(file);
    else store.publishFile(file, []);
  }));

  host.connection.onDidChangeWatchedFiles(safe.notification('didChangeWatchedFiles', async ({ changes }) => {
    let configChanged = false;
    for (const change of changes) configChanged = (await fileChanged(server, change)) || configChanged;
    if (configChanged) {
      host.resolver.invalidate();
      await checker.recheckAll();
    }
    host.refreshClient();
  }));
}

/** One file event; true when it may change the configuration. */
async function fileChanged({ host, store, checker }: Server, change: FileEvent): Promise<boolean> {
  const file = toPath(change.uri);
  if (!file) return false;
  if (path.basename(file) === CONFIG_FILE) {
    if (change.type === FileChangeType.Deleted) store.publishFile(file, []);
    return true;
  }
  if (file.endsWith('.hbs')) {
    checker.checkTemplateFile(file);
    return false;
  }
  if (!host.inWorkspace(file) || file.split(path.sep).some((seg) => SKIPPED.has(seg))) return false;
  if (NOTE.test(file)) {
    // Gone, whatever buffer an editor still holds; a link out of the workspace counts as gone (the walk does not follow those either).
    if (change.type === FileChangeType.Deleted || !staysWithin(file, host.folders)) checker.forget(file);
    else {
      checker.onDisk.add(file);
      await checker.checkFile(file); // only the note that changed: no rescan
    }
    return false;
  }
  // Anything else may be a folder: renamed or deleted, its notes went with it; created (or
  // renamed to here), its notes came with it.
  if (change.type === FileChangeType.Deleted) {
    const under = file + path.sep;
    for (const known of new Set([...checker.onDisk, ...store.keys()])) if (known.startsWith(under)) checker.forget(known);
    return host.resolver.files().some((cf) => cf.path.startsWith(under));
  }
  if (change.type === FileChangeType.Created && isDirectory(file)) {
    const walked = await walk(file);
    for (const f of walked.files) {
      checker.onDisk.add(f);
      await checker.checkFile(f);
    }
    // Its folders are new to the config resolver too: nothing cached to invalidate.
    return false;
  }
  return false;
}

/** Workspace folders added or removed: rescan. */
export async function foldersChanged({ host, scanner }: Server, event: { added: { uri: string }[]; removed: { uri: string }[] }): Promise<void> {
  const removed = new Set(event.removed.map((f) => toPath(f.uri)).filter((p): p is string => !!p).map((p) => path.resolve(p)));
  const folders = host.folders.filter((f) => !removed.has(f));
  for (const f of event.added) {
    const p = toPath(f.uri);
    if (p && !folders.includes(path.resolve(p))) folders.push(path.resolve(p));
  }
  host.folders = folders;
  host.resolver.setCeilings(folders);
  await scanner.scanAll();
  host.refreshClient();
}
