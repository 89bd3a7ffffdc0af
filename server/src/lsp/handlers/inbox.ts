/**
 * `interviewFollowup.import` (workspace/executeCommand): interview invites and saved replies
 * into the workspace's notes, as one WorkspaceEdit whose changes carry change annotations that
 * need confirmation (VS Code shows its refactor preview). A client without annotation support
 * is asked first (`window/showMessageRequest`). The notes are those of every workspace folder
 * (importPlaces.ts); the edit is built as the client can take it (importEdit.ts). The planning
 * is service/inbox's, loaded on the first import only; the files it names are read here,
 * through node/.
 */
import * as path from 'node:path';
import { MessageType } from 'vscode-languageserver/node';
import { findTemplate, readForEdit, reason, staysWithin } from '../../node';
import { ImportAnswer, ImportCommandOptions, ImportSource, NOTE_TEMPLATE } from '../../protocol';
import type { ImportResult } from '../../service/inbox';
import { toPath } from '../features';
import type { Host } from '../host';
import { ImportEdit } from './importEdit';
import { Places } from './importPlaces';

/* eslint-disable @typescript-eslint/no-require-imports */
const inbox = () => require('../../service/inbox') as typeof import('../../service/inbox');
const MAX_FILE_BYTES = () => (require('../../service/inbox/parse') as typeof import('../../service/inbox/parse')).MAX_FILE_BYTES;
/* eslint-enable @typescript-eslint/no-require-imports */

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

/** The files of the command's arguments, read; each one that cannot be is an error of the answer. */
async function readSources(args: unknown[], errors: ImportAnswer['errors']): Promise<{ name: string; text: string; file?: string }[]> {
  const sources: { name: string; text: string; file?: string }[] = [];
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
      errors.push({ source: name, line: 1, message: 'not a file: URI' });
      continue;
    }
    try {
      sources.push({ name, text: await readForEdit(file, MAX_FILE_BYTES()), file });
    } catch (err) {
      errors.push({ source: name, line: 1, message: `cannot read it: ${err instanceof Error ? err.message : reason(err)}` });
    }
  }
  return sources;
}

/** The options among the command's arguments (ImportCommandOptions). */
function optionsOf(args: unknown[]): ImportCommandOptions {
  const options: ImportCommandOptions = {};
  for (const a of args) {
    if (typeof a !== 'object' || a === null || 'uri' in a || 'text' in a) continue;
    const o = a as Record<string, unknown>;
    if (o.dryRun === true) options.dryRun = true;
    if (typeof o.activeNote === 'string') options.activeNote = o.activeNote;
  }
  return options;
}

export async function runImport(host: Host, args: unknown[]): Promise<ImportAnswer> {
  const { connection } = host;
  const tell = (type: MessageType, message: string) => void connection.sendNotification('window/showMessage', { type, message });
  const answer: ImportAnswer = { edit: null, applied: false, files: [], errors: [], notes: [] };
  if (host.folders.length === 0) {
    answer.errors.push({ source: '', line: 1, message: 'import needs a workspace folder to put the notes in' });
    tell(MessageType.Error, 'Import: open a folder first: the notes go into it');
    return answer;
  }
  const options = optionsOf(args);
  const sources = await readSources(args, answer.errors);
  const places = new Places(host.folders, host.documents.paths(), options.activeNote);

  // The notes of every folder, as the editor has them (open buffers first).
  const notes: { file: string; text: string }[] = [];
  for (const file of host.searches.paths()) {
    const name = places.nameOf(file);
    const text = name === undefined ? undefined : host.textOf(host.uriFor(file));
    if (name !== undefined && text !== undefined) notes.push({ file: name, text });
  }
  const resolved = host.resolver.forFile(path.join(places.homeFolder, 'new.md'));
  const config = resolved.config;
  const me = [...config.me, config.sender.email?.toLowerCase()].filter((a): a is string => !!a);
  const template = findTemplate(resolved, host.builtinDir, NOTE_TEMPLATE, host.features.workspaceTrusted);
  let result: ImportResult;
  try {
    result = await inbox().importInbox(sources, notes, { me, zone: zoneOf(host.env), today: host.today(), template, newNoteDir: places.newNoteDir });
  } catch (err) {
    tell(MessageType.Error, `Import: ${reason(err)}`);
    throw err;
  }
  answer.errors.push(...result.errors);
  answer.notes.push(...result.notes);

  const edit = new ImportEdit(host);
  for (const fc of result.files) {
    const source = fc.changes[0]?.source ?? '';
    const { folder, file } = places.fileOf(fc.file);
    const rel = path.relative(folder, file);
    const inside = !!rel && !rel.startsWith('..') && !path.isAbsolute(rel) && staysWithin(fc.created ? path.dirname(file) : file, [folder]);
    if (!inside) {
      answer.errors.push({ source, line: 1, message: `refused ${fc.file}: outside the workspace folder` });
      continue;
    }
    if (fc.created && !edit.canCreate()) {
      const from = sources.find((s) => s.name === source)?.file;
      const cli = `interview-followup import ${from ? JSON.stringify(from) : source} --dir ${JSON.stringify(folder)}`;
      answer.errors.push({ source, line: 1, message: `${fc.file} would be a new note, and this editor cannot create files by an edit: create the note (its company and role) and import again, or run ${cli}` });
      continue;
    }
    const uri = host.uriFor(file);
    const changes = fc.changes.filter((c) => c.field !== '(new note)').map((c) => `${c.field}: ${c.old === undefined ? '' : `${c.old} -> `}${c.new}`);
    edit.add({ uri, shown: fc.file, created: fc.created, before: fc.before, after: fc.after, changes });
    answer.files.push({ uri, created: fc.created, changes: fc.changes });
  }
  for (const e of answer.errors) tell(MessageType.Error, `Import: ${e.source}${e.source ? `:${e.line}: ` : ''}${e.message}`);
  for (const n of answer.notes) tell(MessageType.Info, `Import: ${n.source}: ${n.message}`);
  if (answer.files.length === 0) {
    if (answer.errors.length === 0 && answer.notes.length === 0) tell(MessageType.Info, 'Import: nothing to change');
    return answer;
  }
  answer.edit = edit.edit();
  if (options.dryRun) return answer;
  if (!host.features.changeAnnotations) {
    // No preview in this editor: ask before applying.
    const summary = answer.files.map((x) => `${path.basename(toPath(x.uri) ?? x.uri)} (${x.changes.filter((c) => c.field !== '(new note)').map((c) => c.field).join(', ')})`).join('; ');
    const choice = await connection.window.showInformationMessage(`Import: apply ${summary}?`, { title: 'Apply' }, { title: 'Cancel' }).catch(() => undefined);
    if (choice?.title !== 'Apply') return answer;
  }
  const r = await connection.workspace.applyEdit({ label: 'Import invite or reply', edit: answer.edit as never });
  answer.applied = r.applied;
  if (!r.applied && r.failureReason) tell(MessageType.Warning, `Import: the editor did not apply the edit (${r.failureReason})`);
  // VS Code lists changes that need confirmation unticked: Apply with none ticked applies nothing.
  else if (!r.applied) tell(MessageType.Info, 'Import: nothing imported (the edit was discarded, or no note was ticked in the preview)');
  return answer;
}
