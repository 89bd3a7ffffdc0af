/** initialize (capabilities from what the client can do), initialized (watchers, settings, the first scan), shutdown. */
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, InitializeResult, WatchKind } from 'vscode-languageserver/node';
import { packageVersion, reason } from '../../node';
import { CONFIG_FILE, SETTINGS_SECTION, SOURCE } from '../../protocol';
import { ClientFeatures, foldersOf } from '../features';
import { Server } from '../parts';
import { loadSettings } from './configuration';
import { foldersChanged } from './files';

export function registerLifecycle(server: Server): void {
  const { host, scanner } = server;
  const { connection, safe } = host;

  connection.onInitialize((params): InitializeResult => {
    host.features = ClientFeatures.from(params);
    host.setFolders(foldersOf(params));
    safe.initialized = true;
    return { capabilities: host.features.capabilities(), serverInfo: { name: SOURCE, version: packageVersion() } };
  });

  connection.onInitialized(safe.notification('initialized', async () => {
    const f = host.features;
    // Each step is guarded on its own: a client that answers a registration or the
    // configuration request with an error must still get its workspace checked.
    if (f.hasFolderEvents) {
      // The library's workspace-folders feature owns this notification once the client
      // declares the capability (it replaces any handler set with onNotification).
      connection.workspace.onDidChangeWorkspaceFolders(safe.notification('didChangeWorkspaceFolders', (e) => foldersChanged(server, e)));
    }
    if (f.canWatchDynamically) {
      const kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{md,markdown}', kind },
          { globPattern: `**/${CONFIG_FILE}`, kind },
          { globPattern: '**/*.hbs', kind },
          // Folders: a renamed or deleted folder is one event, not one per note in it.
          { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
        ],
      }).catch((err) => host.log(`interview-followup: the client refused the file watchers: ${reason(err)}`));
    }
    if (f.canRegisterConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    await safe.wrap('loading settings', undefined, () => loadSettings(host))();
    host.settingsReady();
    await scanner.scanAll();
    scanner.scheduleMidnight();
    // Idle now: load what the first code action needs (Handlebars) before anyone asks for one.
    setTimeout(safe.wrap('warm-up', undefined, () => host.service.warmUp()), 20).unref?.();
  }));

  connection.onShutdown(() => {
    host.shuttingDown = true;
    server.store.wakeAll();
    scanner.stop();
  });
}
