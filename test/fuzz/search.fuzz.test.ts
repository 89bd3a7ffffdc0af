/**
 * A simulated job search (SPEC part 3, issue 19 point 7): whole searches generated
 * (searches.ts), walked day by day for 90 days through the pure service, and on some days
 * through the CLI, asserting the SPEC's invariants:
 *
 * - every open note has something due, or a date when it will (an agenda entry that is not a
 *   bare "waiting"), and appears in the agenda;
 * - nothing chases a closed process (closed in any of its notes) or one after an accepted
 *   offer: there, withdraw-others is the one thing due, in check, agenda and calendar;
 * - agenda, calendar and check agree (a due thank-you, check-in or withdrawal in one is in the
 *   others, on the same day);
 * - every due draft renders and is addressed;
 * - the CLI (check, agenda) says what the service says.
 *
 * - every due draft quotes only current facts (no stale promise, "you mentioned" to the contact
 *   only, no "look forward to hearing" past the promised date, no "remain interested" after
 *   an accepted offer), and no two thank-yous of a round share a sentence.
 * Fixed seed and run count.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, promises as fsp, readFileSync, realpathSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { main } from '../../server/src/cli/main';
import {
  CONFIG_FILE, createLanguageService, formatDay, gateOf, longDay, mergeConfig, parseConfigText, parseNote, Search, TemplateLookup,
} from '../../server/src/service';
import { timelineOf } from '../../server/src/service/rules/timeline';
import { configText, DAYS, GenSearch, notesOn, search, START } from './searches';

export const RUNS = 40;
/** Every this many days of a run, the CLI too. */
const CLI_EVERY = 30;

const TEMPLATES = path.resolve(__dirname, '../../../templates');
const builtIn: TemplateLookup = (name) => ({ origin: `${name}.hbs`, text: readFileSync(path.join(TEMPLATES, `${name}.hbs`), 'utf8') });
const CHASING = ['thank-you-due', 'ask-timeline', 'check-in-due', 'let-it-go', 'second-follow-up', 'weigh-offer'];
const service = createLanguageService();
const tally = { days: 0, notes: 0, drafts: 0, withdrawals: 0, closedElsewhere: 0, cliDays: 0, pairs: 0 };

interface NoteDay { name: string; codes: string[]; agendaKind?: string; agendaDay?: string; skipped?: string }

/** One day of a search through the service: every invariant on every note; what it found, for the CLI to agree with. */
function walkDay(s: GenSearch, day: number): NoteDay[] {
  const config = mergeConfig(parseConfigText(configText(s)).layer);
  const notes = notesOn(s, day);
  const summaries = Object.entries(notes).map(([name, text]) => service.summarize({ uri: name, text }, name, day)!);
  const index = new Search(summaries);
  const out: NoteDay[] = [];
  for (const [name, text] of Object.entries(notes)) {
    const doc = { uri: name, text };
    const options = { today: day, config, search: index, name, templates: builtIn };
    const where = `${name} on ${formatDay(day)}:\n${text}`;
    const diagnostics = service.check(doc, options)!;
    const codes = diagnostics.map((d) => String(d.code));
    assert.deepEqual(codes.filter((c) => ['missing-field', 'invalid-date', 'invalid-value', 'yaml-syntax'].includes(c)), [], `a valid note: ${where}`);
    const agenda = service.agenda(doc, { ...options, horizon: 7 })!;
    const calendar = service.calendar(doc, options)!;
    const self = summaries.find((x) => x.name === name)!;
    const gate = gateOf(self, index, config);
    const open = self.status === 'waiting' || self.status === 'offer' || self.status === 'advanced';
    tally.notes++;

    // Nothing chases a closed process, nor one after an accepted offer elsewhere.
    if (gate?.kind === 'closed') {
      tally.closedElsewhere++;
      assert.ok(!codes.some((c) => CHASING.includes(c) || c === 'withdraw-others'), `a process closed in another note is not chased: ${codes}: ${where}`);
      assert.equal(agenda.item, undefined, `closed elsewhere: no agenda entry: ${where}`);
      assert.deepEqual(calendar, [], `closed elsewhere: no calendar event: ${where}`);
    }
    const acceptedHere = index.sameProcess(self).first.some((x) => x.status === 'accepted') || self.status === 'accepted';
    if (acceptedHere) assert.ok(!codes.includes('withdraw-others'), `never told to withdraw from the process you accepted: ${where}`);
    if (gate?.kind === 'withdraw') {
      tally.withdrawals++;
      assert.deepEqual(codes.filter((c) => CHASING.includes(c)), [], `after an accepted offer, only the withdrawal: ${where}`);
      assert.ok(codes.includes('withdraw-others'), `withdraw-others on an open process: ${where}`);
      assert.equal(agenda.item?.kind, 'withdraw', `the agenda's withdrawal: ${where}`);
      assert.deepEqual(calendar.filter((e) => e.reminder).map((e) => e.kind), ['withdraw'], `the calendar's one reminder: ${where}`);
      const w = calendar.find((e) => e.kind === 'withdraw')!;
      if (self.contact) assert.deepEqual(w.contact, self.contact, `the withdrawal carries the contact: ${where}`);
    }

    // Every open note appears, with something due or a date when it will.
    if (open && gate?.kind !== 'closed') {
      assert.ok(agenda.item, `an open note in the agenda (${'skipped' in agenda ? agenda.skipped : ''}): ${where}`);
      if (self.status !== 'advanced') assert.notEqual(agenda.item.kind, 'waiting', `something due or dated: ${agenda.item.action}: ${where}`);
    }

    // Agenda, calendar and check agree.
    const item = agenda.item;
    const dueNow = item && item.day <= day && item.group !== 'waiting';
    const reminders = calendar.filter((e) => e.reminder);
    if (item?.kind === 'check-in') {
      assert.deepEqual(reminders.filter((e) => e.kind === 'check-in').map((e) => e.day), [item.day], `the calendar's check-in is the agenda's: ${where}`);
      assert.equal(codes.includes('check-in-due'), item.day <= day, `check-in-due when the agenda says it is due: ${where}`);
    }
    if (item?.kind === 'thank-you' && dueNow) assert.ok(codes.includes('thank-you-due'), `thank-you-due with the agenda's: ${where}`);
    if (codes.includes('check-in-due')) assert.ok(['check-in', 'thank-you', 'stop-following-up'].includes(item?.kind ?? ''), `the agenda has the check-in (or what comes first): ${item?.kind}: ${where}`);
    if (codes.includes('withdraw-others')) assert.equal(item?.kind, 'withdraw', `withdraw-others is the agenda's: ${where}`);
    if (item?.kind === 'weigh-offer') assert.ok(codes.includes('weigh-offer'), `weigh-offer with the agenda's: ${where}`);
    for (const e of calendar) if (e.kind !== 'withdraw' && e.contact === undefined) assert.ok(!self.contact, `every event of a process carries its contact: ${e.kind}: ${where}`);

    // Every due draft renders, is addressed and says only what is so; two drafts of a round differ.
    if (day % 3 === 0) {
      const rendered: { kind: string; to?: string; text: string }[] = [];
      for (const offer of service.drafts(doc, options)!.filter((o) => o.due && !o.disabled)) {
        const r = service.draftText(doc, offer.kind, offer.to, options)!;
        assert.ok(r.text, `${offer.kind} renders (${r.disabled}): ${where}`);
        if (offer.kind.endsWith('-email')) assert.match(r.text, /^To: \S.*$/m, `${offer.kind} is addressed: ${where}`);
        rendered.push({ kind: offer.kind, to: offer.to, text: r.text });
        tally.drafts++;
      }
      saysWhatIsSo(text, day, rendered, gate?.kind === 'withdraw', where);
      if (gate?.kind === 'withdraw') {
        const first = service.drafts(doc, options)!.find((o) => o.due && !o.disabled);
        assert.ok(first && /withdrawal|decline/.test(first.kind), `draft without --kind: the withdrawal (${first?.kind}): ${where}`);
      }
    }
    out.push({ name, codes: [...codes].sort(), agendaKind: item?.kind, agendaDay: item && formatDay(item.day), skipped: 'skipped' in agenda ? agenda.skipped : undefined });
  }
  tally.days++;
  return out;
}

describe('fuzz: a simulated job search, day by day', function () {
  this.timeout(120_000);
  let root: string;
  before(() => {
    root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ifu-search-')));
  });
  after(async () => {
    await fsp.rm(root, { recursive: true, force: true });
    console.log(`      search: ${RUNS} searches x ${DAYS} days: ${tally.notes} note-days, ${tally.withdrawals} withdrawals due, ` +
      `${tally.closedElsewhere} closed in another note, ${tally.drafts} due drafts rendered, ${tally.pairs} pairs of a round's thank-yous compared, ${tally.cliDays} days through the CLI`);
  });

  // Shrunk counterexamples, kept: each failed before its fix.
  const walk = (s: GenSearch) => {
    for (let d = 0; d < DAYS; d++) walkDay(s, START + d);
  };
  const one = (p: Partial<GenSearch['processes'][number]> & Pick<GenSearch['processes'][number], 'company'>): GenSearch['processes'][number] => ({
    role: 'Backend Engineer', rounds: [{ gap: 0, stage: 'phone screen', interviewers: [], thanks: 0 }], checkIns: [], outcome: { kind: 'none' }, split: false, ...p,
  });

  it('regression: maxFollowUps 2, one check-in sent: the second is due, the note never waits with nothing due', () => {
    walk({ maxFollowUps: 2, holidays: [], processes: [one({ company: 'Acme Corp', checkIns: [1] })] });
  });

  it('regression: an offer accepted the day after it came: the other process is told to withdraw, and nothing else', () => {
    walk({ maxFollowUps: 0, holidays: [], processes: [
      one({ company: 'Acme Corp', rounds: [{ gap: 0, stage: 'phone screen', interviewers: [] }], outcome: { kind: 'offer', after: 1, accepted: 1 } }),
      one({ company: 'Hooli', rounds: [{ gap: 0, stage: 'phone screen', interviewers: [] }] }),
    ] });
  });

  it('regression: the contact who arranged a phone screen and the interviewer get thank-yous that share no sentence (email and card)', () => {
    walk({ maxFollowUps: 0, holidays: [], processes: [one({ company: 'Acme Corp', contact: { name: 'Jane Doe' },
      rounds: [{ gap: 0, stage: 'phone screen', interviewers: [{ name: 'Sam Lee' }] }, { gap: 3, stage: 'phone screen', interviewers: [] }] })] });
  });

  it('regression: two of a panel thanked late say sorry each in their own words', () => {
    walk({ maxFollowUps: 0, holidays: [], processes: [one({ company: 'Acme Corp', outcome: { kind: 'offer', after: 5 },
      rounds: [{ gap: 0, stage: 'phone screen', interviewers: [] }, { gap: 13, stage: 'phone screen', interviewers: [] },
        { gap: 13, stage: 'phone screen', interviewers: [{ name: 'Jane Doe' }, { name: 'Priya Natarajan' }] }] })] });
  });

  it(`keeps the SPEC's invariants every day, in the service and the CLI (${RUNS} searches, ${DAYS} days each)`, async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(search, async (s) => {
      const dir = path.join(root, `s${run++}`);
      for (let d = 0; d < DAYS; d++) {
        const day = START + d;
        const found = walkDay(s, day);
        if (d % CLI_EVERY !== CLI_EVERY - 1) continue;
        await cliAgrees(dir, s, day, found);
      }
    }), { seed: 0x5ea4c, numRuns: RUNS });
    assert.ok(tally.withdrawals > 0 && tally.closedElsewhere > 0, 'the searches reach withdrawals and processes closed in another note');
  });
});

/** Sentences of a draft's body: no heading, address, greeting or sign-off. */
const sentences = (d: string) => d.split('\n').filter((l) => l.trim() && !/^(## Draft|To:|Subject:|Dear |Best regards|With thanks|\[your name\])/.test(l))
  .join(' ').split(/(?<=[.;?!])\s+/).map((x) => x.trim()).filter((x) => x.length > 0);

/**
 * The drafts due on a note quote only current facts: never a stale promise, "you mentioned" to
 * the contact only, no "I look forward to hearing from you" once the promise has passed, never
 * "remain interested" after an accepted offer; and no two thank-yous of a round share a sentence.
 */
function saysWhatIsSo(text: string, day: number, drafts: { kind: string; to?: string; text: string }[], withdrawing: boolean, where: string): void {
  const i = parseNote(text)!.interview!;
  const t = timelineOf(i, day);
  const contact = i.contact.kind === 'ok' ? i.contact.value.name : undefined;
  for (const d of drafts) {
    const at = `${d.kind} to ${d.to ?? 'the contact'}:\n${d.text}\n${where}`;
    if (t?.stale) {
      const [, , dd] = formatDay(t.stale.day).split('-').map(Number);
      const long = longDay(t.stale.day);
      assert.ok(!d.text.includes(long) && !d.text.includes(formatDay(t.stale.day)) && !d.text.includes(`${dd} ${long.split(' ')[2]}`), `a stale promise is never quoted: ${at}`);
    }
    if (/you mentioned/i.test(d.text)) assert.ok(d.to === undefined || d.to === contact, `"you mentioned" to the contact only: ${at}`);
    if (t?.promise && t.promise.day < day) assert.doesNotMatch(d.text, /look forward to hearing from you/, `the promised date has passed: ${at}`);
    if (withdrawing) assert.doesNotMatch(d.text, /remain (very )?interested/, `after an accepted offer: ${at}`);
  }
  for (const kind of ['thank-you-email', 'thank-you-card']) {
    const round = drafts.filter((d) => d.kind === kind);
    for (let a = 0; a < round.length; a++) {
      for (let b = a + 1; b < round.length; b++) {
        const shared = sentences(round[a].text).filter((x) => sentences(round[b].text).includes(x));
        assert.deepEqual(shared, [], `two ${kind}s of a round share no sentence (${round[a].to}, ${round[b].to}):\n${round[a].text}\n${round[b].text}\n${where}`);
        tally.pairs++;
      }
    }
  }
}

/** The CLI's check and agenda on the notes of that day: the same findings and actions as the service. */
async function cliAgrees(dir: string, s: GenSearch, day: number, found: NoteDay[]): Promise<void> {
  await fsp.rm(dir, { recursive: true, force: true });
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(path.join(dir, CONFIG_FILE), configText(s));
  for (const [name, text] of Object.entries(notesOn(s, day))) await fsp.writeFile(path.join(dir, name), text);
  const run = async (...args: string[]) => {
    let out = '';
    await main([...args, '--today', formatDay(day), '--format', 'json'], { stdout: (x) => (out += x), stderr: () => undefined, cwd: dir, env: {}, now: () => new Date() });
    return JSON.parse(out);
  };
  const check = (await run('check')) as { file: string; rule: string }[];
  const agenda = (await run('agenda')) as { file: string; kind: string; date: string }[];
  for (const n of found) {
    assert.deepEqual(check.filter((f) => f.file === n.name).map((f) => f.rule).sort(), n.codes, `CLI check = service on ${n.name}, ${formatDay(day)}`);
    const row = agenda.find((r) => r.file === n.name);
    assert.deepEqual(row && [row.kind, row.date], n.agendaKind ? [n.agendaKind, n.agendaDay] : undefined, `CLI agenda = service on ${n.name}, ${formatDay(day)}`);
  }
  tally.cliDays++;
}
