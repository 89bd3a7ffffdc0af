/**
 * Each person their own message (SPEC part 3): per-person highlights, the contact who arranged
 * the round, calls, days as a person says them, late thank-yous, current promises only.
 */
import * as assert from 'node:assert/strict';
import { day, fix, note, single, titles } from './helpers';

/** The text a draft action appends, from its heading on. */
function drafted(text: string, rule: string, title: string, today?: string): string {
  const o = today ? { today: day(today) } : undefined;
  const out = fix(text, rule, title, o);
  return out.slice(out.indexOf('## Draft:'));
}

const PANEL = note(['company: Initrode', 'role: Platform Engineer', 'contact: {name: Nora Ellis, email: nora@initrode.example, title: Recruiter}',
  'rounds:', '  - date: 2026-11-24', '    stage: onsite', '    highlight: the migration plan', '    interviewers:',
  '      - {name: Ana Ruiz, email: ana@initrode.example, title: Staff Engineer, highlight: the on-call rotation}',
  '      - {name: Sam Lee, email: sam@initrode.example, title: Engineering Manager}',
  '      - {name: Lee Park, title: Designer}',
  'status: waiting']);

describe('each person their own message', () => {
  it('a panel member gets their own highlight; without one, a placeholder, never another\'s topic', () => {
    const ana = drafted(PANEL, 'thank-you-due', 'Draft thank-you email to Ana Ruiz');
    assert.match(ana, /perspective as Staff Engineer\. I especially enjoyed our conversation about the on-call rotation,/);
    const sam = drafted(PANEL, 'thank-you-due', 'Draft thank-you email to Sam Lee');
    assert.match(sam, /Talking with you about \[what you discussed with Sam Lee\] is the part I have thought about most since/);
    assert.doesNotMatch(sam, /on-call rotation|migration plan/);
    assert.doesNotMatch(sam.split('\n').find((l) => l.startsWith('Subject:'))!, /\[/);
    const body = (d: string) => d.split('\n').filter((l) => !/^(## Draft|To:|Dear )/.test(l)).join('\n');
    assert.notEqual(body(ana), body(sam));
  });

  it('no two thank-yous of a panel share a sentence, emails or cards; the pitch goes to the first only', () => {
    const panel = PANEL.replace('{name: Sam Lee, email: sam@initrode.example, title: Engineering Manager}', '{name: Sam Lee, email: sam@initrode.example, title: Engineering Manager, highlight: the roadmap}')
      .replace('{name: Lee Park, title: Designer}', '{name: Lee Park, email: lee@initrode.example, title: Designer, highlight: the design review}')
      .replace('status: waiting', 'pitch: I ran the migration of a payments platform to Kubernetes.\nstatus: waiting');
    const sentences = (d: string) => d.split('\n').filter((l) => !/^(## Draft|To:|Dear |Best regards|With thanks|\[your name\])/.test(l))
      .join(' ').split(/(?<=[.;?!])\s+/).map((x) => x.trim()).filter(Boolean);
    for (const kind of ['email', 'card']) {
      const drafts = ['Ana Ruiz', 'Sam Lee', 'Lee Park'].map((who) => drafted(panel, 'thank-you-due', `Draft thank-you ${kind} to ${who}`));
      for (let a = 0; a < drafts.length; a++) {
        for (let b = a + 1; b < drafts.length; b++) {
          const shared = sentences(drafts[a]).filter((x) => sentences(drafts[b]).includes(x));
          assert.deepEqual(shared, [], `${kind}s ${a} and ${b} share no sentence`);
        }
      }
      if (kind === 'email') {
        assert.match(drafts[0], /payments platform/);
        assert.doesNotMatch(drafts[1] + drafts[2], /payments platform/);
        const subjects = drafts.map((d) => d.split('\n').find((l) => l.startsWith('Subject:')));
        assert.equal(new Set(subjects).size, 3, `three subjects: ${subjects}`);
      }
    }
  });

  it('thank-you-due asks for the missing highlights', () => {
    assert.match(single(PANEL, 'thank-you-due').message, /; add a highlight for Sam Lee and Lee Park so their thank-yous differ$/);
  });

  it('a round\'s highlight speaks for a one-person round only', () => {
    const one = PANEL.replace(/      - \{name: Ana[^\n]*\n/, '').replace(/      - \{name: Sam[^\n]*\n/, '').replace('{name: Lee Park, title: Designer}', '{name: Lee Park, email: lee@initrode.example}');
    assert.match(drafted(one, 'thank-you-due', 'Draft thank-you email to Lee Park'), /conversation about the migration plan,/);
    assert.doesNotMatch(single(one, 'thank-you-due').message, /add a highlight/);
    // The same round with a second person: the round's topic is nobody's in particular.
    const two = one.replace('      - {name: Lee Park', '      - {name: Sam Lee, email: sam@initrode.example}\n      - {name: Lee Park');
    const lee = drafted(two, 'thank-you-due', 'Draft thank-you email to Lee Park');
    assert.match(lee, /Talking with you about \[what you discussed with Lee Park\] is/);
    assert.doesNotMatch(lee, /migration plan/);
  });

  it('the contact not in the round is thanked for arranging it, never for meeting; the default recipient is who you met', () => {
    const nora = drafted(PANEL, 'thank-you-due', 'Draft thank-you email to Nora Ellis');
    assert.match(nora, /Thank you for arranging my onsite with Ana Ruiz, Sam Lee and Lee Park on Tuesday for the Platform Engineer position at Initrode, and for all your help along the way\./);
    assert.doesNotMatch(nora, /meet|our conversation|migration plan/);
    assert.equal(titles(PANEL, 'thank-you-due')[0], 'Draft thank-you email to Ana Ruiz');
  });

  it('a call is a call; a card names the day', () => {
    const call = note(['company: Initrode', 'role: Platform Engineer', 'contact: {name: Nora Ellis, email: nora@initrode.example}',
      'interviewed: 2026-11-25', 'stage: phone screen', 'highlight: the team', 'status: waiting']);
    const email = drafted(call, 'thank-you-due', 'Draft thank-you email to Nora Ellis');
    assert.match(email, /taking the time to speak with me yesterday about .* our call about the team,/);
    assert.doesNotMatch(email, /meet/);
    assert.match(drafted(call, 'thank-you-due', 'Draft thank-you card to Nora Ellis'), /Thank you for speaking with me on Wednesday about/);
  });

  it('days as a person says them; a late thank-you says sorry; no "look forward" after the promised date', () => {
    const late = note(['company: Initrode', 'role: Platform Engineer', 'contact: {name: Nora Ellis, email: nora@initrode.example}',
      'interviewed: 2026-11-10', 'expect_reply_by: 2026-11-20', 'status: waiting']);
    const d = drafted(late, 'thank-you-due', 'Draft thank-you email to Nora Ellis');
    assert.match(d, /meet with me on 10 November about the Platform Engineer position at Initrode\. I am sorry to be writing only now\./);
    assert.doesNotMatch(d, /look forward to hearing/);
    const lastYear = late.replace('interviewed: 2026-11-10', 'interviewed: 2025-12-30').replace('expect_reply_by: 2026-11-20', 'expect_reply_by: 2026-12-20');
    assert.match(drafted(lastYear, 'thank-you-due', 'Draft thank-you email to Nora Ellis'), /on 30 December 2025 about/);
  });

  it('a check-in quotes the current promise in its words, to the contact; a stale one never', () => {
    const words = note(['company: Initrode', 'role: Platform Engineer', 'contact: {name: Nora Ellis, email: nora@initrode.example}',
      'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'expect_reply_by: within two weeks', 'status: waiting']);
    const d = drafted(words, 'check-in-due', 'Draft check-in email', '2026-11-26');
    assert.match(d, /You mentioned I would hear within two weeks, so I wanted to check in\./);
    assert.doesNotMatch(d, /by \w+day, \d/);
    const stale = note(['company: Initrode', 'role: Platform Engineer', 'contact: {name: Nora Ellis, email: nora@initrode.example}',
      'rounds:', '  - {date: 2026-10-05, thank_you_sent: 2026-10-05}', '  - {date: 2026-10-19, stage: onsite, thank_you_sent: 2026-10-19}',
      'expect_reply_by: 2026-10-10', 'status: waiting']);
    const s = drafted(stale, 'check-in-due', 'Draft check-in email', '2026-11-26');
    assert.match(s, /follow up on our onsite on 19 October for/);
    assert.doesNotMatch(s, /mentioned|10 October/);
  });
});
