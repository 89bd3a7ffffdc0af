/**
 * Names shared by the language server, the VS Code client and the tests: the one place each
 * is written. Plain constants and types, no imports: the pure service, the bundled client and
 * the tests can all depend on it.
 */

/** Diagnostics' `source`, the server's name, the CLI's prefix. */
export const SOURCE = 'interview-followup';

/** The settings section (`interviewFollowup.*`); also the VS Code client's id, so `trace.server` works. */
export const SETTINGS_SECTION = 'interviewFollowup';

/** The workspace configuration file. */
export const CONFIG_FILE = '.interview-followup.yaml';

/** Where a workspace's own templates live unless `templatesDir` says otherwise. */
export const DEFAULT_TEMPLATES_DIR = '.interview-followup/templates';

/** The environment variable that pins today (tests, demos). */
export const TODAY_ENV = 'INTERVIEW_FOLLOWUP_TODAY';

/** Test only, never for users: `INTERVIEW_FOLLOWUP_TEST_FAULT=codeAction` makes that handler throw. */
export const FAULT_ENV = 'INTERVIEW_FOLLOWUP_TEST_FAULT';

/** Templates a code action drafts from, by file name without `.hbs`. */
export const TEMPLATE_NAMES = [
  'thank-you-email', 'thank-you-card', 'check-in-email', 'check-in-call', 'offer-checklist',
  'offer-accept-email', 'offer-decline-email', 'offer-time-email', 'rejection-reply-email', 'withdrawal-email',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The note template of `interview-followup new` and "New Interview Note". */
export const NOTE_TEMPLATE = 'interview-note';

/** Custom requests (client -> server). */
export const Requests = {
  /** A full rescan; answers the number of markdown files found. */
  recheckAll: 'interviewFollowup/recheckAll',
  /** The agenda of every note the server knows, as `interview-followup agenda` prints it: AgendaParams -> AgendaResult. */
  agenda: 'interviewFollowup/agenda',
} as const;

/** A position range as LSP writes it, in the client's position encoding. */
export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface AgendaParams {
  /** How many days ahead count as "coming up" (the CLI's `--days`); default 7. */
  days?: number;
}

/** One open process: its next action, as one line of the CLI's agenda, and where the note says it. */
export interface AgendaEntry {
  /** The service's agenda group (`overdue`, `today`, `upcoming`, `waiting`, `let-go`). */
  group: string;
  /** What kind of action: `thank-you`, `check-in`, `let-go`, `stop-following-up`, `weigh-offer`, `interview`, `withdraw`, `waiting`. */
  kind: string;
  /** YYYY-MM-DD */
  date: string;
  action: string;
  /** "11 days overdue", "today", "in 4 days" */
  when: string;
  company: string;
  role: string;
  uri: string;
  /** The finding's range (else the date it counts from), for opening the note there. */
  range: WireRange;
  /** The rule of the finding at `range`, when the note has one: its quick fixes draft and record. */
  rule?: string;
}

export interface AgendaGroupResult {
  id: string;
  title: string;
  entries: AgendaEntry[];
}

export interface AgendaResult {
  /** YYYY-MM-DD */
  today: string;
  days: number;
  /** The groups that have entries, most urgent first, each sorted as the CLI sorts. */
  groups: AgendaGroupResult[];
  /** Interview notes seen, open or closed, valid or not. */
  notes: number;
  /** Notes left out because of errors to fix first. */
  invalid: string[];
}

/** Custom notifications (server -> client). */
export const Notifications = {
  /** A workspace scan is done: every note found has been checked and published. */
  scanDone: 'interviewFollowup/scanDone',
} as const;

export interface ScanDoneParams {
  /** Markdown files found in the workspace folders. */
  files: number;
  /** How long the scan took. */
  ms: number;
}

/**
 * The commands of a draft heading's code lenses (`## Draft: ...`) and of the draft actions.
 *
 * `open` and `copy` are the client's own: a client that registers them says so with the
 * initialization option `draftCommands: true` (the VS Code extension: `env.openExternal`, the
 * clipboard). Any other client gets lenses on the server's commands instead (`serverOpen`:
 * `window/showDocument` with `external: true` where the client supports it; no Copy lens, the
 * editor's own yank does that). `markSent` and `reveal` always run on the server
 * (`workspace/executeCommand`, advertised in `executeCommandProvider`).
 */
export const DraftCommands = {
  /** Client. Arguments: [uri: string, mailto: string, bodyInLink: boolean, body: string] (body: for the clipboard when the link had to leave it out). */
  open: 'interviewFollowup.openDraft',
  /** Client. Arguments: [text: string] */
  copy: 'interviewFollowup.copyDraft',
  /** Server. Arguments: [uri: string, mailto: string] */
  serverOpen: 'interviewFollowup.server.openDraft',
  /**
   * Server. Arguments: [uri: string, line: number, heading?: string] (the heading's 0-based line,
   * and its text: a lens computed before an edit still marks its own draft): records what was
   * sent, renames the heading `## Sent:`.
   */
  markSent: 'interviewFollowup.markDraftSent',
  /** Server. Arguments: [uri: string, line: number]: shows the draft whose heading is on `line` (window/showDocument with a selection). */
  reveal: 'interviewFollowup.revealDraft',
} as const;

/**
 * The job search report (workspace/executeCommand, no arguments): answers ReportResult, the
 * page `interview-followup report` writes and its `--format json` figures, over every note the
 * server knows.
 */
export const ReportCommand = 'interviewFollowup.report';

export interface ReportResult {
  /** One self-contained HTML page (no script; its own CSP), to show in a webview or a browser. */
  html: string;
  /** The figures, as `interview-followup report --format json` prints them (see the README). */
  json: { processes: number; left_out: string[] };
}

/**
 * The import of interview invites and saved replies (SPEC part 3, "The inbox comes in"), in any
 * LSP client. Server. Arguments: the files, each a `file:` URI, an ImportSource or the file's
 * text itself; then, optionally, ImportCommandOptions. The server answers ImportAnswer and,
 * unless `dryRun`, applies the edit through `workspace/applyEdit`: its changes carry change
 * annotations that need confirmation (the editor's preview); a client without annotation
 * support is asked first (`window/showMessageRequest`).
 */
export const InboxCommands = {
  import: 'interviewFollowup.import',
} as const;

/** One file to import: by URI, or its text (with the name it is shown by). */
export interface ImportSource {
  uri?: string;
  name?: string;
  text?: string;
}

export interface ImportCommandOptions {
  /** Answer the edit without applying it. */
  dryRun?: boolean;
  /**
   * The URI of the note the user is in: a new note goes into its workspace folder (without it:
   * the folder of the first note open in the editor, else the first folder).
   */
  activeNote?: string;
}

export interface ImportChangeWire {
  field: string;
  old?: string;
  new: string;
  /** Why the change is made, in our words. */
  why?: string;
  /** The sentence of a reply that led to it, as written. */
  sentence?: string;
  source: string;
}

export interface ImportAnswer {
  /** The WorkspaceEdit (LSP), with change annotations; null when nothing changes. */
  edit: unknown;
  applied: boolean;
  files: { uri: string; created: boolean; changes: ImportChangeWire[] }[];
  errors: { source: string; line: number; message: string }[];
  notes: { source: string; message: string }[];
}


/** The commands the server runs (its `executeCommandProvider.commands`). */
export const SERVER_COMMANDS: readonly string[] = [DraftCommands.serverOpen, DraftCommands.markSent, DraftCommands.reveal, ReportCommand, InboxCommands.import];

/** VS Code commands contributed by the extension (package.json `contributes.commands`). */
export const Commands = {
  newNote: 'interviewFollowup.newNote',
  /** "Import Invite or Reply...": a file picker, then the server's InboxCommands.import (not that id: the language client registers the server's). */
  importFiles: 'interviewFollowup.importFiles',
  recheckAll: 'interviewFollowup.recheckAll',
  showFollowUpsDue: 'interviewFollowup.showFollowUpsDue',
  /** The next-action lens: does the next action of the note (the quick fixes at the finding). */
  nextAction: 'interviewFollowup.nextAction',
  showFollowUps: 'interviewFollowup.showFollowUps',
  setSenderName: 'interviewFollowup.setSenderName',
  openWalkthrough: 'interviewFollowup.openWalkthrough',
  /** Run by VS Code after a draft from the light bulb is applied (not in the palette). */
  drafted: 'interviewFollowup.drafted',
  /** The Follow-ups view's inline actions on a process. */
  viewDraft: 'interviewFollowup.view.draft',
  viewMarkSent: 'interviewFollowup.view.markSent',
  viewOpenNote: 'interviewFollowup.view.openNote',
  /** "Show Job Search Report": the server's report in a webview beside the editor. */
  showReport: 'interviewFollowup.showReport',
} as const;

/** The Follow-ups view (package.json `contributes.views`) and the walkthrough. */
export const Views = {
  followUps: 'interviewFollowup.followUps',
  /** `<publisher>.<name>#<walkthrough id>`, as workbench.action.openWalkthrough takes it. */
  walkthrough: 'interview-followup.interview-followup#firstSteps',
} as const;
