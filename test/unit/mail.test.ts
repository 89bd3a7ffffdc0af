/** Drafts on their way to the mail app: mailto: URIs (RFC 6068) and unsent messages (RFC 5322). */
import * as assert from 'node:assert/strict';
import { emlOf, mailtoOf, MAILTO_LIMIT, parseDraft, quotedPrintable } from '../../server/src/service';

const DRAFT = [
  '## Draft: thank-you email to Zoë Müller (2026-11-26)',
  '',
  'To: Zoë Müller <zoe@acme.example>',
  'Subject: Thank you for the Backend Engineer interview, Zoë',
  '',
  'Dear Zoë,',
  '',
  'Thank you for meeting me today: R&D + payments, 100% = great? #yes',
  '',
  'Best regards,',
  'Alex Kim',
  '',
].join('\n');

/** A URI's query fields, decoded as a mail app does. */
function decode(uri: string): { to: string; fields: Record<string, string> } {
  const [to, query = ''] = uri.slice('mailto:'.length).split('?');
  const fields = Object.fromEntries(query.split('&').filter(Boolean).map((kv) => kv.split('=').map(decodeURIComponent) as [string, string]));
  return { to: decodeURIComponent(to), fields };
}

describe('a draft read back into To, Subject and body', () => {
  it('takes the heading, the two header lines and the body after the blank line', () => {
    const parts = parseDraft(DRAFT);
    assert.equal(parts.heading, 'Draft: thank-you email to Zoë Müller (2026-11-26)');
    assert.equal(parts.to, 'Zoë Müller <zoe@acme.example>');
    assert.equal(parts.subject, 'Thank you for the Backend Engineer interview, Zoë');
    assert.equal(parts.body, 'Dear Zoë,\n\nThank you for meeting me today: R&D + payments, 100% = great? #yes\n\nBest regards,\nAlex Kim');
  });
});

describe('mailto: URIs (RFC 6068)', () => {
  it('round-trips: decoded, the same address, subject and body, with CRLF line breaks', () => {
    const parts = parseDraft(DRAFT);
    const { uri, withBody } = mailtoOf(parts);
    assert.ok(withBody);
    const { to, fields } = decode(uri);
    assert.equal(to, 'zoe@acme.example');
    assert.equal(fields.subject, parts.subject);
    assert.equal(fields.body, parts.body.replace(/\n/g, '\r\n'));
  });

  it('spaces are %20, never +; line breaks %0D%0A; a + in the text is escaped; UTF-8 octets', () => {
    const { uri } = mailtoOf(parseDraft(DRAFT));
    assert.ok(!uri.includes('+'), uri);
    assert.ok(!/[ \r\n]/.test(uri));
    assert.match(uri, /Thank%20you/);
    assert.match(uri, /Dear%20Zo%C3%AB%2C%0D%0A%0D%0AThank/);
    assert.match(uri, /R%26D%20%2B%20payments%2C%20100%25%20%3D%20great%3F%20%23yes/);
    assert.match(uri, /^mailto:zoe@acme\.example\?subject=/);
  });

  it(`over ${MAILTO_LIMIT} characters, carries the subject only`, () => {
    const long = parseDraft(DRAFT + 'A long paragraph. '.repeat(150));
    const { uri, withBody } = mailtoOf(long);
    assert.equal(withBody, false);
    assert.equal(uri, 'mailto:zoe@acme.example?subject=Thank%20you%20for%20the%20Backend%20Engineer%20interview%2C%20Zo%C3%AB');
  });

  it('a placeholder address is left for the user to fill in the mail app', () => {
    const { uri } = mailtoOf(parseDraft('To: Sam Lee <[email address of Sam Lee]>\nSubject: Hi\n\nBody\n'));
    assert.equal(uri, 'mailto:?subject=Hi&body=Body');
  });
});

describe('an unsent message (RFC 5322)', () => {
  it('has X-Unsent, no Date or Message-ID, encoded non-ASCII headers, a quoted-printable body, CRLF lines', () => {
    const eml = emlOf(parseDraft(DRAFT), { name: 'Alex Kim', email: 'alex@example.com' });
    const at = eml.indexOf('\r\n\r\n');
    const [head, body] = [eml.slice(0, at), eml.slice(at + 4)];
    assert.deepEqual(head.split('\r\n'), [
      'From: Alex Kim <alex@example.com>',
      'To: =?UTF-8?B?Wm/DqyBNw7xsbGVy?= <zoe@acme.example>',
      'Subject: =?UTF-8?B?VGhhbmsgeW91IGZvciB0aGUgQmFja2VuZCBFbmdpbmVlciBp?=',
      ' =?UTF-8?B?bnRlcnZpZXcsIFpvw6s=?=',
      'X-Unsent: 1',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: quoted-printable',
    ]);
    assert.match(body, /^Dear Zo=C3=AB,\r\n\r\nThank you for meeting me today: R&D \+ payments, 100% =3D great\? #yes\r\n/);
    assert.doesNotMatch(eml, /[^\r]\n/);
    for (const line of eml.split('\r\n')) assert.ok(line.length <= 76, line);
  });

  it('quoted-printable: soft breaks at 76, trailing spaces and = escaped', () => {
    assert.equal(quotedPrintable('a '), 'a=20');
    assert.equal(quotedPrintable('x'.repeat(80)), 'x'.repeat(75) + '=\r\n' + 'x'.repeat(5));
    const lines = quotedPrintable('é'.repeat(30)).split('\r\n');
    assert.ok(lines.length === 3 && lines[0].length === 76 && lines[0].endsWith('='), lines[0]);
    assert.equal(Buffer.from(lines.map((l) => l.replace(/=$/, '')).join('').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'), 'é'.repeat(30));
  });
});
