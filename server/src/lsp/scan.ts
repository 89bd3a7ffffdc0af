/**
 * The workspace scan (walk every folder, check every note, with `$/progress`), announced by
 * the typed scan-done notification; and the midnight refresh, which re-checks everything
 * when the local date changes with no edit needed.
 */
import { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { reason, walk } from '../node';
import { Notifications, ScanDoneParams } from '../protocol';
import { Checker } from './checker';
import { Host } from './host';

/** $/progress for one piece of work; does nothing when the client cannot show progress. */
interface Progress {
  report(done: number, total: number): void;
  done(): void;
}

export class Scanner {
  private midnight: unknown;
  private markScanned!: () => void;
  /** Settled once the first scan is done (workspace pulls wait for it). */
  readonly firstScan = new Promise<void>((resolve) => (this.markScanned = resolve));

  constructor(private readonly host: Host, private readonly checker: Checker) {}

  /** Walks the folders, checks everything found, then says so. */
  async scanAll(): Promise<number> {
    const { host, checker } = this;
    const started = Date.now();
    const progress = this.startProgress('Checking interview notes');
    try {
      checker.onDisk.clear();
      for (const folder of host.folders) {
        const walked = await walk(folder);
        for (const f of walked.files) checker.onDisk.add(f);
        for (const [p, why] of walked.unreadable) host.log(`cannot read ${p}: ${why}`);
        for (const p of walked.outside) host.log(`interview-followup: skipped ${p}: it leads outside the workspace folder`);
      }
      await checker.recheckAll((done, total) => progress.report(done, total));
    } finally {
      progress.done();
      this.markScanned();
    }
    const ms = Date.now() - started;
    const files = checker.onDisk.size;
    host.log(`interview-followup: checked ${files} markdown files in ${ms} ms`);
    void host.connection.sendNotification(Notifications.scanDone, { files, ms } satisfies ScanDoneParams);
    return files;
  }

  /** Re-checks everything when the local date changes, with no edit needed. */
  scheduleMidnight(): void {
    const { host } = this;
    if (this.midnight) host.timers.clearTimeout(this.midnight);
    const n = host.now();
    const next = new Date(n.getFullYear(), n.getMonth(), n.getDate() + 1, 0, 0, 1);
    this.midnight = host.timers.setTimeout(host.safe.wrap('midnight refresh', undefined, async () => {
      if (host.today() !== this.checker.lastToday) {
        await this.checker.recheckAll();
        host.refreshClient();
      }
      this.scheduleMidnight();
    }), Math.max(1000, next.getTime() - n.getTime()));
    (this.midnight as NodeJS.Timeout | undefined)?.unref?.();
  }

  stop(): void {
    if (this.midnight) this.host.timers.clearTimeout(this.midnight);
  }

  /**
   * Work done progress for a client that can show it: the token is created with
   * window/workDoneProgress/create; begin, report and end follow once the client agreed (never
   * blocking the work on its answer). Reports are sent when the whole percentage changes.
   */
  private startProgress(title: string): Progress {
    const reporter: Promise<WorkDoneProgressServerReporter | undefined> = this.host.connection.window.createWorkDoneProgress()
      .then((r) => {
        r.begin(title, 0, undefined, false);
        return r;
      }, (err) => {
        this.host.log(`interview-followup: no progress report: ${reason(err)}`);
        return undefined;
      });
    let last = -1;
    return {
      report(done, total) {
        const percentage = total === 0 ? 100 : Math.floor((done * 100) / total);
        if (percentage === last) return;
        last = percentage;
        void reporter.then((r) => r?.report(percentage, `${done}/${total} files`));
      },
      done() {
        void reporter.then((r) => r?.done());
      },
    };
  }
}
