/**
 * The state every handler shares (as yaml-language-server's handlers share one settings
 * state): the connection, what the client negotiated, the open documents, the workspace
 * folders and their configuration, and today. Handlers are registered over one Host.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Connection } from 'vscode-languageserver/node';
import { builtinTemplatesDir, ConfigResolver, NoteReader, readTextSync, Resolved, resolveToday, templateLookup, TODAY_ENV } from '../node';
import { ActionOptions, createLanguageService, Day, EditorOptions, LanguageService, PositionConverter, Search } from '../service';
import { Documents } from './documents';
import { ClientFeatures, folderIndexOf, toPath } from './features';
import { Safe } from './safe';
import { Searches } from './searches';

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface ServerOptions {
  connection?: Connection;
  /** The clock, injectable so tests can move past midnight. */
  now?: () => Date;
  /** Timers for the midnight refresh, injectable with the clock. */
  timers?: Timers;
  env?: NodeJS.ProcessEnv;
  /** Sends a notification whose params are JSON text as is (stdio); else they go through the connection. */
  notifyJson?: (method: string, paramsJson: string) => void;
}

export class Host {
  readonly now: () => Date;
  readonly timers: Timers;
  readonly env: NodeJS.ProcessEnv;
  readonly notifyJson?: (method: string, paramsJson: string) => void;
  readonly safe: Safe;
  readonly documents: Documents;
  readonly service: LanguageService = createLanguageService();
  /** Reads notes on disk only as far as their front matter goes (code actions read them whole). */
  readonly notes = new NoteReader();
  readonly builtinDir = builtinTemplatesDir();
  features = ClientFeatures.none;
  /** The workspace folders, as absolute paths; none in single-file mode. */
  folders: string[] = [];
  resolver = new ConfigResolver(process.cwd());
  /** The notes of each workspace folder, for the rules that read other notes. */
  readonly searches = new Searches((file) => this.searchFolder(file));
  /** `interviewFollowup.today` from the settings, if set. */
  settingsToday?: string;
  private pinnedToday?: { key: string; day: Day };
  shuttingDown = false;
  private markSettingsLoaded!: () => void;
  /** Settled once the settings are read after `initialized` (pulls wait for them). */
  readonly settingsLoaded = new Promise<void>((resolve) => (this.markSettingsLoaded = resolve));

  constructor(readonly connection: Connection, options: ServerOptions) {
    this.now = options.now ?? (() => new Date());
    this.timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
    this.env = options.env ?? process.env;
    this.notifyJson = options.notifyJson;
    this.safe = new Safe((message) => this.error(message), this.env);
    this.documents = new Documents(() => this.features.encoding, (message) => connection.console.warn(message));
  }

  settingsReady(): void {
    this.markSettingsLoaded();
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  error(message: string): void {
    this.connection.console.error(message);
  }

  /**
   * The workspace folders at initialize. No folder and no root: single-file mode, opened notes
   * checked each with the .interview-followup.yaml of its own folder (none above it is read).
   */
  setFolders(folders: string[]): void {
    this.folders = folders;
    this.resolver = new ConfigResolver(folders[0] ?? process.cwd(), {}, { ceilings: folders });
  }

  today(): Day {
    // Pinned by the setting or the environment: resolved once per value (the scan asks per note).
    const pinned = this.settingsToday ? `s${this.settingsToday}` : this.env[TODAY_ENV] ? `e${this.env[TODAY_ENV]}` : undefined;
    if (pinned !== undefined && this.pinnedToday?.key === pinned) return this.pinnedToday.day;
    const r = resolveToday(this.settingsToday, this.env, this.now);
    if (pinned !== undefined && r.today !== undefined) this.pinnedToday = { key: pinned, day: r.today };
    if (r.error) {
      this.log(`interview-followup: ${r.error}; using the local date`);
      return resolveToday(undefined, {}, this.now).today!;
    }
    return r.today!;
  }

  inWorkspace(file: string): boolean {
    return this.folders.some((f) => file === f || file.startsWith(f + path.sep));
  }

  /**
   * The configuration of a document. The one rule for an untitled buffer: it is configured
   * like a note at the root of the first workspace folder (the working directory without one).
   */
  configFor(uri: string): Resolved {
    const file = toPath(uri);
    return this.resolver.forFile(file ?? path.join(this.folders[0] ?? process.cwd(), 'untitled.md'));
  }

  editorOptions(uri: string): EditorOptions {
    return { today: this.today(), config: this.configFor(uri).config, ...this.searchOf(uri) };
  }

  actionOptions(uri: string): ActionOptions {
    const resolved = this.configFor(uri);
    return {
      today: this.today(), config: resolved.config, templates: templateLookup(resolved, this.builtinDir, this.features.workspaceTrusted),
      deferDrafts: this.features.deferDrafts, documentChanges: this.features.documentChanges, revealDrafts: this.features.showDocument,
      ...this.searchOf(uri),
    };
  }

  /**
   * The folder of a note's search: the folder of its `.interview-followup.yaml` (as the CLI has
   * it), else its workspace folder (the deepest holding it), else its own folder.
   */
  searchFolder(file: string): string {
    const config = this.resolver.forFile(file).file?.dir;
    if (config) return config;
    return this.workspaceFolderOf(file) ?? path.dirname(file);
  }

  /** The workspace folder holding `file` (the deepest, for nested folders). */
  workspaceFolderOf(file: string): string | undefined {
    const i = folderIndexOf(this.folders, file);
    return i < 0 ? undefined : this.folders[i];
  }

  /** The other notes of a file's search, and its name there (an untitled buffer stands alone). */
  private searchOf(uri: string): { search?: Search; name?: string } {
    const file = toPath(uri);
    if (!file) return {};
    return { search: this.searches.search(this.searches.folderOf(file)), name: this.searches.nameOf(file) };
  }

  /** The text of a document: the editor's buffer when open, else the file on disk. */
  textOf(uri: string): string | undefined {
    const doc = this.documents.get(uri);
    if (doc) return doc.getText();
    const file = toPath(uri);
    if (!file) return undefined;
    try {
      return readTextSync(file);
    } catch {
      return undefined;
    }
  }

  /** The URI the client knows a file by: its open document's, else the file URI. */
  uriFor(file: string): string {
    return this.documents.atPath(file)?.uri ?? fileUri(file);
  }

  /** Converts positions over `text` between the service's UTF-16 and the client's encoding. */
  converter(text: string): PositionConverter {
    return new PositionConverter(text, this.features.encoding);
  }

  /**
   * Asks the client to pull again after a change it cannot know of (settings, config, disk,
   * date): diagnostics for a pull client, and the lenses and inlay hints, which carry dates.
   */
  refreshClient(): void {
    const f = this.features;
    if (f.pull && f.canRefreshDiagnostics) this.connection.languages.diagnostics.refresh().catch(() => undefined);
    if (f.canRefreshLenses) this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (f.canRefreshHints) this.connection.languages.inlayHint.refresh().catch(() => undefined);
  }
}

/**
 * pathToFileURL(file).href, without its cost for the usual path (the scan publishes every note
 * twice): an absolute POSIX path of letters, digits, `_`, `-` and dots inside names is its own
 * URL path, nothing to resolve or encode. Any other goes through pathToFileURL.
 */
export function fileUri(file: string): string {
  return process.platform !== 'win32' && PLAIN_PATH.test(file) ? `file://${file}` : pathToFileURL(file).href;
}

const PLAIN_PATH = /^(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$/;
