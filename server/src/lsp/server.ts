/**
 * The LSP adapter: keeps every interview note of the workspace checked, opened or not, and
 * answers code actions. Files, timers and settings live here; the rules live in the service.
 */
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction, CodeActionKind, Connection, createConnection, Diagnostic, DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification, FileChangeType, InitializeParams, InitializeResult, ProposedFeatures,
  TextDocuments, TextDocumentSyncKind, WatchKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CONFIG_FILE, ConfigLayer, createLanguageService, Day, LanguageService, TEMPLATE_NAMES, toLayer,
} from '../service';
import {
  builtinTemplatesDir, ConfigResolver, decode, included, reason, resolveToday, templateLookup, walk,
} from '../node/workspace';

export const SETTINGS_SECTION = 'interviewFollowup';

export interface ServerOptions {
  connection?: Connection;
  /** The clock, injectable so tests can move past midnight. */
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
}

interface Published {
  uri: string;
  json: string;
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
  const env = options.env ?? process.env;
  const documents = new TextDocuments(TextDocument);
  const service: LanguageService = createLanguageService();
  const builtinDir = builtinTemplatesDir();

  let folders: string[] = [];
  let resolver = new ConfigResolver(process.cwd());
  let settingsToday: string | undefined;
  let canConfigure = false;
  let canWatchDynamically = false;
  /** False when the editor says the workspace is not trusted: its own templates are not loaded. */
  let workspaceTrusted = true;
  let canRegisterConfiguration = false;
  let hasFolderEvents = false;
  /** Markdown files found on disk in the workspace folders (paths). */
  const onDisk = new Set<string>();
  /** What was last published, by path: publish only what changed. */
  const published = new Map<string, Published>();
  let lastToday: Day | undefined;
  let midnight: NodeJS.Timeout | undefined;

  const log = (message: string) => connection.console.log(message);

  /** Wraps a handler: an exception is logged, never fatal; the fallback is answered. */
  function safe<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>) {
    return async (...args: A): Promise<R> => {
      try {
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

  function publish(file: string, diagnostics: Diagnostic[]): void {
    const uri = uriFor(file);
    const json = JSON.stringify(diagnostics);
    const prev = published.get(file);
    if (prev && prev.uri === uri && prev.json === json) return;
    if (prev && prev.uri !== uri) void connection.sendDiagnostics({ uri: prev.uri, diagnostics: [] });
    if (!prev && diagnostics.length === 0) return; // the client has nothing to clear
    if (diagnostics.length === 0) published.delete(file);
    else published.set(file, { uri, json });
    void connection.sendDiagnostics({ uri, diagnostics });
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
    const diagnostics = service.check({ uri: pathToFileURL(file).href, text }, { today: today(), config: resolved.config }) ?? [];
    publish(file, diagnostics);
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
      text = decode(await fsp.readFile(file));
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
    for (const cf of resolver.files()) {
      const diagnostics = service.checkConfig(cf.text);
      const uri = pathToFileURL(cf.path).href;
      const json = JSON.stringify(diagnostics);
      const prev = published.get(cf.path);
      if (prev?.json === json || (!prev && diagnostics.length === 0)) continue;
      published.set(cf.path, { uri, json });
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  function checkTemplateFile(file: string): void {
    if (!TEMPLATE_NAMES.some((n) => path.basename(file) === `${n}.hbs`)) return;
    let text = '';
    try {
      text = decode(readFileSync(file));
    } catch {
      // deleted: clear below
    }
    publish(file, text ? service.checkTemplate({ origin: file, text }) : []);
  }

  async function scanAll(): Promise<void> {
    const started = Date.now();
    onDisk.clear();
    for (const folder of folders) {
      const walked = await walk(folder);
      for (const f of walked.files) onDisk.add(f);
      for (const [p, why] of walked.unreadable) log(`cannot read ${p}: ${why}`);
    }
    await recheckAll();
    log(`interview-followup: checked ${onDisk.size} markdown files in ${Date.now() - started} ms`);
  }

  async function recheckAll(): Promise<void> {
    lastToday = today();
    const files = new Set<string>([...onDisk]);
    for (const d of documents.all()) {
      const p = toPath(d.uri);
      if (p) files.add(p);
    }
    for (const p of published.keys()) if (!files.has(p) && !p.endsWith(CONFIG_FILE)) files.add(p);
    const list = [...files];
    let next = 0;
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
    if (midnight) clearTimeout(midnight);
    const n = now();
    const next = new Date(n.getFullYear(), n.getMonth(), n.getDate() + 1, 0, 0, 1);
    midnight = setTimeout(safe('midnight refresh', undefined, async () => {
      if (today() !== lastToday) await recheckAll();
      scheduleMidnight();
    }), Math.max(1000, next.getTime() - n.getTime()));
    midnight.unref?.();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canConfigure = !!caps.workspace?.configuration;
    canWatchDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    workspaceTrusted = (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
    // Registering without the client's consent is a protocol error (Neovim logs a warning).
    canRegisterConfiguration = canConfigure && !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    hasFolderEvents = !!caps.workspace?.workspaceFolders;
    const wf = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    folders = wf.map((f) => toPath(f.uri)).filter((p): p is string => !!p).map((p) => path.resolve(p));
    resolver = new ConfigResolver(folders[0] ?? process.cwd());
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'interview-followup', version: readVersion() },
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
    await scanAll();
    scheduleMidnight();
  }));

  connection.onDidChangeConfiguration(safe('didChangeConfiguration', undefined, async (change) => {
    if (canConfigure) await loadSettings();
    else {
      const raw = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION] as Record<string, unknown> | undefined;
      resolver.setSettings(toLayer(raw ?? {}, () => undefined));
      settingsToday = typeof raw?.today === 'string' && raw.today !== '' ? raw.today : undefined;
    }
    await recheckAll();
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
      if (change.type === FileChangeType.Deleted) {
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
  }));

  async function foldersChanged(event: { added: { uri: string }[]; removed: { uri: string }[] }): Promise<void> {
    const removed = new Set(event.removed.map((f) => toPath(f.uri)).filter(Boolean).map((p) => path.resolve(p!)));
    folders = folders.filter((f) => !removed.has(f));
    for (const f of event.added) {
      const p = toPath(f.uri);
      if (p && !folders.includes(path.resolve(p))) folders.push(path.resolve(p));
    }
    await scanAll();
  }

  documents.onDidChangeContent(safe('didChange', undefined, (e) => {
    const file = toPath(e.document.uri);
    if (!file) {
      // An untitled buffer: check it with the defaults, keyed by its URI.
      const diagnostics = service.check({ uri: e.document.uri, text: e.document.getText() }, { today: today(), config: resolver.forFile(process.cwd() + '/x.md').config }) ?? [];
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics });
      return;
    }
    checkText(file, e.document.getText());
  }));

  documents.onDidClose(safe('didClose', undefined, async (e) => {
    const file = toPath(e.document.uri);
    if (!file) {
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
      return;
    }
    // Back to what is on disk, if it is a workspace note; cleared otherwise.
    if (inWorkspace(file)) await checkFile(file);
    else publish(file, []);
  }));

  connection.onCodeAction(safe('codeAction', [] as CodeAction[], (params) => {
    const doc = documents.get(params.textDocument.uri);
    const file = toPath(params.textDocument.uri);
    let text = doc?.getText();
    if (text === undefined && file) {
      try {
        text = decode(readFileSync(file));
      } catch {
        return [];
      }
    }
    if (text === undefined) return [];
    const resolved = resolver.forFile(file ?? path.join(folders[0] ?? process.cwd(), 'untitled.md'));
    // Only well-formed context diagnostics: Neovim 0.7 sends them without `range` (its
    // user_data.lsp keeps code and data only), which made the whole request fail.
    const context = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics.filter(isRangeCarrier) : [];
    return service.codeActions({ uri: params.textDocument.uri, text }, params.range, context, {
      today: today(),
      config: resolved.config,
      templates: templateLookup(resolved, builtinDir, workspaceTrusted),
    });
  }));

  /** A full rescan on request (the VS Code command "Re-check All Notes"); answers the file count. */
  connection.onRequest('interviewFollowup/recheckAll', safe('recheckAll', 0, async () => {
    resolver.invalidate();
    await scanAll();
    return onDisk.size;
  }));

  connection.onShutdown(() => {
    if (midnight) clearTimeout(midnight);
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
