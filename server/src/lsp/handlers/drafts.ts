/**
 * Drafts leaving the editor, in any LSP client: the code lenses (the next action on the front
 * matter, and on each `## Draft:` heading Open in mail app, Copy, Mark sent), the `To:` line as
 * a `mailto:` link, and the server's commands (`workspace/executeCommand`): open the mail app
 * (`window/showDocument` with `external: true`), mark a draft sent (`workspace/applyEdit`), and
 * show a draft (`window/showDocument` with its heading selected).
 */
import {
  CodeLens, DocumentLink, ExecuteCommandParams, MessageType, Range, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver/node';
import { DraftCommands, InboxCommands, ReportCommand } from '../../protocol';
import { reportRunner } from './report';
import { PositionConverter } from '../../service';
import { Server } from '../parts';
import { runImport } from './inbox';

export function registerDrafts(server: Server): void {
  const { host } = server;
  const { connection, safe, service } = host;
  // The one executeCommand handler a connection has also runs the report (handlers/report.ts).
  const report = reportRunner(server);
  const tell = (type: MessageType, message: string) => void connection.sendNotification('window/showMessage', { type, message });
  /** The document and a converter for it; undefined when its text cannot be had. */
  const open = (uri: string): { doc: { uri: string; text: string; version?: number }; c: PositionConverter } | undefined => {
    const text = host.textOf(uri);
    return text === undefined ? undefined : { doc: { uri, text, version: host.documents.get(uri)?.version }, c: host.converter(text) };
  };

  connection.onCodeLens(safe.request('codeLens', [] as CodeLens[], ({ textDocument }) => {
    const o = open(textDocument.uri);
    if (!o) return [];
    const next = service.codeLenses(o.doc, { ...host.editorOptions(textDocument.uri), command: host.features.lensCommand }).map((l) => {
      // The command's second argument is the range to act at: in the client's encoding too.
      const args = l.command?.arguments;
      return args?.[1] ? { ...l, command: { ...l.command!, arguments: [args[0], o.c.rangeToClient(args[1] as Range), ...args.slice(2)] } } : l;
    });
    // A draft lens's arguments hold lines and text, never a character offset.
    const drafts = service.draftLenses(o.doc, { clientCommands: host.features.draftCommands, showDocument: host.features.showDocument });
    return [...next, ...drafts].map((l) => ({ ...l, range: o.c.rangeToClient(l.range) }));
  }));

  connection.onDocumentLinks(safe.request('documentLink', [] as DocumentLink[], ({ textDocument }) => {
    const o = open(textDocument.uri);
    return o ? service.documentLinks(o.doc).map((l) => ({ ...l, range: o.c.rangeToClient(l.range) })) : [];
  }));

  connection.onExecuteCommand(safe.request('executeCommand', null, async ({ command, arguments: args = [] }: ExecuteCommandParams) => {
    if (command === ReportCommand) return report();
    if (command === InboxCommands.import) return runImport(host, args);
    const [uri, second, third] = args as unknown[];
    if (typeof uri !== 'string') {
      tell(MessageType.Error, `${command}: no document named`);
      return null;
    }
    switch (command) {
      case DraftCommands.serverOpen: await openMail(String(second)); break;
      case DraftCommands.markSent: await markSent(uri, Number(second), typeof third === 'string' ? third : undefined); break;
      case DraftCommands.reveal: await reveal(uri, Number(second)); break;
      default: tell(MessageType.Error, `interview-followup has no command ${command}`);
    }
    return null;
  }));

  /** Opens a `mailto:` URI in the mail app, through the client. */
  async function openMail(mailto: string): Promise<void> {
    // Only a mail link: a command's arguments come back from the client, never a URI to run.
    if (!mailto.startsWith('mailto:')) return tell(MessageType.Error, 'Open in mail app: not a mailto: link');
    if (!host.features.showDocument) return tell(MessageType.Warning, `Open in mail app: this editor cannot open links for the server; the link is ${mailto}`);
    const r = await connection.window.showDocument({ uri: mailto, external: true }).catch((err: Error) => ({ success: false, why: err.message }));
    if (!r.success) tell(MessageType.Warning, `Open in mail app: the editor could not open the link${'why' in r ? ` (${r.why})` : ''}; the link is ${mailto}`);
  }

  /**
   * Records the draft on `line` as sent and renames its heading, as one edit the client applies.
   * `heading`: the lens's, so that a lens computed before an edit marks the draft it was on.
   */
  async function markSent(uri: string, line: number, heading: string | undefined): Promise<void> {
    const o = open(uri);
    const marked = o && Number.isInteger(line) ? service.markDraftSent(o.doc, line, host.editorOptions(uri), heading) : undefined;
    if (!o || !marked || 'reason' in marked) return tell(MessageType.Warning, `Mark sent: ${marked && 'reason' in marked ? marked.reason : 'the note cannot be read'}`);
    const clientEdits: TextEdit[] = marked.edits.map((e) => ({ ...e, range: o.c.rangeToClient(e.range) }));
    const version = host.documents.get(uri)?.version;
    const edit: WorkspaceEdit = host.features.documentChanges && version !== undefined
      ? { documentChanges: [{ textDocument: { uri, version }, edits: clientEdits }] }
      : { changes: { [uri]: clientEdits } };
    const r = await connection.workspace.applyEdit({ label: 'Mark sent', edit });
    if (!r.applied) tell(MessageType.Warning, `Mark sent: the editor did not apply the edit${r.failureReason ? ` (${r.failureReason})` : ''}`);
  }

  /** Shows the note with the heading on `line` selected. */
  async function reveal(uri: string, line: number): Promise<void> {
    const o = open(uri);
    if (!o || !Number.isInteger(line) || line < 0) return tell(MessageType.Warning, 'Show the draft: the note cannot be read');
    const lines = o.doc.text.split('\n');
    const at = Math.min(line, lines.length - 1);
    if (!host.features.showDocument) return tell(MessageType.Info, `The draft is on line ${at + 1}`);
    const heading = lines[at].replace(/\r$/, '');
    const selection = o.c.rangeToClient({ start: { line: at, character: 0 }, end: { line: at, character: heading.length } });
    const r = await connection.window.showDocument({ uri, takeFocus: true, selection }).catch(() => ({ success: false }));
    if (!r.success) tell(MessageType.Info, `The draft is on line ${at + 1}`);
  }
}
