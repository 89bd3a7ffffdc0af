/** What Linux says about a process, from /proc: undefined elsewhere or once it is gone. */
import { readFileSync } from 'node:fs';

/** USER_HZ: the unit of /proc/<pid>/stat times; 100 on every mainstream Linux. */
const CLOCK_TICKS = 100;

/** VmHWM (peak RSS) and VmRSS, in KiB. */
export function memory(pid: number | undefined): { hwmKiB?: number; rssKiB?: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => {
      const m = new RegExp(`^${name}:\\s*(\\d+)\\s*kB`, 'm').exec(status);
      return m ? Number(m[1]) : undefined;
    };
    return { hwmKiB: field('VmHWM'), rssKiB: field('VmRSS') };
  } catch {
    return {};
  }
}

/** CPU time (user + system, all threads) used so far, in ms. */
export function cpuMs(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS; // utime, stime
  } catch {
    return undefined;
  }
}
