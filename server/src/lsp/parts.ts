/** The pieces of a running server that handler modules register over. */
import type { Checker } from './checker';
import type { DiagnosticStore } from './diagnostics/store';
import type { Host } from './host';
import type { Scanner } from './scan';

export interface Server {
  host: Host;
  store: DiagnosticStore;
  checker: Checker;
  scanner: Scanner;
}
