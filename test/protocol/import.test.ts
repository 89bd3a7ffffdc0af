/**
 * `interviewFollowup.import` over the wire: an invite and a reply into the workspace's notes as
 * one WorkspaceEdit whose changes carry change annotations that need confirmation (the editor's
 * preview), applied through workspace/applyEdit; a client without annotation support is asked
 * first; a new note is a CreateFile then its text; a bad file is named with its line while the
 * others import. Today is pinned (2026-11-26) by the harness.
 */
import * as assert from 'node:assert/strict';
import { MessageType, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { ImportAnswer, InboxCommands } from '../../server/src/protocol';
import { applyEdits, LspClient, StartOptions } from '../lsp/client';
import { crlf, INVITE, NEW_PROCESS, NOTE, REPLY, versioned } from './inbox-texts';

describe('protocol: import an invite or a reply', function () {
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  async function started(options: StartOptions): Promise<LspClient> {
    client = await LspClient.start({
      files: { 'acme.md': NOTE, 'invite.ics': INVITE, '.interview-followup.yaml': 'me: alex@mail.example\n' }, env: { TZ: 'Europe/London' }, ...options,
    });
    await client.waitForScan();
    return client;
  }

  it('advertises the command', async () => {
    const c = await started({});
    assert.ok((c.initializeResult?.capabilities.executeCommandProvider?.commands ?? []).includes(InboxCommands.import));
  });

  it('an invite by URI and a reply by text: one edit, annotated to be confirmed, that adds the round and records the reply', async () => {
    const c = await started({ capabilities: versioned(true) });
    const answer = (await c.executeCommand(InboxCommands.import, [c.uri('invite.ics'), { name: 'reply.eml', text: REPLY }])) as ImportAnswer;
    assert.deepEqual(answer.errors, []);
    assert.equal(answer.applied, true);
    assert.equal(c.applyEdits.length, 1);
    const edit = c.applyEdits[0].edit as WorkspaceEdit;
    const annotations = Object.values(edit.changeAnnotations ?? {});
    assert.equal(annotations.length, 1);
    assert.equal(annotations[0].needsConfirmation, true);
    assert.equal(annotations[0].label, 'Import into acme.md');
    assert.match(annotations[0].description ?? '', /rounds\[2\]\.date: 2026-12-03T15:00/);
    const after = applyEdits(edit, { [c.uri('acme.md')]: NOTE })[c.uri('acme.md')];
    assert.equal(after, [
      '---',
      'company: Acme Corp',
      'role: Backend Engineer',
      'contact: {name: Jane Doe, email: jane@acme.example}  # the recruiter',
      'rounds:',
      '  - date: 2026-11-20',
      '    thank_you_sent: 2026-11-20',
      '  - date: 2026-12-03T15:00',
      '    stage: onsite',
      '    duration: 60',
      '    link: "https://meet.google.com/abc-defg-hij"',
      '    interviewers: [{name: Sam Lee, email: sam@acme.example}]',
      '    uid: onsite-1@google.com',
      'status: waiting',
      'replies:',
      '  - {date: 2026-11-24, from: jane@acme.example, subject: "Re: thank you"}',
      'expect_reply_by: 2026-11-27',
      '---',
      '',
      'Notes.',
      '',
    ].join('\n'));
    // "We will get back to you by Friday", resolved against the email's date (Tuesday 2026-11-24).
    assert.ok(answer.files[0].changes.some((ch) => ch.field === 'expect_reply_by' && ch.sentence === 'We will get back to you by Friday.'), JSON.stringify(answer.files[0].changes));
    // Your own address (config me) is never an interviewer.
    assert.ok(!after.includes('alex@mail.example'));
  });

  it('dryRun answers the edit and applies nothing', async () => {
    const c = await started({ capabilities: versioned(true) });
    const answer = (await c.executeCommand(InboxCommands.import, [c.uri('invite.ics'), { dryRun: true }])) as ImportAnswer;
    assert.equal(answer.applied, false);
    assert.ok(answer.edit);
    assert.equal(c.applyEdits.length, 0);
    assert.deepEqual(answer.files.map((f) => [f.uri, f.created]), [[c.uri('acme.md'), false]]);
  });

  it('a client without annotation support is asked first; Cancel applies nothing, Apply applies', async () => {
    const c = await started({ capabilities: versioned(false) });
    const no = (await c.executeCommand(InboxCommands.import, [c.uri('invite.ics')])) as ImportAnswer;
    assert.equal(no.applied, false);
    assert.equal(c.messageRequests.length, 1);
    assert.match(c.messageRequests[0].message, /^Import: apply acme\.md \(rounds\[2\]\.date, /);
    assert.equal(c.applyEdits.length, 0);
    await c.dispose();
    const yes = await started({ capabilities: versioned(false), messageAnswer: 'Apply' });
    const answer = (await yes.executeCommand(InboxCommands.import, [yes.uri('invite.ics')])) as ImportAnswer;
    assert.equal(answer.applied, true);
    assert.equal(yes.applyEdits.length, 1);
  });

  it('a new process: a new note created (never over a file), then filled', async () => {
    const c = await started({ capabilities: versioned(true) });
    const answer = (await c.executeCommand(InboxCommands.import, [{ name: 'initech.ics', text: NEW_PROCESS }])) as ImportAnswer;
    assert.deepEqual(answer.errors, []);
    const edit = c.applyEdits[0].edit as WorkspaceEdit;
    const [create, fill] = edit.documentChanges ?? [];
    assert.ok(create && 'kind' in create && create.kind === 'create');
    assert.deepEqual(create.options, { overwrite: false, ignoreIfExists: false });
    assert.match(create.uri, /initech-data-engineer\.md$/);
    assert.ok(fill && 'textDocument' in fill && fill.textDocument.uri === create.uri);
    const text = (fill.edits[0] as { newText: string }).newText;
    assert.match(text, /^company: Initech$/m);
    assert.match(text, /^  - date: 2026-12-03T15:00$/m);
    assert.match(text, /^contact:\n  name: Jane Doe\n  email: jane@initech\.example\n/m);
  });

  it('a bad file is named with its line; the other file still imports', async () => {
    const c = await started({ capabilities: versioned(true) });
    const broken = crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'this is not a content line', 'END:VEVENT', 'END:VCALENDAR']);
    const answer = (await c.executeCommand(InboxCommands.import, [{ name: 'broken.ics', text: broken }, c.uri('invite.ics')])) as ImportAnswer;
    assert.deepEqual(answer.errors.map((e) => [e.source, e.line]), [['broken.ics', 4]]);
    assert.equal(answer.applied, true);
    assert.ok(c.messages.some((m) => m.type === MessageType.Error && m.message.startsWith('Import: broken.ics:4: ')), JSON.stringify(c.messages));
  });

  it('the same file twice: the second import changes nothing', async () => {
    const c = await started({ capabilities: versioned(true) });
    await c.executeCommand(InboxCommands.import, [c.uri('invite.ics')]);
    const after = applyEdits(c.applyEdits[0].edit as WorkspaceEdit, { [c.uri('acme.md')]: NOTE })[c.uri('acme.md')];
    const uri = await c.open('acme.md');
    await c.change(uri, { text: after });
    const again = (await c.executeCommand(InboxCommands.import, [c.uri('invite.ics')])) as ImportAnswer;
    assert.equal(again.edit, null);
    assert.equal(c.applyEdits.length, 1);
  });
});
