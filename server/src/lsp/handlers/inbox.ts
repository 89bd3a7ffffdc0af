/**
 * `interviewFollowup.import` (workspace/executeCommand): interview invites and saved replies
 * into the workspace's notes, as one WorkspaceEdit whose changes carry change annotations that
 * need confirmation (VS Code shows its refactor preview). A client without annotation support
 * is asked first (`window/showMessageRequest`). The planning is service/inbox's, loaded on the
 * first import only; the files it names are read here, through node/.
 */
import * as path from 'node:path';
import { MessageType } from 'vscode-languageserver/node';
import { findTemplate, readForEdit, reason, staysWithin } from '../../node';
import { ImportAnswer, ImportSource, InboxCommands, NOTE_TEMPLATE } from '../../protocol';
import type { ImportResult } from '../../service/inbox';
import { toPath } from '../features';
import type { Host } from '../host';

/* eslint-disable @typescript-eslint/no-require-imports */
const inbox = () => require('../../service/inbox') as typeof import('../../service/inbox');
const MAX_FILE_BYTES = () => (require('../../service/inbox/parse') as typeof import('../../service/inbox/parse')).MAX_FILE_BYTES;
/* eslint-enable @typescript-eslint/no-require-imports */

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

function zoneOf(env: NodeJS.ProcessEnv): string {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz;
    } catch {
      // Not a zone: the system's.
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export async function runImport(host: Host, args: unknown[]): Promise<ImportAnswer> {
  const { connection } = host;
  const tell = (type: MessageType, message: string) => void connection.sendNotification('window/showMessage', { type, message });
  const answer: ImportAnswer = { edit: null, applied: false, files: [], errors: [], notes: [] };
  const folder = host.folders[0];
  if (!folder) {
    answer.errors.push({ source: '', line: 1, message: 'import needs a workspace folder to put the notes in' });
    tell(MessageType.Error, 'Import: open a folder first: the notes go into it');
    return answer;
  }
  const dryRun = args.some((a) => typeof a === 'object' && a !== null && (a as { dryRun?: unknown }).dryRun === true);
  const sources: { name: string; text: string }[] = [];
  let k = 0;
  for (const a of args) {
    const src: ImportSource | undefined = typeof a === 'string' ? (/^file:/i.test(a) ? { uri: a } : { text: a }) : typeof a === 'object' && a !== null && ('uri' in a || 'text' in a) ? (a as ImportSource) : undefined;
    if (!src) continue;
    k++;
    if (typeof src.text === 'string') {
      sources.push({ name: String(src.name ?? `text ${k}`), text: src.text });
      continue;
    }
    const file = typeof src.uri === 'string' ? toPath(src.uri) : undefined;
    const name = file ? path.basename(file) : String(src.uri);
    if (!file) {
      answer.errors.push({ source: name, line: 1, message: 'not a file: URI' });
      continue;
    }
    try {
      sources.push({ name, text: await readForEdit(file, MAX_FILE_BYTES()) });
    } catch (err) {
      answer.errors.push({ source: name, line: 1, message: `cannot read it: ${err instanceof Error ? err.message : reason(err)}` });
    }
  }

  // The notes of the folder, as the editor has them (open buffers first).
  const notes: { file: string; text: string }[] = [];
  for (const file of host.searches.paths()) {
    if (!(file.startsWith(folder + path.sep))) continue;
    const text = host.textOf(host.uriFor(file));
    if (text !== undefined) notes.push({ file: path.relative(folder, file).split(path.sep).join('/'), text });
  }
  const resolved = host.resolver.forFile(path.join(folder, 'new.md'));
  const config = resolved.config;
  const me = [...config.me, config.sender.email?.toLowerCase()].filter((a): a is string => !!a);
  const template = findTemplate(resolved, host.builtinDir, NOTE_TEMPLATE, host.features.workspaceTrusted);
  let result: ImportResult;
  try {
    result = await inbox().importInbox(sources, notes, { me, zone: zoneOf(host.env), today: host.today(), template });
  } catch (err) {
    tell(MessageType.Error, `Import: ${reason(err)}`);
    throw err;
  }
  answer.errors.push(...result.errors);
  answer.notes.push(...result.notes);

  const f = host.features;
  const annotations: Record<string, { label: string; description?: string; needsConfirmation: boolean }> = {};
  const documentChanges: unknown[] = [];
  const changes: Record<string, unknown[]> = {};
  for (const fc of result.files) {
    const file = path.join(folder, ...fc.file.split('/'));
    const rel = path.relative(folder, file);
    const inside = !!rel && !rel.startsWith('..') && !path.isAbsolute(rel) && staysWithin(fc.created ? path.dirname(file) : file, [folder]);
    if (!inside) {
      answer.errors.push({ source: fc.changes[0]?.source ?? '', line: 1, message: `refused ${fc.file}: outside the workspace folder` });
      continue;
    }
    if (fc.created && !f.documentChanges) {
      answer.errors.push({ source: fc.changes[0]?.source ?? '', line: 1, message: `${fc.file} would be a new note, and this editor cannot create files by an edit: run 'interview-followup import' instead` });
      continue;
    }
    const uri = host.uriFor(file);
    const id = `import:${fc.file}`;
    const list = fc.changes.filter((c) => c.field !== '(new note)').map((c) => `${c.field}: ${c.old === undefined ? '' : `${c.old} -> `}${c.new}`);
    annotations[id] = { label: `${fc.created ? 'New note' : 'Import into'} ${fc.file}`, description: list.join('; '), needsConfirmation: true };
    const d = diff(fc.before, fc.after);
    const c = host.converter(fc.before);
    const range = { start: c.toClient(positionAt(fc.before, d.start)), end: c.toClient(positionAt(fc.before, d.end)) };
    const textEdit = { range, newText: d.newText, annotationId: id };
    if (f.documentChanges) {
      if (fc.created) documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false }, annotationId: id });
      documentChanges.push({ textDocument: { uri, version: fc.created ? null : host.documents.get(uri)?.version ?? null }, edits: [textEdit] });
    } else {
      changes[uri] = [textEdit];
    }
    answer.files.push({ uri, created: fc.created, changes: fc.changes });
  }
  for (const e of answer.errors) tell(MessageType.Error, `Import: ${e.source}${e.source ? `:${e.line}: ` : ''}${e.message}`);
  for (const n of answer.notes) tell(MessageType.Info, `Import: ${n.source}: ${n.message}`);
  if (answer.files.length === 0) {
    if (answer.errors.length === 0 && answer.notes.length === 0) tell(MessageType.Info, 'Import: nothing to change');
    return answer;
  }
  const edit = f.documentChanges ? { documentChanges, changeAnnotations: annotations } : { changes, changeAnnotations: annotations };
  answer.edit = edit;
  if (dryRun) return answer;
  if (!f.changeAnnotations) {
    // No preview in this editor: ask before applying.
    const summary = answer.files.map((x) => `${path.basename(toPath(x.uri) ?? x.uri)} (${x.changes.filter((c) => c.field !== '(new note)').map((c) => c.field).join(', ')})`).join('; ');
    const choice = await connection.window.showInformationMessage(`Import: apply ${summary}?`, { title: 'Apply' }, { title: 'Cancel' }).catch(() => undefined);
    if (choice?.title !== 'Apply') return answer;
  }
  const r = await connection.workspace.applyEdit({ label: 'Import invite or reply', edit: edit as never });
  answer.applied = r.applied;
  if (!r.applied && r.failureReason) tell(MessageType.Warning, `Import: the editor did not apply the edit (${r.failureReason})`);
  return answer;
}

