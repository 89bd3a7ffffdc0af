/**
 * A cap on V8's young generation for a run that reads every note once and keeps a little of
 * each (the CLI's summaries for the rules that read other notes, its output held in path
 * order). V8 doubles the young generation's two semi-spaces whenever enough has survived
 * since the last doubling; kept data survives, so at 10,000 notes `check` went from 8 to 16 MB
 * semi-spaces midway, 16 MB more peak memory for no time saved: with the growth stopped at
 * 8 MB, `check` peaks at 98 MB instead of 113 MB and takes no longer (measured on the bench's
 * 10,000 notes; the floor, which keeps nothing, stays at 8 MB by itself).
 *
 * `--max-semi-space-size` is read only when the heap is made; `--semi-space-growth-factor` is
 * read at each growth, so it can be set at run time: to 1 once the semi-spaces are 8 MB.
 * For the process's own runs only (the CLI, the bench's child), never a host's tests; not
 * where the user sized the young generation (NODE_OPTIONS, node's own options), and only on
 * the V8 it was measured on (Node 20's 11.3): a newer one may raise the factor back, or drop
 * the flag and print an error for it.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

const SEMI_SPACE_BYTES = 8 * 1024 * 1024;
/** How often (in calls) the young generation's size is looked at: a look costs about 2 µs. */
const EVERY = 128;

/** The user's own say on the young generation, which the cap leaves alone. */
const SIZED = /--(?:max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor|--max[-_]young/;

/** Whether the cap applies in this process. */
export function capsYoungGeneration(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '', v8 = process.versions.v8): boolean {
  return v8.startsWith('11.3.') && !execArgv.some((a) => SIZED.test(a)) && !SIZED.test(nodeOptions);
}

/** A function to call once per note read: it stops the growth once it has reached the cap. */
export function youngGenerationCap(): () => void {
  let calls = 0;
  let done = !capsYoungGeneration();
  return () => {
    if (done || ++calls % EVERY !== 1) return;
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    // Both semi-spaces at the cap (or past it, should one look come late).
    if (!young || young.space_size >= 2 * SEMI_SPACE_BYTES) {
      if (young) setFlagsFromString('--semi-space-growth-factor=1');
      done = true;
    }
  };
}
