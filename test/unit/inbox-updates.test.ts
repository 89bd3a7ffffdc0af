/**
 * A uid-matched invite: only a newer version (a higher SEQUENCE than the one the round was
 * last updated from) moves or cancels the round, and then it changes `date` (or `cancelled`)
 * and `sequence`, nothing else of a round the user has edited.
 */
import assert from 'node:assert/strict';
import { importInbox } from '../../server/src/service/inbox';
import { fixture, only, OPTIONS, run } from './inbox-helpers';

const UID = 'lever-7f3e2a10-5c1d-4c55-9a57-2b8e1d8f9c01';

/** A fixture with its SEQUENCE set to `n`, imported into `notes`. */
const withSequence = (name: string, n: number, notes: { file: string; text: string }[]) =>
  importInbox([{ name, text: fixture(name).replace(/^SEQUENCE:\d+$/m, `SEQUENCE:${n}`) }], notes, OPTIONS);

describe('import: an invite older than the round', () => {
  it('the rescheduled invite, then the one saved before it: the date stays, and the import says why in one line', async () => {
    const first = only(await run(['lever-rescheduled.ics'], []));
    assert.match(first.after, new RegExp(`- date: 2026-12-09T08:00\\n[\\s\\S]*uid: ${UID}\\n {4}sequence: 1\\n`));
    const older = await run(['lever.ics'], [{ file: first.file, text: first.after }]);
    assert.deepEqual(older.files, []);
    assert.deepEqual(older.notes, [{
      source: 'lever.ics',
      message: `${first.file}: rounds[1] not moved: this invite is SEQUENCE 0, older than the SEQUENCE 1 the round was last updated from (it stays on 2026-12-09T08:00)`,
    }]);
  });

  it('an invite of the same SEQUENCE never moves a round whose date was changed by hand', async () => {
    const first = only(await run(['lever.ics'], []));
    const byHand = first.after.replace('date: 2026-12-08T11:00', 'date: 2026-12-08T13:30');
    const again = await run(['lever.ics'], [{ file: first.file, text: byHand }]);
    assert.deepEqual(again.files, []);
    assert.deepEqual(again.notes.map((n) => n.message), [`${first.file}: rounds[1] not moved: this invite is SEQUENCE 0, the same as the one the round was last updated from (it stays on 2026-12-08T13:30)`]);
  });

  it('a cancellation no newer than the round\'s version does not cancel it', async () => {
    const first = only(await run(['lever-rescheduled.ics'], []));
    const r = await withSequence('lever-cancelled.ics', 1, [{ file: first.file, text: first.after }]);
    assert.deepEqual(r.files, []);
    assert.match(r.notes[0].message, /^initech-staff-engineer\.md: rounds\[1\] not cancelled: this invite is SEQUENCE 1, the same as the one the round was last updated from/);
  });

  it('a newer one moves it and remembers its SEQUENCE; the cancellation after it (SEQUENCE 2) cancels it', async () => {
    const first = only(await run(['lever.ics'], []));
    assert.doesNotMatch(first.after, /sequence:/, 'SEQUENCE 0 is not written');
    const moved = only(await run(['lever-rescheduled.ics'], [{ file: first.file, text: first.after }]));
    assert.deepEqual(moved.changes.map((c) => [c.field, c.old, c.new]), [['rounds[1].date', '2026-12-08T11:00', '2026-12-09T08:00'], ['rounds[1].sequence', undefined, '1']]);
    const cancelled = only(await run(['lever-cancelled.ics'], [{ file: first.file, text: moved.after }]));
    assert.equal(cancelled.after, moved.after.replace(`    sequence: 1\n`, `    sequence: 2\n    cancelled: true\n`));
  });
});

const EDITED = `---
company: Initech
role: Staff Engineer
contact: {name: Peter Gibbons, email: peter@initech.example}
rounds:
  - uid: ${UID}   # from Lever
    stage: final with the CTO
    date: 2026-12-08T11:00
    highlight: the TPS report pipeline
    # Bill prefers a whiteboard
    location: 'Initech HQ, room 4 (ask at the desk)'
    interviewers:
      - name: Bill Lumbergh
        title: VP of Engineering
        email: bill.lumbergh@initech.example
    duration: 45
  - {date: 2026-12-15, stage: "team lunch", uid: lunch-1, highlight: ask about on-call}
status: waiting
---

# Initech

Bring the red stapler.
`;

describe('import: an update keeps what the user wrote', () => {
  it('a newer invite for a round the user edited (comments, highlight, a title, keys reordered) changes its date and nothing else', async () => {
    const f = only(await run(['lever-rescheduled.ics'], [{ file: 'initech.md', text: EDITED }]));
    assert.equal(f.after, EDITED.replace('    date: 2026-12-08T11:00\n', '    date: 2026-12-09T08:00\n').replace('    duration: 45\n', '    duration: 45\n    sequence: 1\n'));
  });

  it('what else the newer invite says differently (location, duration) is said in one line, not written', async () => {
    const r = await run(['lever-rescheduled.ics'], [{ file: 'initech.md', text: EDITED }]);
    assert.deepEqual(r.notes.map((n) => n.message), ['initech.md: rounds[1]: the invite also says duration 60, location "Initech HQ, 4120 Freidrich Ln, Austin" (not written: the round keeps yours)']);
  });

  it('a round in flow style is moved and cancelled in place', async () => {
    const note = EDITED.replace(`uid: lunch-1`, `uid: ${UID}, sequence: 1`).replace(`  - uid: ${UID}   # from Lever`, '  - uid: other-1   # from Lever');
    const moved = only(await withSequence('lever-rescheduled.ics', 2, [{ file: 'initech.md', text: note }]));
    assert.equal(moved.after, note.replace('{date: 2026-12-15,', '{date: 2026-12-09T08:00,').replace(`sequence: 1,`, `sequence: 2,`));
    const cancelled = only(await withSequence('lever-cancelled.ics', 3, [{ file: 'initech.md', text: moved.after }]));
    assert.equal(cancelled.after, moved.after.replace(`sequence: 2,`, `sequence: 3,`).replace('on-call}', 'on-call, cancelled: true}'));
  });
});
