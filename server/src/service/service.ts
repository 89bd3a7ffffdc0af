/**
 * The pure language service: text in, diagnostics, code actions and editor help out. No
 * connection, no file system, no process, no clock: the host passes the document, today, the
 * configuration and a lookup for templates. Every feature is a method of LanguageService,
 * one small provider each (features/), sharing one parse of the note (NoteView).
 */
import type {
  CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentLink, DocumentSymbol, Hover, InlayHint, Position, Range, TextEdit,
} from 'vscode-languageserver-types';
import { SOURCE } from '../protocol';
import type { ConfigProblem } from './config';
import { NoteDocument, NoteView } from './document';
import { ActionOptions, codeActions, resolveCodeAction } from './features/codeActions';
import { codeLenses, LensOptions } from './features/codeLens';
import { AgendaOptions, NoteAgenda, noteAgenda } from './features/agenda';
import { calendarEntries } from './features/calendar';
import type { CalendarEntry } from './calendar';
import {
  DraftLensOptions, draftLenses, draftLinks, DraftOffer, draftOffers, draftPeople, DraftRenderer, draftText, MarkSent, markSentEdits, sampleContext,
  TemplateName, TemplateSource,
} from './drafts';
import { completion } from './features/completion';
import { EditorOptions } from './features/dateSites';
import { check, CheckOptions, CrossDiagnostics, crossDiagnostics } from './features/diagnostics';
import { checkConfig, checkTemplate } from './features/files';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { documentSymbols } from './features/symbols';
import { NoteSummary, Search, summarize } from './search';
import type { Day } from './dates';
import type { ParsedNote } from './model';

export { SOURCE };
export type { NoteDocument } from './document';
export type { ActionOptions, DraftActionData } from './features/codeActions';
export type { EditorOptions } from './features/dateSites';
export type { CheckOptions, CrossDiagnostics } from './features/diagnostics';
export type { DraftOffer } from './drafts';
export type { AgendaOptions, NoteAgenda } from './features/agenda';
export type { LensOptions } from './features/codeLens';
export type { DraftLensOptions, MarkSent } from './drafts';

export interface LanguageService {
  /** Diagnostics for a note; undefined when the text is not an interview note. */
  check(doc: NoteDocument, options: CheckOptions): Diagnostic[] | undefined;
  /**
   * Code actions for the findings overlapping `range` or matching the client's context
   * diagnostics. Findings are recomputed from the text, so stale client state cannot
   * produce a wrong edit.
   */
  codeActions(doc: NoteDocument, range: Range, context: Diagnostic[], options: ActionOptions): CodeAction[];
  /** The drafts the note offers now, in the order of its code actions; undefined when it is not an interview note. */
  drafts(doc: NoteDocument, options: ActionOptions): DraftOffer[] | undefined;
  /** Who its drafts can be addressed to, the contact first. */
  draftPeople(doc: NoteDocument, options: ActionOptions): { name: string; email?: string }[] | undefined;
  /** One draft's text, of any kind, to a person of draftPeople (the main contact without one); never an edit. */
  draftText(doc: NoteDocument, kind: TemplateName, to: string | undefined, options: ActionOptions): { text?: string; disabled?: string } | undefined;
  /** Renders a deferred draft action (one whose `data` is a DraftActionData) against the current text. */
  resolveCodeAction(doc: NoteDocument, action: CodeAction, options: ActionOptions): CodeAction;
  hover(doc: NoteDocument, position: Position, options: EditorOptions): Hover | undefined;
  /** Hints in `range` (all of them without one). */
  inlayHints(doc: NoteDocument, range: Range | undefined, options: EditorOptions): InlayHint[];
  codeLenses(doc: NoteDocument, options: LensOptions): CodeLens[];
  /**
   * On each draft heading in the body: Open in mail app (email drafts), Copy, Mark sent
   * (DraftCommands): the client's Open and Copy, or the server's Open (where the client shows
   * documents) and no Copy.
   */
  draftLenses(doc: NoteDocument, options: DraftLensOptions): CodeLens[];
  /** The `To:` line of each draft, a link to its `mailto:` URI. */
  documentLinks(doc: NoteDocument): DocumentLink[];
  /**
   * Mark sent for the draft whose heading is on `line`: records it (the thank-you date, a
   * follow-up with its channel, nothing for a closing message) and renames the heading to
   * `## Sent: ...`; with `heading` (the lens's), that draft even when an edit moved it. Why not,
   * when no such draft is there or the record cannot be made exactly.
   */
  markDraftSent(doc: NoteDocument, line: number, options: EditorOptions, heading?: string): MarkSent;
  /**
   * The note's next action, as the CLI's agenda has it, and where the note says it; undefined
   * when the text is not an interview note.
   */
  agenda(doc: NoteDocument, options: AgendaOptions): NoteAgenda | undefined;
  /**
   * The note's calendar entries (calendarOf), a check-in's with the `mailto:` link of its
   * check-in email, rendered from `options.templates`; undefined when it is not an interview note.
   */
  calendar(doc: NoteDocument, options: ActionOptions): CalendarEntry[] | undefined;
  completion(doc: NoteDocument, position: Position, options: EditorOptions): CompletionItem[];
  documentSymbols(doc: NoteDocument): DocumentSymbol[];
  /**
   * What the other notes of a search need to know of this one (company, role, status, what is
   * next, where a finding about the process points); undefined when it is not an interview note.
   */
  summarize(doc: NoteDocument, name: string, today: Day): NoteSummary | undefined;
  /** The note's parse, shared with the check just made of the same text (the report reads it); undefined when not a note. */
  parsed(doc: NoteDocument): ParsedNote | undefined;
  /**
   * The findings that read other notes (withdraw-others, weigh-offer, same-process), from
   * summaries alone: for a host that checked every note with `deferCross` and re-checks one for
   * a change elsewhere. Its `silenced` names the rules whose findings in the note's own
   * diagnostics the host drops (an accepted offer elsewhere, a process closed in another note).
   */
  crossCheck(self: NoteSummary, search: Search, options: Pick<CheckOptions, 'config' | 'today'>): CrossDiagnostics;
  /**
   * Problems in `.interview-followup.yaml`, as diagnostics on that file; `more` are the host's
   * about it (the node side's refusals: a workspace template not used).
   */
  checkConfig(text: string, more?: ConfigProblem[]): Diagnostic[];
  /** A template that does not compile, as a diagnostic on the template file. */
  checkTemplate(source: TemplateSource): Diagnostic[];
  /**
   * Loads and exercises what the first draft would otherwise pay for (Handlebars, ~40 ms):
   * for a host to call once it is idle, so no request waits for it.
   */
  warmUp(): void;
}

export function createLanguageService(): LanguageService {
  const renderer = new DraftRenderer();
  // The last note asked about: an editor asks for hints, lenses and symbols of one text in a row.
  let last: NoteView | undefined;
  const view = (doc: NoteDocument): NoteView => {
    if (last && last.doc.uri === doc.uri && last.doc.text === doc.text && last.doc.version === doc.version) return last;
    return (last = new NoteView(doc));
  };

  return {
    check: (doc, options) => check(view(doc), options),
    codeActions: (doc, range, context, options) => codeActions(view(doc), range, context, options, renderer),
    drafts: (doc, options) => draftOffers(view(doc), options, renderer),
    draftPeople: (doc, options) => draftPeople(view(doc), options),
    draftText: (doc, kind, to, options) => draftText(view(doc), kind, to, options, renderer),
    resolveCodeAction: (doc, action, options) => resolveCodeAction(view(doc), action, options, renderer),
    hover: (doc, position, options) => hover(view(doc), position, options),
    inlayHints: (doc, range, options) => inlayHints(view(doc), range, options),
    codeLenses: (doc, options) => codeLenses(view(doc), options),
    draftLenses: (doc, options) => draftLenses(view(doc), options),
    documentLinks: (doc) => draftLinks(view(doc)),
    markDraftSent: (doc, line, options, heading) => markSentEdits(view(doc), line, options, heading),
    agenda: (doc, options) => noteAgenda(view(doc), options),
    calendar: (doc, options) => calendarEntries(view(doc), options, renderer),
    completion: (doc, position, options) => completion(view(doc), position, options),
    documentSymbols: (doc) => documentSymbols(view(doc)),
    summarize: (doc, name, today) => summarize(view(doc), name, today),
    parsed: (doc) => view(doc).note,
    crossCheck: crossDiagnostics,
    checkConfig,
    checkTemplate: (source) => checkTemplate(source, renderer),
    warmUp() {
      renderer.render({ origin: '(warm-up)', text: '{{#if to}}{{to}}{{/if}}{{#each interviewers}}{{name}}{{/each}}' }, sampleContext());
    },
  };
}
