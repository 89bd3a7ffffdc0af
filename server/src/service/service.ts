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
import type { ActionOptions } from './features/codeActions';
import type { LensOptions } from './features/codeLens';
import type { AgendaOptions, NoteAgenda } from './features/agenda';
import type { CalendarEntry } from './calendar';
import type { DraftLensOptions, DraftOffer, DraftRenderer, MarkSent, TemplateName, TemplateSource } from './drafts';
import type { EditorOptions } from './features/dateSites';
import { check, CheckOptions, CrossDiagnostics, crossDiagnostics } from './features/diagnostics';
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

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The features past the diagnostics, loaded on first use: `check`, the CLI's most frequent
 * run, needs none of them (the drafts, the assists and the editor help are a third of the
 * service's code to load).
 */
const lazy = <T>(load: () => T): (() => T) => {
  let loaded: T | undefined;
  return () => (loaded ??= load());
};
const actions = lazy(() => require('./features/codeActions') as typeof import('./features/codeActions'));
const lenses = lazy(() => require('./features/codeLens') as typeof import('./features/codeLens'));
const agendas = lazy(() => require('./features/agenda') as typeof import('./features/agenda'));
const calendars = lazy(() => require('./features/calendar') as typeof import('./features/calendar'));
const drafting = lazy(() => require('./drafts') as typeof import('./drafts'));
const completions = lazy(() => require('./features/completion') as typeof import('./features/completion'));
const files = lazy(() => require('./features/files') as typeof import('./features/files'));
const hovers = lazy(() => require('./features/hover') as typeof import('./features/hover'));
const hints = lazy(() => require('./features/inlayHints') as typeof import('./features/inlayHints'));
const symbols = lazy(() => require('./features/symbols') as typeof import('./features/symbols'));
/* eslint-enable @typescript-eslint/no-require-imports */

export function createLanguageService(): LanguageService {
  let drafts: DraftRenderer | undefined;
  const renderer = () => (drafts ??= new (drafting().DraftRenderer)());
  // The last note asked about: an editor asks for hints, lenses and symbols of one text in a row.
  let last: NoteView | undefined;
  const view = (doc: NoteDocument): NoteView => {
    if (last && last.doc.uri === doc.uri && last.doc.text === doc.text && last.doc.version === doc.version) return last;
    return (last = new NoteView(doc));
  };

  return {
    check: (doc, options) => check(view(doc), options),
    codeActions: (doc, range, context, options) => actions().codeActions(view(doc), range, context, options, renderer()),
    drafts: (doc, options) => drafting().draftOffers(view(doc), options, renderer()),
    draftPeople: (doc, options) => drafting().draftPeople(view(doc), options),
    draftText: (doc, kind, to, options) => drafting().draftText(view(doc), kind, to, options, renderer()),
    resolveCodeAction: (doc, action, options) => actions().resolveCodeAction(view(doc), action, options, renderer()),
    hover: (doc, position, options) => hovers().hover(view(doc), position, options),
    inlayHints: (doc, range, options) => hints().inlayHints(view(doc), range, options),
    codeLenses: (doc, options) => lenses().codeLenses(view(doc), options),
    draftLenses: (doc, options) => drafting().draftLenses(view(doc), options),
    documentLinks: (doc) => drafting().draftLinks(view(doc)),
    markDraftSent: (doc, line, options, heading) => drafting().markSentEdits(view(doc), line, options, heading),
    agenda: (doc, options) => agendas().noteAgenda(view(doc), options),
    calendar: (doc, options) => calendars().calendarEntries(view(doc), options, renderer()),
    completion: (doc, position, options) => completions().completion(view(doc), position, options),
    documentSymbols: (doc) => symbols().documentSymbols(view(doc)),
    summarize: (doc, name, today) => summarize(view(doc), name, today),
    parsed: (doc) => view(doc).note,
    crossCheck: crossDiagnostics,
    checkConfig: (text, more) => files().checkConfig(text, more),
    checkTemplate: (source) => files().checkTemplate(source, renderer()),
    warmUp() {
      renderer().render({ origin: '(warm-up)', text: '{{#if to}}{{to}}{{/if}}{{#each interviewers}}{{name}}{{/each}}' }, drafting().sampleContext());
    },
  };
}
