/** A draft heading's lenses (Open in mail app, Copy, Mark sent) and what Mark sent changes. */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DraftCommands } from '../../server/src/protocol';
import { mergeConfig } from '../../server/src/service';
import { fix, note, service, TODAY, URI } from './helpers';

const options = { today: TODAY, config: mergeConfig() };
/** A client that runs Open and Copy itself (VS Code). */
const VSCODE = { clientCommands: true };
const NOTE = note(['company: Acme Corp', 'role: Dev', 'contact: {name: Jane Doe, email: jane@acme.example}', 'interviewed: 2026-11-25',
  'status: waiting  # still hoping'], '\nMy notes.\n');

function markSent(text: string, line: number, heading?: string): string {
  const r = service.markDraftSent({ uri: URI, text }, line, options, heading);
  assert.ok('edits' in r, `a draft heading on that line: ${'reason' in r ? r.reason : ''}`);
  return TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 0, text), r.edits);
}
const headingLine = (text: string, heading: string) => text.split('\n').findIndex((l) => l.startsWith(heading));

describe('draft lenses', () => {
  const drafted = fix(NOTE, 'thank-you-due', 'Draft thank-you email to Jane Doe');
  const line = headingLine(drafted, '## Draft: thank-you email to Jane Doe (2026-11-26)');

  it('an email draft gets Open in mail app (its mailto: link), Copy and Mark sent, on its heading', () => {
    const lenses = service.draftLenses({ uri: URI, text: drafted }, VSCODE);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [
      [line, 'Open in mail app', DraftCommands.open], [line, 'Copy', DraftCommands.copy], [line, 'Mark sent', DraftCommands.markSent]]);
    const [uri, mailto, withBody, body] = lenses[0].command!.arguments!;
    assert.equal(uri, URI);
    assert.match(mailto, /^mailto:jane@acme\.example\?subject=Thank%20you%20for%20the%20Dev%20interview&body=Dear%20Jane%2C%0D%0A%0D%0AThank%20you/);
    assert.equal(withBody, true);
    assert.match(body, /^Dear Jane,\n\n/);
    assert.match(lenses[1].command!.arguments![0], /^To: Jane Doe <jane@acme\.example>\nSubject: Thank you for the Dev interview\n\nDear Jane,/);
  });

  it('a card has no mail link; a sent draft no lens', () => {
    const card = fix(NOTE, 'thank-you-due', 'Draft thank-you card to Jane Doe');
    assert.deepEqual(service.draftLenses({ uri: URI, text: card }, VSCODE).map((l) => l.command?.title), ['Copy', 'Mark sent']);
    assert.deepEqual(service.draftLenses({ uri: URI, text: markSent(drafted, line) }, VSCODE), []);
  });

  it('for a client without Open and Copy of its own: the server\'s Open where it shows documents, no Copy', () => {
    const shown = service.draftLenses({ uri: URI, text: drafted }, { showDocument: true });
    assert.deepEqual(shown.map((l) => [l.range.start.line, l.command?.title, l.command?.command]), [
      [line, 'Open in mail app', DraftCommands.serverOpen], [line, 'Mark sent', DraftCommands.markSent]]);
    const client = service.draftLenses({ uri: URI, text: drafted }, VSCODE);
    assert.deepEqual(shown[0].command!.arguments, client[0].command!.arguments!.slice(0, 2), '[uri, mailto]');
    assert.deepEqual(shown[1].command!.arguments, [URI, line, '## Draft: thank-you email to Jane Doe (2026-11-26)']);
    const plain = service.draftLenses({ uri: URI, text: drafted }, {});
    assert.deepEqual(plain.map((l) => [l.command?.title, l.command?.command]), [['Mark sent', DraftCommands.markSent]]);
  });

  it('the To: line links to the draft\'s mailto: URI, the address as written its text', () => {
    const links = service.documentLinks({ uri: URI, text: drafted });
    const toLine = line + 2;
    assert.equal(drafted.split('\n')[toLine], 'To: Jane Doe <jane@acme.example>');
    assert.deepEqual(links.map((l) => l.range), [{ start: { line: toLine, character: 4 }, end: { line: toLine, character: 32 } }]);
    assert.equal(links[0].target, service.draftLenses({ uri: URI, text: drafted }, VSCODE)[0].command!.arguments![1]);
    const card = fix(NOTE, 'thank-you-due', 'Draft thank-you card to Jane Doe');
    assert.deepEqual(service.documentLinks({ uri: URI, text: card }), [], 'a card has no To:');
    assert.deepEqual(service.documentLinks({ uri: URI, text: markSent(drafted, line) }), [], 'nor a sent draft');
  });

  it('Mark sent on a thank-you records thank_you_sent and renames the heading, nothing else', () => {
    const sent = markSent(drafted, line);
    assert.equal(sent, drafted
      .replace('status: waiting  # still hoping', 'status: waiting  # still hoping\nthank_you_sent: 2026-11-26')
      .replace('## Draft: thank-you email', '## Sent: thank-you email'));
  });

  it('Mark sent on a check-in call appends a follow-up with its channel; on a closing message records nothing', () => {
    const text = NOTE.replace('\nMy notes.\n', '\nMy notes.\n\n## Draft: check-in call to Jane Doe (2026-11-26)\n\nCall: Jane\n\n## Draft: withdrawal email to Jane Doe (2026-11-26)\n\nTo: Jane Doe <jane@acme.example>\n');
    const call = markSent(text, headingLine(text, '## Draft: check-in call'));
    assert.equal(call, text.replace('# still hoping\n', '# still hoping\nfollow_ups:\n  - {date: 2026-11-26, channel: call}\n').replace('## Draft: check-in call', '## Sent: check-in call'));
    const withdrawal = markSent(text, headingLine(text, '## Draft: withdrawal'));
    assert.equal(withdrawal, text.replace('## Draft: withdrawal', '## Sent: withdrawal'));
    assert.deepEqual(service.markDraftSent({ uri: URI, text }, 0, options), { reason: 'no draft heading on line 1 of the note any more' });
  });

  it('Mark sent on a lens computed before an edit: the heading it was for, wherever it is now, or nothing', () => {
    const text = NOTE + '\n## Draft: check-in email to Jane Doe (2026-11-26)\n\nTo: Jane Doe <jane@acme.example>\n';
    const heading = '## Draft: check-in email to Jane Doe (2026-11-26)';
    const lens = service.draftLenses({ uri: URI, text }, {}).find((l) => l.command?.title === 'Mark sent')!;
    assert.deepEqual(lens.command!.arguments, [URI, headingLine(text, heading), heading]);
    // A withdrawal drafted above it since: the lens's line now holds that one.
    const moved = text.replace('My notes.\n', 'My notes.\n\n## Draft: withdrawal email to Jane Doe (2026-11-26)\n\nTo: Jane\n');
    assert.equal(markSent(moved, headingLine(text, heading), heading), moved
      .replace('# still hoping\n', '# still hoping\nfollow_ups:\n  - 2026-11-26\n').replace('## Draft: check-in', '## Sent: check-in'));
    const gone = text.replace(heading, '## Sent: check-in email to Jane Doe (2026-11-26)');
    assert.deepEqual(service.markDraftSent({ uri: URI, text: gone }, headingLine(text, heading), options, heading), { reason: `no draft heading on line ${headingLine(text, heading) + 1} of the note any more` });
  });

  it('Mark sent on a thank-you in a note with rounds records it on the round the draft was written for', () => {
    const rounds = note(['company: Acme Corp', 'role: Dev', 'contact: {name: Jane Doe, email: jane@acme.example}', 'rounds:',
      '  - date: 2026-11-02  # screen', '    interviewers: [Sam Lee]', '  - date: 2026-11-12', '    stage: onsite', 'status: waiting'],
    '\n## Draft: thank-you email to Sam Lee (2026-11-02)\n\nTo: Sam Lee\n\n## Draft: thank-you email to Jane Doe (2026-11-13)\n\nTo: Jane\n');
    const first = markSent(rounds, headingLine(rounds, '## Draft: thank-you email to Sam Lee'));
    assert.equal(first, rounds.replace('    interviewers: [Sam Lee]\n', '    interviewers: [Sam Lee]\n    thank_you_sent: 2026-11-26\n').replace('## Draft: thank-you email to Sam', '## Sent: thank-you email to Sam'));
    const second = markSent(rounds, headingLine(rounds, '## Draft: thank-you email to Jane Doe'));
    assert.equal(second, rounds.replace('    stage: onsite\n', '    stage: onsite\n    thank_you_sent: 2026-11-26\n').replace('## Draft: thank-you email to Jane', '## Sent: thank-you email to Jane'));
  });

  it('Mark sent that cannot record exactly says why, not that the heading is gone', () => {
    const text = note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-10', 'checked: &f [2026-11-19]', 'follow_ups: *f', 'status: waiting'],
      '\n## Draft: check-in email to Jane Doe (2026-11-26)\n\nTo: Jane\n');
    assert.deepEqual(service.markDraftSent({ uri: URI, text }, headingLine(text, '## Draft:'), options),
      { reason: 'follow_ups cannot be added to exactly (record the check-in by hand, then rename the heading)' });
  });
});
