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
} as const;

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
 * The commands of a draft heading's code lenses (`## Draft: ...`), run by the client or sent
 * back to the server: open the draft's mailto: link, copy the draft, mark it sent.
 */
export const DraftCommands = {
  /** Arguments: [uri: string, mailto: string, bodyInLink: boolean, body: string] */
  open: 'interviewFollowup.openDraft',
  /** Arguments: [text: string] */
  copy: 'interviewFollowup.copyDraft',
  /** Arguments: [uri: string, line: number] (the heading's 0-based line) */
  markSent: 'interviewFollowup.markDraftSent',
} as const;

/** VS Code commands contributed by the extension (package.json `contributes.commands`). */
export const Commands = {
  newNote: 'interviewFollowup.newNote',
  recheckAll: 'interviewFollowup.recheckAll',
  showFollowUpsDue: 'interviewFollowup.showFollowUpsDue',
} as const;
