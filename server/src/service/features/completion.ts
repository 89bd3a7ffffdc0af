/**
 * Completion in the front matter: keys at the start of a line, statuses after `status:`, today
 * after a date key, rule ids in a `# interview-followup-disable` comment.
 */
import { CompletionItem, CompletionItemKind, MarkupKind, Position } from 'vscode-languageserver-types';
import { formatDay, longDay } from '../dates';
import { DIRECTIVE } from '../directives';
import { NoteView } from '../document';
import { locateFrontMatter } from '../frontmatter';
import { CHANNELS, KNOWN_KEYS, ROUND_KEYS, STATUSES } from '../format';
import { RULE_IDS } from '../types';
import { EditorOptions, KEY_DOCS } from './dateSites';

const PHRASES = ['within two weeks', 'end of next week', 'by Friday', 'in 10 days'];

export function completion(view: NoteView, position: Position, options: EditorOptions): CompletionItem[] {
  const { text } = view;
  // Read off the lines, not the parse: while a key is being typed the YAML rarely parses.
  const fm = locateFrontMatter(text);
  if (!fm) return [];
  const at = view.offsetAt(position);
  // A position past its line (or the text) is clamped: the edits below must not echo it.
  position = view.positionAt(at);
  if (at < fm.content.start || at > fm.content.end) return [];
  const lineStart = view.offsetAt({ line: position.line, character: 0 });
  const before = text.slice(lineStart, at);
  const today = formatDay(options.today);
  const comment = /^[ \t]*#[ \t]*([^\s,]*)(.*)$/.exec(before);
  if (comment) return directiveItems(comment[1], comment[2], position);
  // A key at the start of the line, or inside a list entry (`  - date: `, `    channel: `).
  const m = /^(?:[ \t]*(?:-[ \t]+)?)?([A-Za-z_]+):\s*(\S*)$/.exec(before);
  if (m) {
    const key = m[1];
    const replace = { start: view.positionAt(at - m[2].length), end: position };
    const enumItems = (values: readonly string[]) => values.map((s, i) => ({ label: s, kind: CompletionItemKind.EnumMember, sortText: String(i), textEdit: { range: replace, newText: s } }));
    if (key === 'status') return enumItems(STATUSES);
    if (key === 'channel') return enumItems(CHANNELS);
    if (['interviewed', 'thank_you_sent', 'expect_reply_by', 'date'].includes(key)) {
      const items: CompletionItem[] = [{ label: today, kind: CompletionItemKind.Value, detail: `today, ${longDay(options.today)}`, textEdit: { range: replace, newText: today } }];
      if (key === 'expect_reply_by') {
        for (const phrase of PHRASES) {
          items.push({ label: phrase, kind: CompletionItemKind.Text, detail: 'their words, resolved against the interview date', textEdit: { range: replace, newText: phrase } });
        }
      }
      return items;
    }
    return [];
  }
  const dash = /^\s+-\s*(\S*)$/.exec(before);
  if (dash && /\n(?:follow_ups):[^\n]*\n(?:\s+-[^\n]*\n)*$/.test(text.slice(fm.content.start - 1, lineStart))) {
    return [{ label: today, kind: CompletionItemKind.Value, detail: 'today', textEdit: { range: { start: view.positionAt(at - dash[1].length), end: position }, newText: today } }];
  }
  // A new key of a `rounds` entry: after `  - ` or at an entry's indentation, under `rounds:`.
  const entry = /^([ \t]+(?:-[ \t]+)?|[ \t]*-[ \t]+)([A-Za-z_]*)$/.exec(before);
  if (entry && /\nrounds:[^\n]*\n(?:[ \t]+[^\n]*\n)*$/.test(text.slice(fm.content.start - 1, lineStart))) {
    const replace = { start: view.positionAt(at - entry[2].length), end: position };
    return ROUND_KEYS.map((k, i) => ({ label: k, kind: CompletionItemKind.Property, sortText: String(i), textEdit: { range: replace, newText: `${k}: ` } }));
  }
  const word = /^([A-Za-z_]*)$/.exec(before);
  if (!word) return [];
  const present = new Set([...text.slice(fm.content.start, fm.content.end).matchAll(/^([A-Za-z_]+):/gm)].map((k) => k[1]));
  const replace = { start: { line: position.line, character: 0 }, end: position };
  return KNOWN_KEYS.filter((k) => !present.has(k)).map((k, i) => ({
    label: k,
    kind: CompletionItemKind.Property,
    sortText: String(i).padStart(2, '0'),
    documentation: { kind: MarkupKind.Markdown, value: KEY_DOCS[k] },
    textEdit: { range: replace, newText: `${k}: ` },
  }));
}

/**
 * On a comment line: the marker while it is typed, then the rule ids not yet named on the line.
 * `yaml-syntax` is not offered: a directive cannot silence it (see directives.ts).
 */
function directiveItems(word: string, rest: string, position: Position): CompletionItem[] {
  const at = (back: number) => ({ start: { line: position.line, character: position.character - back }, end: position });
  if (rest === '') {
    if (word === '' || !DIRECTIVE.startsWith(word)) return [];
    return [{ label: DIRECTIVE, kind: CompletionItemKind.Keyword, detail: 'turn rules off for this note', textEdit: { range: at(word.length), newText: `${DIRECTIVE} ` } }];
  }
  if (word !== DIRECTIVE || !/^[ \t,]/.test(rest)) return [];
  // The word being typed: scanned back from the end (a regex anchored at $ retries every start: quadratic).
  let from = rest.length;
  while (from > 0 && !/[\s,]/.test(rest[from - 1])) from--;
  const partial = rest.slice(from);
  const named = new Set(rest.slice(0, rest.length - partial.length).split(/[\s,]+/));
  return RULE_IDS.filter((id) => id !== 'yaml-syntax' && !named.has(id)).map((id, i) => ({
    label: id,
    kind: CompletionItemKind.EnumMember,
    sortText: String(i).padStart(2, '0'),
    detail: 'turn this rule off for this note',
    textEdit: { range: at(partial.length), newText: id },
  }));
}
