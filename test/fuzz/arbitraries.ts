/**
 * Generators for the property tests: any text at all, and notes that look like what people
 * write (every known key, right and wrong values, comments, quoting, flow and block style,
 * CRLF, tabs, emoji) with noise mixed in, so most runs reach the rules and the code actions.
 */
import fc from 'fast-check';

/** Characters that matter to YAML, markdown and positions, plus lone surrogates and a BOM. */
const SPECIAL = ['\n', '\r', '\r\n', '\t', ' ', '\0', '\ufeff', '\u2028', '\u0085', '#', ':', '-', '---', '...', '[', ']', '{', '}',
  ',', '"', "'", '|', '>', '&', '*', '!', '!!', '%', '@', '`', '?', '~', '\\', '\ud83d', '\ude80', '🚀', '👩‍💻', '面试', 'é'];

/** One "character" of hostile text: mostly ordinary, often special. */
export const hostileUnit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** Any text, biased towards what breaks parsers. */
export const anyText = fc.string({ unit: hostileUnit, maxLength: 200 });

/** Any text behind an opening fence, so the front-matter code runs. */
export const fencedText = fc.tuple(fc.constantFrom('---\n', '---\r\n', '\ufeff---\n', '--- \n'), anyText, fc.constantFrom('', '\n---\n', '\n...\n', '\r\n---\r\n'), anyText)
  .map(([open, fm, close, body]) => open + fm + close + body);

// ---- notes ------------------------------------------------------------------------------

const day = (n: number) => new Date(Date.UTC(2026, 9, 1) + n * 86_400_000).toISOString().slice(0, 10);
/** A real date around "today" (2026-11-26): October to mid-December 2026. */
const realDate = fc.integer({ min: 0, max: 75 }).map(day);

const dateValue = fc.oneof(
  { weight: 8, arbitrary: realDate },
  { weight: 1, arbitrary: realDate.map((d) => `"${d}"`) },
  { weight: 1, arbitrary: realDate.map((d) => `'${d}'`) },
  { weight: 1, arbitrary: realDate.map((d) => `${d}T10:30:00`) },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30', 'soonish', '20261102', '2026-13-01', '', '~', 'null', '[2026-11-02]', '{a: 1}', 'yes') },
);

const phrase = fc.constantFrom('within two weeks', 'in 10 days', 'end of next week', 'by Friday', 'next Friday', 'end of the month',
  'early December', 'in a couple of weeks', 'within 5 business days', 'tomorrow', 'December 4', 'whenever', 'last Friday', "'within two weeks'");

const words = fc.constantFrom('Acme Corp', 'Globex', 'Initech', 'Stark Industries', 'R&D Lab', 'Wayne: Analytics', '株式会社テスト', '🚀 Rocket', 'Ünïcødé GmbH',
  'Senior Engineer', 'SRE', 'Staff # Engineer', 'a "quoted" role', "O'Brien", '');

/** A text value in one of YAML's styles. */
const textValue = fc.oneof(
  { weight: 5, arbitrary: words.filter((w) => w !== '' && !/[:#"'&]|^[^\w]/.test(w)) },
  { weight: 2, arbitrary: words.map((w) => JSON.stringify(w)) },
  { weight: 2, arbitrary: words.map((w) => `'${w.replace(/'/g, "''")}'`) },
  { weight: 1, arbitrary: fc.constantFrom('', '~', '42', 'true', '[a, b]', '{name: x}') },
);

const status = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('waiting', 'advanced', 'offer', 'accepted', 'declined', 'rejected', 'withdrawn', 'closed') },
  { weight: 1, arbitrary: fc.constantFrom('wating', 'Offer', '"waiting"', "'closed'", 'clsoed', 'pending', '1', '') },
);

const email = fc.constantFrom('jane@acme.example', 'nina.sharp@massive', '"sam@globex.example"', 'not an email', '');

type Eol = '\n' | '\r\n';

/** A line's trailing comment, sometimes. */
const trailing = fc.option(fc.constantFrom('  # note', ' # 面试 🚀', '\t# tab before', '   #'), { nil: '', freq: 4 });

/** Lines of a block list of dates, or a flow list, or something that is not a list. */
const followUps = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.array(fc.tuple(dateValue, trailing), { minLength: 1, maxLength: 4 }), fc.constantFrom('  ', '', '    '))
    .map(([items, indent]) => ['', ...items.map(([d, c]) => `${indent}- ${d}${c}`)]) },
  { weight: 2, arbitrary: fc.array(realDate, { maxLength: 4 }).map((ds) => [` [${ds.join(', ')}]`]) },
  { weight: 1, arbitrary: fc.constantFrom<string[]>([' ~'], [''], [' 2026-11-20'], [' {a: 1}']) },
);

const contact = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(words, email).map(([n, e]) => ['', `  name: ${JSON.stringify(n)}`, ...(e ? [`  email: ${e}`] : [])]) },
  { weight: 2, arbitrary: fc.tuple(words, email).map(([n, e]) => [` {name: ${JSON.stringify(n)}${e ? `, email: ${e}` : ''}}`]) },
  { weight: 1, arbitrary: fc.constantFrom<string[]>([' Jane Doe'], [''], [' [a, b]']) },
);

const interviewers = fc.oneof(
  fc.array(words, { minLength: 1, maxLength: 3 }).map((ws) => ['', ...ws.map((w) => `  - name: ${JSON.stringify(w)}`)]),
  fc.array(words, { minLength: 1, maxLength: 3 }).map((ws) => ['', ...ws.map((w) => `  - ${JSON.stringify(w)}`)]),
  fc.constant<string[]>([' nobody']),
);

const blockScalar = fc.tuple(fc.constantFrom('|', '>', '|-', '>-', '|+'), fc.array(words, { minLength: 1, maxLength: 3 }))
  .map(([style, ws]) => [` ${style}`, ...ws.map((w) => `  ${w || 'x'}`)]);

/** One top-level entry: its lines (the first holds `key:`), value lines after it. */
type Entry = string[];

const entryOf = (key: fc.Arbitrary<string>, value: fc.Arbitrary<string[]>): fc.Arbitrary<Entry> =>
  fc.tuple(key, value, trailing).map(([k, [first, ...rest], c]) => [`${k}:${first}${first.trim() && !rest.length ? c : ''}`, ...rest]);

const scalar = (v: fc.Arbitrary<string>) => v.map((s) => [s === '' ? '' : ` ${s}`]);

/** Keys, as written: the known ones, misspelt ones, the user's own, hostile ones. */
const misspelt = fc.constantFrom('thankyou_sent', 'follow_up', 'Company', 'Role', 'interveiwed', 'expect-reply-by', 'satus', 'follow-ups');
const ownKey = fc.constantFrom('tags', 'salary', 'source', '__proto__', 'constructor', 'toString', '"quoted key"', "'x'", '面试', '🚀');

/**
 * Valid YAML that edits must get exactly right or not offer: explicit keys (alone, with an empty
 * `:` line, with a value), anchors on empty values, scalars, lists, list items and keys (some
 * read by an alias, some not), aliases as values, tags, `key :`, comments between key and
 * value, a block scalar with a comment on its header. An alias follows its anchor in its entry.
 */
const yamlForms = fc.constantFrom<Entry>(
  ['? thank_you_sent'], ['? thank_you_sent # by email'], ['? follow_ups'], ['? status'], ['? expect_reply_by'],
  ['? thank_you_sent', ':'], ['? follow_ups', ':  # none yet'], ['? status', ': waiting'], ['? follow_up', ': [2026-11-05]'],
  ['? thankyou_sent', ': 2026-11-03'],
  ['thank_you_sent: &t'], ['thank_you_sent: &t  # not yet', 'card_sent: *t'], ['status: &s waiting', 'first_status: *s'],
  ['status: &s2 waiting # for now'], ['follow_ups: &f', '  - 2026-11-05', 'copy: *f'], ['follow_ups: &f [2026-11-05]'], ['follow_ups: &f2'],
  ['follow_ups: [&d1 2026-11-05, &d2 2026-11-20]', 'seen: *d2'], ['follow_ups:', '  - &d3 2026-11-05', '  - !!str 2026-11-20 # again'],
  ['&k follow_up: [2026-11-05]', 'which: *k'], ['&k2 thankyou_sent: 2026-11-03'], ['&r company: Acme'],
  ['was: &w waiting', 'status: *w'], ['never: &n', 'thank_you_sent: *n'], ['sent: &d4 2026-11-03', 'follow_ups: [*d4]'],
  ['thank_you_sent: !!null'], ['thank_you_sent: !!str # soon'], ['status: !!str waiting'], ['status: !state waiting'],
  ['follow_ups: !!null'], ['follow_ups: !!seq', '  - 2026-11-05'], ['!!str thankyou_sent: 2026-11-03'],
  ['thank_you_sent :  # soon'], ['follow_ups :'], ['status : waiting'], ['status: # for now', '  waiting'], ['thank_you_sent:', '  # not yet'],
  ['status: | # for now', '  waiting'], ['follow_ups: [2026-11-05,]'],
);

/**
 * `# interview-followup-disable` lines: bare, with rule ids (known, misspelt, `yaml-syntax`),
 * near misses of the marker, and `#` lines that are not comments (in a block scalar) or not
 * whole-line comments.
 */
const directives = fc.constantFrom<Entry>(
  ['# interview-followup-disable'], ['# interview-followup-disable check-in-due'], ['# interview-followup-disable ask-timeline, thank-you-due'],
  ['#interview-followup-disable let-it-go,'], ['  # interview-followup-disable second-follow-up weigh-offer'], ['# interview-followup-disable chek-in-due'],
  ['# interview-followup-disable yaml-syntax, nonsense'], ['# interview-followup-disable\tunknown-field'], ['# interview-followup-disabled check-in-due'],
  ['pitch: |', '  # interview-followup-disable'], ['stage: onsite # interview-followup-disable'], ['# interview-followup-disable thank-you-due # sent a card'],
);

/**
 * Part 2: rounds (held, today, scheduled, out of order, bad entries, flow forms), follow-ups
 * as `{date, channel}` (a known channel or not), a highlight.
 */
const processForms = fc.constantFrom<Entry>(
  ['rounds:', '  - date: 2026-11-02', '    stage: phone screen', '    thank_you_sent: 2026-11-02', '  - date: 2026-11-20', '    stage: onsite'],
  ['rounds:', '  - date: 2026-11-26  # today', '  - date: 2026-12-03', '    stage: final'],
  ['rounds: [{date: 2026-11-05}, {date: 2026-11-19, stage: onsite, thank_you_sent: 2026-11-19}]'],
  ['rounds:', '  - date: 2026-11-20', '    interviewers: [Sam Lee, {name: Ana Ruiz, title: Staff Engineer}]', '    highlight: the ledger', '  - date: 2026-11-02'],
  ['rounds:', '  - stage: onsite', '  - date: 2026-02-30', '  - just a string'], ['rounds: []'], ['rounds:'], ['rounds: 2026-11-02'],
  ['rounds:', '  - date: 2026-12-10'],
  ['follow_ups:', '  - {date: 2026-11-20, channel: call, note: left a voicemail}'], ['follow_ups:', '  - date: 2026-11-20', '    channel: emial'],
  ['follow_ups: [{date: 2026-11-10, channel: email}, 2026-11-24]'], ['follow_ups:', '  - channel: call'],
  ['highlight: your move of the ledger to event sourcing'],
);

const entry: fc.Arbitrary<Entry> = fc.oneof(
  { weight: 3, arbitrary: processForms },
  { weight: 3, arbitrary: entryOf(fc.constant('company'), scalar(textValue)) },
  { weight: 3, arbitrary: entryOf(fc.constant('role'), scalar(textValue)) },
  { weight: 2, arbitrary: entryOf(fc.constant('thank_you_sent'), scalar(dateValue)) },
  { weight: 2, arbitrary: entryOf(fc.constant('expect_reply_by'), scalar(fc.oneof(dateValue, phrase))) },
  { weight: 3, arbitrary: entryOf(fc.constant('follow_ups'), followUps) },
  { weight: 2, arbitrary: entryOf(fc.constant('status'), scalar(status)) },
  { weight: 2, arbitrary: entryOf(fc.constant('contact'), contact) },
  { weight: 1, arbitrary: entryOf(fc.constant('interviewers'), interviewers) },
  { weight: 1, arbitrary: entryOf(fc.constant('stage'), scalar(textValue)) },
  { weight: 1, arbitrary: entryOf(fc.constant('pitch'), fc.oneof(scalar(textValue), blockScalar)) },
  { weight: 1, arbitrary: entryOf(fc.constant('type'), scalar(fc.constantFrom('interview', '"interview"', 'note'))) },
  { weight: 2, arbitrary: entryOf(misspelt, scalar(fc.oneof(dateValue, textValue))) },
  { weight: 1, arbitrary: entryOf(ownKey, fc.oneof(scalar(textValue), blockScalar)) },
  { weight: 1, arbitrary: fc.constantFrom<Entry>(['# a comment line'], [''], ['   '], ['# interviewed: 2026-01-01 (commented out)']) },
  // Rarer shapes: explicit keys, anchors and aliases, tags, multi-line flow, comments between key and value.
  { weight: 2, arbitrary: fc.constantFrom<Entry>(
    ['? thank_you_sent', ': 2026-11-03'], ['? status', ': wating'],
    ['anchor: &d 2026-11-05'], ['thank_you_sent: *d'], ['status: &s waiting'], ['status: !!str offer'], ['company: !custom Acme'],
    ['follow_ups: [2026-11-05,', '  2026-11-20]'], ['follow_ups: [2026-11-05, 2026-11-20,]'], ['follow_ups:  # sent so far', '  - 2026-11-05', '  # nothing since', '  - 2026-11-20'],
    ['follow_ups: ~ # none'], ['follow_ups: []'], ['follow_ups:', '- 2026-11-05', '- 2026-11-20'], ['follow_ups:', '  - >-', '    2026-11-05', '  - 2026-11-20'],
    ['status:\twaiting'], ['"status": clsoed'], ["'thank_you_sent': ''"], ['thank_you_sent: # not yet'], ['expect_reply_by: ""'],
    ['pitch: |+', '  Kept trailing lines', '', ''], ['thankyou_sent: 2026-11-03 # misspelt'], ['Follow_Ups: [2026-11-05]'],
    ['contact: &c {name: Jane Doe, email: jane@acme.example}'], ['interviewers: [*c]'], ['binary: !!binary aGVsbG8='],
  ) },
  { weight: 3, arbitrary: yamlForms },
  { weight: 2, arbitrary: directives },
  // Noise: anything at all as a line, to reach the parser's error paths.
  { weight: 1, arbitrary: fc.string({ unit: hostileUnit, maxLength: 30 }).map((s) => [s.replace(/[\r\n]/g, ' ')]) },
);

/** The top-level keys an entry writes: `key:` and `? key` lines, maybe with an anchor or tag before the key. */
function keysOf(e: Entry): string[] {
  return e.flatMap((line) => {
    const m = /^(\? +)?(?:[&!]\S* +)*([^\s:#-][^:#]*?) *(:(?:[ \t]|$)| +#|$)/.exec(line);
    return m && (m[1] || m[3].startsWith(':')) ? [m[2].replace(/^["']|["']$/g, '')] : [];
  });
}

export interface GeneratedNote {
  text: string;
  /** For the record when a property fails. */
  eol: Eol;
}

/** A note: fences, `interviewed` most of the time, shuffled entries, then a body. */
export const note: fc.Arbitrary<GeneratedNote> = fc.record({
  bom: fc.constantFrom('', '', '', '', '\ufeff'),
  eol: fc.constantFrom<Eol>('\n', '\n', '\r\n'),
  mixedEol: fc.constantFrom(false, false, false, true),
  indent: fc.constantFrom('', '', '', '', '  '),
  interviewed: fc.option(fc.tuple(dateValue, trailing), { freq: 8, nil: undefined }),
  entries: fc.array(entry, { maxLength: 10 }),
  at: fc.nat(),
  close: fc.constantFrom('---', '---', '---', '---', '---', '...', '--- ', '---', '---', '---', '---', ''),
  body: fc.array(fc.oneof(fc.constantFrom('# Notes', '', '---', 'Some text 🚀 面试', '- a list', '\tindented', '```yaml', 'interviewed: 2000-01-01', '# interview-followup-disable'),
    fc.string({ unit: hostileUnit, maxLength: 40 })), { maxLength: 6 }),
  finalEol: fc.boolean(),
  flowRoot: fc.constantFrom(false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, true),
  duplicates: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
}).map((r): GeneratedNote => {
  // A key written twice is a YAML error: let one note in ten have that, not half of them.
  const seen = new Set<string>();
  const entries = r.entries.filter((e) => {
    const keys = keysOf(e);
    if (r.duplicates) return true;
    if (keys.some((k) => seen.has(k))) return false;
    keys.forEach((k) => seen.add(k));
    return true;
  });
  if (r.interviewed) entries.splice(r.at % (entries.length + 1), 0, [`interviewed:${r.interviewed[0] ? ` ${r.interviewed[0]}` : ''}${r.interviewed[1]}`]);
  const lines = r.flowRoot
    ? [`{${entries.flat().filter((l) => /^\w+: [\w-]+$/.test(l)).join(', ')}}`]
    : entries.flat().map((l) => (l === '' ? l : r.indent + l));
  const fm = ['---', ...lines, ...(r.close ? [r.close] : [])];
  const all = [...fm, ...r.body];
  let text = r.bom;
  all.forEach((line, i) => {
    const eol = r.mixedEol && i % 3 === 1 ? (r.eol === '\n' ? '\r\n' : '\n') : r.eol;
    text += line + (i < all.length - 1 || r.finalEol ? eol : '');
  });
  return { text, eol: r.eol };
});

/** Configuration layers the rules depend on. */
export const config = fc.record({
  maxFollowUps: fc.constantFrom(undefined, 0, 1, 2),
  checkInGraceDays: fc.constantFrom(undefined, 0, 3, 10),
  rules: fc.constantFrom(undefined, {}, { 'ask-timeline': 'off' as const }, { 'unknown-field': 'error' as const, 'thank-you-due': 'hint' as const }),
}, { requiredKeys: [] });
