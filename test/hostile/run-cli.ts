/** The CLI run in-process, as the hostile tests drive it: its exit status and what it printed. */
import nodeFs, { PathLike } from 'node:fs';
import { main } from '../../server/src/cli/main';

export interface Ran {
  code: number | undefined;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env, now: () => new Date() });
  return { code, stdout, stderr };
}

/**
 * Runs `body` while opening `file` (with fs.openSync, as the CLI reads notes) first does
 * `before`: throw to refuse it, unlink it to make it vanish. What root or timing would not
 * give a test otherwise.
 */
export async function onOpen<T>(file: string, before: (p: string) => void, body: () => Promise<T>): Promise<T> {
  const original = nodeFs.openSync;
  nodeFs.openSync = ((p: PathLike, ...rest: unknown[]) => {
    if (String(p) === file) before(String(p));
    return (original as (...a: unknown[]) => number)(p, ...rest);
  }) as typeof nodeFs.openSync;
  try {
    return await body();
  } finally {
    nodeFs.openSync = original;
  }
}

/** For onOpen: the file cannot be read (root reads any file whatever its mode). */
export function permissionDenied(p: string): never {
  throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
}
