/**
 * What the import's protocol tests share: a note of the Acme process, a Google Calendar invite
 * for its onsite, one for a new process (Initech), a reply, and the capabilities of a client
 * that takes versioned edits and creates files, with or without change annotations.
 */
import { ClientCapabilities } from 'vscode-languageserver-protocol/node';

export const NOTE = [
  '---',
  'company: Acme Corp',
  'role: Backend Engineer',
  'contact: {name: Jane Doe, email: jane@acme.example}  # the recruiter',
  'interviewed: 2026-11-20',
  'thank_you_sent: 2026-11-20',
  'status: waiting',
  '---',
  '',
  'Notes.',
  '',
].join('\n');

export const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';
export const INVITE = crlf([
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'METHOD:REQUEST', 'BEGIN:VEVENT',
  'DTSTART:20261203T150000Z', 'DTEND:20261203T160000Z', 'DTSTAMP:20261126T100000Z',
  'ORGANIZER;CN=Jane Doe:mailto:jane@acme.example', 'UID:onsite-1@google.com',
  'ATTENDEE;CN=Sam Lee;ROLE=REQ-PARTICIPANT:mailto:sam@acme.example',
  'ATTENDEE;CN=Alex Morgan;ROLE=REQ-PARTICIPANT:mailto:alex@mail.example',
  'X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij',
  'SUMMARY:Interview: Backend Engineer at Acme Corp - Onsite', 'SEQUENCE:0', 'STATUS:CONFIRMED', 'END:VEVENT', 'END:VCALENDAR',
]);
export const NEW_PROCESS = INVITE.replace('Backend Engineer at Acme Corp', 'Data Engineer at Initech').replace('onsite-1@google.com', 'initech-1@google.com')
  .replace(/acme\.example/g, 'initech.example');
export const REPLY = [
  'From: Jane Doe <jane@acme.example>', 'To: alex@mail.example', 'Subject: Re: thank you', 'Date: Tue, 24 Nov 2026 10:00:00 +0000',
  'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', 'Hi Alex,', '', 'We will get back to you by Friday.', '', 'Jane', '',
].join('\r\n');

export const versioned = (annotations: boolean) => (caps: ClientCapabilities) => {
  caps.workspace = { ...caps.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ['create'], ...(annotations ? { changeAnnotationSupport: { groupsOnLabel: true } } : {}) } };
};
