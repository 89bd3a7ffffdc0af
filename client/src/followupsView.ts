/**
 * The Follow-ups view: the agenda the server answers (the same as `interview-followup
 * agenda`), one group per urgency and one item per process. Refreshed when diagnostics change,
 * when a note is edited or written while the view shows, and at midnight; its badge counts
 * what is due today (overdue included). Empty, it shows the welcome content of package.json.
 */
import * as vscode from 'vscode';
import { AgendaEntry, AgendaGroupResult, AgendaResult, Commands, Requests, Views } from '../../server/src/protocol';
import { parseIsoDay, shortDay } from '../../server/src/service/dates';
import { untilMidnight } from './midnight';
import { Server } from './server';

/** The welcome content shown (package.json `viewsWelcome`) follows this context key. */
export const AGENDA_STATE = 'interviewFollowup.agendaState';
export type AgendaState = 'loading' | 'none' | 'empty' | 'ready';

const KIND_ICONS: Record<string, string> = {
  'thank-you': 'heart',
  'check-in': 'mail',
  'let-go': 'circle-slash',
  'stop-following-up': 'debug-stop',
  'weigh-offer': 'law',
  interview: 'calendar',
  withdraw: 'sign-out',
};
/** The groups whose entries are to do today: the badge counts them. */
const DUE_GROUPS = new Set(['overdue', 'today', 'withdraw']);

type Node = { group: AgendaGroupResult } | { entry: AgendaEntry };

/** "Sun 15 Nov" from YYYY-MM-DD, as the service writes dates. */
function shortDate(iso: string): string {
  const day = parseIsoDay(iso);
  return day === undefined ? iso : shortDay(day);
}

export class FollowUpsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshed = new vscode.EventEmitter<AgendaResult | undefined>();
  /** Fires after each refresh, with what the view now shows. */
  readonly onDidRefresh = this.refreshed.event;
  readonly tree: vscode.TreeView<Node>;
  agenda: AgendaResult | undefined;
  state: AgendaState = 'loading';
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private midnight: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /**
   * Whether VS Code has read the tree's root since it was last told the tree changed. Telling it
   * again before it has read costs a second full refresh, delivered late (the extension host
   * debounces it 200 ms) and typically just after the view first shows: and while a refresh
   * re-reads the rows, an inline action clicked on one reaches its command with no element (the
   * extension host forgot them all at once, and knows them again only as it re-reads each group).
   */
  private read = false;

  constructor(private readonly server: Server, dragAndDropController?: vscode.TreeDragAndDropController<Node>) {
    this.tree = vscode.window.createTreeView(Views.followUps, { treeDataProvider: this, showCollapseAll: true, dragAndDropController });
    const soon = () => this.schedule(300);
    this.subscriptions.push(
      this.tree, this.changed, this.refreshed,
      server.onDidStart(() => this.schedule(0)),
      server.onDidScan(() => this.schedule(0)),
      // Ours are on notes and on the config file; other extensions' diagnostics do not matter.
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => /\.(?:md|markdown|ya?ml)$/i.test(u.path)) && soon()),
      // Edits that change no diagnostic (a status closed while waiting, a new contact name)
      // still change the view: followed while it shows; a hidden view catches up when shown.
      vscode.workspace.onDidChangeTextDocument((e) => e.document.languageId === 'markdown' && this.tree.visible && this.schedule(500)),
      this.tree.onDidChangeVisibility((e) => e.visible && this.schedule(0)),
    );
    this.scheduleMidnight();
    // Until the extension knows whether the workspace has notes (and the server answered).
    void this.setState('loading');
  }

  /** Refreshes after `ms`, once for a burst of events. */
  schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, ms);
  }

  /** Asks the server for the agenda (one request at a time; a refresh asked meanwhile runs after). */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.load();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async load(): Promise<void> {
    let agenda: AgendaResult | undefined;
    try {
      agenda = await this.server.request<AgendaResult>(Requests.agenda, {});
    } catch {
      return; // the server is restarting: the next event refreshes
    }
    if (!agenda && this.server.launching) return; // still 'loading': it refreshes once started
    // The same answer again (a refresh that changed nothing): no re-render under the pointer.
    const same = JSON.stringify(agenda) === JSON.stringify(this.agenda);
    const entries = agenda?.groups.reduce((n, g) => n + g.entries.length, 0) ?? 0;
    await this.setState(!agenda || agenda.notes === 0 ? 'none' : entries === 0 ? 'empty' : 'ready');
    // The agenda, the badge and the message change together, after the await: whoever sees the
    // new agenda (the tests, getChildren) sees the rest of it too.
    this.agenda = agenda;
    const due = agenda?.groups.filter((g) => DUE_GROUPS.has(g.id)).reduce((n, g) => n + g.entries.length, 0) ?? 0;
    this.tree.badge = due > 0 ? { value: due, tooltip: `${due} follow-up${due === 1 ? '' : 's'} due today or overdue` } : undefined;
    this.tree.message = agenda?.invalid.length
      ? `${agenda.invalid.length} note${agenda.invalid.length === 1 ? ' has' : 's have'} errors to fix first (Problems panel)` : undefined;
    // Nothing to tell a view that has not read the previous agenda: it reads this one when it does.
    if (!same && this.read) {
      this.read = false;
      this.changed.fire(undefined);
    }
    this.refreshed.fire(agenda);
  }

  private async setState(state: AgendaState): Promise<void> {
    this.state = state;
    await vscode.commands.executeCommand('setContext', AGENDA_STATE, state);
  }

  private scheduleMidnight(): void {
    this.midnight = setTimeout(() => {
      void this.refresh();
      this.scheduleMidnight();
    }, untilMidnight(new Date()));
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      this.read = true;
      return this.agenda?.groups.map((group) => ({ group })) ?? [];
    }
    return 'group' in node ? node.group.entries.map((entry) => ({ entry })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('group' in node) {
      const { group } = node;
      const item = new vscode.TreeItem(group.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${group.id}`;
      item.description = String(group.entries.length);
      item.contextValue = 'group';
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(e.company, vscode.TreeItemCollapsibleState.None);
    item.id = `entry:${e.uri}`;
    item.description = `${e.role} · ${e.action} · ${shortDate(e.date)}`;
    item.iconPath = new vscode.ThemeIcon(KIND_ICONS[e.kind] ?? 'circle-outline');
    item.resourceUri = vscode.Uri.parse(e.uri);
    // The inline actions (package.json menus) match on kind and on whether a finding is there.
    item.contextValue = `entry:${e.kind}:${e.rule ? 'due' : 'later'}`;
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**${escape(e.company)}**, ${escape(e.role)}\n\n`);
    tip.appendMarkdown(`${escape(e.action)}: ${escape(shortDate(e.date))} (${escape(e.when)})\n\n`);
    tip.appendText(vscode.workspace.asRelativePath(vscode.Uri.parse(e.uri)));
    item.tooltip = tip;
    item.accessibilityInformation = { label: `${e.company}, ${e.role}: ${e.action}, ${e.when}` };
    item.command = { title: 'Open the Note', command: Commands.viewOpenNote, arguments: [node] };
    return item;
  }

  /** The entries of a group, for the tests and the commands. */
  entries(group?: string): AgendaEntry[] {
    return this.agenda?.groups.filter((g) => !group || g.id === group).flatMap((g) => g.entries) ?? [];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.midnight) clearTimeout(this.midnight);
    for (const s of this.subscriptions) s.dispose();
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** The entry a view command was given: a tree node, or an entry itself (scripts, tests). */
export function entryOf(arg: unknown): AgendaEntry | undefined {
  const a = arg as { entry?: AgendaEntry } & Partial<AgendaEntry> | undefined;
  if (a?.entry) return a.entry;
  return a && typeof a.uri === 'string' && a.range ? (a as AgendaEntry) : undefined;
}
