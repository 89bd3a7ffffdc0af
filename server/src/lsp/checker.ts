/**
 * Checking: a note's text (buffer or disk) to published diagnostics, and the same for the
 * config files and templates. Knows which markdown files the workspace holds.
 */
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver/node';
import { included, isFile, readTextSync, reason, Resolved } from '../node';
import { CONFIG_FILE, Day, TEMPLATE_NAMES } from '../service';
import { DiagnosticStore } from './diagnostics/store';
import { Host } from './host';

export class Checker {
  /** Markdown files found on disk in the workspace folders (paths). */
  readonly onDisk = new Set<string>();
  /** The day of the last full check: the midnight refresh re-checks when it has passed. */
  lastToday?: Day;
  /**
   * When each file was last checked (a counter): what is derived from a note (the agenda) is
   * current while its stamp is unchanged. Every change of text, configuration or day re-checks.
   */
  readonly stamps = new Map<string, number>();
  private stamp = 0;

  constructor(private readonly host: Host, private readonly store: DiagnosticStore) {}

  /** Diagnostics computed on `text` (UTF-16 ranges) as the client counts positions. */
  private toClient(text: string, diagnostics: Diagnostic[]): Diagnostic[] {
    if (this.host.features.encoding === 'utf-16') return diagnostics;
    const c = this.host.converter(text);
    return diagnostics.map((d) => ({ ...d, range: c.rangeToClient(d.range) }));
  }

  /** Whether a file is checked: an open buffer always; on disk, a workspace note its config includes. */
  checks(file: string, resolved: Resolved): boolean {
    return !!this.host.documents.atPath(file) || (this.host.inWorkspace(file) && included(file, resolved));
  }

  checkText(file: string, text: string): void {
    const { host } = this;
    this.stamps.set(file, ++this.stamp);
    const resolved = host.resolver.forFile(file);
    if (!this.checks(file, resolved)) {
      this.store.publishFile(file, []);
      return;
    }
    // check needs no real URI (it only names the text): the path spares a URL object per note.
    const diagnostics = host.service.check({ uri: file, text }, { today: host.today(), config: resolved.config }) ?? [];
    this.store.publishFile(file, this.toClient(text, diagnostics));
  }

  async checkFile(file: string): Promise<void> {
    const open = this.host.documents.atPath(file);
    if (open) return this.checkText(file, open.getText());
    let text: string;
    try {
      text = await this.host.notes.read(file);
    } catch (err) {
      this.onDisk.delete(file);
      if (!this.host.documents.atPath(file)) this.store.publishFile(file, []);
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.host.log(`cannot read ${file}: ${reason(err)}`);
      return;
    }
    // Opened while we were reading (editors open files right after initialized, during the
    // scan): the buffer wins, or the disk text would overwrite its diagnostics.
    this.checkText(file, this.host.documents.atPath(file)?.getText() ?? text);
  }

  /** An untitled buffer: keyed by its URI, configured by the host's one rule for untitled buffers. */
  checkUntitled(doc: TextDocument): void {
    const text = doc.getText();
    const options = this.host.editorOptions(doc.uri);
    this.store.deliver(doc.uri, doc.uri, this.toClient(text, this.host.service.check({ uri: doc.uri, text }, options) ?? []));
  }

  /** A file gone from disk: no diagnostics, whatever buffer an editor may still hold of it. */
  forget(file: string): void {
    this.onDisk.delete(file);
    this.stamps.delete(file);
    this.store.publishFile(file, []);
  }

  checkConfigFiles(): void {
    for (const cf of this.host.resolver.files()) {
      this.store.deliver(cf.path, this.host.uriFor(cf.path), this.toClient(cf.text, this.host.service.checkConfig(cf.text)));
    }
  }

  checkTemplateFile(file: string): void {
    if (!TEMPLATE_NAMES.some((n) => path.basename(file) === `${n}.hbs`)) return;
    let text = '';
    try {
      text = readTextSync(file, 256 * 1024);
    } catch {
      // deleted: clear below
    }
    this.store.publishFile(file, text ? this.toClient(text, this.host.service.checkTemplate({ origin: file, text })) : []);
  }

  /**
   * Re-checks every note known (on disk, open, or with diagnostics out), the untitled buffers
   * and the config files; a file that no longer exists loses its diagnostics.
   */
  async recheckAll(onProgress?: (done: number, total: number) => void): Promise<void> {
    const { host } = this;
    this.lastToday = host.today();
    const files = new Set<string>(this.onDisk);
    for (const p of host.documents.paths()) files.add(p);
    for (const key of this.store.keys()) {
      // Untitled buffers are keyed by URI, not path: they are checked below, as buffers.
      if (path.isAbsolute(key) && path.basename(key) !== CONFIG_FILE) files.add(key);
    }
    const list = [...files];
    let next = 0;
    let done = 0;
    onProgress?.(0, list.length);
    const worker = async () => {
      while (next < list.length) {
        const f = list[next++];
        // One note that makes a check throw must not abort the scan of all the others.
        try {
          if (f.endsWith('.hbs')) this.checkTemplateFile(f);
          else if (!this.onDisk.has(f) && !isFile(f)) this.forget(f);
          else await this.checkFile(f);
        } catch (err) {
          host.error(`checking ${f} failed: ${(err as Error)?.stack ?? err}`);
        }
        onProgress?.(++done, list.length);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    for (const doc of host.documents.untitled()) this.checkUntitled(doc);
    this.checkConfigFiles();
  }
}
