/**
 * English: what recruiters and schedulers write. A table, no code: a language is a file like
 * this one, listed in phrases/index.ts. Phrases match case-insensitively, on whole words,
 * with any run of spaces between them.
 */
import type { PhraseTable } from './index';

const en: PhraseTable = {
  language: 'en',
  rejection: [
    'decided to move forward with other candidates', 'decided to move forward with another candidate',
    'move forward with other candidates', 'moving forward with other candidates', 'pursue other candidates',
    'decided not to proceed', 'not to proceed', 'will not be proceeding', 'won\'t be moving forward',
    'will not be moving forward', 'not be moving forward', 'not moving forward with your application',
    'the position has been filled', 'the role has been filled', 'position has been filled',
    'we regret to inform you', 'unfortunately we will not', 'we have decided to go with',
    'not selected', 'unable to offer you',
  ],
  offer: [
    'pleased to offer', 'happy to offer', 'delighted to offer', 'excited to offer', 'offer letter',
    'extend an offer', 'extend you an offer', 'make you an offer', 'formal offer', 'verbal offer',
  ],
  timeline: [
    'get back to you', 'hear back', 'hear from us', 'be in touch', 'let you know', 'update you',
    'reach out', 'follow up with you', 'decision',
  ],
  nextRound: [
    'next round', 'next step', 'next interview', 'schedule a', 'set up a', 'move you forward',
    'onsite', 'final round', 'availability',
  ],
  autoReply: [
    'out of office', 'out of the office', 'automatic reply', 'auto-reply', 'autoreply',
    'currently away', 'on vacation', 'on leave', 'limited access to email', 'this mailbox is not monitored',
  ],
  autoSubject: ['automatic reply', 'auto-reply', 'autoreply', 'out of office', 'ooo'],
  quoteHeaders: ['-----original message-----', 'from:', 'sent from my', '________________________________'],
  quoteIntro: ['wrote:'],
  stages: {
    'phone screen': ['phone screen', 'recruiter screen', 'recruiter call', 'intro call', 'screening call', 'phone interview', 'screen'],
    'hiring manager': ['hiring manager'],
    technical: ['technical', 'coding', 'system design', 'pair programming', 'take-home review'],
    onsite: ['onsite', 'on-site', 'virtual onsite', 'loop'],
    final: ['final round', 'final interview', 'final'],
  },
  interviewWords: ['interview', 'screen', 'call', 'chat', 'onsite', 'on-site', 'meeting'],
};

export default en;
