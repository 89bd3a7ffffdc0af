/**
 * The phrase tables: one data file per language (server/src/service/inbox/phrases/*.json),
 * each with every key; a German reply read as an English one is (rejection, timeline with its
 * date words, quote header, automatic reply) and a German stage in an invite's summary.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importInbox } from '../../server/src/service/inbox';
import { TABLES } from '../../server/src/service/inbox/phrases';
import { ACME, fixture, only, OPTIONS, ROOT, run } from './inbox-helpers';

const PHRASES = path.join(ROOT, 'server/src/service/inbox/phrases');
const PETRA = [{ file: 'acme.md', text: ACME.replace('Jane Doe   # recruiter', 'Petra Schmidt').replace('jane.doe@acme.example', 'petra.schmidt@acme.example') }];

/** The German timeline reply with its promise in other words. */
const promise = (words: string) => importInbox([{ name: 'de.eml', text: fixture('timeline-de.eml').replace('innerhalb von zwei Wochen', words) }], PETRA, OPTIONS);

describe('import: the phrase tables', () => {
  it('every language is a data file, and every one is read', () => {
    const files = fs.readdirSync(PHRASES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    assert.deepEqual(files, ['de', 'en']);
    assert.deepEqual(TABLES.map((t) => t.language).sort(), files);
    assert.deepEqual(fs.readdirSync(PHRASES).filter((f) => !f.endsWith('.json')), ['index.ts'], 'no language is code');
  });

  it('every table has every key, each with phrases, none of them empty', () => {
    const keys = Object.keys(TABLES[0]).sort();
    for (const t of TABLES) {
      assert.deepEqual(Object.keys(t).sort(), keys, t.language);
      for (const [key, value] of Object.entries(t)) {
        if (key === 'language') continue;
        const lists: unknown[] = Array.isArray(value) ? [value] : Object.values(value as object);
        assert.ok(lists.length > 0, `${t.language}.${key} is empty`);
        for (const list of lists) {
          const phrases = Array.isArray(list) ? list : [list];
          assert.ok(phrases.length > 0 && phrases.every((p) => typeof p === 'string' && p.trim() === p && p !== ''), `${t.language}.${key}: ${JSON.stringify(list)}`);
        }
      }
      assert.deepEqual(Object.keys(t.stages).sort(), Object.keys(TABLES[0].stages).sort(), `${t.language}: the same stages`);
    }
  });
});

describe('import: a reply in German', () => {
  it('a rejection (quoted-printable umlauts, an encoded-word subject): status rejected, the sentence shown, the reply recorded', async () => {
    const f = only(await run(['rejection-de.eml'], PETRA));
    assert.equal(f.after, PETRA[0].text.replace('status: waiting\n', `status: rejected
replies:
  - {date: 2026-11-27, from: petra.schmidt@acme.example, subject: "Ihre Bewerbung – Rückmeldung"}
`));
    assert.equal(f.changes.find((c) => c.field === 'status')!.sentence, 'Nach sorgfältiger Prüfung haben wir uns leider für einen anderen Kandidaten entschieden, dessen Profil noch besser zu unseren aktuellen Anforderungen passt.');
  });

  it('the same rejection with its umlauts decomposed (u and a combining diaeresis, as some mailers send them)', async () => {
    const text = fixture('rejection-de.eml').replace(/f=C3=BCr/g, 'fu=CC=88r');
    const f = only(await importInbox([{ name: 'nfd.eml', text }], PETRA, OPTIONS));
    assert.equal(f.changes.find((c) => c.field === 'status')?.new, 'rejected', JSON.stringify(f.changes));
  });

  it('a timeline ("innerhalb von zwei Wochen" on Wed 25 Nov is 9 Dec), the quoted message below "Am ... schrieb ...:" not read', async () => {
    const f = only(await run(['timeline-de.eml'], PETRA));
    assert.deepEqual(f.changes.map((c) => [c.field, c.new, c.sentence]), [
      ['replies', '2026-11-25 from petra.schmidt@acme.example: AW: Vielen Dank', undefined],
      ['expect_reply_by', '2026-12-09', 'Wir melden uns innerhalb von zwei Wochen mit einer Entscheidung bei Ihnen.'],
    ]);
    assert.match(f.after, /^status: waiting$/m);
  });

  for (const [words, day] of [
    ['bis Freitag', '2026-11-27'], ['bis Ende nächster Woche', '2026-12-04'], ['bis Freitag nächster Woche', '2026-12-04'],
    ['innerhalb von 5 Werktagen', '2026-12-02'], ['in den nächsten zehn Tagen', '2026-12-05'], ['bis Mitte Dezember', '2026-12-15'],
    ['innerhalb einer Woche', '2026-12-02'], ['bis Ende des Monats', '2026-11-30'],
  ]) {
    it(`"${words}" from Wed 25 Nov is ${day}`, async () => {
      const f = only(await promise(words));
      assert.equal(f.changes.find((c) => c.field === 'expect_reply_by')?.new, day, JSON.stringify(f.changes));
    });
  }

  it('an automatic reply (Abwesenheitsnotiz) changes nothing', async () => {
    const text = fixture('auto-reply.eml').replace('Automatic reply', 'Abwesenheitsnotiz').replace(/^(?:Auto-Submitted|X-Autoreply):.*\r\n/gm, '')
      .replace('I am out of the office until December 7 with limited access to email.', 'Ich bin bis zum 7. Dezember nicht im Büro.');
    const r = await importInbox([{ name: 'ooo.eml', text }], [{ file: 'acme.md', text: ACME }], OPTIONS);
    assert.deepEqual([r.files, r.notes.map((n) => n.message)], [[], ['an automatic reply from jane.doe@acme.example: nothing to record']]);
  });

  it('an invite whose summary names a German stage ("Technisches Interview") gets that stage', async () => {
    const text = fixture('google-meet.ics').replace('SUMMARY:Acme Corp - Technical Interview - Senior Backend Engineer', 'SUMMARY:Acme Corp - Technisches Interview - Senior Backend Engineer');
    const f = only(await importInbox([{ name: 'de.ics', text }], [{ file: 'acme.md', text: ACME }], OPTIONS));
    assert.ok(f.changes.some((c) => c.field === 'rounds[2].stage' && c.new === 'technical'), JSON.stringify(f.changes));
  });

  it('English reads "within a fortnight" too (its date words)', async () => {
    const text = fixture('by-domain.eml').replace('within two weeks', 'within a fortnight');
    const f = only(await importInbox([{ name: 'en.eml', text }], [{ file: 'acme.md', text: ACME }], OPTIONS));
    assert.equal(f.changes.find((c) => c.field === 'expect_reply_by')?.new, '2026-12-15');
  });
});
