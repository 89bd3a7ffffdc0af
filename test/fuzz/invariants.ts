/**
 * What must hold for any text: ranges that exist in the document (strictly: no position past
 * the end of its line, as LSP counts lines), findings inside the front matter, and code
 * actions whose edit is exactly the change they name, keeping every other byte.
 */
import * as assert from 'node:assert/strict';
import { CodeAction, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { CST, Parser } from 'yaml';
import { formatDay, parseNote, ParsedNote } from '../../server/src/service';

/** Offsets of line starts, as LSP splits lines: \n, \r\n and \r. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** The offset of a position; throws when the position is not in the document. */
export function offsetAt(text: string, starts: number[], p: Position, what = 'position'): number {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: integer line and character: ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < starts.length, `${what}: line ${p.line} of ${starts.length}`);
  const start = starts[p.line];
  let end = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  assert.ok(p.character >= 0 && start + p.character <= end, `${what}: character ${p.character} past the end of line ${p.line} (${end - start})`);
  return start + p.character;
}

/** [start, end] offsets of a range that must lie in the document, start before end. */
export function spanOf(text: string, starts: number[], r: Range, what = 'range'): [number, number] {
  assert.ok(r && r.start && r.end, `${what}: a range`);
  const s = offsetAt(text, starts, r.start, `${what} start`);
  const e = offsetAt(text, starts, r.end, `${what} end`);
  assert.ok(s <= e, `${what}: start ${s} after end ${e}`);
  return [s, e];
}

/**
 * Where findings may be, computed here without the service: the front matter up to the end
 * of its closing line, or the opening line when it is never closed.
 */
export function frontMatterEnd(text: string): number {
  const lines: [number, number][] = []; // [start, end without \r?\n]
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    lines.push([at, end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end]);
    if (nl < 0) break;
    at = nl + 1;
  }
  const line = (i: number) => text.slice(lines[i][0], lines[i][1]);
  if (!/^---[ \t]*$/.test(line(0))) return 0;
  for (let i = 1; i < lines.length; i++) if (/^(?:---|\.\.\.)[ \t]*$/.test(line(i))) return lines[i][1];
  return lines[0][1];
}

/** The single edit of an action on `uri`, from `changes` or `documentChanges`. */
export function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const e = action.edit;
  assert.ok(e, `'${action.title}' has an edit`);
  if (e.documentChanges) {
    assert.equal(e.changes, undefined, 'changes or documentChanges, not both');
    assert.equal(e.documentChanges.length, 1);
    const dc = e.documentChanges[0];
    assert.ok('textDocument' in dc && dc.textDocument.uri === uri, 'edits the note itself');
    return dc.edits as TextEdit[];
  }
  assert.deepEqual(Object.keys(e.changes ?? {}), [uri], 'edits the note itself');
  return e.changes![uri];
}

// ---- what an action must change, and must not -------------------------------------------

const abs = (n: ParsedNote, r: [number, number, number?] | undefined) => r && [r[0] + n.frontMatter.content.start, r[1] + n.frontMatter.content.start];

/** The text of a top-level entry, from its key to the end of its value. */
function entrySource(n: ParsedNote, name: string): string | undefined {
  const k = n.keys.get(name);
  if (!k) return undefined;
  const value = k.pair.value as { range?: [number, number, number] } | null;
  const end = abs(n, value?.range)?.[1] ?? k.keySpan.end;
  return n.text.slice(k.keySpan.start, end).trimEnd();
}

function valueSource(n: ParsedNote, name: string): string {
  const value = n.keys.get(name)?.pair.value as { range?: [number, number, number] } | null | undefined;
  const r = abs(n, value?.range);
  return r ? n.text.slice(r[0], r[1]).trimEnd() : '';
}

/** Every comment in the front matter: [offset, text]. */
function comments(n: ParsedNote): [number, string][] {
  const out: [number, string][] = [];
  const src = n.text.slice(n.frontMatter.content.start, n.frontMatter.content.end);
  const walk = (t: unknown) => {
    if (!t || typeof t !== 'object') return;
    if (Array.isArray(t)) return t.forEach(walk);
    const tok = t as { type?: string; offset?: number; source?: string };
    if (tok.type === 'comment' && typeof tok.offset === 'number') out.push([tok.offset + n.frontMatter.content.start, tok.source ?? '']);
    for (const v of Object.values(t)) if (v && typeof v === 'object') walk(v);
  };
  for (const token of new Parser().parse(src)) walk(token as CST.Token);
  return out;
}

const followUpDays = (n: ParsedNote) => (n.interview?.followUps.kind === 'ok' ? n.interview.followUps.value.map((f) => f.day) : []);

/** Applies `action` to `text` (a note with a parsed interview) and checks it did what its title says, and only that. */
export function checkAction(text: string, action: CodeAction, uri: string, today: number): string {
  const edits = editsOf(action, uri);
  assert.equal(edits.length, 1, 'one edit per action');
  const starts = lineStarts(text);
  const [s, e] = spanOf(text, starts, edits[0].range, 'edit');
  const inserted = edits[0].newText;
  const removed = text.slice(s, e);
  const next = text.slice(0, s) + inserted + text.slice(e);
  const before = parseNote(text)!;
  assert.ok(before.interview && before.frontMatter.close);
  const after = parseNote(next);
  assert.ok(after?.interview, 'still an interview note');
  assert.deepEqual(after.syntax, [], 'the front matter still parses');
  const close = before.frontMatter.close;
  const todayText = formatDay(today);

  let target: string | undefined;
  const inFrontMatter = () => assert.ok(s >= before.frontMatter.content.start && e <= close.start, 'a front-matter edit stays in the front matter');
  const setTo = (key: string, check: () => void) => {
    target = key;
    inFrontMatter();
    check();
    if (before.keys.has(key)) {
      const old = valueSource(before, key);
      assert.ok(removed === '' || removed === old, `only the value is replaced: removed ${JSON.stringify(removed)}, value ${JSON.stringify(old)}`);
    } else {
      assert.equal(removed, '', 'a new key is inserted, nothing removed');
    }
  };

  const t = action.title;
  let m: RegExpExecArray | null;
  if (/^Draft (?:thank-you|check-in) email|^Insert an offer decision checklist/.test(t)) {
    assert.equal(removed, '');
    assert.ok(s >= close.end, 'a draft goes into the body');
    assert.ok(inserted.trim().length > 0, 'a draft has text');
  } else if ((m = /^Mark thank-you sent today \((\d{4}-\d\d-\d\d)\)$/.exec(t))) {
    assert.equal(m[1], todayText);
    setTo('thank_you_sent', () => assert.ok(after.interview!.thankYouSent.kind === 'ok' && after.interview!.thankYouSent.value === today, 'thank_you_sent is today'));
  } else if ((m = /^Mark check-in sent today \((\d{4}-\d\d-\d\d)\)$/.exec(t))) {
    assert.equal(m[1], todayText);
    target = 'follow_ups';
    inFrontMatter();
    assert.deepEqual(followUpDays(after), [...followUpDays(before), today], 'today appended to follow_ups');
    assert.ok(removed === '' || /^(?:~|null|Null|NULL)$/.test(removed), `nothing removed but an empty value: ${JSON.stringify(removed)}`);
  } else if (t === 'Set status: closed (let it go)') {
    setTo('status', () => assert.ok(after.interview!.status.kind === 'ok' && after.interview!.status.value === 'closed'));
  } else if ((m = /^Change status to '(\w+)'$/.exec(t))) {
    const to = m[1];
    setTo('status', () => assert.ok(after.interview!.status.kind === 'ok' && after.interview!.status.value === to));
  } else if ((m = /^Remove follow-up (\d+)$/.exec(t))) {
    target = 'follow_ups';
    inFrontMatter();
    const index = Number(m[1]) - 1;
    const days = followUpDays(before);
    assert.deepEqual(followUpDays(after), [...days.slice(0, index), ...days.slice(index + 1)], 'exactly that entry removed');
    assert.equal(inserted, '');
    // What went: the entry, its dash or comma, blanks, its own comment; nothing else.
    const entry = before.interview!.followUps.kind === 'ok' ? before.interview!.followUps.value[index] : undefined;
    assert.ok(entry);
    const item = text.slice(entry.span.start, entry.span.end);
    assert.ok(removed.includes(item.trimEnd()), 'the entry is removed');
    const rest = removed.replace(item.trimEnd(), '');
    assert.match(rest, /^[\s,-]*(?:#[^\n]*)?[\s,]*$/, `nothing but the entry's own punctuation and comment: ${JSON.stringify(removed)}`);
  } else if ((m = /^Add (\w+)/.exec(t))) {
    const key = m[1];
    target = key;
    inFrontMatter();
    assert.equal(removed, '');
    assert.equal(s, close.start, 'added as the last line');
    assert.ok(after.keys.has(key), `${key} added`);
    if (key === 'interviewed') assert.ok(after.interview!.interviewed.kind === 'ok' && after.interview!.interviewed.value === today);
  } else if ((m = /^Rename '(.+)' to (\w+)$/.exec(t))) {
    const [from, to] = [m[1], m[2]];
    target = from;
    inFrontMatter();
    assert.equal(removed, text.slice(before.keys.get(from)!.keySpan.start, before.keys.get(from)!.keySpan.end), 'only the key is replaced');
    assert.ok(after.keys.has(to) && !after.keys.has(from), `${from} renamed to ${to}`);
    assert.equal(valueSource(after, to), valueSource(before, from), 'its value untouched');
  } else {
    assert.fail(`an action this test does not know: '${t}'`);
  }

  // Every other entry is byte for byte the same, in the same order.
  const others = (n: ParsedNote) => [...n.keys.keys()].filter((k) => k !== target && !(t.startsWith('Rename') && k === / to (\w+)$/.exec(t)?.[1]));
  assert.deepEqual(others(after), others(before), 'the other keys, in order');
  for (const k of others(before)) assert.equal(entrySource(after, k), entrySource(before, k), `entry '${k}' unchanged`);
  // Every comment survives, but one on a removed follow-up's own line.
  const kept = comments(before).filter(([at]) => at < s || at >= e).map(([, c]) => c).sort();
  const now = comments(after).map(([, c]) => c);
  for (const c of kept) {
    const i = now.indexOf(c);
    assert.ok(i >= 0, `comment ${JSON.stringify(c)} kept`);
    now.splice(i, 1);
  }
  // And the body, unless the action writes into it.
  if (s < close.end) assert.equal(next.slice(after.frontMatter.close!.end), text.slice(close.end), 'the body is untouched');
  return next;
}
