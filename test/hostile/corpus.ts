/**
 * The hostile corpus: files no one should write, each with the outcome it must have. Built
 * in memory (the big ones are megabytes), written to a folder for the CLI and the server.
 * Today is 2026-11-26 throughout; BASE alone gives one finding, check-in-due on line 5.
 */

export const TODAY = '2026-11-26';

/** A complete, valid note: its one finding is check-in-due on `expect_reply_by` (line 5, column 18). */
export const BASE = ['company: Acme Corp', 'role: Engineer', 'interviewed: 2026-11-02', 'thank_you_sent: 2026-11-02', 'expect_reply_by: 2026-11-12'];

export function note(frontMatter: string[], body = '\n# Notes\n\nText.\n', eol = '\n'): string {
  return ['---', ...frontMatter, '---', ''].join(eol) + body;
}

export interface Expect {
  /** An interview note? Others get no finding, ever. */
  note: boolean;
  /** Exactly these findings, as counts per rule. */
  rules?: Record<string, number>;
  /** Findings of this rule only (how many is the parser's business). */
  only?: string;
  /** The message of the first finding of a rule matches. */
  message?: [rule: string, pattern: RegExp];
  /** The first finding of a rule starts here (0-based line, UTF-16 character), as the CLI's file. */
  at?: [rule: string, line: number, character: number];
}

export interface Entry {
  /** File name in the corpus folder. */
  name: string;
  what: string;
  bytes: () => Buffer;
  expect: Expect;
}

/** Built when asked for: the big entries are megabytes. */
const utf8 = (text: () => string) => () => Buffer.from(text(), 'utf8');
const CHECK_IN = { 'check-in-due': 1 };
const AS_BASE: Expect = { note: true, rules: CHECK_IN, at: ['check-in-due', 5, 17] };

/** Deterministic bytes (a xorshift), so the binary entries are the same on every run. */
function randomBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** The "billion laughs": nine levels of nine aliases each; expanded it would be 9^9 strings. */
function aliasBomb(): string[] {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return lines;
}

const MB = 1024 * 1024;
const bigBody = () => {
  const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. 面试 🚀\n';
  return line.repeat(Math.ceil((10 * MB) / Buffer.byteLength(line)));
};

export const CORPUS: Entry[] = [
  // ---- expansion and nesting
  { name: 'alias-bomb.md', what: 'an alias bomb (9^9 when expanded) in the front matter, and as a field value',
    bytes: utf8(() => note([...BASE, ...aliasBomb(), 'pitch: *i'])),
    expect: { note: true, rules: { 'check-in-due': 1, 'invalid-value': 1 }, message: ['invalid-value', /pitch should be text, not a list/] } },
  { name: 'deep-flow-seq.md', what: '20,000 nested flow sequences',
    bytes: utf8(() => note([...BASE, `tags: ${'['.repeat(20_000)}${']'.repeat(20_000)}`])),
    expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /Nested too deeply/] } },
  { name: 'deep-flow-seq-120k.md', what: '120,000 nested flow sequences: as deep as the size limit allows',
    bytes: utf8(() => note([...BASE, `tags: ${'['.repeat(120_000)}${']'.repeat(120_000)}`])),
    expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /Nested too deeply/] } },
  { name: 'deep-flow-map.md', what: '20,000 nested flow mappings',
    bytes: utf8(() => note([...BASE, `tags: ${'{a: '.repeat(20_000)}x${'}'.repeat(20_000)}`])),
    expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /Nested too deeply/] } },
  { name: 'deep-block-seq.md', what: '20,000 nested block sequences on one line (`- - - ...`)',
    bytes: utf8(() => note([...BASE, 'tags:', `  ${'- '.repeat(20_000)}x`])),
    expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /Nested too deeply/] } },
  { name: 'deep-unclosed.md', what: '20,000 flow sequences never closed',
    bytes: utf8(() => note([...BASE, `tags: ${'['.repeat(20_000)}`])),
    expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /Nested too deeply/] } },
  { name: 'deep-100.md', what: '99 nested flow sequences in the root mapping: 100 levels, the most that is read',
    bytes: utf8(() => note([...BASE, `tags: ${'['.repeat(99)}${']'.repeat(99)}`])), expect: AS_BASE },
  { name: 'deep-101.md', what: '101 levels: one too many',
    bytes: utf8(() => note([...BASE, `tags: ${'['.repeat(100)}${']'.repeat(100)}`])),
    expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /over 100 levels/], at: ['yaml-syntax', 6, 105] } },
  { name: 'many-keys.md', what: '25,000 distinct keys (the quadratic duplicate-key check of `yaml` took seconds on this, minutes on more)',
    bytes: utf8(() => note([...BASE, ...Array.from({ length: 25_000 }, (_, i) => `k${i}:`)])), expect: AS_BASE },
  { name: 'follow-ups-10000.md', what: '10,000 follow-ups: one allowed, 9,999 too many',
    bytes: utf8(() => note([...BASE, 'follow_ups:', ...Array(10_000).fill('  - 2026-11-16')])),
    expect: { note: true, rules: { 'second-follow-up': 9_999 }, at: ['second-follow-up', 8, 4] } },

  // ---- size
  { name: 'big-body.md', what: 'a 10 MB note (the body)', bytes: utf8(() => note(BASE, bigBody())), expect: AS_BASE },
  { name: 'huge-body.md', what: 'a 40 MB note: the CLI and the server read its first megabyte only (every finding is in the front matter)',
    bytes: utf8(() => note(BASE, bigBody().repeat(4))), expect: AS_BASE },
  { name: 'big-front-matter.md', what: 'a 10 MB front matter',
    bytes: utf8(() => note([...BASE, ...Array.from({ length: 200_000 }, (_, i) => `key${i}: lorem ipsum dolor sit amet ${i}`)])),
    expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /too large to check/], at: ['yaml-syntax', 0, 0] } },
  { name: 'big-unclosed.md', what: 'a 10 MB note whose front matter is never closed',
    bytes: utf8(() => `---\ninterviewed: 2026-11-02\n${bigBody()}`),
    expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /never closed/] } },
  { name: 'long-line-body.md', what: 'a 2 MB line in the body, no final newline', bytes: utf8(() => note(BASE, `\n${'x'.repeat(2 * MB)}`)), expect: AS_BASE },
  { name: 'long-line-front-matter.md', what: 'a 2 MB line in the front matter',
    bytes: utf8(() => note([...BASE, `pitch: ${'x'.repeat(2 * MB)}`])),
    expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /too large to check/] } },
  { name: 'long-line-only.md', what: 'one 2 MB line, no line break at all', bytes: utf8(() => '-'.repeat(2 * MB)), expect: { note: false } },
  { name: 'long-values.md', what: '60 KB values quoted in messages (cut short) and a 100,000-dot promise',
    bytes: utf8(() => note([...BASE.slice(0, 4), `expect_reply_by: "${'.'.repeat(100_000)}x"`, `status: ${'w'.repeat(60_000)}`])),
    expect: { note: true, rules: { 'invalid-date': 1, 'invalid-value': 1 }, message: ['invalid-value', /^Unknown status 'w{79}…' \(one of/] } },

  // ---- bytes
  { name: 'binary.md', what: 'binary (a PNG header, then noise with NULs) named .md',
    bytes: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64 * 1024, 7)]), expect: { note: false } },
  { name: 'binary-fenced.md', what: 'binary noise between two `---` lines',
    bytes: () => Buffer.concat([Buffer.from('---\n'), randomBytes(4096, 11), Buffer.from('\n---\n')]), expect: { note: false } },
  { name: 'invalid-utf8.md', what: 'invalid UTF-8 in a value and in the body',
    bytes: () => Buffer.concat([Buffer.from('---\ncompany: Acme '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(` Corp\n${BASE.slice(1).join('\n')}\n---\n`),
      Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x0a])]), expect: AS_BASE },
  { name: 'nul-in-front-matter.md', what: 'a NUL byte in a value: refused on that value',
    bytes: utf8(() => note([...BASE, 'pitch: a\0b'])), expect: { note: true, rules: { 'check-in-due': 1, 'invalid-value': 1 }, message: ['invalid-value', /^pitch holds a control character \(U\+0000\)/] } },
  { name: 'bom.md', what: 'a byte-order mark (the CLI and the server drop it: columns count from the first character)',
    bytes: utf8(() => `\ufeff${note(BASE)}`), expect: AS_BASE },

  // ---- line endings, tabs, wide characters
  { name: 'crlf.md', what: 'CRLF line endings', bytes: utf8(() => note(BASE, '\r\n# Notes\r\n', '\r\n')), expect: AS_BASE },
  { name: 'mixed-eol.md', what: 'CRLF and LF mixed', bytes: utf8(() => ['---\r\n', BASE[0], '\n', BASE[1], '\r\n', BASE[2], '\n', BASE[3], '\r\n', BASE[4], '\n---\r\nbody\n'].join('')), expect: AS_BASE },
  { name: 'lone-cr.md', what: 'classic Mac line endings (a lone CR): no `---` line opens it, not a note', bytes: utf8(() => note(BASE, 'x', '\r')), expect: { note: false } },
  { name: 'tabs-ok.md', what: 'tabs after colons and before comments', bytes: utf8(() => note(['company:\tAcme Corp\t# tab', ...BASE.slice(1)])), expect: AS_BASE },
  { name: 'tabs-indent.md', what: 'a tab as indentation',
    bytes: utf8(() => note([...BASE, 'contact:', '\tname: Jane'])), expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /[Tt]ab/] } },
  { name: 'emoji-cjk.md', what: 'emoji and CJK before a finding: columns in UTF-16 code units',
    bytes: utf8(() => note([...BASE, 'contact: {name: 面试官 🚀👩‍💻, email: 🚀@nope}'])),
    // 'contact: {name: 面试官 🚀👩‍💻, email: ' is 36 UTF-16 code units (🚀, 👩 and 💻 are 2 each, the joiner 1) but 30 code points.
    expect: { note: true, rules: { 'check-in-due': 1, 'invalid-value': 1 }, at: ['invalid-value', 6, 36] } },

  // ---- YAML features
  { name: 'duplicate-keys.md', what: 'a key written twice', bytes: utf8(() => note([...BASE, 'company: Globex'])),
    expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /unique/], at: ['yaml-syntax', 6, 0] } },
  { name: 'nested-duplicate-keys.md', what: 'a key written twice in a nested mapping', bytes: utf8(() => note([...BASE, 'contact: {name: A, name: B}'])),
    expect: { note: true, rules: { 'yaml-syntax': 1 }, message: ['yaml-syntax', /unique/], at: ['yaml-syntax', 6, 19] } },
  { name: 'dots-terminator.md', what: 'front matter closed by `...`', bytes: utf8(() => `---\n${BASE.join('\n')}\n...\nbody\n`), expect: AS_BASE },
  { name: 'list.md', what: 'front matter that is a list', bytes: utf8(() => note(['- a', '- b'])), expect: { note: false } },
  { name: 'scalar.md', what: 'front matter that is a scalar', bytes: utf8(() => note(['just some text'])), expect: { note: false } },
  { name: 'null.md', what: 'front matter that is empty (null)', bytes: utf8(() => note([])), expect: { note: false } },
  { name: 'comment-only.md', what: 'front matter that is only a comment', bytes: utf8(() => note(['# interviewed: 2026-11-02'])), expect: { note: false } },
  { name: 'list-with-marker.md', what: 'a list, then an `interviewed:` line: an interview note that is not YAML',
    bytes: utf8(() => note(['- a', 'interviewed: 2026-11-02'])), expect: { note: true, only: 'yaml-syntax' } },
  { name: 'tags.md', what: 'YAML tags (!!binary, !!js/function, custom, !!python): never evaluated, read as written',
    bytes: utf8(() => note(['company: !!js/function "function () { require(\'fs\').writeFileSync(\'/tmp/ifu-pwned\', \'x\') }"', 'role: !custom Engineer',
      'interviewed: !!binary MjAyNi0xMS0wMg==', 'thank_you_sent: !!timestamp 2026-11-02', 'status: !!python/object/apply:os.system ["echo pwned"]'])),
    expect: { note: true, rules: { 'invalid-date': 1, 'invalid-value': 1 }, message: ['invalid-date', /'MjAyNi0xMS0wMg==' is not a date/] } },
  { name: 'proto.md', what: '`__proto__`, `constructor`, `toString` keys, top-level and nested',
    bytes: utf8(() => note([...BASE, '__proto__: {polluted: yes}', 'constructor: {prototype: {polluted: yes}}', 'toString: x',
      'contact: {__proto__: {email: evil}, name: Jane, constructor: x}', 'interviewers: [{__proto__: x, name: Sam}]'])), expect: AS_BASE },

  // ---- markdown that is not a note
  { name: 'thematic-break.md', what: 'a `---` thematic break opening a plain markdown file', bytes: utf8(() => '---\n\n# Title\n\nSome text.\n\n---\n\nMore.\n'), expect: { note: false } },
  { name: 'thematic-break-prose.md', what: 'a thematic break, then prose with a colon, then another', bytes: utf8(() => '---\nNote: prose with a colon\n---\n'), expect: { note: false } },
  { name: 'setext-heading.md', what: 'text underlined with `---` (a heading), no front matter', bytes: utf8(() => 'Title\n---\n\ninterviewed: 2026-11-02\n'), expect: { note: false } },
  { name: 'empty.md', what: 'an empty file', bytes: utf8(() => ''), expect: { note: false } },
  { name: 'fence-only.md', what: 'just `---`', bytes: utf8(() => '---'), expect: { note: false } },
];
