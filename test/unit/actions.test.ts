/**
 * Code actions, asserted as the resulting text: the edits applied to the original note must give
 * exactly the expected note, so comments, key order, quoting and the body are checked byte for
 * byte along with the intended change.
 */
import * as assert from 'node:assert/strict';
import { CodeActionKind } from 'vscode-languageserver-types';
import { action, actionsFor, apply, builtInTemplates, diagnostics, fix, note, service, titles, TODAY, URI } from './helpers';
import { mergeConfig } from '../../server/src/service';

const sender = { sender: { name: 'Alex Kim', email: 'alex.kim@example.com' } };

const ACME_FRONT = [
  '# Onsite with the payments team',
  'company: Acme Corp',
  'role: Senior Backend Engineer',
  'contact:',
  '  name: Jane Doe',
  '  email: jane.doe@acme.example   # from the invite',
  'interviewed: 2026-11-24',
  'stage: onsite',
  "status: 'waiting'",
  'pitch: >-',
  '  Five years building payment systems',
  '  like the one your team is scaling.',
];
const ACME_BODY = '\n# Acme: onsite\n\n- Four rounds; Jane said they would decide soon.\n';
const ACME = note(ACME_FRONT, ACME_BODY);

const THANK_YOU = [
  '## Draft: thank-you email to Jane Doe (2026-11-26)',
  '',
  'To: Jane Doe <jane.doe@acme.example>',
  'Subject: Thank you for the Senior Backend Engineer interview',
  '',
  'Dear Jane,',
  '',
  'Thank you for taking the time to meet with me on Tuesday about the Senior Backend Engineer position at Acme Corp. Our conversation left me even more interested in joining Acme Corp.',
  '',
  'Five years building payment systems like the one your team is scaling.',
  '',
  'Please let me know if there is anything else I can provide. I look forward to hearing from you.',
  '',
  'Best regards,',
  'Alex Kim',
  'alex.kim@example.com',
];

describe('thank-you-due actions', () => {
  it('offers the draft (preferred) and marking it sent, as quick fixes', () => {
    const all = actionsFor(ACME, 'thank-you-due', { config: sender });
    assert.deepEqual(all.map((a) => a.title), ['Draft thank-you email to Jane Doe', 'Draft thank-you card to Jane Doe', 'Mark thank-you sent today (2026-11-26)', "Don't remind me of thank-you-due in this note"]);
    assert.deepEqual(all.map((a) => a.kind), [CodeActionKind.QuickFix, CodeActionKind.QuickFix, CodeActionKind.QuickFix, CodeActionKind.QuickFix]);
    assert.equal(all[0].isPreferred, true);
    assert.equal(all[0].diagnostics?.[0].code, 'thank-you-due');
  });

  it('drafts the thank-you at the end: addressee, subject, gratitude, pitch, sender', () => {
    const drafted = fix(ACME, 'thank-you-due', 'Draft thank-you email', { config: sender });
    assert.equal(drafted, ACME + '\n' + THANK_YOU.join('\n') + '\n');
  });

  it('leaves the pitch paragraph out when there is none, and signs with a placeholder without a sender', () => {
    const text = note(['company: Acme Corp', 'role: Dev', 'contact:', '  name: Jane Doe', '  email: jane.doe@acme.example', 'interviewed: 2026-11-24']);
    const drafted = fix(text, 'thank-you-due', 'Draft thank-you email');
    const draft = drafted.slice(text.length);
    assert.doesNotMatch(draft, /payment|\n\n\n/);
    assert.match(draft, /I look forward to hearing from you\.\n\nBest regards,\n\[your name\]\n$/);
  });

  it('puts a visible placeholder where the contact has no email', () => {
    const text = note(['company: Acme Corp', 'role: Dev', 'contact:', '  name: Jane Doe', 'interviewed: 2026-11-24']);
    assert.match(fix(text, 'thank-you-due', 'Draft thank-you email'), /\nTo: Jane Doe <\[email address of Jane Doe\]>\n/);
    const nobody = note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-24']);
    const drafted = fix(nobody, 'thank-you-due', 'Draft thank-you email');
    assert.match(drafted, /\nTo: \[email address\]\n/);
    assert.match(drafted, /\nDear Hiring Team,\n/);
  });

  it('falls back to the first interviewer when there is no contact', () => {
    const text = note(['company: Acme Corp', 'role: Dev', 'interviewers:', '  - name: Sam Lee', '    email: sam@acme.example', 'interviewed: 2026-11-24']);
    assert.deepEqual(titles(text, 'thank-you-due'), ['Draft thank-you email to Sam Lee', 'Draft thank-you card to Sam Lee', 'Mark thank-you sent today (2026-11-26)', "Don't remind me of thank-you-due in this note"]);
    assert.match(fix(text, 'thank-you-due', 'Draft thank-you email'), /\nTo: Sam Lee <sam@acme\.example>\n.*\n\nDear Sam,\n/);
  });

  it('appends after the last line of a note without a final newline, adding none', () => {
    const text = note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-24'], 'Last line, no newline');
    const drafted = fix(text, 'thank-you-due', 'Draft thank-you email', { config: sender });
    assert.ok(drafted.startsWith(text + '\n\n## Draft: thank-you email (2026-11-26)\n'));
    assert.ok(drafted.endsWith('Best regards,\nAlex Kim\nalex.kim@example.com'));
  });

  it('keeps CRLF everywhere in a CRLF note', () => {
    const text = note(ACME_FRONT, ACME_BODY.replace(/\n/g, '\r\n'), '\r\n');
    const drafted = fix(text, 'thank-you-due', 'Draft thank-you email', { config: sender });
    assert.equal(drafted, text + '\r\n' + THANK_YOU.join('\r\n') + '\r\n');
    assert.doesNotMatch(drafted, /[^\r]\n/);
  });

  it('keeps plain-text characters as written (no HTML escaping)', () => {
    const text = note(['company: "R&D <Labs>"', 'role: "Engineer, \'Platform\'"', 'interviewed: 2026-11-24']);
    const drafted = fix(text, 'thank-you-due', 'Draft thank-you email');
    assert.match(drafted, /Subject: Thank you for the Engineer, 'Platform' interview\n/);
    assert.match(drafted, /position at R&D <Labs>\./);
  });

  it('marks it sent: a new line before the closing --- when the key is absent', () => {
    assert.equal(fix(ACME, 'thank-you-due', 'Mark thank-you sent today'),
      note([...ACME_FRONT, 'thank_you_sent: 2026-11-26'], ACME_BODY));
  });

  it('marks it sent: fills an empty key in place, keeping its comment', () => {
    const front = (line: string) => note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-24', line, 'status: waiting'], 'Body\n');
    assert.equal(fix(front('thank_you_sent:'), 'thank-you-due', 'Mark thank-you sent today'), front('thank_you_sent: 2026-11-26'));
    assert.equal(fix(front('thank_you_sent:   # by email'), 'thank-you-due', 'Mark thank-you sent today'),
      front('thank_you_sent: 2026-11-26   # by email'));
    assert.equal(fix(front('thank_you_sent: ""'), 'thank-you-due', 'Mark thank-you sent today'), front('thank_you_sent: "2026-11-26"'));
  });

  it('marks it sent in a CRLF note with CRLF', () => {
    const text = note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-24'], 'Body\r\n', '\r\n');
    assert.equal(fix(text, 'thank-you-due', 'Mark thank-you sent today'),
      note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-24', 'thank_you_sent: 2026-11-26'], 'Body\r\n', '\r\n'));
  });
});

describe('ask-timeline action', () => {
  const lines = ['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-26  # this morning', 'thank_you_sent: 2026-11-26'];

  it('adds an empty expect_reply_by with a hint before the closing ---', () => {
    assert.equal(fix(note(lines, 'Body\n'), 'ask-timeline', 'Add expect_reply_by'),
      note([...lines, "expect_reply_by: # when they said you would hear: a date or their words, e.g. 'within two weeks'"], 'Body\n'));
  });

  it('is not offered when an empty expect_reply_by is already there to fill in', () => {
    assert.deepEqual(titles(note([...lines, 'expect_reply_by:  # ask Jane'], 'Body\n'), 'ask-timeline'), ["Don't remind me of ask-timeline in this note"]);
  });
});

describe('check-in-due actions', () => {
  const lines = ['company: Acme Corp', 'role: Senior Backend Engineer', 'contact: {name: Jane Doe, email: jane.doe@acme.example}',
    'interviewed: 2026-11-02', 'expect_reply_by: 2026-11-12  # "end of next week"', 'thank_you_sent: 2026-11-02'];
  const text = note(lines, '\nNotes.\n');

  it('drafts a polite check-in to the contact', () => {
    assert.deepEqual(titles(text, 'check-in-due'), ['Draft check-in email to Jane Doe', 'Draft check-in call notes for Jane Doe', 'Mark check-in email sent today (2026-11-26)', 'Log a check-in call today (2026-11-26)', "Don't remind me of check-in-due in this note"]);
    assert.equal(fix(text, 'check-in-due', 'Draft check-in email', { config: { sender: { name: 'Alex Kim', phone: '+1 555 0199' } } }), text + [
      '',
      '## Draft: check-in email to Jane Doe (2026-11-26)',
      '',
      'To: Jane Doe <jane.doe@acme.example>',
      'Subject: Following up on the Senior Backend Engineer position',
      '',
      'Dear Jane,',
      '',
      'I hope you are well. I am writing to follow up on my interview on 2 November for the Senior Backend Engineer position at Acme Corp. You mentioned I would hear by Thursday, 12 November, so I wanted to check in.',
      '',
      'I remain very interested in the role and in contributing to Acme Corp. Could you share any update on the hiring timeline or next steps?',
      '',
      'Thank you again for your time and for considering me.',
      '',
      'Best regards,',
      'Alex Kim',
      '+1 555 0199',
      '',
    ].join('\n'));
  });

  it('marks a check-in sent: creates follow_ups when there is none', () => {
    assert.equal(fix(text, 'check-in-due', 'Mark check-in email sent today'), note([...lines, 'follow_ups:', '  - 2026-11-26'], '\nNotes.\n'));
  });

  it('marks a check-in sent: appends to an empty flow list, keeping its comment', () => {
    const withEmpty = note([...lines, 'follow_ups: []  # none yet', 'status: waiting']);
    assert.equal(fix(withEmpty, 'check-in-due', 'Mark check-in email sent today'),
      note([...lines, 'follow_ups: [2026-11-26]  # none yet', 'status: waiting']));
  });

  it('marks a check-in sent: fills an empty follow_ups: key with a block list', () => {
    const withKey = note([...lines, 'follow_ups:   # after the thank-you', 'status: waiting']);
    assert.equal(fix(withKey, 'check-in-due', 'Mark check-in email sent today'),
      note([...lines, 'follow_ups:   # after the thank-you', '  - 2026-11-26', 'status: waiting']));
  });

  it('marks a check-in sent in a CRLF note with CRLF', () => {
    const crlf = note([...lines, 'follow_ups:', 'status: waiting'], 'x\r\n', '\r\n');
    assert.equal(fix(crlf, 'check-in-due', 'Mark check-in email sent today'),
      note([...lines, 'follow_ups:', '  - 2026-11-26', 'status: waiting'], 'x\r\n', '\r\n'));
  });
});

describe('second-follow-up and let-it-go actions', () => {
  const head = ['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02'];

  it('removes an extra follow-up from a block list, keeping the other entries and their comments', () => {
    const text = note([...head, 'follow_ups:', '  - 2026-11-12   # short email', '  - 2026-11-19  # called', '  - 2026-11-24', 'status: waiting  # still hoping'], 'Body\n');
    assert.deepEqual(titles(text, 'second-follow-up'), ['Remove follow-up 2', 'Set status: closed (let it go)', "Don't remind me of second-follow-up in this note", 'Remove follow-up 3']);
    assert.equal(fix(text, 'second-follow-up', 'Remove follow-up 2'),
      note([...head, 'follow_ups:', '  - 2026-11-12   # short email', '  - 2026-11-24', 'status: waiting  # still hoping'], 'Body\n'));
    assert.equal(fix(text, 'second-follow-up', 'Remove follow-up 3'),
      note([...head, 'follow_ups:', '  - 2026-11-12   # short email', '  - 2026-11-19  # called', 'status: waiting  # still hoping'], 'Body\n'));
    assert.equal(fix(text, 'second-follow-up', 'Set status: closed'),
      note([...head, 'follow_ups:', '  - 2026-11-12   # short email', '  - 2026-11-19  # called', '  - 2026-11-24', 'status: closed  # still hoping'], 'Body\n'));
  });

  it('removes an extra follow-up from a flow list', () => {
    const text = note([...head, 'follow_ups: [2026-11-12, 2026-11-19]']);
    assert.equal(fix(text, 'second-follow-up', 'Remove follow-up 2'), note([...head, 'follow_ups: [2026-11-12]']));
    const three = note([...head, 'follow_ups: [2026-11-12, 2026-11-19, 2026-11-24]']);
    assert.equal(fix(three, 'second-follow-up', 'Remove follow-up 2'), note([...head, 'follow_ups: [2026-11-12, 2026-11-24]']));
  });

  it('removes a follow-up written as a block scalar, and nothing after it', () => {
    const text = note([...head, 'follow_ups:', '  - 2026-11-12', '  - >-', '    2026-11-19'], 'Body\n');
    assert.equal(fix(text, 'second-follow-up', 'Remove follow-up 2'), note([...head, 'follow_ups:', '  - 2026-11-12'], 'Body\n'));
  });

  it('removes an entry of a multi-line flow list', () => {
    const text = note([...head, 'follow_ups: [', '  2026-11-12,', '  2026-11-19', ']']);
    assert.equal(fix(text, 'second-follow-up', 'Remove follow-up 2'), note([...head, 'follow_ups: [', '  2026-11-12', ']']));
  });

  it('does not offer closing a note already closed', () => {
    const text = note([...head, 'follow_ups: [2026-11-12, 2026-11-19]', 'status: closed']);
    assert.deepEqual(titles(text, 'second-follow-up'), ['Remove follow-up 2', "Don't remind me of second-follow-up in this note"]);
  });

  it('let-it-go sets status closed: a plain value', () => {
    const text = note([...head, 'follow_ups: [2026-11-12]', 'status: waiting'], 'Body\n');
    assert.equal(fix(text, 'let-it-go', 'Set status: closed'), note([...head, 'follow_ups: [2026-11-12]', 'status: closed'], 'Body\n'));
  });

  it('let-it-go sets status closed: quoting and comment kept', () => {
    const text = note([...head, 'status: "waiting"   # default', 'follow_ups: [2026-11-12]']);
    assert.equal(fix(text, 'let-it-go', 'Set status: closed'), note([...head, 'status: "closed"   # default', 'follow_ups: [2026-11-12]']));
  });

  it('let-it-go sets status closed: adds the key when absent', () => {
    const text = note([...head, 'follow_ups:', '  - 2026-11-12'], 'Body\n');
    assert.equal(fix(text, 'let-it-go', 'Set status: closed'), note([...head, 'follow_ups:', '  - 2026-11-12', 'status: closed'], 'Body\n'));
  });

  it('let-it-go sets status closed: a block scalar status keeps the next key on its own line', () => {
    const text = note([...head, 'follow_ups: [2026-11-12]', 'status: |-', '  waiting', 'stage: final']);
    assert.equal(fix(text, 'let-it-go', 'Set status: closed'), note([...head, 'follow_ups: [2026-11-12]', 'status: closed', 'stage: final']));
  });
});

describe('field actions', () => {
  it('adds a missing key before the closing ---', () => {
    const text = note(['# no company yet', 'role: Dev', 'interviewed: 2026-11-20', 'thank_you_sent: 2026-11-20'], 'Body\n');
    assert.equal(fix(text, 'missing-field', 'Add company'),
      note(['# no company yet', 'role: Dev', 'interviewed: 2026-11-20', 'thank_you_sent: 2026-11-20', 'company: ""'], 'Body\n'));
  });

  it('adds a missing interview date as today', () => {
    const text = note(['type: interview', 'company: Acme', 'role: Dev']);
    assert.equal(fix(text, 'missing-field', 'Add interviewed'), note(['type: interview', 'company: Acme', 'role: Dev', 'interviewed: 2026-11-26']));
  });

  it('offers no edit for an empty required key (the key is there to fill)', () => {
    assert.deepEqual(titles(note(['company:', 'role: Dev', 'interviewed: 2026-11-20']), 'missing-field'), []);
  });

  it('did-you-mean for a near status: only the value changes', () => {
    const text = note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-20', 'status: wating   # typo', 'thank_you_sent: 2026-11-20']);
    const a = action(text, 'invalid-value', "Change status to 'waiting'");
    assert.equal(a.isPreferred, true);
    assert.equal(fix(text, 'invalid-value', "Change status to 'waiting'"),
      note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-20', 'status: waiting   # typo', 'thank_you_sent: 2026-11-20']));
  });

  it('no did-you-mean for a status far from all', () => {
    assert.deepEqual(titles(note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-20', 'status: pending']), 'invalid-value'), []);
  });

  it('renames a misspelt key, keeping its value, comment and quoting', () => {
    const lines = (key: string) => ['company: Acme', 'role: Dev', 'interviewed: 2026-11-20', `${key}: 2026-11-20  # sent from phone`, 'status: waiting'];
    assert.equal(fix(note(lines('thankyou_sent')), 'unknown-field', "Rename 'thankyou_sent' to thank_you_sent"), note(lines('thank_you_sent')));
    assert.equal(fix(note(lines('"thankyou_sent"')), 'unknown-field', "Rename 'thankyou_sent'"), note(lines('"thank_you_sent"')));
  });

  it('does not offer a rename onto a key that already exists', () => {
    const text = note(['company: Acme', 'Company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-20']);
    assert.deepEqual(titles(text, 'unknown-field'), []);
  });

  it('inserts the offer checklist at the end', () => {
    const text = note(['company: Acme Corp', 'role: Dev', 'interviewed: 2026-11-20', 'status: offer'], '\nOffer call on Monday.\n');
    assert.equal(fix(text, 'weigh-offer', 'Insert an offer decision checklist'), text + [
      '',
      '## Weighing the offer from Acme Corp (2026-11-26)',
      '',
      '- [ ] The offer in writing: base, bonus, equity, benefits, start date',
      '- [ ] Compared with the market, and with where your other processes stand',
      '- [ ] The role and team: scope, manager, growth, what you learned in the interviews',
      '- [ ] Practicalities: location, remote policy, hours, commute, notice period',
      '- [ ] Their deadline for an answer, and whether you need more time to decide',
      '- [ ] Questions to ask before deciding, and anything to negotiate',
      '- [ ] Decision made on: ____; reply sent on: ____',
      '',
    ].join('\n'));
  });
});

describe('edits in unusual notes', () => {
  it('a BOM stays in front, and the edit lands in the right place', () => {
    const text = '\ufeff' + note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-24'], 'Body\n');
    assert.equal(fix(text, 'thank-you-due', 'Mark thank-you sent today'),
      '\ufeff' + note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-24', 'thank_you_sent: 2026-11-26'], 'Body\n'));
  });

  it('a rename after an emoji in a flow map edits exactly the key (UTF-16 columns)', () => {
    const line = (key: string) => `{company: "🚀 Rocket", role: Dev, interviewed: 2026-11-24, ${key}: 2026-11-24}`;
    assert.equal(fix(note([line('thankyou_sent')]), 'unknown-field', 'Rename'), note([line('thank_you_sent')]));
  });

  it('a flow-style front matter gets the draft, but no front-matter edit it cannot make cleanly', () => {
    const text = note(['{company: Acme, role: Dev, interviewed: 2026-11-24}']);
    // A comment line after the mapping is clean, so "Don't remind me" is offered.
    assert.deepEqual(titles(text, 'thank-you-due'), ['Draft thank-you email', 'Draft thank-you card', "Don't remind me of thank-you-due in this note"]);
    assert.deepEqual(titles(text, 'ask-timeline'), ["Don't remind me of ask-timeline in this note"]);
  });

  it('a front matter closed with ... gets the new key before it', () => {
    const text = '---\ncompany: Acme\nrole: Dev\ninterviewed: 2026-11-24\n...\nBody\n';
    assert.equal(fix(text, 'thank-you-due', 'Mark thank-you sent today'),
      '---\ncompany: Acme\nrole: Dev\ninterviewed: 2026-11-24\nthank_you_sent: 2026-11-26\n...\nBody\n');
  });
});

describe('every offered edit keeps the front matter readable', () => {
  const notes = [
    note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-01', 'follow_ups:', '  - 2026-11-05', '  - |-', '    2026-11-06', 'status: |', '  waiting', '', 'pitch: hi']),
    note(['  company: Acme', '  role: Dev', '  interviewed: 2026-11-01', '  status: wating', '  thankyou_sent: 2026-11-01']),
    note(['role: Dev', 'interviewed: 2026-11-01', 'follow_ups:', '- 2026-11-05', '- 2026-11-06', 'pitch: |', '  line 1', '  line 2', '']),
    note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-01', 'thank_you_sent:', 'follow_ups: ~', '# the end']),
    note(["'Company': Acme", 'role: Dev', 'interviewed: 2026-11-01', "status: 'offer'"], 'Body', '\r\n'),
  ];
  const everything = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
  const options = { today: TODAY, config: mergeConfig(), templates: builtInTemplates };

  notes.forEach((text, n) => {
    it(`note ${n + 1}`, () => {
      const actions = service.codeActions({ uri: URI, text }, everything, [], options);
      assert.ok(actions.length >= 2);
      for (const a of actions.filter((x) => !x.disabled)) {
        const after = apply(text, a);
        assert.deepEqual(diagnostics(after).filter((d) => d.code === 'yaml-syntax'), [], `${a.title}: ${JSON.stringify(after)}`);
      }
    });
  });
});

describe('which actions a request gets', () => {
  const text = note(['company: Acme', 'role: Dev', 'interviewed: 2026-11-02', 'status: wating']);
  const options = { today: TODAY, config: mergeConfig(), templates: builtInTemplates };

  it('a cursor on a finding gets its fixes; elsewhere, none', () => {
    const [d] = diagnostics(text);
    const cursor = { start: d.range.start, end: d.range.start };
    assert.deepEqual(service.codeActions({ uri: URI, text }, cursor, [], options).map((a) => a.title), ["Change status to 'waiting'"]);
    const line0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual(service.codeActions({ uri: URI, text }, line0, [], options), []);
  });

  it('context diagnostics select their fixes; one without a range is ignored, not fatal', () => {
    const [d] = diagnostics(text);
    const line0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const noRange = { code: d.code } as unknown as typeof d;
    assert.deepEqual(service.codeActions({ uri: URI, text }, line0, [noRange, d], options).map((a) => a.title), ["Change status to 'waiting'"]);
  });

  it('none for a text that is not an interview note', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
    assert.deepEqual(service.codeActions({ uri: URI, text: '# Plain\n' }, range, [], options), []);
  });
});
