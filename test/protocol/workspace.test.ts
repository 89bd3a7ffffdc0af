/**
 * The workspace side of the server: notes nobody opened, files changed on disk, the
 * workspace configuration file, and the watchers that tell the server about them.
 */
import * as assert from 'node:assert/strict';
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE, SOURCE } from '../../server/src/protocol';
import { byRule, EXAMPLES, messageOf, FileChangeType, rules, LspClient } from '../lsp/client';

const PLAIN = '---\ntitle: Reading list\n---\n\n# Books\n\n- one\n';

describe('protocol: workspace notes and watched files', function () {
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('checks notes nobody opened right after initialized, and leaves plain markdown alone', async () => {
    client = await LspClient.start({
      copyFrom: EXAMPLES,
      files: { 'plain.md': PLAIN, 'deep/nested/later.markdown': '---\ncompany: Later\nrole: SRE\ninterviewed: 2026-11-02\nthank_you_sent: 2026-11-02\n---\n' },
    });
    const acme = await client.waitForDiagnostics(client.uri('acme-backend.md'), (d) => d.length > 0);
    assert.deepEqual(rules(acme), ['check-in-due']);
    const [due] = acme;
    assert.equal(due.source, SOURCE);
    // The value of `expect_reply_by: 2026-11-12` on line 13, not the whole file.
    assert.deepEqual(due.range, { start: { line: 12, character: 17 }, end: { line: 12, character: 27 } });
    assert.match(messageOf(due), /10 days overdue \(due Monday 2026-11-16; the 15th is a Sunday\)/);

    await client.waitForScan();
    // Nested folders and .markdown count too.
    assert.deepEqual(rules(client.diagnostics.get(client.uri('deep/nested/later.markdown')) ?? []), ['ask-timeline', 'check-in-due']);
    // Plain markdown, with or without front matter of its own: nothing published, ever.
    const published = new Set(client.published.map((p) => p.uri));
    assert.ok(!published.has(client.uri('plain.md')), 'plain.md got diagnostics');
    assert.ok(!published.has(client.uri('job-search-log.md')), 'job-search-log.md got diagnostics');
    // A clean note has nothing to publish either.
    assert.deepEqual(client.diagnostics.get(client.uri('initech-data.md')) ?? [], []);
    assert.deepEqual(client.errors(), []);
  });

  it('registers its file watchers dynamically and re-checks notes changed, created and deleted on disk', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES });
    const reg = await client.waitForRegistration('workspace/didChangeWatchedFiles');
    const globs = (reg.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/*.{md,markdown}'), `notes are watched: ${globs}`);
    assert.ok(globs.includes(`**/${CONFIG_FILE}`), `the config file is watched: ${globs}`);
    await client.waitForScan();

    // Changed on disk: the check-in went out.
    const acme = client.uri('acme-backend.md');
    assert.deepEqual(rules(client.diagnostics.get(acme)!), ['check-in-due']);
    const text = await fsp.readFile(client.path('acme-backend.md'), 'utf8');
    await client.writeFile('acme-backend.md', text.replace('status: waiting\n', 'status: waiting\nfollow_ups: [2026-11-20]\n'));
    await client.filesChanged(['acme-backend.md', FileChangeType.Changed]);
    await client.waitForDiagnostics(acme, (d) => d.length === 0);

    // Created on disk.
    await client.writeFile('new/globex-2.md', '---\ncompany: Globex\nrole: QA\ninterviewed: 2026-11-26\n---\n');
    await client.filesChanged(['new/globex-2.md', FileChangeType.Created]);
    const created = await client.waitForDiagnostics(client.uri('new/globex-2.md'), (d) => d.length > 0);
    assert.deepEqual(rules(created), ['ask-timeline', 'thank-you-due']);

    // Deleted on disk: its diagnostics are cleared.
    const umbrella = client.uri('umbrella-sre.md');
    assert.ok(byRule(client.diagnostics.get(umbrella)!, 'check-in-due').length === 1);
    await fsp.rm(client.path('umbrella-sre.md'));
    await client.filesChanged(['umbrella-sre.md', FileChangeType.Deleted]);
    await client.waitForDiagnostics(umbrella, (d) => d.length === 0);
    assert.deepEqual(client.errors(), []);
  });

  it('applies .interview-followup.yaml changes after a watched-file event, and reports a malformed one', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES });
    await client.waitForScan();
    const acme = client.uri('acme-backend.md');
    const umbrella = client.uri('umbrella-sre.md');
    const configUri = client.uri(CONFIG_FILE);
    assert.deepEqual(rules(client.diagnostics.get(umbrella)!), ['ask-timeline', 'check-in-due']);

    await client.writeFile(CONFIG_FILE, 'rules:\n  check-in-due: off\n  ask-timeline: hint\n');
    await client.filesChanged([CONFIG_FILE, FileChangeType.Changed]);
    await client.waitForDiagnostics(acme, (d) => d.length === 0);
    const after = await client.waitForDiagnostics(umbrella, (d) => byRule(d, 'check-in-due').length === 0);
    assert.deepEqual(after.map((d) => [d.code, d.severity]), [['ask-timeline', 4]]);

    // Malformed: reported on the config file, and the defaults apply again.
    await client.writeFile(CONFIG_FILE, 'checkInGraceDays: soon\nrules: {check-in-due: off\n');
    await client.filesChanged([CONFIG_FILE, FileChangeType.Changed]);
    const problems = await client.waitForDiagnostics(configUri, (d) => d.length > 0);
    assert.equal(problems[0].source, SOURCE);
    assert.equal(problems[0].severity, 1);
    await client.waitForDiagnostics(acme, (d) => byRule(d, 'check-in-due').length === 1);

    // A wrong value (valid YAML) is reported where it is.
    await client.writeFile(CONFIG_FILE, 'checkInGraceDays: soon\n');
    await client.filesChanged([CONFIG_FILE, FileChangeType.Changed]);
    const wrong = await client.waitForDiagnostics(configUri, (d) => d.length === 1 && /checkInGraceDays/.test(messageOf(d[0])));
    assert.deepEqual(wrong[0].range, { start: { line: 0, character: 18 }, end: { line: 0, character: 22 } });

    // Fixed: the config diagnostic is cleared and the setting applies.
    await client.writeFile(CONFIG_FILE, 'checkInGraceDays: 30\n');
    await client.filesChanged([CONFIG_FILE, FileChangeType.Changed]);
    await client.waitForDiagnostics(configUri, (d) => d.length === 0);
    await client.waitForDiagnostics(acme, (d) => d.length === 0);

    // Malformed again, then deleted: cleared, and the defaults apply.
    await client.writeFile(CONFIG_FILE, 'rules: [\n');
    await client.filesChanged([CONFIG_FILE, FileChangeType.Changed]);
    await client.waitForDiagnostics(configUri, (d) => d.length > 0);
    await fsp.rm(client.path(CONFIG_FILE));
    await client.filesChanged([CONFIG_FILE, FileChangeType.Deleted]);
    await client.waitForDiagnostics(configUri, (d) => d.length === 0);
    await client.waitForDiagnostics(acme, (d) => byRule(d, 'check-in-due').length === 1);
    assert.deepEqual(client.errors(), []);
  });

  it('honours include/exclude from the config file, and reports an empty glob there (that key is ignored)', async () => {
    client = await LspClient.start({
      copyFrom: EXAMPLES,
      files: { [CONFIG_FILE]: 'exclude: ["umbrella-*.md"]\n', 'archive/old.md': '---\ncompany: Old\nrole: Dev\ninterviewed: 2026-01-05\n---\n' },
    });
    await client.waitForScan();
    assert.deepEqual(client.errors(), []);
    assert.deepEqual(rules(client.diagnostics.get(client.uri('acme-backend.md')) ?? []), ['check-in-due']);
    assert.deepEqual(rules(client.diagnostics.get(client.uri('archive/old.md')) ?? []), ['ask-timeline', 'check-in-due', 'thank-you-due']);
    assert.ok(!client.published.some((p) => p.uri === client!.uri('umbrella-sre.md')), 'excluded and never opened: not checked');

    // An empty glob (picomatch would throw on it) is reported and its key ignored: `include`
    // falls back to the default, `exclude` still applies.
    await client.writeFile(CONFIG_FILE, 'include: ""\nexclude: archive/**\n');
    await client.filesChanged([CONFIG_FILE, FileChangeType.Changed]);
    await client.waitForDiagnostics(client.uri('archive/old.md'), (d) => d.length === 0);
    await client.waitForDiagnostics(client.uri('umbrella-sre.md'), (d) => d.length === 2);
    const [problem] = await client.waitForDiagnostics(client.uri(CONFIG_FILE), (d) => d.length === 1);
    assert.match(messageOf(problem), /include should be a glob or a list of globs, none of them empty/);
    assert.deepEqual(client.errors(), []);
  });

  it('checks a workspace folder added later, and clears its notes when it is removed', async () => {
    client = await LspClient.start({ files: { 'plain.md': PLAIN } });
    await client.waitForScan();
    const umbrella = readFileSync(path.join(EXAMPLES, 'umbrella-sre.md'), 'utf8');
    const added = await client.addFolder({ 'umbrella.md': umbrella });
    const uri = pathToFileURL(path.join(added, 'umbrella.md')).href;
    const diags = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(rules(diags), ['ask-timeline', 'check-in-due']);
    await client.removeFolder(added);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    assert.deepEqual(client.errors(), []);
  });

  it('still checks the workspace when the client refuses registrations and the configuration request', async () => {
    client = await LspClient.start({ copyFrom: EXAMPLES, refuse: { registrations: true, configuration: true } });
    await client.waitForScan();
    assert.deepEqual(rules(client.diagnostics.get(client.uri('acme-backend.md')) ?? []), ['check-in-due']);
    assert.ok(client.configurationRequests >= 1);
  });

  it('registers nothing dynamically that the client did not allow, and still follows settings changes', async () => {
    client = await LspClient.start({
      copyFrom: EXAMPLES,
      capabilities: (caps) => {
        caps.workspace!.didChangeWatchedFiles = { dynamicRegistration: false };
        caps.workspace!.didChangeConfiguration = { dynamicRegistration: false };
      },
    });
    await client.waitForScan();
    assert.deepEqual(client.registrations, []);
    await client.changeSettings({ rules: { 'check-in-due': 'off' } });
    await client.waitForDiagnostics(client.uri('acme-backend.md'), (d) => d.length === 0);
  });

  it('exits cleanly on shutdown + exit', async () => {
    client = await LspClient.start({ files: { 'a.md': PLAIN } });
    await client.waitForScan();
    assert.equal(client.initializeResult?.serverInfo?.name, SOURCE);
    const status = await client.shutdown();
    assert.deepEqual(status, { code: 0, signal: null });
  });
});
