/**
 * What the client can do, read once from `initialize`: a value object, never mutated, that
 * every handler consults. Pure, unit-tested (test/unit/features.test.ts).
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeActionKind, InitializeParams, ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { SERVER_COMMANDS } from '../protocol';
import { negotiateEncoding, PositionEncoding } from '../service';

/** A client's initialization options that the server reads. */
interface InitOptions {
  workspaceTrusted?: unknown;
  /** "push" keeps publishDiagnostics even for a client that could pull (for workspace-wide diagnostics). */
  diagnosticMode?: unknown;
  /** "utf-8" or "utf-16", for a client that counts one way without saying so (Vim's ALE counts bytes). */
  positionEncoding?: unknown;
  /** A command of the client's own that the next-action lens runs (VS Code's extension has one). */
  nextActionCommand?: unknown;
  /** true: the client runs DraftCommands.open and .copy itself (the VS Code extension). */
  draftCommands?: unknown;
}

export class ClientFeatures {
  private constructor(
    /** How the client counts characters in positions. */
    readonly encoding: PositionEncoding,
    /** The client pulls diagnostics: nothing is ever pushed to it. */
    readonly pull: boolean,
    readonly canConfigure: boolean,
    readonly canWatchDynamically: boolean,
    /** False when the editor says the workspace is not trusted: its own templates are not loaded. */
    readonly workspaceTrusted: boolean,
    readonly canRegisterConfiguration: boolean,
    readonly hasFolderEvents: boolean,
    readonly canRefreshDiagnostics: boolean,
    readonly canRefreshLenses: boolean,
    readonly canRefreshHints: boolean,
    /** The client resolves code actions: drafts are rendered in codeAction/resolve. */
    readonly deferDrafts: boolean,
    /** The client takes versioned edits: a code action computed on version N cannot apply to N+1. */
    readonly documentChanges: boolean,
    /** The client's command for the next-action lens; undefined: the lens is a label. */
    readonly lensCommand: string | undefined,
    /** The client runs the draft lenses' Open and Copy (DraftCommands.open, .copy) itself. */
    readonly draftCommands: boolean,
    /** The client opens what `window/showDocument` names (the mail app for a `mailto:`, a note at a selection). */
    readonly showDocument: boolean,
    /** The client shows change annotations that need confirmation (a preview of the edit). */
    readonly changeAnnotations: boolean = false,
    /** The client creates files by an edit (`documentChanges` and the `create` resource operation). */
    readonly createFiles: boolean = false,
  ) {}

  /** Before initialize: nothing negotiated. */
  static readonly none = new ClientFeatures('utf-16', false, false, false, true, false, false, false, false, false, false, false, undefined, false, false);

  static from(params: InitializeParams): ClientFeatures {
    const caps = params.capabilities ?? {};
    const init = (params.initializationOptions ?? {}) as InitOptions;
    const canConfigure = !!caps.workspace?.configuration;
    return new ClientFeatures(
      init.positionEncoding === 'utf-8' || init.positionEncoding === 'utf-16' ? init.positionEncoding : negotiateEncoding(caps.general?.positionEncodings),
      !!caps.textDocument?.diagnostic && init.diagnosticMode !== 'push',
      canConfigure,
      !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      init.workspaceTrusted !== false,
      // Registering without the client's consent is a protocol error (Neovim logs a warning).
      canConfigure && !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
      !!caps.workspace?.workspaceFolders,
      !!caps.workspace?.diagnostics?.refreshSupport,
      !!caps.workspace?.codeLens?.refreshSupport,
      !!caps.workspace?.inlayHint?.refreshSupport,
      !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit'),
      !!caps.workspace?.workspaceEdit?.documentChanges,
      typeof init.nextActionCommand === 'string' && init.nextActionCommand !== '' ? init.nextActionCommand : undefined,
      init.draftCommands === true,
      !!caps.window?.showDocument?.support,
      !!caps.workspace?.workspaceEdit?.changeAnnotationSupport,
      !!caps.workspace?.workspaceEdit?.documentChanges && !!caps.workspace.workspaceEdit.resourceOperations?.includes('create'),
    );
  }

  capabilities(): ServerCapabilities {
    return {
      positionEncoding: this.encoding,
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite], ...(this.deferDrafts ? { resolveProvider: true } : {}) },
      // withdraw-others and weigh-offer read the other notes of the search.
      ...(this.pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      hoverProvider: true,
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
      documentLinkProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [...SERVER_COMMANDS] },
      completionProvider: { triggerCharacters: [' ', '-'] },
      documentSymbolProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
  }
}

/** A file path for a `file:` URI; undefined for any other (untitled buffers) or a malformed one. */
export function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The workspace folders of `initialize` as paths. No folder and no root: single-file mode
 * (opened notes are still checked; nothing is scanned).
 */
export function foldersOf(params: InitializeParams): string[] {
  const rootUri = params.rootUri ?? (params.rootPath ? pathToFileURL(params.rootPath).href : null);
  const wf = params.workspaceFolders ?? (rootUri ? [{ uri: rootUri, name: 'root' }] : []);
  return wf.map((f) => toPath(f.uri)).filter((p): p is string => !!p).map((p) => path.resolve(p));
}

/** Which of the workspace folders holds `file`: the index of the deepest (nested folders), or -1. */
export function folderIndexOf(folders: readonly string[], file: string): number {
  let best = -1;
  folders.forEach((f, i) => {
    if (file.startsWith(f + path.sep) && (best < 0 || f.length > folders[best].length)) best = i;
  });
  return best;
}
