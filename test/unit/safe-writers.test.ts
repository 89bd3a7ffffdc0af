/** The writers of service/safe/: what each writes, and what each refuses. */
import * as assert from 'node:assert/strict';
import { mailboxesOf } from '../../server/src/service/safe/address';
import { addressField, textField, UnsafeHeader } from '../../server/src/service/safe/header';
import { icsParam, icsTerminated, icsText } from '../../server/src/service/safe/ics';
import { mailtoUri } from '../../server/src/service/safe/mailto';
import { terminalJson, terminalLine, terminalLines } from '../../server/src/service/safe/terminal';
import { unsafeIn } from '../../server/src/service/safe/values';

describe('safe/: one writer per format', () => {
  it('values: one line of printable text, else the first offending character', () => {
    assert.equal(unsafeIn('Zoë Müller 面试 🚀'), undefined);
    assert.deepEqual(unsafeIn('Ana\nTo: x'), { at: 3, code: 'U+000A', what: 'a line break' });
    assert.deepEqual(unsafeIn('a\u0085'), { at: 1, code: 'U+0085', what: 'a line break' });
    assert.deepEqual(unsafeIn('a\u009b'), { at: 1, code: 'U+009B', what: 'a control character' });
    assert.deepEqual(unsafeIn('a\u2066b'), { at: 1, code: 'U+2066', what: 'a bidi override' });
    assert.deepEqual(unsafeIn('a\ud800'), { at: 1, code: 'U+D800', what: 'a lone surrogate' });
    assert.equal(unsafeIn('a\nb\r\nc', { lineBreaks: true }), undefined);
  });

  it('header: plain words folded at spaces within 78, anything else encoded words, "=?" never left to be decoded', () => {
    const long = textField('Subject', 'word '.repeat(40).trim());
    assert.ok(long.split('\r\n').every((l) => l.length <= 78) && long.includes('\r\n '));
    assert.equal(textField('Subject', 'Hi'), 'Subject: Hi');
    assert.equal(textField('Subject', '=?UTF-8?B?QQ==?='), 'Subject: =?UTF-8?B?PT9VVEYtOD9CP1FRPT0/PQ==?=');
    assert.match(textField('Subject', 'two  spaces'), /^Subject: =\?UTF-8\?B\?/);
    assert.throws(() => textField('Subject', 'a\r\nBcc: x@y.example'), UnsafeHeader);
  });

  it('header: every mailbox of a list, names quoted or encoded, a non-ASCII address refused', () => {
    assert.equal(addressField('To', [{ name: 'Ana Ruiz', address: 'ana@x.example' }, { name: 'Lee, Sam', address: 'sam@y.example' }, { address: 'bo@z.example' }]),
      'To: Ana Ruiz <ana@x.example>, "Lee, Sam" <sam@y.example>, bo@z.example');
    assert.equal(addressField('To', [{ name: 'Zoë', address: 'zoe@x.example' }]), 'To: =?UTF-8?B?Wm/Dqw==?= <zoe@x.example>');
    assert.throws(() => addressField('To', [{ address: 'zoë@x.example' }]), /not a plain ASCII address/);
  });

  it('address: every recipient of a To: line, a comma in a name kept, a placeholder none, linear on hostile lines', () => {
    assert.deepEqual(mailboxesOf('Ruiz, Ana <ana@x.example>, "Lee, Sam" <sam@y.example>, [email of Bo], bo@z.example'),
      [{ name: 'Ruiz, Ana', address: 'ana@x.example' }, { name: 'Lee, Sam', address: 'sam@y.example' }, { address: 'bo@z.example' }]);
    assert.deepEqual(mailboxesOf('Jane Doe <[email of Jane Doe]>'), []);
    for (const line of ['a@,'.repeat(50_000), '<a@>,'.repeat(50_000), ',a'.repeat(200_000)]) {
      const t = Date.now();
      mailboxesOf(line);
      assert.ok(Date.now() - t < 1000, `${Date.now() - t} ms`);
    }
  });

  it('mailto: every recipient, each field percent-encoded so nothing can add one', () => {
    assert.equal(mailtoUri([{ address: 'a@x.example' }, { address: 'b@y.example' }], { subject: 'Hi & bye', body: 'a\nb' }),
      'mailto:a@x.example,b@y.example?subject=Hi%20%26%20bye&body=a%0D%0Ab');
    assert.equal(mailtoUri([{ address: 'a,b@x.example' }], {}), 'mailto:a%2Cb@x.example');
  });

  it('ics: TEXT escaped, controls as U+FFFD, the last line ended by CRLF', () => {
    assert.equal(icsText('a,b;c\\d\ne\r\nf\u001b\u0085g'), 'a\\,b\\;c\\\\d\\ne\\nf\ufffd\ufffdg');
    assert.equal(icsParam('say "hi"'), '"say \ufffdhi\ufffd"');
    assert.equal(icsTerminated('BEGIN:VCALENDAR\r\nEND:VCALENDAR'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    assert.equal(icsTerminated('END:VCALENDAR\r\n\r\n'), 'END:VCALENDAR\r\n');
  });

  it('terminal: C0, C1, separators and bidi controls escaped, in text and in JSON', () => {
    assert.equal(terminalLine('a\u001b[2Jb\u009b1m\u0085\u202e'), 'a\\u001b[2Jb\\u009b1m\\u0085\\u202e');
    assert.equal(terminalLines('a\tb\nc\u009dd'), 'a\tb\nc\\u009dd');
    assert.equal(terminalJson({ m: 'x\u009by\u2028' }), '{"m":"x\\u009by\\u2028"}');
    assert.deepEqual(JSON.parse(terminalJson({ m: 'x\u009by' })), { m: 'x\u009by' }, 'still the same JSON');
  });
});
