/**
 * Drafts read by their recipients (SPEC part 3, "Each person their own message" and "Each
 * moment its one message"): the words of each sentence, over notes a real search has.
 */
import * as assert from 'node:assert/strict';
import { mergeConfig, Search, TemplateName } from '../../server/src/service';
import { builtInTemplates, day, note, service, URI } from './helpers';

const config = mergeConfig({ sender: { name: 'Alex Kim', email: 'alex.kim@example.com' } });

/** The draft of `kind` to `to` (the default addressee without one), as `draft --kind` prints it. */
export function draftOf(text: string, kind: TemplateName, to?: string, today = '2026-11-26'): string {
  const r = service.draftText({ uri: URI, text }, kind, to, { today: day(today), config, templates: builtInTemplates });
  assert.ok(r?.text, `a ${kind} draft: ${r?.disabled}`);
  return r.text;
}

const ROUNDS = (stage: string) => note(['company: Initrode', 'role: Platform Engineer', 'contact: {name: Nora Ellis, email: nora@initrode.example}',
  'rounds:', '  - date: 2026-11-10', `    stage: ${stage}`, '    interviewers:', '      - {name: Ana Ruiz, email: ana@initrode.example}',
  '      - {name: Sam Lee, email: sam@initrode.example}', '      - {name: Lee Park, email: lee@initrode.example}',
  '    thank_you_sent: 2026-11-10', '  - date: 2026-12-02', `    stage: ${stage}`, 'status: waiting']);

describe('drafts: the words', () => {
  it('a stage that is no noun ("technical", "final", "hiring manager") is said as an interview: "my technical interview", never "my technical"', () => {
    for (const stage of ['technical', 'final', 'hiring manager']) {
      const held = ROUNDS(stage).replace(/  - date: 2026-12-02\n.*\n/, '');
      const drafts = [
        draftOf(held, 'thank-you-email', 'Nora Ellis', '2026-11-11'), draftOf(held, 'thank-you-card', 'Nora Ellis', '2026-11-11'),
        draftOf(held, 'thank-you-email', 'Sam Lee', '2026-11-11'), draftOf(held, 'thank-you-email', 'Lee Park', '2026-11-11'),
        draftOf(held, 'check-in-email', undefined), draftOf(ROUNDS(stage), 'withdrawal-email', undefined),
      ].join('\n');
      assert.match(drafts, new RegExp(`my ${stage} interview`), drafts);
      assert.doesNotMatch(drafts, new RegExp(`(my|our|The) ${stage}(?! interview)`, 'i'), drafts);
    }
  });

  it('a stage that is a noun ("onsite", "phone screen", "video call") stays as it is', () => {
    for (const stage of ['onsite', 'phone screen', 'video call', 'system design round', 'take-home', 'case study']) {
      const held = ROUNDS(stage).replace(/  - date: 2026-12-02\n.*\n/, '');
      const d = draftOf(held, 'thank-you-email', 'Nora Ellis', '2026-11-11') + draftOf(ROUNDS(stage), 'withdrawal-email', undefined);
      assert.match(d, new RegExp(`Thank you for arranging my ${stage} with`), d);
      assert.match(d, new RegExp(`cancel my ${stage} on`), d);
      assert.doesNotMatch(d, /interview interview|screen interview|call interview|round interview|onsite interview|take-home interview|study interview/, d);
    }
  });
});

const OPEN = note(['company: Hooli', 'role: Platform Engineer', 'contact: {name: Gavin Belson, email: gavin@hooli.example}',
  'interviewed: 2026-11-24', 'stage: onsite', 'status: STATUS']);
const ACCEPTED = note(['company: Aperture', 'role: Engineer', 'contact: {name: Caroline Jones, email: caroline@aperture.example}',
  'interviewed: 2026-11-03', 'thank_you_sent: 2026-11-03', 'status: accepted']);

/** `draft --kind` on hooli.md in a search of `notes` (name -> text). */
function refusal(notes: Record<string, string>, kind: TemplateName): string | undefined {
  const today = day('2026-11-26');
  const search = new Search(Object.entries(notes).map(([name, text]) => service.summarize({ uri: name, text }, name, today)!));
  const r = service.draftText({ uri: 'hooli.md', text: notes['hooli.md'] }, kind, undefined, { today, config, templates: builtInTemplates, search, name: 'hooli.md' });
  return r?.text === undefined ? r?.disabled : undefined;
}

describe('drafts: --kind refuses a message to a process that is over', () => {
  const chasing: TemplateName[] = ['thank-you-email', 'thank-you-card', 'check-in-email', 'check-in-call'];
  for (const status of ['rejected', 'withdrawn', 'declined', 'closed', 'accepted']) {
    it(`status ${status}: no thank-you or check-in ("remain very interested", "look forward to hearing from you")`, () => {
      for (const kind of chasing) assert.match(refusal({ 'hooli.md': OPEN.replace('STATUS', status) }, kind) ?? `${kind} drafted`, new RegExp(`status is ${status}`));
    });
  }

  it('an offer accepted in another note: no thank-you, check-in, time to decide or acceptance; the withdrawal (or the decline) instead', () => {
    for (const status of ['waiting', 'offer']) {
      const notes = { 'hooli.md': OPEN.replace('STATUS', status), 'aperture.md': ACCEPTED };
      const kinds: TemplateName[] = status === 'offer' ? [...chasing, 'offer-time-email', 'offer-accept-email', 'offer-checklist'] : chasing;
      for (const kind of kinds) assert.match(refusal(notes, kind) ?? `${kind} drafted`, /you accepted the offer from Aperture \(aperture\.md\)/);
      assert.equal(refusal(notes, status === 'offer' ? 'offer-decline-email' : 'withdrawal-email'), undefined);
    }
  });

  it('another note of the same process rejected: no thank-you or check-in', () => {
    const notes = { 'hooli.md': OPEN.replace('STATUS', 'waiting'), 'hooli-final.md': OPEN.replace('STATUS', 'rejected').replace('2026-11-24', '2026-11-25') };
    for (const kind of chasing) assert.match(refusal(notes, kind) ?? `${kind} drafted`, /rejected in hooli-final\.md/);
  });
});

/** Sentences of a draft's body and its subject: no heading, address, greeting or sign-off. */
const sentences = (d: string) => d.split('\n').filter((l) => l.trim() && !/^(## Draft|To:|Subject:|Dear |Best regards|With thanks|Alex Kim|alex\.kim@)/.test(l))
  .join(' ').split(/(?<=[.;?!])\s+/).map((x) => x.trim()).filter(Boolean);

describe('drafts: a panel of eight and the contact who arranged it', () => {
  const people = ['Nora Ellis', 'Ana Ruiz', 'Sam Lee', 'Lee Park', 'Omar Haddad', 'Eve Stone', 'Ida Berg', 'Tom Wu', 'Zoe Hart'];
  const panel = (late: boolean) => note(['company: Initrode', 'role: Staff Engineer', 'contact: {name: Nora Ellis, email: nora@initrode.example}',
    'rounds:', '  - date: 2026-11-24', '    stage: onsite', '    interviewers:',
    '      - {name: Ana Ruiz, email: ana@initrode.example, title: Engineering Manager, highlight: the on-call rotation}',
    '      - {name: Sam Lee, email: sam@initrode.example}', '      - {name: Lee Park, email: lee@initrode.example, title: Staff Engineer}',
    '      - {name: Omar Haddad, email: omar@initrode.example, highlight: the migration to Postgres}', '      - {name: Eve Stone, title: Recruiter}',
    '      - {name: Ida Berg, email: ida@initrode.example, title: Tech Lead, highlight: the release train}', '      - {name: Tom Wu, email: tom@initrode.example}',
    '      - {name: Zoe Hart, email: zoe@initrode.example, title: Product Manager}',
    'expect_reply_by: within two weeks', 'pitch: I have run the same migration twice.', 'status: waiting']).replace('2026-11-24', late ? '2026-11-19' : '2026-11-24');
  for (const late of [false, true]) {
    for (const kind of ['thank-you-email', 'thank-you-card'] as TemplateName[]) {
      it(`${kind}s${late ? ', a week late,' : ''}: no two of the nine share a sentence or a subject; the pitch goes to one`, () => {
        const drafts = people.map((who) => draftOf(panel(late), kind, who));
        for (let a = 0; a < drafts.length; a++) {
          for (let b = a + 1; b < drafts.length; b++) {
            const shared = sentences(drafts[a]).filter((x) => sentences(drafts[b]).includes(x));
            assert.deepEqual(shared, [], `${people[a]} and ${people[b]} share:\n${drafts[a]}\n${drafts[b]}`);
          }
        }
        const subjects = drafts.map((d) => d.split('\n').find((l) => l.startsWith('Subject:'))).filter(Boolean);
        assert.equal(new Set(subjects).size, subjects.length, `subjects: ${subjects.join(' | ')}`);
        assert.ok(subjects.every((s) => !s!.includes('[')), 'no placeholder in a subject');
        assert.ok(drafts.filter((d) => d.includes('same migration twice')).length <= 1, 'the pitch once');
      });
    }
  }

  it('the contact is thanked for arranging a round of eight: three named, the others counted, in the email and the card', () => {
    for (const kind of ['thank-you-email', 'thank-you-card'] as TemplateName[]) {
      assert.match(draftOf(panel(false), kind, 'Nora Ellis'), /Thank you for arranging my onsite with Ana Ruiz, Sam Lee, Lee Park and 5 others on Tuesday/);
    }
  });

  it('the ninth person, past the eight a thank-you is offered to, is drafted for by name', () => {
    const zoe = draftOf(panel(false), 'thank-you-email', 'Zoe Hart');
    assert.match(zoe, /^To: Zoe Hart <zoe@initrode\.example>$/m);
    assert.match(zoe, /^Subject: A note of thanks$/m, 'the eighth of the panel: a shape of her own');
  });
});

describe('drafts: the contact who was also in the round', () => {
  it('is thanked with what the round says of them (their title as an interviewer), and for the conversation, not for arranging', () => {
    const text = note(['company: Hooli', 'role: Engineer', 'contact: {name: Gavin Belson, email: gavin@hooli.example}',
      'rounds:', '  - date: 2026-11-25', '    stage: technical', '    interviewers:', '      - {name: Ana Ruiz, email: ana@hooli.example}',
      '      - {name: Gavin Belson, email: gavin@hooli.example, title: CEO, highlight: the compression roadmap}', 'status: waiting']);
    for (const kind of ['thank-you-email', 'thank-you-card'] as TemplateName[]) {
      const d = draftOf(text, kind, 'Gavin Belson');
      assert.match(d, /the compression roadmap/);
      assert.match(d, /as CEO/, d);
      assert.doesNotMatch(d, /arranging/);
    }
  });
});

describe('drafts: a round held on a video link is a call', () => {
  const round = (extra: string[], stage = 'technical') => note(['company: Hooli', 'role: Engineer', 'contact: {name: Gavin Belson, email: gavin@hooli.example}',
    'rounds:', '  - date: 2026-11-25T10:00', `    stage: ${stage}`, ...extra.map((x) => `    ${x}`), 'status: waiting']);
  it('a conference link (as an imported Zoom or Meet invite writes it), or a location naming a call: "speak with me", never "meet"', () => {
    for (const extra of [['link: https://zoom.us/j/123'], ['location: Phone call'], ['location: Video (Teams)']]) {
      const d = draftOf(round(extra), 'thank-you-email') + draftOf(round(extra), 'thank-you-card');
      assert.match(d, /speak with me yesterday/, d);
      assert.match(d, /speaking with me on Wednesday/, d);
      assert.doesNotMatch(d, /\bmeet(ing)?\b/, d);
    }
  });
  it('an onsite with the Meet link a calendar adds to every event is still a meeting', () => {
    const d = draftOf(round(['link: https://meet.google.com/abc-defg-hij', 'location: Acme HQ, Room 4'], 'onsite'), 'thank-you-email');
    assert.match(d, /meet with me yesterday/, d);
  });
});

describe('drafts: what the note leaves out or over-punctuates', () => {
  it('a highlight written as a sentence ("the ledger.", "Rust!") is not punctuated twice', () => {
    const text = note(['company: Acme', 'role: Engineer', 'contact: {name: Jane Doe, email: jane@acme.example}', 'interviewed: 2026-11-25',
      'highlight: the ledger.', 'status: waiting']);
    const panel = note(['company: Acme', 'role: Engineer', 'rounds:', '  - date: 2026-11-25', '    interviewers:',
      '      - {name: Ana Ruiz, email: ana@acme.example, highlight: "Rust!"}', '      - {name: Bo Li, email: bo@acme.example, highlight: "the on-call rotation;"}', 'status: waiting']);
    const all = [draftOf(text, 'thank-you-email'), draftOf(text, 'thank-you-card'), draftOf(panel, 'thank-you-email', 'Ana Ruiz'),
      draftOf(panel, 'thank-you-email', 'Bo Li'), draftOf(panel, 'thank-you-card', 'Bo Li')].join('\n');
    assert.match(all, /about the ledger, and it left me/);
    assert.doesNotMatch(all, /[.!;][.,;]|!\s+is/, all);
  });

  it('a note without a role: no placeholder in any subject (the body keeps it, visible)', () => {
    const text = note(['company: Acme', 'contact: {name: Jane Doe, email: jane@acme.example}', 'interviewed: 2026-11-10', 'thank_you_sent: 2026-11-10', 'status: STATUS']);
    const kinds: [TemplateName, string][] = [['thank-you-email', 'waiting'], ['check-in-email', 'waiting'], ['withdrawal-email', 'waiting'],
      ['offer-accept-email', 'offer'], ['offer-decline-email', 'offer'], ['offer-time-email', 'offer'], ['rejection-reply-email', 'rejected']];
    for (const [kind, status] of kinds) {
      const d = draftOf(text.replace('STATUS', status), kind);
      const subject = d.split('\n').find((l) => l.startsWith('Subject:'))!;
      assert.doesNotMatch(subject, /\[|\]|  |: $/, `${kind}: ${subject}`);
      if (kind !== 'rejection-reply-email') assert.match(d, /\[role\]/, `${kind}: the body still shows what is missing`);
    }
  });
});

describe('drafts: a name with an honorific', () => {
  const text = note(['company: Acme', 'role: Engineer', 'contact: {name: Dr. Jane Doe, email: jane@acme.example}', 'rounds:', '  - date: 2026-11-25',
    '    interviewers:', '      - {name: Prof Ana Ruiz, email: ana@acme.example}', '      - {name: Sam Lee, email: sam@acme.example}', 'status: waiting']);
  it('greets "Dear Dr. Doe,", never "Dear Dr.,"', () => {
    assert.match(draftOf(text, 'thank-you-email', 'Dr. Jane Doe'), /\nDear Dr\. Doe,\n/);
    assert.match(draftOf(text, 'thank-you-card', 'Prof Ana Ruiz'), /\nDear Prof Ruiz,\n/);
    assert.match(draftOf(text, 'thank-you-email', 'Sam Lee'), /\nDear Sam,\n/);
  });
});

describe('drafts: a withdrawal with a round booked', () => {
  const booked = (date: string) => note(['company: Acme', 'role: Engineer', 'contact: {name: Jane Doe, email: jane@acme.example}', 'rounds:',
    '  - {date: 2026-11-10, stage: phone screen, thank_you_sent: 2026-11-10}', `  - {date: ${date}, stage: final}`, 'status: waiting']);
  it('asks to cancel it by its day and date, with the year only when it is not this year\'s', () => {
    assert.match(draftOf(booked('2026-12-03'), 'withdrawal-email'), /Could you please cancel my final interview on Thursday, 3 December\? I am sorry/);
    assert.match(draftOf(booked('2027-01-04'), 'withdrawal-email'), /Could you please cancel my final interview on Monday, 4 January 2027\?/);
  });
});

describe('drafts: a promise in words that points at a day', () => {
  const words = (phrase: string) => note(['company: Initech', 'role: Data Engineer', 'contact: {name: Bill Lumbergh, email: bill@initech.example}',
    'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', `expect_reply_by: ${phrase}`, 'status: waiting']);
  it('"end of next week", "by Friday", "next Tuesday": quoted in its words, with the day they meant (read weeks later, "next week" is no longer next week)', () => {
    assert.match(draftOf(words('end of next week'), 'check-in-email'), /You mentioned I would hear by the end of next week \(Friday, 13 November\), so I wanted to check in\./);
    assert.match(draftOf(words('by Friday'), 'check-in-email'), /You mentioned I would hear by Friday \(6 November\), so/);
    assert.match(draftOf(words('next Tuesday'), 'check-in-call'), /The ask: You mentioned I would hear next Tuesday \(10 November\);/);
  });
  it('"within two weeks" counts from the interview the email names: as it is', () => {
    assert.match(draftOf(words('within two weeks'), 'check-in-email'), /You mentioned I would hear within two weeks, so I wanted to check in\./);
  });
});

describe('a round\'s link or location with a bidi override, typed in the note', () => {
  const text = note(['company: Acme', 'role: Engineer', 'contact: {name: Jane Doe, email: jane@acme.example}', 'rounds:', '  - date: 2026-12-03T10:00',
    '    link: "https://zoom.us/j/1\\u202e23"', '    location: "Room \\u202e1"', 'status: waiting']);
  it('the link gets invalid-value, and the calendar carries neither (a location is only read for a call, never written)', () => {
    const options = { today: day('2026-11-26'), config, templates: builtInTemplates };
    const problems = service.check({ uri: URI, text }, options)!.filter((d) => d.code === 'invalid-value');
    assert.deepEqual(problems.map((d) => d.range.start.line), [6], JSON.stringify(problems.map((d) => d.message)));
    const events = JSON.stringify(service.calendar({ uri: URI, text }, options));
    assert.doesNotMatch(events, /\u202e|\\u202e|zoom\.us/i, events);
  });
});
