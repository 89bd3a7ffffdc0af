/**
 * What must hold for any text: ranges that exist in the document (strictly: no position past
 * the end of its line, as LSP counts lines), findings inside the front matter, and code
 * actions whose edit is exactly the change they name, keeping every other byte.
 */
import * as assert from 'node:assert/strict';
import { CodeAction, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { CST, Node, Parser } from 'yaml';
import { formatDay, parseNote, ParsedNote } from '../../server/src/service';
import { directiveSilence } from './directives';

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

/**
 * What an entry's value reads, aliases followed (an object met twice is written as such, so a
 * cycle ends): an edit that writes through an anchor leaves the alias's text as it was but
 * changes what it reads.
 */
function resolved(n: ParsedNote, name: string): string {
  const value = n.keys.get(name)?.pair.value as Node | null | undefined;
  if (!value) return String(value);
  let js: unknown;
  try {
    js = value.toJS(n.doc!, { maxAliasCount: -1 });
  } catch (err) {
    return `unreadable: ${(err as Error).message}`; // an alias with no anchor before it
  }
  const seen = new WeakSet<object>();
  return JSON.stringify(js, (_, v: unknown) => {
    if (v && typeof v === 'object') {
      if (seen.has(v)) return '[seen]';
      seen.add(v);
    }
    return v;
  });
}

/** Every comment in the front matter: [offset, text]. */
export function comments(n: ParsedNote): [number, string][] {
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
  assert.ok(edits.length >= 1, 'an action edits');
  const starts = lineStarts(text);
  const spans = edits.map((ed) => ({ span: spanOf(text, starts, ed.range, 'edit'), newText: ed.newText })).sort((a, b) => a.span[0] - b.span[0]);
  for (let k = 1; k < spans.length; k++) assert.ok(spans[k].span[0] >= spans[k - 1].span[1], 'edits do not overlap');
  const s = spans[0].span[0];
  const e = spans[spans.length - 1].span[1];
  const single = spans.length === 1;
  const inserted = single ? spans[0].newText : '';
  const removed = single ? text.slice(s, e) : '';
  let next = text;
  for (const { span: [a, b], newText } of [...spans].reverse()) next = next.slice(0, a) + newText + next.slice(b);
  const before = parseNote(text)!;
  assert.ok(before.interview && before.frontMatter.close);
  const after = parseNote(next);
  assert.ok(after?.interview, 'still an interview note');
  assert.deepEqual(after.syntax, [], 'the front matter still parses');
  const close = before.frontMatter.close;
  const todayText = formatDay(today);
  const oneEdit = () => assert.ok(single, 'one edit');

  let target: string | undefined;
  /** Other keys the action may change (a conversion to rounds moves several). */
  let moved: string[] = [];
  /** The edit writes into a comment (a directive): that comment changes, every other is kept. */
  let intoComment = false;
  const inFrontMatter = () => assert.ok(s >= before.frontMatter.content.start && e <= close.start, 'a front-matter edit stays in the front matter');
  const setTo = (key: string, check: () => void) => {
    oneEdit();
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
  if (/^Draft |^Insert an offer decision checklist/.test(t)) {
    assert.equal(removed, '');
    assert.ok(s >= close.end, 'a draft goes into the body');
    assert.ok(inserted.trim().length > 0, 'a draft has text');
  } else if ((m = /^Mark thank-you sent today \((\d{4}-\d\d-\d\d)\)$/.exec(t))) {
    assert.equal(m[1], todayText);
    if (before.interview!.rounds.kind === 'ok') {
      // A note of rounds: the thank-you of the latest round held, inside its entry.
      oneEdit();
      target = 'rounds';
      inFrontMatter();
      const heldToday = (n: ParsedNote) => (n.interview!.rounds.kind === 'ok' ? n.interview!.rounds.value.filter((r) => r.thankYouSent.kind === 'ok' && r.thankYouSent.value === today).length : 0);
      assert.equal(heldToday(after), heldToday(before) + 1, 'one round more has its thank-you today');
    } else {
      setTo('thank_you_sent', () => assert.ok(after.interview!.thankYouSent.kind === 'ok' && after.interview!.thankYouSent.value === today, 'thank_you_sent is today'));
    }
  } else if ((m = /^(?:Mark check-in email sent|Log a check-in call) today \((\d{4}-\d\d-\d\d)\)$/.exec(t))) {
    assert.equal(m[1], todayText);
    oneEdit();
    target = 'follow_ups';
    inFrontMatter();
    assert.deepEqual(followUpDays(after), [...followUpDays(before), today], 'today appended to follow_ups');
    assert.ok(removed === '' || /^(?:~|null|Null|NULL)$/.test(removed), `nothing removed but an empty value: ${JSON.stringify(removed)}`);
    const entries = after.interview!.followUps.kind === 'ok' ? after.interview!.followUps.value : [];
    assert.equal(entries[entries.length - 1]?.channel, t.startsWith('Log') ? 'call' : undefined, 'a call is logged with its channel');
  } else if ((m = /^Add the next round \((\d{4}-\d\d-\d\d)\)$/.exec(t))) {
    assert.equal(m[1], todayText);
    target = 'rounds';
    inFrontMatter();
    const roundsOf = (n: ParsedNote) => (n.interview!.rounds.kind === 'ok' ? n.interview!.rounds.value : []);
    const after_ = roundsOf(after);
    assert.equal(after_[after_.length - 1]?.day, today, 'the new round is dated today');
    if (before.interview!.rounds.kind === 'absent') {
      // Converted: interviewed, stage, interviewers and thank_you_sent went into the first round, as written.
      moved = ['interviewed', 'stage', 'interviewers', 'thank_you_sent'];
      const i = before.interview!;
      assert.equal(after_.length, 2, 'the first round and the next');
      assert.equal(after_[0].day, i.interviewed.kind === 'ok' ? i.interviewed.value : undefined, 'the interview date is the first round');
      for (const k of moved) assert.ok(!after.keys.has(k), `${k} moved`);
      for (const k of moved.slice(1)) {
        // Re-indented under the entry, otherwise as written.
        const squash = (x: string | undefined) => (x ?? '').replace(/\s+/g, '');
        if (before.keys.has(k)) assert.ok(squash(entrySource(after, 'rounds')).includes(squash(valueSource(before, k))), `${k} kept as written`);
      }
    } else {
      oneEdit();
      assert.equal(after_.length, roundsOf(before).length + 1, 'one round appended');
      assert.equal(removed, '');
    }
  } else if (t === 'Move thank_you_sent to the latest round') {
    target = 'thank_you_sent';
    moved = ['rounds'];
    inFrontMatter();
    assert.ok(!after.keys.has('thank_you_sent'), 'moved out of the top level');
    const sent = before.interview!.thankYouSent;
    const rounds = after.interview!.rounds.kind === 'ok' ? after.interview!.rounds.value : [];
    assert.ok(sent.kind === 'ok' && rounds.some((r) => r.thankYouSent.kind === 'ok' && r.thankYouSent.value === sent.value), 'into a round');
  } else if (t === 'Replace expect_reply_by with the new timeline') {
    setTo('expect_reply_by', () => assert.ok(after.keys.has('expect_reply_by')));
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
    // What went: the entry, its dash or comma, its anchor or tag, blanks, its own comment; nothing else.
    const entry = before.interview!.followUps.kind === 'ok' ? before.interview!.followUps.value[index] : undefined;
    assert.ok(entry);
    const item = text.slice(entry.span.start, entry.span.end);
    assert.ok(removed.includes(item.trimEnd()), 'the entry is removed');
    const rest = removed.replace(item.trimEnd(), '');
    assert.match(rest, /^[\s,-]*(?:[&!][^\s,[\]{}]*[ \t]+)*(?:#[^\n]*)?[\s,]*$/, `nothing but the entry's own punctuation and comment: ${JSON.stringify(removed)}`);
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
  } else if ((m = /^Don't remind me of ([a-z-]+) in this note$/.exec(t))) {
    const rule = m[1];
    oneEdit();
    inFrontMatter();
    assert.equal(removed, '', 'nothing removed');
    assert.ok(!directiveSilence(text).rules.has(rule) && !directiveSilence(text).all, 'not offered for a rule already off');
    assert.ok(directiveSilence(next).rules.has(rule), `a directive now names ${rule}`);
    if (s === close.start) assert.match(inserted, new RegExp(`^[ \\t]*# interview-followup-disable ${rule}\\r?\\n$`), 'a whole line before the closing fence');
    else {
      assert.match(inserted, new RegExp(`^,? ${rule}$`), 'the rule id added to a directive line');
      intoComment = true;
    }
  } else if ((m = /^Change '([^']+)' to ([a-z-]+)$/.exec(t))) {
    oneEdit();
    inFrontMatter();
    assert.deepEqual([removed, inserted], [m[1], m[2]], 'only the rule id in the directive is replaced');
    assert.ok(directiveSilence(next).rules.has(m[2]));
    intoComment = true;
  } else {
    assert.fail(`an action this test does not know: '${t}'`);
  }

  // Every other entry is byte for byte the same, in the same order.
  const others = (n: ParsedNote) => [...n.keys.keys()].filter((k) => k !== target && !moved.includes(k) && !(t.startsWith('Rename') && k === / to (\w+)$/.exec(t)?.[1]));
  assert.deepEqual(others(after), others(before), 'the other keys, in order');
  for (const k of others(before)) assert.equal(entrySource(after, k), entrySource(before, k), `entry '${k}' unchanged`);
  for (const k of others(before)) assert.equal(resolved(after, k), resolved(before, k), `entry '${k}' reads the same`);
  // Every comment survives, but one on a removed follow-up's own line, or the directive edited.
  // (A conversion to rounds moves comments with their lines: all of them are kept.)
  const kept = comments(before).filter(([at, c]) => (!single || at < s || at >= e) && !(intoComment && at <= s && s <= at + c.length)).map(([, c]) => c).sort();
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
