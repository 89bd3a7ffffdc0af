/** Editor settings (`interviewFollowup.*`), layered over `.interview-followup.yaml`. */
import { toLayer } from '../../service';
import { SETTINGS_SECTION } from '../../protocol';
import { Host } from '../host';
import { Server } from '../parts';

/** Reads the settings from a client that serves workspace/configuration. */
export async function loadSettings(host: Host): Promise<void> {
  if (!host.features.canConfigure) return;
  const [raw] = await host.connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
  host.resolver.setSettings(toLayer(raw ?? {}, (p, message) => host.log(`setting ${SETTINGS_SECTION}.${p.join('.')}: ${message}`)));
  host.settingsToday = raw && typeof raw.today === 'string' && raw.today.trim() !== '' ? raw.today.trim() : undefined;
}

export function registerConfiguration(server: Server): void {
  const { host, checker } = server;
  host.connection.onDidChangeConfiguration(host.safe.notification('didChangeConfiguration', async (change) => {
    if (host.features.canConfigure) await loadSettings(host);
    else {
      // A client without workspace/configuration sends the settings along.
      const raw = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION] as Record<string, unknown> | undefined;
      host.resolver.setSettings(toLayer(raw ?? {}, () => undefined));
      host.settingsToday = typeof raw?.today === 'string' && raw.today !== '' ? raw.today : undefined;
    }
    await checker.recheckAll();
    host.refreshClient();
  }));
}
