/**
 * Checking: a note's text (buffer or disk) to published diagnostics, and the same for the
 * config files and templates. Knows which markdown files the workspace holds.
 */
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver/node';
import { included, isFile, readWorkspaceTemplate, reason, Resolved, Yielder } from '../node';
import { CONFIG_FILE, Day, TEMPLATE_NAMES } from '../service';
import { mergeJson, toJson } from './diagnostics/json';
import { DiagnosticStore } from './diagnostics/store';
import { Host } from './host';

export class Checker {
  /** Markdown files found on disk in the workspace folders (paths). */
  readonly onDisk = new Set<string>();
  /** The day of the last full check: the midnight refresh re-checks when it has passed. */
  lastToday?: Day;
  /**
   * During a full check: each note is published as it is checked, with the notes summarized so
   * far; once all are, every note is published again (only those whose findings across notes
   * changed are sent). Dependents are not listed one change at a time meanwhile.
   */
  private holding = false;
  /** Notes held back during a full check (see publish): published at its end, whether or not the check listed them. */
  private readonly waiting = new Set<string>();
  /**
   * When each note was last checked or re-published (a counter): what is derived from a note
   * (the agenda) is current while its stamp is unchanged. Every change of its text, of a note
   * it depends on, of the configuration or of the day changes it.
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
      this.drop(file);
      return;
    }
    // check needs no real URI (it only names the text): the path spares a URL object per note.
    const doc = { uri: file, text };
    const today = host.today();
    const local = host.service.check(doc, { today, config: resolved.config, deferCross: true });
    const searches = host.searches;
    if (!local) {
      this.drop(file);
      return;
    }
    let summary = host.service.summarize(doc, searches.nameOf(file), today);
    if (summary && host.features.encoding !== 'utf-16') summary = { ...summary, anchorRange: host.converter(text).rangeToClient(summary.anchorRange) };
    const dependents = searches.set(file, { folder: searches.folderOf(file), local: toJson(this.toClient(text, local)), summary, config: resolved.config }, !this.holding);
    this.publish(file);
    this.republish(dependents);
  }

  /**
   * The notes whose cross-note findings changed with another: republished a slice at a time, so
   * thousands of them (an offer accepted in a large workspace) neither hold requests up nor
   * pile up unsent in memory.
   */
  private republish(files: string[]): void {
    if (files.length === 0) return;
    void (async () => {
      const yielder = new Yielder();
      for (const f of files) {
        await yielder.due();
        this.publish(f);
      }
    })().catch((err) => this.host.error(`republishing failed: ${(err as Error)?.stack ?? err}`));
  }

  /**
   * Publishes a note's own diagnostics with those that read the other notes of its search, by
   * position. During a full check, a note with findings across notes waits for the end, when
   * every note is summarized: an offer published early would say "weigh it against 3 open
   * processes", then "against 8,000".
   */
  private publish(file: string): void {
    this.stamps.set(file, ++this.stamp);
    const e = this.host.searches.get(file);
    if (!e) return;
    const cross = e.summary ? this.host.service.crossCheck(e.summary, this.host.searches.search(e.folder), { config: e.config, today: this.host.today() }) : [];
    if (this.holding && cross.length > 0) {
      this.waiting.add(file);
      return;
    }
    this.store.publishFileJson(file, mergeJson(e.local, cross));
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
    this.drop(file);
  }

  /** No diagnostics for a file (not a note, or not included), and no place in its search. */
  private drop(file: string): void {
    this.stamps.delete(file);
    this.store.publishFile(file, []);
    const dependents = this.host.searches.delete(file);
    if (!this.holding) this.republish(dependents);
  }

  /** The config files' problems, and the workspace templates refused (on the config that names them, else in the log). */
  checkConfigFiles(): void {
    const refused = this.host.resolver.refusals(this.host.features.workspaceTrusted);
    for (const r of refused) if (!r.config) this.host.log(`interview-followup: ${r.message}`);
    for (const cf of this.host.resolver.files()) {
      const problems = this.host.service.checkConfig(cf.text, refused.filter((r) => r.config === cf));
      this.store.deliver(cf.path, this.host.uriFor(cf.path), this.toClient(cf.text, problems));
    }
  }

  checkTemplateFile(file: string): void {
    if (!TEMPLATE_NAMES.some((n) => path.basename(file) === `${n}.hbs`)) return;
    let text = '';
    try {
      // Only a template the drafts could use: a regular file inside the workspace, not too big.
      text = readWorkspaceTemplate(file, this.host.resolver.forFile(file).scope).source?.text ?? '';
    } catch {
      // deleted or refused: clear below
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
    for (const p of host.searches.paths()) files.add(p);
    for (const key of this.store.keys()) {
      // Untitled buffers are keyed by URI, not path: they are checked below, as buffers.
      if (path.isAbsolute(key) && path.basename(key) !== CONFIG_FILE) files.add(key);
    }
    const list = [...files];
    this.holding = true;
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
    try {
      await Promise.all(Array.from({ length: 16 }, worker));
    } finally {
      this.holding = false;
      host.searches.invalidate();
    }
    // Every note is summarized: publish again, a slice at a time; only what changed is sent.
    const yielder = new Yielder();
    const held = [...this.waiting];
    this.waiting.clear();
    for (const f of new Set([...list, ...held])) {
      await yielder.due();
      this.publish(f);
    }
    for (const doc of host.documents.untitled()) this.checkUntitled(doc);
    this.checkConfigFiles();
  }
}
