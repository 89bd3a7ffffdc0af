/**
 * The walkthrough's steps complete on what really happened, through context keys
 * (package.json `completionEvents: onContext:...`): a sender name is known (setting or config
 * file), the workspace has an interview note, a thank-you draft was inserted. And "Set Your
 * Name", which writes `sender.name` where the CLI reads it too when it can.
 *
 * The keys are set only once the walkthrough can hear them: VS Code (1.100) never completes a
 * step whose context is already true when it registers the walkthrough, and it registers
 * extensions' walkthroughs when its Welcome service first starts, which is when the Welcome
 * page or a walkthrough first opens. So the keys stay unset until one of those pages is open;
 * then every step already done completes at once, and the others as they happen.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE, SETTINGS_SECTION } from '../../server/src/protocol';
import { FollowUpsView } from './followupsView';
import { loadRenderer } from './newNote';

export const CONTEXT = {
  senderSet: 'interviewFollowup.senderSet',
  hasNotes: 'interviewFollowup.hasNotes',
  draftedThankYou: 'interviewFollowup.draftedThankYou',
} as const;

const setContext = (key: string, value: boolean) => vscode.commands.executeCommand('setContext', key, value);

/** The workspace's config file: the one nearest a folder root. */
async function configFile(): Promise<vscode.Uri | undefined> {
  const found = await vscode.workspace.findFiles(`**/${CONFIG_FILE}`, '**/{node_modules,.git}/**', 20);
  return found.sort((a, b) => a.path.split('/').length - b.path.split('/').length)[0];
}

/**
 * The walkthrough's own page ("Walkthrough: Interview Follow-up", our display name is not
 * translated) or the Welcome page: editors the extension API has no input type for.
 */
const isWelcomePage = (tab: vscode.Tab) => tab.input === undefined && (tab.label.includes('Interview Follow-up') || tab.label === 'Welcome');

export class Walkthrough implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  senderName: string | undefined;
  hasNotes = false;
  draftedThankYou = false;
  /** Whether the context keys are being set (see above). */
  armed = false;

  constructor(private readonly extensionUri: vscode.Uri, view: FollowUpsView) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    const recheck = () => void this.checkSender();
    this.subscriptions.push(
      watcher, watcher.onDidCreate(recheck), watcher.onDidChange(recheck), watcher.onDidDelete(recheck),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${SETTINGS_SECTION}.sender`) && recheck()),
      view.onDidRefresh((agenda) => this.setHasNotes((agenda?.notes ?? 0) > 0)),
      vscode.window.tabGroups.onDidChangeTabs((e) => e.opened.some(isWelcomePage) && this.arm()),
    );
    if (vscode.window.tabGroups.all.some((g) => g.tabs.some(isWelcomePage))) this.arm();
    // Off the activation path: the config file is read with the renderer's YAML.
    setTimeout(recheck, 0);
  }

  /** From now on the keys follow the state; the steps already done complete now. */
  arm(): void {
    if (this.armed) return;
    this.armed = true;
    void this.publish();
  }

  private async publish(): Promise<void> {
    if (!this.armed) return;
    await setContext(CONTEXT.senderSet, !!this.senderName);
    await setContext(CONTEXT.hasNotes, this.hasNotes);
    await setContext(CONTEXT.draftedThankYou, this.draftedThankYou);
  }

  setHasNotes(on: boolean): void {
    if (on === this.hasNotes) return;
    this.hasNotes = on;
    void this.publish();
  }

  /** A draft was inserted (the light bulb's, or the view's): the thank-you completes the last step. */
  drafted(template: unknown): void {
    if (template !== 'thank-you-email' || this.draftedThankYou) return;
    this.draftedThankYou = true;
    void this.publish();
  }

  /** The sender name in effect for the workspace root: the setting, else the config file's. */
  async checkSender(): Promise<string | undefined> {
    let name = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('sender.name')?.trim() || undefined;
    const file = name ? undefined : await configFile();
    if (file) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
        name = loadRenderer(this.extensionUri).senderNameIn(text);
      } catch {
        // unreadable or malformed: the server reports it on the file
      }
    }
    this.senderName = name;
    await this.publish();
    return name;
  }

  /**
   * Asks for the name and writes it where it takes effect: the setting when one is set (it
   * overrides the file), else the workspace's `.interview-followup.yaml` (read by the CLI as
   * well), else the user setting.
   * Resolves with where it went; undefined when cancelled.
   */
  async setSenderName(name?: string): Promise<'config file' | 'settings' | undefined> {
    const current = await this.checkSender();
    name ??= await vscode.window.showInputBox({
      title: 'Your name for the drafts', prompt: 'The thank-you and check-in drafts end with it', value: current ?? '',
      placeHolder: 'Alex Rivera', ignoreFocusOut: true, validateInput: (v) => (v.trim() === '' ? 'Enter your name' : undefined),
    });
    if (!name?.trim()) return undefined;
    // A name already in the settings overrides the file: change it where it is.
    const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const inspected = settings.inspect<string>('sender.name');
    const target = inspected?.workspaceValue ? vscode.ConfigurationTarget.Workspace
      : inspected?.globalValue ? vscode.ConfigurationTarget.Global : undefined;
    const file = target === undefined ? await configFile() : undefined;
    let where: 'config file' | 'settings' = 'settings';
    if (file && vscode.workspace.isTrusted) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(loadRenderer(this.extensionUri).withSenderName(text, name)));
        where = 'config file';
      } catch (err) {
        void vscode.window.showWarningMessage(`Interview Follow-up: ${vscode.workspace.asRelativePath(file)} was left as it is (${(err as Error).message}); your name went into your settings.`);
      }
    }
    if (where === 'settings') await settings.update('sender.name', name.trim(), target ?? vscode.ConfigurationTarget.Global);
    await this.checkSender();
    vscode.window.setStatusBarMessage(`Interview Follow-up: drafts are signed ${name.trim()}`, 4000);
    return where;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
