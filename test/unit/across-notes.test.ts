/** Across notes (SPEC part 2): weigh-offer names the other open processes; withdraw-others once another note is accepted. */
import * as assert from 'node:assert/strict';
import { CodeAction } from 'vscode-languageserver-types';
import { agendaOf, gatedAgenda, mergeConfig, parseNote, Search } from '../../server/src/service';
import { apply, builtInTemplates, note, service, TODAY, URI } from './helpers';

const config = mergeConfig({});
const notes: Record<string, string> = {
  'acme.md': note(['company: Acme Corp', 'role: Backend Engineer', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'status: accepted']),
  'globex.md': note(['company: Globex', 'role: Frontend Engineer', 'contact: {name: Priya Natarajan, email: priya@globex.example}',
    'rounds:', '  - date: 2026-11-20', '    thank_you_sent: 2026-11-20', '  - date: 2026-12-03', '    stage: onsite', 'status: waiting']),
  'initech.md': note(['company: Initech', 'role: Data Engineer', 'interviewed: 2026-11-23', 'thank_you_sent: 2026-11-23', 'expect_reply_by: 2026-12-04']),
  'wayne.md': note(['company: Wayne Enterprises', 'role: Analytics Engineer', 'interviewed: 2026-11-10', 'thank_you_sent: 2026-11-10', 'status: offer']),
  'hooli.md': note(['company: Hooli', 'role: Platform Engineer', 'interviewed: 2026-10-01', 'status: closed']),
};

function searchOf(files: Record<string, string>): Search {
  return new Search(Object.entries(files).map(([name, text]) => service.summarize({ uri: name, text }, name, TODAY)!));
}

const checkIn = (files: Record<string, string>, name: string) =>
  service.check({ uri: name, text: files[name] }, { today: TODAY, config, search: searchOf(files), name })!;

describe('across notes', () => {
  it('withdraw-others on every open process once another note is accepted, on its status', () => {
    for (const name of ['globex.md', 'initech.md', 'wayne.md']) {
      const d = checkIn(notes, name).filter((x) => x.code === 'withdraw-others');
      assert.equal(d.length, 1, name);
      assert.match(d[0].message as string, /^You accepted the offer from Acme Corp \(acme\.md\): tell (Globex|Initech|Wayne Enterprises) you are withdrawing$/);
    }
    assert.deepEqual(checkIn(notes, 'hooli.md').filter((x) => x.code === 'withdraw-others'), [], 'a closed process: nothing to withdraw from');
    assert.deepEqual(checkIn(notes, 'acme.md').filter((x) => x.code === 'withdraw-others'), [], 'not on the accepted note itself');
    const initech = checkIn(notes, 'initech.md').find((x) => x.code === 'withdraw-others')!;
    assert.equal(initech.range.start.line, 0, 'no status written: on the first line, the opening ---');
  });

  it('an offer once another is accepted: withdraw-others, not weigh-offer (the two would contradict each other)', () => {
    assert.deepEqual(checkIn(notes, 'wayne.md').map((x) => x.code).filter((c) => c === 'weigh-offer' || c === 'withdraw-others'), ['withdraw-others']);
    const declined = { ...notes, 'acme.md': notes['acme.md'].replace('status: accepted', 'status: declined') };
    assert.deepEqual(checkIn(declined, 'wayne.md').map((x) => x.code).filter((c) => c === 'weigh-offer' || c === 'withdraw-others'), ['weigh-offer']);
  });

  it('clears when the accepted note changes', () => {
    const changed = { ...notes, 'acme.md': notes['acme.md'].replace('status: accepted', 'status: declined') };
    assert.deepEqual(checkIn(changed, 'globex.md').filter((x) => x.code === 'withdraw-others'), []);
  });

  it('weigh-offer names the other open processes, with what is next', () => {
    const without: Record<string, string> = { ...notes, 'acme.md': notes['acme.md'].replace('status: accepted', 'status: rejected') };
    const d = checkIn(without, 'wayne.md').find((x) => x.code === 'weigh-offer')!;
    assert.equal(d.message, 'An offer: weigh it against 2 open processes: Globex (onsite 2026-12-03), Initech (waiting); and pay, role, team, timing, before accepting or declining');
  });

  it('alone, weigh-offer reads as before', () => {
    const d = checkIn({ 'wayne.md': notes['wayne.md'] }, 'wayne.md').find((x) => x.code === 'weigh-offer')!;
    assert.equal(d.message, 'An offer: weigh your options (other processes, pay, role, team, timing) before accepting or declining');
  });

  it('the checklist lists them; withdraw-others drafts the withdrawal and sets the status', () => {
    const without: Record<string, string> = { ...notes, 'acme.md': notes['acme.md'].replace('status: accepted', 'status: rejected') };
    const actions = (files: Record<string, string>, name: string, rule: string): CodeAction[] => {
      const diags = checkIn(files, name).filter((x) => x.code === rule);
      return service.codeActions({ uri: URI, text: files[name] }, diags[0].range, diags, {
        today: TODAY, config: mergeConfig({ sender: { name: 'Alex Kim' } }), templates: builtInTemplates, search: searchOf(files), name,
      });
    };
    const checklist = apply(without['wayne.md'], actions(without, 'wayne.md', 'weigh-offer').find((a) => a.title === 'Insert an offer decision checklist')!);
    assert.match(checklist, /Your other open processes:\n- Globex, Frontend Engineer: onsite 2026-12-03 \(globex\.md\)\n- Initech, Data Engineer: waiting \(initech\.md\)\n/);
    const globex = actions(notes, 'globex.md', 'withdraw-others').filter((a) => a.kind === 'quickfix');
    assert.deepEqual(globex.map((a) => a.title), ['Draft withdrawal email to Priya Natarajan', 'Set status: withdrawn']);
    const drafted = apply(notes['globex.md'], globex[0]);
    assert.match(drafted, /## Draft: withdrawal email to Priya Natarajan \(2026-11-26\)\n\nTo: Priya Natarajan <priya@globex\.example>\nSubject: Withdrawing from the Frontend Engineer process\n\nDear Priya,\n\nThank you for your time and for considering me for the Frontend Engineer position at Globex\. I have accepted another offer/);
    assert.match(apply(notes['globex.md'], globex[1]), /\nstatus: withdrawn\n/);
  });

  it('the agenda: a withdrawal comes first for an open process', () => {
    const search = searchOf(notes);
    const globex = parseNote(notes['globex.md'])!;
    const self = service.summarize({ uri: 'globex.md', text: notes['globex.md'] }, 'globex.md', TODAY)!;
    assert.equal(agendaOf(globex, TODAY, config, 7, { self, search }).item?.group, 'withdraw');
    assert.equal(gatedAgenda({ skipped: 'invalid' }, self, search, config, TODAY).item?.action, 'withdraw: you accepted the offer from Acme Corp (acme.md)');
    assert.equal(agendaOf(globex, TODAY, config, 7).item?.group, 'interviews', 'alone: the onsite is next');
  });
});

describe('across notes: the editor hints', () => {
  it('no "check in" hint on a process once an offer elsewhere is accepted (the withdrawal is what is due)', () => {
    const options = { today: TODAY, config, search: searchOf(notes), name: 'initech.md' };
    const hints = (o: typeof options | { today: number; config: typeof config }) => service.inlayHints({ uri: 'initech.md', text: notes['initech.md'] }, undefined, o).map((h) => h.label);
    assert.ok(hints({ today: TODAY, config }).some((l) => String(l).startsWith('→ check in')), 'alone: the check-in to come');
    assert.ok(!hints(options).some((l) => String(l).startsWith('→')), 'after the acceptance: none');
  });
});

describe('across notes: the hover', () => {
  const hoverOn = (files: Record<string, string>, name: string, search = true) => {
    const o = search ? { today: TODAY, config, search: searchOf(files), name } : { today: TODAY, config };
    const h = service.hover({ uri: name, text: files[name] }, { line: 5, character: 18 }, o); // on expect_reply_by's date
    return (h?.contents as { value: string }).value;
  };

  it('on the promised date after an accepted offer elsewhere: no check-in, the withdrawal', () => {
    assert.match(hoverOn(notes, 'initech.md', false), /Check in on Monday, 7 December 2026/, 'alone: the check-in to come');
    const value = hoverOn(notes, 'initech.md');
    assert.doesNotMatch(value, /Check in on/);
    assert.match(value, /\n\nNo check-in: you accepted the offer from Acme Corp \(acme\.md\); withdraw from this process instead\.$/);
  });

  it('on a process closed in another of its notes: no check-in', () => {
    const split = { ...notes, 'acme.md': notes['acme.md'].replace('status: accepted', 'status: waiting'),
      'initech-2.md': note(['company: initech', 'role: Data Engineer', 'interviewed: 2026-11-25', 'status: rejected']) };
    assert.match(hoverOn(split, 'initech.md'), /\n\nNo check-in: this process is rejected in initech-2\.md\.$/);
  });
});
