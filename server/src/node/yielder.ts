/** Long synchronous work (the walk, the scan's reads) that still lets a host serve requests. */
import { performance } from 'node:perf_hooks';

/** How long work may hold the event loop before it lets it run. */
const SLICE_MS = 10;

export class Yielder {
  private last = performance.now();

  /** A turn of the event loop to await once SLICE_MS have passed since the last one; else nothing to wait for. */
  due(): Promise<void> | undefined {
    if (performance.now() - this.last <= SLICE_MS) return undefined;
    return new Promise((resolve) => setImmediate(() => {
      this.last = performance.now();
      resolve();
    }));
  }
}
