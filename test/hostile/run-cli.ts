/** The CLI run in-process, as the hostile tests drive it: its exit status and what it printed. */
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
