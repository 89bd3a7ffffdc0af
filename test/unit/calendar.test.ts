/**
 * The calendar entries as the service gives them: the contact on every entry, and a check-in's
 * draft as a mailto: link, rendered from the templates the host passes in (nothing read here).
 */
import * as assert from 'node:assert/strict';
import { mergeConfig, TemplateLookup } from '../../server/src/service';
import { builtInTemplates, day, note, service, TODAY, URI, withTemplates } from './helpers';

const TEXT = note([
  'company: Acme Corp', 'role: Backend Engineer',
  'contact: { name: Jane Doe, email: jane@acme.example, phone: "+1 555 0100" }',
  'interviewed: 2026-11-20', 'thank_you_sent: 2026-11-20', 'status: waiting',
]);

function entries(templates: TemplateLookup, today = TODAY, text = TEXT) {
  return service.calendar({ uri: URI, text }, { today, config: mergeConfig({ sender: { name: 'Alex Rivera' } }), templates })!;
}

const decode = (uri: string) => {
  const [to, query = ''] = uri.slice('mailto:'.length).split('?');
  return { to: decodeURIComponent(to), ...Object.fromEntries(query.split('&').map((kv) => kv.split('=').map(decodeURIComponent))) } as { to: string; subject?: string; body?: string };
};

describe('calendar entries with what the day needs', () => {
  it('each names the contact; only the check-in has a link, to the contact, with the built-in draft', () => {
    const all = entries(builtInTemplates);
    assert.deepEqual(all.map((e) => [e.kind, e.contact]), [
      ['thank-you', { name: 'Jane Doe', email: 'jane@acme.example', phone: '+1 555 0100' }],
      ['check-in', { name: 'Jane Doe', email: 'jane@acme.example', phone: '+1 555 0100' }],
    ]);
    const checkIn = all[1];
    assert.equal(checkIn.day, day('2026-11-27'));
    assert.equal(all[0].mailto, undefined);
    const m = decode(checkIn.mailto!);
    assert.equal(m.to, 'jane@acme.example');
    assert.equal(m.subject, 'Following up on the Backend Engineer position');
    // As on the day it goes out, a week after the interview: not "yesterday", not "today".
    assert.match(m.body!, /my interview on 20 November for the Backend Engineer position/);
    assert.ok(checkIn.description.endsWith(`\nThe check-in email, ready to send in your mail app: ${checkIn.mailto}`));
  });

  it('uses the template it is given (the workspace\'s own)', () => {
    const own = withTemplates({ 'check-in-email': 'To: {{to}}\nSubject: Any news, {{person.firstName}}?\n\nHello {{greetingName}}.\n' });
    const m = decode(entries(own)[1].mailto!);
    assert.deepEqual(m, { to: 'jane@acme.example', subject: 'Any news, Jane?', body: 'Hello Jane.' });
  });

  it('a template that fails: the event stays, without a link', () => {
    const broken = withTemplates({ 'check-in-email': '{{#if}}' });
    const checkIn = entries(broken)[1];
    assert.equal(checkIn.kind, 'check-in');
    assert.equal(checkIn.mailto, undefined);
    assert.doesNotMatch(checkIn.description, /mailto/);
  });

  it('past 2,000 characters the link carries the subject only, and the description says where the text is', () => {
    const long = withTemplates({ 'check-in-email': `To: {{to}}\nSubject: Following up\n\n${'A long paragraph. '.repeat(150)}\n` });
    const checkIn = entries(long)[1];
    assert.equal(checkIn.mailto, 'mailto:jane@acme.example?subject=Following%20up');
    assert.match(checkIn.description, /subject only: .*interview-followup draft prints it/);
  });

  it('overdue: the draft of today', () => {
    const m = decode(entries(builtInTemplates, day('2026-12-10'))[1].mailto!);
    assert.match(m.body!, /my interview on 20 November/);
  });

  it('not an interview note: undefined', () => {
    assert.equal(service.calendar({ uri: URI, text: '# Just markdown\n' }, { today: TODAY, config: mergeConfig({}), templates: builtInTemplates }), undefined);
  });
});
