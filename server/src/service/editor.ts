/**
 * Editor help on a note: hovers on dates, inlay hints after them, a lens with the next action,
 * completion of keys, statuses and today's date, and document symbols. Pure, like the rest of
 * the service: text, today and configuration in; LSP shapes out.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeLens, CompletionItem, CompletionItemKind, DocumentSymbol, Hover, InlayHint, MarkupKind, Position, Range, SymbolKind,
} from 'vscode-languageserver-types';
import { agendaOf } from './agenda';
import { Config } from './config';
import { Day, formatDay, longDay, partsOf } from './dates';
import { locateFrontMatter, Span } from './frontmatter';
import { KNOWN_KEYS, parseNote, ParsedNote, STATUSES } from './model';
import { checkInPlan, letGoPlan } from './rules/common';

export interface EditorOptions {
  today: Day;
  config: Config;
}

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Thu 19 Nov" */
export function shortDay(day: Day): string {
  const p = partsOf(day);
  return `${DAYS_SHORT[p.weekday]} ${p.day} ${MONTHS_SHORT[p.month - 1]}`;
}

/** "today", "in 3 days", "24 days ago" */
export function relative(day: Day, today: Day): string {
  const n = day - today;
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}

const KEY_DOCS: Record<(typeof KNOWN_KEYS)[number], string> = {
  type: 'Optional marker: `type: interview` makes this an interview note.',
  company: 'Required. The company you interviewed with.',
  role: 'Required. The position.',
  contact: 'The main contact for the position, `{name, email, phone}`: the addressee of the drafted emails.',
  interviewers: 'Optional list of the people you met: `{name, email?, title?}`.',
  interviewed: 'Required. The interview date, `YYYY-MM-DD` (a date-time counts as its date).',
  stage: 'Optional, free text: phone screen, technical, onsite, final.',
  expect_reply_by: "When they said you would hear: a date, or their words ('within two weeks', 'end of next week', 'by Friday').",
  thank_you_sent: 'When the thank-you note went out. Send it right after the interview.',
  follow_ups: 'The check-ins sent after the thank-you, as a list of dates. One is enough: then let it go.',
  status: `One of ${STATUSES.map((s) => `\`${s}\``).join(', ')}. Default \`waiting\`.`,
  pitch: '1-2 sentences on why you fit, used in the thank-you draft.',
};

interface DateSite {
  span: Span;
  day: Day;
  label: string;
  phrase?: string;
}

/** Every date written in the note, with what it means. */
function dateSites(note: ParsedNote): DateSite[] {
  const i = note.interview;
  if (!i) return [];
  const out: DateSite[] = [];
  if (i.interviewed.kind === 'ok') out.push({ span: i.interviewed.span, day: i.interviewed.value, label: 'interviewed' });
  if (i.expectReplyBy.kind === 'ok') out.push({ span: i.expectReplyBy.span, day: i.expectReplyBy.value.day, label: 'reply promised by', phrase: i.expectReplyBy.value.phrase });
  if (i.thankYouSent.kind === 'ok') out.push({ span: i.thankYouSent.span, day: i.thankYouSent.value, label: 'thank-you sent' });
  if (i.followUps.kind === 'ok') {
    for (const f of i.followUps.value) if (f.day !== undefined) out.push({ span: f.span, day: f.day, label: `check-in ${f.index + 1} sent` });
  }
  return out;
}

function rangeOf(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** Hover on a date (its weekday, how long ago or ahead) or on a known key (what it is for). */
export function hover(text: string, position: Position, options: EditorOptions): Hover | undefined {
  const note = parseNote(text);
  if (!note?.interview) return undefined;
  const doc = TextDocument.create('note', 'markdown', 0, text);
  const at = doc.offsetAt(position);
  const site = dateSites(note).find((s) => s.span.start <= at && at <= s.span.end);
  if (site) {
    const lines = [`**${longDay(site.day)}** · ${relative(site.day, options.today)}`];
    if (site.phrase) lines.unshift(`'${site.phrase}' resolves to`);
    if (site.label === 'reply promised by' || site.label === 'interviewed') {
      const plan = checkInPlan(note.interview, options.config);
      if (plan && (site.label === 'reply promised by') === !!plan.promised) {
        lines.push(plan.due > options.today
          ? `Check in on ${longDay(plan.due)} (${relative(plan.due, options.today)}) if you have not heard by then.`
          : `Check-in due since ${longDay(plan.due)} (${relative(plan.due, options.today)}): if you have not heard, send one brief check-in.`);
      }
    }
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: rangeOf(doc, site.span) };
  }
  for (const key of note.keys.values()) {
    if (key.keySpan.start <= at && at <= key.keySpan.end && key.name in KEY_DOCS) {
      return { contents: { kind: MarkupKind.Markdown, value: `\`${key.name}\`: ${KEY_DOCS[key.name as keyof typeof KEY_DOCS]}` }, range: rangeOf(doc, key.keySpan) };
    }
  }
  return undefined;
}

/** Hints after each date ("Mon 2 Nov · 24 days ago") and the check-in / let-go date to come. */
export function inlayHints(text: string, range: Range | undefined, options: EditorOptions): InlayHint[] {
  const note = parseNote(text);
  if (!note?.interview) return [];
  const doc = TextDocument.create('note', 'markdown', 0, text);
  const hints: InlayHint[] = [];
  const { today, config } = options;
  for (const site of dateSites(note)) {
    hints.push({ position: doc.positionAt(site.span.end), label: `${shortDay(site.day)} · ${relative(site.day, today)}`, paddingLeft: true });
  }
  const plan = checkInPlan(note.interview, config);
  if (plan) {
    hints.push({ position: doc.positionAt(plan.span.end), label: `→ check in ${shortDay(plan.due)} · ${relative(plan.due, today)}`, paddingLeft: true });
  }
  const letGo = letGoPlan(note.interview, config);
  if (letGo) {
    hints.push({ position: doc.positionAt(letGo.span.end), label: `→ let go ${shortDay(letGo.due)} · ${relative(letGo.due, today)}`, paddingLeft: true });
  }
  const inRange = (p: Position) => !range || ((p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character))
    && (p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character)));
  return hints.filter((h) => inRange(h.position)).sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

/** One lens on the opening `---`: the next action, as the agenda says it. */
export function codeLenses(text: string, options: EditorOptions): CodeLens[] {
  const note = parseNote(text);
  if (!note?.interview) return [];
  const doc = TextDocument.create('note', 'markdown', 0, text);
  const r = agendaOf(note, options.today, options.config, 7);
  const title = r.item
    ? `${r.item.action} · ${r.item.group === 'waiting' ? shortDay(r.item.day) : r.item.when}`
    : r.skipped === 'closed' ? 'Nothing to do: this process is closed' : 'Fix the errors below to see what is due';
  // No command of ours: a lens with an empty command shows as a label in every client.
  return [{ range: rangeOf(doc, note.frontMatter.open), command: { title, command: '' } }];
}

/** Keys at the start of a front-matter line, statuses after `status:`, today after a date key. */
export function completion(text: string, position: Position, options: EditorOptions): CompletionItem[] {
  const fm = locateFrontMatter(text);
  if (!fm) return [];
  const doc = TextDocument.create('note', 'markdown', 0, text);
  const at = doc.offsetAt(position);
  // A position past its line (or the text) is clamped: the edits below must not echo it.
  position = doc.positionAt(at);
  if (at < fm.content.start || at > fm.content.end) return [];
  const lineStart = doc.offsetAt({ line: position.line, character: 0 });
  const before = text.slice(lineStart, at);
  const today = formatDay(options.today);
  const m = /^([A-Za-z_]+):\s*(\S*)$/.exec(before);
  if (m) {
    const key = m[1];
    const replace = { start: doc.positionAt(at - m[2].length), end: position };
    if (key === 'status') {
      return STATUSES.map((s, i) => ({ label: s, kind: CompletionItemKind.EnumMember, sortText: String(i), textEdit: { range: replace, newText: s } }));
    }
    if (['interviewed', 'thank_you_sent', 'expect_reply_by'].includes(key)) {
      const items: CompletionItem[] = [{ label: today, kind: CompletionItemKind.Value, detail: `today, ${longDay(options.today)}`, textEdit: { range: replace, newText: today } }];
      if (key === 'expect_reply_by') {
        for (const phrase of ['within two weeks', 'end of next week', 'by Friday', 'in 10 days']) {
          items.push({ label: phrase, kind: CompletionItemKind.Text, detail: 'their words, resolved against the interview date', textEdit: { range: replace, newText: phrase } });
        }
      }
      return items;
    }
    return [];
  }
  const dash = /^\s+-\s*(\S*)$/.exec(before);
  if (dash && /\n(?:follow_ups):[^\n]*\n(?:\s+-[^\n]*\n)*$/.test(text.slice(fm.content.start - 1, lineStart))) {
    return [{ label: today, kind: CompletionItemKind.Value, detail: 'today', textEdit: { range: { start: doc.positionAt(at - dash[1].length), end: position }, newText: today } }];
  }
  const word = /^([A-Za-z_]*)$/.exec(before);
  if (!word) return [];
  // Read the keys off the lines: while a key is being typed the YAML rarely parses.
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

/** The note as one symbol (company, role) with its keys as children. */
export function documentSymbols(text: string): DocumentSymbol[] {
  const note = parseNote(text);
  if (!note?.interview || !note.frontMatter.close) return [];
  const doc = TextDocument.create('note', 'markdown', 0, text);
  const i = note.interview;
  const name = [i.company.kind === 'ok' ? i.company.value : undefined, i.role.kind === 'ok' ? i.role.value : undefined].filter(Boolean).join(' · ') || 'Interview';
  const whole = rangeOf(doc, { start: note.frontMatter.open.start, end: note.frontMatter.close.end });
  const children: DocumentSymbol[] = [];
  for (const key of note.keys.values()) {
    const value = key.pair.value as { range?: [number, number, number] } | null;
    const end = value?.range ? value.range[1] + note.frontMatter.content.start : key.keySpan.end;
    const detail = text.slice(key.keySpan.end, end).replace(/^:\s*/, '').split(/\r?\n/)[0].slice(0, 60);
    children.push({ name: key.name || '(empty key)', detail, kind: SymbolKind.Property, range: rangeOf(doc, { start: key.keySpan.start, end: Math.max(end, key.keySpan.end) }), selectionRange: rangeOf(doc, key.keySpan) });
  }
  return [{ name, detail: i.interviewed.kind === 'ok' ? `interviewed ${formatDay(i.interviewed.value)}` : undefined, kind: SymbolKind.Event, range: whole, selectionRange: rangeOf(doc, note.frontMatter.open), children }];
}
