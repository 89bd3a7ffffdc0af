/** Today's date for the CLI and the server: pinned by a flag or setting, the environment, or the clock. */
import { Day, localDay, parseIsoDay } from '../service/dates';
import { TODAY_ENV } from '../protocol';

export { TODAY_ENV };

/** Today: an explicit value (flag or setting), else the environment, else the local date. */
export function resolveToday(explicit: string | undefined, env: NodeJS.ProcessEnv, now: () => Date): { today?: Day; error?: string } {
  for (const [value, where] of [[explicit, '--today'], [env[TODAY_ENV], TODAY_ENV]] as const) {
    if (value === undefined || value === '') continue;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? parseIsoDay(value) : undefined;
    if (day === undefined) return { error: `${where} '${value}' is not a date (YYYY-MM-DD)` };
    return { today: day };
  }
  return { today: localDay(now()) };
}
