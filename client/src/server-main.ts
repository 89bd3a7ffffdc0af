/** The language server as the extension runs it: bundled into dist/server.js, over Node IPC. */
import { startServer } from '../../server/src/lsp/main';

startServer();
