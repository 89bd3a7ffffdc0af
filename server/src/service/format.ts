/** The note format's vocabulary: its top-level keys and statuses. A leaf. */

export const STATUSES = ['waiting', 'advanced', 'offer', 'accepted', 'declined', 'rejected', 'withdrawn', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** Top-level keys of the note format, in the order the spec lists them. */
export const KNOWN_KEYS = ['type', 'company', 'role', 'contact', 'interviewers', 'interviewed', 'stage',
  'expect_reply_by', 'thank_you_sent', 'follow_ups', 'status', 'pitch', 'rounds', 'highlight', 'offer_deadline', 'replies'] as const;

/** The keys of a `rounds` entry. */
export const ROUND_KEYS = ['date', 'stage', 'interviewers', 'thank_you_sent', 'highlight', 'duration', 'link', 'location', 'uid', 'sequence', 'cancelled'] as const;

/** How a check-in went out: the `channel` of a `follow_ups` entry. */
export const CHANNELS = ['email', 'call', 'card', 'message', 'in-person'] as const;
export type Channel = (typeof CHANNELS)[number];
