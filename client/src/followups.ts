/**
 * What counts as "a follow-up due": a `thank-you-due` or `check-in-due` finding of ours,
 * whatever severity the user gave the rule (a rule turned off gives none). Both mean an
 * email to send today: the thank-you right after the interview, the check-in on or after
 * its due date ("due today" or "N days overdue").
 */
import * as vscode from 'vscode';
import { SOURCE } from '../../server/src/protocol';

export const DUE_RULES: readonly string[] = ['thank-you-due', 'check-in-due'];

export interface DueFollowUp {
  uri: vscode.Uri;
  diagnostic: vscode.Diagnostic;
  rule: string;
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

/** Every due follow-up the editor knows of, sorted by file then line. */
export function dueFollowUps(all: readonly [vscode.Uri, readonly vscode.Diagnostic[]][] = vscode.languages.getDiagnostics()): DueFollowUp[] {
  const out: DueFollowUp[] = [];
  for (const [uri, diagnostics] of all) {
    for (const d of diagnostics) {
      const rule = ruleOf(d);
      if (d.source === SOURCE && rule && DUE_RULES.includes(rule)) out.push({ uri, diagnostic: d, rule });
    }
  }
  return out.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()) || a.diagnostic.range.start.line - b.diagnostic.range.start.line);
}

export function statusText(count: number): string {
  if (count === 0) return '$(check) No follow-ups due';
  return `$(mail) ${count} follow-up${count === 1 ? '' : 's'} due`;
}

/** The status-bar item: the count of follow-ups due today; a click shows them. */
export class DueStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<number>();
  /** Fires with the new count after the status bar was updated. */
  readonly onDidUpdate = this.changed.event;
  count = 0;
  /**
   * Shown even when nothing is due: in a job-search workspace (one with
   * `.interview-followup.yaml`). Elsewhere (any markdown project) only while something is due.
   */
  private alwaysShow = false;

  constructor(command: string) {
    this.item = vscode.window.createStatusBarItem('interviewFollowup.due', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Interview Follow-up: follow-ups due';
    this.item.command = command;
    this.update();
    // Diagnostics arrive in bursts (one notification per note): count once per burst.
    this.subscription = vscode.languages.onDidChangeDiagnostics(() => {
      if (this.timer) return;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.update();
      }, 50);
    });
  }

  setAlwaysShow(on: boolean): void {
    this.alwaysShow = on;
    this.update();
  }

  update(): void {
    const due = dueFollowUps();
    this.count = due.length;
    if (due.length > 0 || this.alwaysShow) this.item.show();
    else this.item.hide();
    this.item.text = statusText(due.length);
    const tip = new vscode.MarkdownString(undefined, true);
    if (due.length === 0) tip.appendText('Interview Follow-up: no thank-you note or check-in is due today.');
    else {
      tip.appendMarkdown(`**Interview Follow-up**: ${due.length === 1 ? 'one email' : `${due.length} emails`} to send\n\n`);
      for (const f of due.slice(0, 8)) tip.appendMarkdown(`- ${escape(vscode.workspace.asRelativePath(f.uri))}: ${escape(f.diagnostic.message)}\n`);
      if (due.length > 8) tip.appendMarkdown(`- and ${due.length - 8} more\n`);
      tip.appendMarkdown('\nClick to show them.');
    }
    this.item.tooltip = tip;
    this.item.backgroundColor = due.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.changed.fire(due.length);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
    this.item.dispose();
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
