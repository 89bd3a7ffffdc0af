/** The phrase tables, one per language; a reply is read against each. */
import en from './en';

export interface PhraseTable {
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
  /** An automatic reply, from its subject's start. */
  autoSubject: string[];
  /** A line starting with one of these begins the quoted earlier message. */
  quoteHeaders: string[];
  /** A line ending with one of these ("On Mon, Jane wrote:") begins it too. */
  quoteIntro: string[];
  /** A stage named in an event's summary: the stage -> the words that name it, most specific first. */
  stages: Record<string, string[]>;
  /** Words that make a summary an interview's ("Acme - Onsite - Engineer" needs none). */
  interviewWords: string[];
}

export const TABLES: readonly PhraseTable[] = [en];

/** A phrase as a whole-word, case-insensitive pattern with any spaces between its words. */
export function phrasePattern(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
}

/** The first phrase of `phrases` found in `text`. */
export function findPhrase(text: string, phrases: readonly string[]): string | undefined {
  return phrases.find((p) => phrasePattern(p).test(text));
}
