/** Custom requests: "Re-check All Notes" (the VS Code command), a full rescan answering the file count. */
import { Requests } from '../../protocol';
import { Server } from '../parts';

export function registerCommands({ host, scanner }: Server): void {
  host.connection.onRequest(Requests.recheckAll, host.safe.request('recheckAll', 0, async () => {
    host.resolver.invalidate();
    const files = await scanner.scanAll();
    host.refreshClient();
    return files;
  }));
}
