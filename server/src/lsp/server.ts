/**
 * The LSP adapter: keeps every interview note of the workspace checked, opened or not, and
 * answers code actions. Files, timers and settings live here; the rules live in the service.
 *
 * What it does depends on what the client declares in `initialize`:
 * - diagnostics are pulled (`textDocument/diagnostic`, `workspace/diagnostic`) by a client
 *   that declares `textDocument.diagnostic`, and pushed (`publishDiagnostics`) to any other,
 *   never both to one client;
 * - positions count UTF-8 bytes when the client offers `utf-8`, else UTF-16 code units (the
 *   service always computes UTF-16; conversion happens here, at the edge);
 * - drafts are rendered in `codeAction/resolve` for a client that resolves `edit`, else at once;
 * - the initial scan reports `$/progress` to a client that declares `window.workDoneProgress`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationToken, CodeAction, CodeActionKind, CodeLens, CompletionItem, Connection, createConnection, Diagnostic,
  DidChangeConfigurationNotification, DocumentSymbol, Hover, InlayHint,
  DidChangeWatchedFilesNotification, DocumentDiagnosticReport, FileChangeType, InitializeParams, InitializeResult,
  MessageType, PreviousResultId, ProposedFeatures, TextDocumentContentChangeEvent, TextDocuments, TextDocumentSyncKind,
  WatchKind, WorkDoneProgressServerReporter, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ActionOptions, codeLenses, completion, CONFIG_FILE, ConfigLayer, createLanguageService, Day, documentSymbols, EditorOptions,
  hover, inlayHints, LanguageService, negotiateEncoding, PositionConverter, PositionEncoding, TEMPLATE_NAMES, toLayer,
} from '../service';
import {
  builtinTemplatesDir, ConfigResolver, included, NoteReader, readTextSync, reason, resolveToday, staysWithin, templateLookup, walk,
} from '../node';
import { FAULT_ENV, Notifications, Requests, ScanDoneParams, SETTINGS_SECTION, SOURCE } from '../protocol';


export interface ServerOptions {
  connection?: Connection;
  /** The clock, injectable so tests can move past midnight. */
  now?: () => Date;
  /** Timers for the midnight refresh, injectable with the clock. */
  timers?: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void };
  env?: NodeJS.ProcessEnv;
}

/** The diagnostics last computed for a file (or an untitled URI), in the client's encoding. */
interface Published {
  uri: string;
  json: string;
  diagnostics: Diagnostic[];
  /** For pull clients: the same diagnostics always get the same id. */
  resultId: string;
}

const resultIdOf = (json: string): string => createHash('sha1').update(json).digest('hex').slice(0, 16);

/**
 * What a push client was sent: only the JSON is kept (10,000 notes' diagnostics as objects
 * held megabytes); the rest is derived on demand, should the client pull all the same.
 */
class Pushed implements Published {
  private id?: string;

  constructor(readonly uri: string, readonly json: string) {}

  get diagnostics(): Diagnostic[] {
    return JSON.parse(this.json) as Diagnostic[];
  }

  get resultId(): string {
    return (this.id ??= resultIdOf(this.json));
  }
}

const EMPTY_RESULT_ID = resultIdOf('[]');

/** A client's initialization options that the server reads. */
interface InitOptions {
  workspaceTrusted?: unknown;
  /** "push" keeps publishDiagnostics even for a client that could pull (for workspace-wide diagnostics). */
  diagnosticMode?: unknown;
  /**
   * "utf-8" or "utf-16", for a client that counts positions one way without saying so: Vim's
   * ALE counts bytes and negotiates nothing.
   */
  positionEncoding?: unknown;
}

/** $/progress for one piece of work; does nothing when the client cannot show progress. */
interface Progress {
  report(done: number, total: number): void;
  done(): void;
}

function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}


export function startServer(options: ServerOptions = {}): Connection {
  const connection = options.connection ?? createConnection(ProposedFeatures.all);
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
  const env = options.env ?? process.env;
  /** Test only: the handlers named here (by their safe() name, comma-separated) throw. */
  const faults = new Set((env[FAULT_ENV] ?? '').split(',').map((f) => f.trim()).filter(Boolean));
  /** How the client counts characters in positions; negotiated in initialize. */
  let encoding: PositionEncoding = 'utf-16';
  const converter = (text: string) => new PositionConverter(text, encoding);
  // Incremental changes come in the client's encoding; each applies to the text the previous one left.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(doc, changes, version) {
      // A change older than the text we hold (out of order, or replayed) is dropped: applied, it
      // would corrupt the buffer; the newest text wins.
      if (version < doc.version) {
        connection.console.warn(`ignored a stale change to ${doc.uri} (version ${version}; we have ${doc.version})`);
        return doc;
      }
      if (encoding === 'utf-16') return TextDocument.update(doc, changes, version);
      for (const change of changes) {
        const converted: TextDocumentContentChangeEvent = 'range' in change && change.range
          ? { ...change, range: converter(doc.getText()).rangeFromClient(change.range) } : change;
        doc = TextDocument.update(doc, [converted], version);
      }
      return doc;
    },
  });
  const service: LanguageService = createLanguageService();
  const builtinDir = builtinTemplatesDir();
  /** Reads notes on disk only as far as their front matter goes (code actions read them whole). */
  const notes = new NoteReader();

  let folders: string[] = [];
  let resolver = new ConfigResolver(process.cwd());
  let settingsToday: string | undefined;
  let canConfigure = false;
  let canWatchDynamically = false;
  /** False when the editor says the workspace is not trusted: its own templates are not loaded. */
  let workspaceTrusted = true;
  let canRegisterConfiguration = false;
  let hasFolderEvents = false;
  /** The client pulls diagnostics: nothing is ever pushed to it. */
  let pull = false;
  let canRefreshDiagnostics = false;
  let canRefreshLenses = false;
  let canRefreshHints = false;
  /** The client resolves code actions: drafts are rendered in codeAction/resolve. */
  let deferDrafts = false;
  /** The client takes versioned edits: a code action computed on version N cannot apply to N+1. */
  let documentChanges = false;
  let shuttingDown = false;
  /** Markdown files found on disk in the workspace folders (paths). */
  const onDisk = new Set<string>();
  /** What was last published (push) or is there to pull, by path (by URI for an untitled buffer). */
  const published = new Map<string, Published>();
  /** Woken whenever `published` changes: held workspace/diagnostic requests. */
  const pullWaiters = new Set<() => void>();
  let lastToday: Day | undefined;
  let midnight: unknown;
  /** Settled once settings are read and once the first scan is done (pull requests wait for them). */
  let settingsLoaded!: () => void;
  let scanned!: () => void;
  const settingsReady = new Promise<void>((resolve) => (settingsLoaded = resolve));
  const scanReady = new Promise<void>((resolve) => (scanned = resolve));

  const log = (message: string) => connection.console.log(message);

  /** Wraps a handler: an exception is logged, never fatal; the fallback is answered. */
  function safe<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>) {
    return async (...args: A): Promise<R> => {
      try {
        if (faults.has(name)) throw new Error(`fault injected by ${FAULT_ENV}`);
        return await fn(...args);
      } catch (err) {
        connection.console.error(`${name} failed: ${(err as Error)?.stack ?? err}`);
        return fallback;
      }
    };
  }

  function today(): Day {
    const r = resolveToday(settingsToday, env, now);
    if (r.error) {
      log(`interview-followup: ${r.error}; using the local date`);
      return resolveToday(undefined, {}, now).today!;
    }
    return r.today!;
  }

  function uriFor(file: string): string {
    const href = pathToFileURL(file).href;
    const open = documents.get(href);
    if (open) return open.uri;
    for (const d of documents.all()) if (toPath(d.uri) === file) return d.uri;
    return href;
  }

  /** Diagnostics computed on `text` (UTF-16 ranges) as the client counts positions. */
  function toClient(text: string, diagnostics: Diagnostic[]): Diagnostic[] {
    if (encoding === 'utf-16') return diagnostics;
    const c = converter(text);
    return diagnostics.map((d) => ({ ...d, range: c.rangeToClient(d.range) }));
  }

  /**
   * Records the diagnostics of `key` (a path, or an untitled URI) and, for a push client,
   * sends them when they changed. A pull client is told nothing here: held workspace pulls
   * wake up, and it pulls documents itself.
   */
  function deliver(key: string, uri: string, diagnostics: Diagnostic[]): void {
    const json = JSON.stringify(diagnostics);
    const prev = published.get(key);
    if (prev && prev.uri === uri && prev.json === json) return;
    if (!prev && diagnostics.length === 0) return; // the client has nothing to clear
    if (diagnostics.length === 0) published.delete(key);
    else published.set(key, pull ? { uri, json, diagnostics, resultId: resultIdOf(json) } : new Pushed(uri, json));
    if (pull) {
      for (const wake of [...pullWaiters]) wake();
      return;
    }
    if (prev && prev.uri !== uri) void connection.sendDiagnostics({ uri: prev.uri, diagnostics: [] });
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  function publish(file: string, diagnostics: Diagnostic[]): void {
    deliver(file, uriFor(file), diagnostics);
  }

  /**
   * Asks the client to pull again after a change it cannot know of (settings, config, disk,
   * date): diagnostics for a pull client, and the lenses and inlay hints, which carry dates.
   */
  function refreshPulls(): void {
    if (pull && canRefreshDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
    if (canRefreshLenses) connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (canRefreshHints) connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  function inWorkspace(file: string): boolean {
    return folders.some((f) => file === f || file.startsWith(f + path.sep));
  }

  function checkText(file: string, text: string): void {
    const resolved = resolver.forFile(file);
    const open = documents.all().some((d) => toPath(d.uri) === file);
    if (!open && (!inWorkspace(file) || !included(file, resolved))) {
      publish(file, []);
      return;
    }
    // check needs no real URI (it only names the text): the path spares a URL object per note.
    const diagnostics = service.check({ uri: file, text }, { today: today(), config: resolved.config }) ?? [];
    publish(file, toClient(text, diagnostics));
  }

  function openText(file: string): string | undefined {
    for (const d of documents.all()) if (toPath(d.uri) === file) return d.getText();
    return undefined;
  }

  async function checkFile(file: string): Promise<void> {
    const open = openText(file);
    if (open !== undefined) return checkText(file, open);
    let text: string;
    try {
      text = await notes.read(file);
    } catch (err) {
      onDisk.delete(file);
      if (openText(file) === undefined) publish(file, []);
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log(`cannot read ${file}: ${reason(err)}`);
      return;
    }
    // Opened while we were reading (editors open files right after initialized, during the
    // scan): the buffer wins, or the disk text would overwrite its diagnostics.
    checkText(file, openText(file) ?? text);
  }

  function publishConfigProblems(): void {
    const refused = resolver.refusals(workspaceTrusted);
    for (const r of refused) if (!r.config) log(`interview-followup: ${r.message}`);
    for (const cf of resolver.files()) {
      deliver(cf.path, pathToFileURL(cf.path).href, toClient(cf.text, service.checkConfig(cf.text, refused.filter((r) => r.config === cf))));
    }
  }

  function checkTemplateFile(file: string): void {
    if (!TEMPLATE_NAMES.some((n) => path.basename(file) === `${n}.hbs`)) return;
    let text = '';
    try {
      text = readTextSync(file, 256 * 1024);
    } catch {
      // deleted: clear below
    }
    publish(file, text ? toClient(text, service.checkTemplate({ origin: file, text })) : []);
  }

  /**
   * Work done progress for a client that can show it: the token is created with
   * window/workDoneProgress/create; begin, report and end follow once the client agreed (never
   * blocking the work on its answer). Reports are sent when the whole percentage changes.
   */
  function startProgress(title: string): Progress {
    const reporter: Promise<WorkDoneProgressServerReporter | undefined> = connection.window.createWorkDoneProgress()
      .then((r) => {
        r.begin(title, 0, undefined, false);
        return r;
      }, (err) => {
        log(`interview-followup: no progress report: ${reason(err)}`);
        return undefined;
      });
    let last = -1;
    return {
      report(done, total) {
        const percentage = total === 0 ? 100 : Math.floor((done * 100) / total);
        if (percentage === last) return;
        last = percentage;
        void reporter.then((r) => r?.report(percentage, `${done}/${total} files`));
      },
      done() {
        void reporter.then((r) => r?.done());
      },
    };
  }

  async function scanAll(): Promise<void> {
    const started = Date.now();
    const progress = startProgress('Checking interview notes');
    try {
      onDisk.clear();
      for (const folder of folders) {
        const walked = await walk(folder);
        for (const f of walked.files) onDisk.add(f);
        for (const [p, why] of walked.unreadable) log(`cannot read ${p}: ${why}`);
        for (const p of walked.outside) log(`interview-followup: skipped ${p}: it leads outside the workspace folder`);
      }
      await recheckAll((done, total) => progress.report(done, total));
    } finally {
      progress.done();
    }
    const ms = Date.now() - started;
    log(`interview-followup: checked ${onDisk.size} markdown files in ${ms} ms`);
    void connection.sendNotification(Notifications.scanDone, { files: onDisk.size, ms } satisfies ScanDoneParams);
  }

  async function recheckAll(onProgress?: (done: number, total: number) => void): Promise<void> {
    lastToday = today();
    const files = new Set<string>([...onDisk]);
    for (const d of documents.all()) {
      const p = toPath(d.uri);
      if (p) files.add(p);
    }
    for (const p of published.keys()) if (!files.has(p) && !p.endsWith(CONFIG_FILE)) files.add(p);
    const list = [...files];
    let next = 0;
    let done = 0;
    onProgress?.(0, list.length);
    const worker = async () => {
      while (next < list.length) {
        const f = list[next++];
        // One note that makes a check throw must not abort the scan of all the others.
        try {
          if (f.endsWith('.hbs')) checkTemplateFile(f);
          else await checkFile(f);
        } catch (err) {
          connection.console.error(`checking ${f} failed: ${(err as Error)?.stack ?? err}`);
        }
        onProgress?.(++done, list.length);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    publishConfigProblems();
  }

  async function loadSettings(): Promise<void> {
    if (!canConfigure) return;
    const [raw] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
    const layer: ConfigLayer = toLayer(raw ?? {}, (p, message) => log(`setting ${SETTINGS_SECTION}.${p.join('.')}: ${message}`));
    settingsToday = raw && typeof raw.today === 'string' && raw.today.trim() !== '' ? raw.today.trim() : undefined;
    resolver.setSettings(layer);
  }

  /** Re-checks everything when the local date changes, with no edit needed. */
  function scheduleMidnight(): void {
    if (midnight) timers.clearTimeout(midnight);
    const n = now();
    const next = new Date(n.getFullYear(), n.getMonth(), n.getDate() + 1, 0, 0, 1);
    midnight = timers.setTimeout(safe('midnight refresh', undefined, async () => {
      if (today() !== lastToday) {
        await recheckAll();
        refreshPulls();
      }
      scheduleMidnight();
    }), Math.max(1000, next.getTime() - n.getTime()));
    (midnight as NodeJS.Timeout | undefined)?.unref?.();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as InitOptions;
    canConfigure = !!caps.workspace?.configuration;
    canWatchDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    workspaceTrusted = init.workspaceTrusted !== false;
    encoding = init.positionEncoding === 'utf-8' || init.positionEncoding === 'utf-16'
      ? init.positionEncoding : negotiateEncoding(caps.general?.positionEncodings);
    pull = !!caps.textDocument?.diagnostic && init.diagnosticMode !== 'push';
    canRefreshDiagnostics = !!caps.workspace?.diagnostics?.refreshSupport;
    canRefreshLenses = !!caps.workspace?.codeLens?.refreshSupport;
    canRefreshHints = !!caps.workspace?.inlayHint?.refreshSupport;
    deferDrafts = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
    documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    // Registering without the client's consent is a protocol error (Neovim logs a warning).
    canRegisterConfiguration = canConfigure && !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    hasFolderEvents = !!caps.workspace?.workspaceFolders;
    // No folder and no root: single-file mode. Opened notes are still checked, each with the
    // .interview-followup.yaml of its own folder (none above it is read); nothing else is scanned.
    const rootUri = params.rootUri ?? (params.rootPath ? pathToFileURL(params.rootPath).href : null);
    const wf = params.workspaceFolders ?? (rootUri ? [{ uri: rootUri, name: 'root' }] : []);
    folders = wf.map((f) => toPath(f.uri)).filter((p): p is string => !!p).map((p) => path.resolve(p));
    resolver = new ConfigResolver(folders[0] ?? process.cwd(), {}, { ceilings: folders });
    return {
      capabilities: {
        positionEncoding: encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], ...(deferDrafts ? { resolveProvider: true } : {}) },
        ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: true } } : {}),
        hoverProvider: true,
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', '-'] },
        documentSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SOURCE, version: readVersion() },
    };
  });

  connection.onInitialized(safe('initialized', undefined, async () => {
    // Each step is guarded on its own: a client that answers a registration or the
    // configuration request with an error must still get its workspace checked.
    if (hasFolderEvents) {
      // The library's workspace-folders feature owns this notification once the client
      // declares the capability (it replaces any handler set with onNotification), so
      // listen through it.
      connection.workspace.onDidChangeWorkspaceFolders(safe('didChangeWorkspaceFolders', undefined, foldersChanged));
    }
    if (canWatchDynamically) {
      const kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{md,markdown}', kind },
          { globPattern: `**/${CONFIG_FILE}`, kind },
          { globPattern: '**/*.hbs', kind },
        ],
      }).catch((err) => log(`interview-followup: the client refused the file watchers: ${reason(err)}`));
    }
    if (canRegisterConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    await safe('loading settings', undefined, loadSettings)();
    settingsLoaded();
    try {
      await scanAll();
    } finally {
      scanned();
    }
    scheduleMidnight();
    // Idle now: load what the first code action needs (Handlebars) before anyone asks for one.
    setTimeout(safe('warm-up', undefined, () => service.warmUp()), 20).unref?.();
  }));

  connection.onDidChangeConfiguration(safe('didChangeConfiguration', undefined, async (change) => {
    if (canConfigure) await loadSettings();
    else {
      const raw = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION] as Record<string, unknown> | undefined;
      resolver.setSettings(toLayer(raw ?? {}, () => undefined));
      settingsToday = typeof raw?.today === 'string' && raw.today !== '' ? raw.today : undefined;
    }
    await recheckAll();
    refreshPulls();
  }));

  connection.onDidChangeWatchedFiles(safe('didChangeWatchedFiles', undefined, async ({ changes }) => {
    let configChanged = false;
    for (const change of changes) {
      const file = toPath(change.uri);
      if (!file) continue;
      if (path.basename(file) === CONFIG_FILE) {
        configChanged = true;
        if (change.type === FileChangeType.Deleted) publish(file, []);
        continue;
      }
      if (file.endsWith('.hbs')) {
        checkTemplateFile(file);
        continue;
      }
      if (!/\.(?:md|markdown)$/i.test(file) || !inWorkspace(file)) continue;
      if (file.split(path.sep).some((seg) => seg === 'node_modules' || seg === '.git')) continue;
      // A link out of the workspace counts as gone: the walk does not follow those either.
      if (change.type === FileChangeType.Deleted || !staysWithin(file, folders)) {
        onDisk.delete(file);
        if (openText(file) === undefined) publish(file, []);
        continue;
      }
      onDisk.add(file);
      await checkFile(file); // only the note that changed: no rescan
    }
    if (configChanged) {
      resolver.invalidate();
      await recheckAll();
    }
    refreshPulls();
  }));

  async function foldersChanged(event: { added: { uri: string }[]; removed: { uri: string }[] }): Promise<void> {
    const removed = new Set(event.removed.map((f) => toPath(f.uri)).filter(Boolean).map((p) => path.resolve(p!)));
    folders = folders.filter((f) => !removed.has(f));
    for (const f of event.added) {
      const p = toPath(f.uri);
      if (p && !folders.includes(path.resolve(p))) folders.push(path.resolve(p));
    }
    resolver.setCeilings(folders);
    await scanAll();
    refreshPulls();
  }

  documents.onDidChangeContent(safe('didChange', undefined, (e) => {
    const file = toPath(e.document.uri);
    if (!file) {
      checkUntitled(e.document);
      return;
    }
    checkText(file, e.document.getText());
  }));

  documents.onDidClose(safe('didClose', undefined, async (e) => {
    const file = toPath(e.document.uri);
    if (!file) {
      deliver(e.document.uri, e.document.uri, []);
      return;
    }
    // Back to what is on disk, if it is a workspace note; cleared otherwise.
    if (inWorkspace(file)) await checkFile(file);
    else publish(file, []);
  }));

  /** An untitled buffer: checked with the defaults, keyed by its URI. */
  function checkUntitled(doc: TextDocument): void {
    const text = doc.getText();
    const diagnostics = service.check({ uri: doc.uri, text }, { today: today(), config: resolver.forFile(process.cwd() + '/x.md').config }) ?? [];
    deliver(doc.uri, doc.uri, toClient(text, diagnostics));
  }

  /** The text of a document: the editor's buffer when open, else the file on disk. */
  function textOf(uri: string): string | undefined {
    const doc = documents.get(uri);
    if (doc) return doc.getText();
    const file = toPath(uri);
    if (!file) return undefined;
    try {
      return readTextSync(file);
    } catch {
      return undefined;
    }
  }

  function actionOptions(uri: string): ActionOptions {
    const file = toPath(uri);
    const resolved = resolver.forFile(file ?? path.join(folders[0] ?? process.cwd(), 'untitled.md'));
    return { today: today(), config: resolved.config, templates: templateLookup(resolved, builtinDir, workspaceTrusted), deferDrafts, documentChanges };
  }

  /** An action computed in UTF-16 on `text`, as the client counts positions. */
  function actionToClient(action: CodeAction, c: PositionConverter): CodeAction {
    if (c.identity) return action;
    const out: CodeAction = { ...action };
    if (action.diagnostics) out.diagnostics = action.diagnostics.map((d) => ({ ...d, range: c.rangeToClient(d.range) }));
    if (action.edit?.changes) {
      out.edit = { changes: Object.fromEntries(Object.entries(action.edit.changes).map(([uri, edits]) =>
        [uri, edits.map((e) => ({ ...e, range: c.rangeToClient(e.range) }))])) };
    }
    if (action.edit?.documentChanges) {
      out.edit = { documentChanges: action.edit.documentChanges.map((dc) => ('edits' in dc
        ? { ...dc, edits: dc.edits.map((e) => ({ ...e, range: c.rangeToClient(e.range) })) } : dc)) };
    }
    return out;
  }

  connection.onCodeAction(safe('codeAction', [] as CodeAction[], (params) => {
    const uri = params.textDocument.uri;
    const text = textOf(uri);
    if (text === undefined) return [];
    const c = converter(text);
    // Only well-formed context diagnostics: Neovim 0.7 sends them without `range` (its
    // user_data.lsp keeps code and data only), which made the whole request fail.
    const context = (Array.isArray(params.context?.diagnostics) ? params.context.diagnostics.filter(isRangeCarrier) : [])
      .map((d) => ({ ...d, range: c.rangeFromClient(d.range) }));
    const version = documents.get(uri)?.version ?? null;
    return service.codeActions({ uri, text, version: version ?? undefined }, c.rangeFromClient(params.range), context, actionOptions(uri)).map((a) => {
      // A deferred draft: the service's data (rule, template, UTF-16 range) plus where it is.
      if (a.data) a.data = { ...(a.data as object), uri, version };
      return actionToClient(a, c);
    });
  }));

  /** Renders the draft chosen, for a client that resolves code actions. */
  connection.onCodeActionResolve(async (action) => {
    try {
      const uri = (action.data as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string') return action;
      const text = textOf(uri);
      if (text === undefined) return { ...action, disabled: { reason: 'The note cannot be read' } };
      const resolved = service.resolveCodeAction({ uri, text, version: documents.get(uri)?.version }, action, actionOptions(uri));
      if (!resolved.edit && resolved.disabled) {
        // The menu was already shown: say why nothing happens.
        void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: `${action.title}: ${resolved.disabled.reason}` });
      }
      const c = converter(text);
      return resolved.edit && !c.identity
        ? { ...resolved, edit: actionToClient({ title: '', edit: resolved.edit }, c).edit }
        : resolved;
    } catch (err) {
      connection.console.error(`codeAction/resolve failed: ${(err as Error)?.stack ?? err}`);
      return action;
    }
  });

  // ---- pull diagnostics ----------------------------------------------------------------

  /** Fresh diagnostics for one document, recorded for workspace pulls too. */
  async function diagnose(uri: string): Promise<Diagnostic[]> {
    const file = toPath(uri);
    if (!file) {
      const doc = documents.get(uri);
      if (doc) checkUntitled(doc);
      return published.get(uri)?.diagnostics ?? [];
    }
    // Config files and templates are kept current by the watchers: what is recorded stands.
    if (path.basename(file) !== CONFIG_FILE && !file.endsWith('.hbs')) await checkFile(file);
    return published.get(file)?.diagnostics ?? [];
  }

  connection.languages.diagnostics.on(safe('textDocument/diagnostic', { kind: 'full', items: [] } as DocumentDiagnosticReport, async (params) => {
    await settingsReady;
    const diagnostics = await diagnose(params.textDocument.uri);
    const resultId = resultIdOf(JSON.stringify(diagnostics));
    return params.previousResultId === resultId ? { kind: 'unchanged', resultId } : { kind: 'full', resultId, items: diagnostics };
  }));

  /** Reports for every document with diagnostics, and for those the client holds that have none any more. */
  function workspaceReports(previous: PreviousResultId[]): { items: WorkspaceDocumentDiagnosticReport[]; news: boolean } {
    const held = new Map<string, PreviousResultId>();
    for (const p of previous) held.set(toPath(p.uri) ?? p.uri, p);
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    let news = false;
    const add = (uri: string, resultId: string, diagnostics: Diagnostic[], before: string | undefined) => {
      const version = documents.get(uri)?.version ?? null;
      if (before === resultId) items.push({ kind: 'unchanged', uri, version, resultId });
      else {
        items.push({ kind: 'full', uri, version, resultId, items: diagnostics });
        news = true;
      }
    };
    for (const [key, r] of published) {
      const p = held.get(key);
      held.delete(key);
      add(p?.uri ?? r.uri, r.resultId, r.diagnostics, p?.value);
    }
    for (const p of held.values()) add(p.uri, EMPTY_RESULT_ID, [], p.value);
    return { items, news };
  }

  /** Resolves at the next change of the diagnostics, or when the request is cancelled, or at shutdown. */
  function nextChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        pullWaiters.delete(wake);
        subscription.dispose();
        resolve();
      };
      pullWaiters.add(wake);
      const subscription = token.onCancellationRequested(wake);
    });
  }

  // Held until there is news for the client (long polling): clients re-request a workspace
  // pull as soon as one is answered.
  connection.languages.diagnostics.onWorkspace(safe('workspace/diagnostic', { items: [] } as WorkspaceDiagnosticReport, async (params, token) => {
    await scanReady;
    for (;;) {
      const { items, news } = workspaceReports(params.previousResultIds ?? []);
      if (news || token.isCancellationRequested || shuttingDown) return { items };
      await nextChange(token);
    }
  }));

  /** Today and the configuration for a document, for the editor help below. */
  function editorOptions(uri: string): EditorOptions {
    const file = toPath(uri);
    return { today: today(), config: resolver.forFile(file ?? path.join(folders[0] ?? process.cwd(), 'untitled.md')).config };
  }

  connection.onHover(safe('hover', null as Hover | null, (params) => {
    const text = textOf(params.textDocument.uri);
    if (text === undefined) return null;
    const c = converter(text);
    const h = hover(text, c.fromClient(params.position), editorOptions(params.textDocument.uri));
    return h ? { ...h, range: h.range && c.rangeToClient(h.range) } : null;
  }));

  connection.languages.inlayHint.on(safe('inlayHint', [] as InlayHint[], (params) => {
    const text = textOf(params.textDocument.uri);
    if (text === undefined) return [];
    const c = converter(text);
    return inlayHints(text, c.rangeFromClient(params.range), editorOptions(params.textDocument.uri))
      .map((h) => ({ ...h, position: c.toClient(h.position) }));
  }));

  connection.onCodeLens(safe('codeLens', [] as CodeLens[], (params) => {
    const text = textOf(params.textDocument.uri);
    if (text === undefined) return [];
    const c = converter(text);
    return codeLenses(text, editorOptions(params.textDocument.uri)).map((l) => ({ ...l, range: c.rangeToClient(l.range) }));
  }));

  connection.onCompletion(safe('completion', [] as CompletionItem[], (params) => {
    const text = textOf(params.textDocument.uri);
    if (text === undefined) return [];
    const c = converter(text);
    return completion(text, c.fromClient(params.position), editorOptions(params.textDocument.uri)).map((item) => (
      item.textEdit && 'range' in item.textEdit ? { ...item, textEdit: { ...item.textEdit, range: c.rangeToClient(item.textEdit.range) } } : item));
  }));

  connection.onDocumentSymbol(safe('documentSymbol', [] as DocumentSymbol[], (params) => {
    const text = textOf(params.textDocument.uri);
    if (text === undefined) return [];
    const c = converter(text);
    const convert = (sym: DocumentSymbol): DocumentSymbol => ({
      ...sym, range: c.rangeToClient(sym.range), selectionRange: c.rangeToClient(sym.selectionRange), children: sym.children?.map(convert),
    });
    return documentSymbols(text).map(convert);
  }));

  /** A full rescan on request (the VS Code command "Re-check All Notes"); answers the file count. */
  connection.onRequest(Requests.recheckAll, safe('recheckAll', 0, async () => {
    resolver.invalidate();
    await scanAll();
    refreshPulls();
    return onDisk.size;
  }));

  connection.onShutdown(() => {
    shuttingDown = true;
    for (const wake of [...pullWaiters]) wake();
    if (midnight) timers.clearTimeout(midnight);
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

function isPosition(p: unknown): boolean {
  const q = p as { line?: unknown; character?: unknown } | null;
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character);
}

function isRangeCarrier(d: unknown): d is Diagnostic {
  const r = (d as { range?: { start?: unknown; end?: unknown } } | null)?.range;
  return !!r && isPosition(r.start) && isPosition(r.end);
}

function readVersion(): string {
  try {
    return JSON.parse(readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}
