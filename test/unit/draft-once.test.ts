/**
 * A draft is written once and shown: a draft action whose draft is already in the note, unsent,
 * becomes "Show the draft to <name>" (no edit; the reveal command on its heading), and for a
 * client that shows documents a draft action carries the reveal of the heading it appends.
 */
import * as assert from 'node:assert/strict';
import { CodeAction } from 'vscode-languageserver-types';
import { DraftCommands } from '../../server/src/protocol';
import { mergeConfig } from '../../server/src/service';
import { action, actionsFor, builtInTemplates, byRule, fix, note, service, titles, TODAY, URI } from './helpers';

const NOTE = note(['company: Acme Corp', 'role: Dev', 'contact: {name: Jane Doe, email: jane@acme.example}',
  // Sam Lee without an email: the contact's thank-you comes first.
  'interviewers:', '  - {name: Sam Lee, title: Engineer}', 'interviewed: 2026-11-24', 'status: waiting'], '\nMy notes.\n');
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start));
const reveal = (line: number) => ({ title: 'Show the draft', command: DraftCommands.reveal, arguments: [URI, line] });

/** The thank-you-due actions as a client that resolves drafts and shows documents gets them. */
function deferred(text: string): CodeAction[] {
  const diags = byRule(text, 'thank-you-due');
  return service.codeActions({ uri: URI, text }, diags[0].range, diags,
    { today: TODAY, config: mergeConfig(), templates: builtInTemplates, deferDrafts: true, revealDrafts: true });
}

describe('a draft is written once and shown', () => {
  const before = ['Draft thank-you email to Jane Doe', 'Draft thank-you email to Sam Lee', 'Draft thank-you card to Jane Doe',
    'Draft thank-you card to Sam Lee', 'Mark thank-you sent today (2026-11-26)', "Don't remind me of thank-you-due in this note"];

  it('an unsent draft to that person: "Show the draft to Jane Doe", no edit, the reveal of its heading', () => {
    assert.deepEqual(titles(NOTE, 'thank-you-due'), before);
    const drafted = fix(NOTE, 'thank-you-due', 'Draft thank-you email to Jane Doe');
    assert.deepEqual(titles(drafted, 'thank-you-due'), ['Show the draft to Jane Doe', ...before.slice(1)]);
    const show = action(drafted, 'thank-you-due', 'Show the draft to Jane Doe');
    assert.equal(show.edit, undefined);
    assert.equal(show.data, undefined);
    assert.deepEqual(show.command, reveal(lineOf(drafted, '## Draft: thank-you email to Jane Doe (2026-11-26)')));
    assert.equal(show.isPreferred, true, 'where the draft was the preferred action');
  });

  it('two drafts to one person: each says which; another person\'s draft is still offered', () => {
    const both = fix(fix(NOTE, 'thank-you-due', 'Draft thank-you email to Jane Doe'), 'thank-you-due', 'Draft thank-you card to Jane Doe');
    assert.deepEqual(titles(both, 'thank-you-due'), ['Show the thank-you email draft to Jane Doe', 'Draft thank-you email to Sam Lee', 'Show the thank-you card draft to Jane Doe', ...before.slice(3)]);
    const card = action(both, 'thank-you-due', 'Show the thank-you card draft');
    assert.deepEqual(card.command, reveal(lineOf(both, '## Draft: thank-you card to Jane Doe')));
  });

  it('a sent draft, or one written before the interview it would answer, is not shown: the draft is offered', () => {
    const drafted = fix(NOTE, 'thank-you-due', 'Draft thank-you email to Jane Doe');
    const sentHeading = drafted.replace('## Draft: thank-you email', '## Sent: thank-you email');
    assert.deepEqual(titles(sentHeading, 'thank-you-due'), before);
    // An earlier round's thank-you, recorded by the quick fix and never renamed: round 2 gets its own.
    const rounds = note(['company: Acme Corp', 'role: Dev', 'contact: {name: Jane Doe, email: jane@acme.example}', 'rounds:',
      '  - date: 2026-11-02', '    thank_you_sent: 2026-11-02', '  - date: 2026-11-24'],
    '\n## Draft: thank-you email to Jane Doe (2026-11-02)\n\nTo: Jane Doe <jane@acme.example>\n');
    assert.equal(titles(rounds, 'thank-you-due')[0], 'Draft thank-you email to Jane Doe');
  });

  it('a draft action carries the reveal of the heading it appends, deferred or not, and resolving keeps it', () => {
    const now = action(NOTE, 'thank-you-due', 'Draft thank-you email to Jane Doe');
    assert.equal(now.command, undefined, 'not for a client that cannot show documents');
    const [email] = deferred(NOTE);
    assert.equal(email.title, 'Draft thank-you email to Jane Doe');
    const line = lineOf(fix(NOTE, 'thank-you-due', 'Draft thank-you email to Jane Doe'), '## Draft: thank-you email to Jane Doe');
    assert.deepEqual(email.command, reveal(line));
    const resolved = service.resolveCodeAction({ uri: URI, text: NOTE }, email,
      { today: TODAY, config: mergeConfig(), templates: builtInTemplates, revealDrafts: true });
    assert.ok(resolved.edit);
    assert.deepEqual(resolved.command, reveal(line));
    // Rendered at once (no resolve): the same.
    const rendered = service.codeActions({ uri: URI, text: NOTE }, email.diagnostics![0].range, email.diagnostics!,
      { today: TODAY, config: mergeConfig(), templates: builtInTemplates, revealDrafts: true });
    assert.deepEqual(rendered[0].command, reveal(line));
    // And not on the actions that are no draft.
    assert.deepEqual(actionsFor(NOTE, 'thank-you-due').filter((a) => a.command).map((a) => a.title), []);
    assert.deepEqual(deferred(NOTE).filter((a) => a.command).map((a) => a.title), before.slice(0, 4));
  });
});
