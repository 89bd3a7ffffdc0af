/**
 * The phrase tables, one per language, each a data file beside this one (en.json, de.json):
 * what recruiters and schedulers write, matched case-insensitively, on whole words, with any
 * run of spaces between them. A language is one more file with every key of PhraseTable
 * (test/unit/inbox-languages.test.ts holds each to it) and its line in LANGUAGES below: no
 * code. A reply is read against each table in turn, English first.
 */
import de from './de.json';
import en from './en.json';

export interface PhraseTable {
  /** The language's code (BCP 47): "en", "de". */
  language: string;
  /** "We have decided to move forward with other candidates" -> status: rejected. */
  rejection: string[];
  /** "We are pleased to offer you" -> status: offer. */
  offer: string[];
  /** A sentence with one of these and a date phrase ("by Friday") -> expect_reply_by. */
  timeline: string[];
  /** A next round being scheduled: nothing changes, the import points to the invite. */
  nextRound: string[];
  /** An automatic reply, from its body. */
  autoReply: string[];
  /** An automatic reply, from its subject's start (lower case). */
  autoSubject: string[];
  /** A line starting with one of these (lower case) begins the quoted earlier message. */
  quoteHeaders: string[];
  /** A line ending with ":" and holding one of these ("On Mon, Jane wrote:") begins it too. */
  quoteIntro: string[];
  /**
   * The language's date words, each as the English words the timeline resolver reads
   * ("bis Freitag" -> "by friday", "innerhalb von zwei Wochen" -> "within two weeks"). The
   * longest are put in first; what is left is read as English (numbers, ISO dates).
   */
  dates: Record<string, string>;
  /** A stage named in an event's summary: the stage -> the words that name it, most specific first. */
  stages: Record<string, string[]>;
}

/** Every language, English first. */
const LANGUAGES: readonly PhraseTable[] = [en, de];

export const TABLES: readonly PhraseTable[] = LANGUAGES;

/** A phrase as a whole-word, case-insensitive pattern with any spaces between its words. */
export function phrasePattern(phrase: string, flags = 'iu'): RegExp {
  const words = phrase.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, flags);
}

/** The first phrase of `phrases` found in `text`. */
export function findPhrase(text: string, phrases: readonly string[]): string | undefined {
  return phrases.find((p) => phrasePattern(p).test(text));
}

const translations = new Map<PhraseTable, [RegExp, string][]>();

/** `text` with the table's date words put in English, longest first ("bis Ende nächster Woche" -> "by end of next week"). */
export function inEnglish(t: PhraseTable, text: string): string {
  let steps = translations.get(t);
  if (!steps) {
    steps = Object.entries(t.dates).sort(([a], [b]) => b.length - a.length).map(([words, english]) => [phrasePattern(words, 'giu'), english]);
    translations.set(t, steps);
  }
  return steps.reduce((s, [pattern, english]) => s.replace(pattern, english), text);
}
