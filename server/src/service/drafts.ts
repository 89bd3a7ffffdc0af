/**
 * Drafts rendered from Handlebars templates. The host supplies template sources (built-in or
 * the workspace's override); this module compiles them in a sandboxed Handlebars environment
 * of its own: no prototype access, only the built-in block helpers, no `log` (it would write
 * to stdout, which is the LSP channel), no partials or helpers from the workspace.
 */
import type HandlebarsNs from 'handlebars';
import { Config } from './config';
import { Day, formatDay, longDay, weekdayName } from './dates';
import { Interview, mainContact, Person } from './model';
import type { NoteSummary } from './search';
import { rejectTooManyExpressions, RenderBudget, sandboxedHandlebars } from './sandbox';

import { TEMPLATE_NAMES, TemplateName } from '../protocol';

export { TEMPLATE_NAMES };
export type { TemplateName };

export interface TemplateSource {
  /** Where it came from, for messages: a path or "built-in". */
  origin: string;
  text: string;
}

/** The host's template store: the workspace's override if any, else the built-in. */
export type TemplateLookup = (name: TemplateName) => TemplateSource | undefined;

export class TemplateError extends Error {
  constructor(readonly origin: string, message: string, readonly line?: number) {
    super(message);
  }
}

const COMPILE_OPTIONS: CompileOptions = {
  noEscape: true, // plain-text email, not HTML: `R&D` stays `R&D`
  strict: false,
  knownHelpersOnly: true,
  knownHelpers: { log: false, helperMissing: false, blockHelperMissing: false },
  preventIndent: false,
};

type CompileOptions = Parameters<typeof HandlebarsNs.compile>[1];

/** Compiles and renders templates; owns its Handlebars environment and a small cache. */
export class DraftRenderer {
  private env?: typeof HandlebarsNs;
  private readonly cache = new Map<string, HandlebarsTemplateDelegate>();
  /** What the render under way has spent: loop iterations, output. */
  private readonly budget = new RenderBudget();

  /** Loaded on first use: `check` never renders, and Handlebars costs ~40 ms to load. */
  private get hbs(): typeof HandlebarsNs {
    this.env ??= sandboxedHandlebars(this.budget);
    return this.env;
  }

  /** Throws TemplateError when the template does not compile. */
  compile(source: TemplateSource): HandlebarsTemplateDelegate {
    const hit = this.cache.get(source.text);
    if (hit) return hit;
    let template: HandlebarsTemplateDelegate;
    try {
      // compile() is lazy, and parse() alone misses an unknown helper (`{{log 'x'}}`) or a
      // partial, which would only fail at render: surface them here, on the template file.
      rejectTooManyExpressions(source.text);
      rejectPartials(this.hbs.parse(source.text));
      this.hbs.precompile(source.text, COMPILE_OPTIONS);
      template = this.hbs.compile(source.text, COMPILE_OPTIONS);
    } catch (err) {
      throw toTemplateError(source.origin, err);
    }
    if (this.cache.size >= 16) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(source.text, template);
    return template;
  }

  /** Renders to text; throws TemplateError on a compile or render failure. */
  render(source: TemplateSource, context: object): string {
    const template = this.compile(source);
    this.budget.reset();
    try {
      return template(context, {
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
        helpers: {},
        partials: {},
      });
    } catch (err) {
      throw toTemplateError(source.origin, err);
    }
  }
}

/** No partials or decorators are ever registered, so one in a template can never render. */
function rejectPartials(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: string; loc?: { start: { line: number } } };
  if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement' || n.type === 'Decorator' || n.type === 'DecoratorBlock') {
    throw new Error(`Partials and decorators are not supported: a template is a single file (line ${n.loc?.start.line ?? 1})`);
  }
  for (const child of Object.values(node)) rejectPartials(child);
}

function toTemplateError(origin: string, err: unknown): TemplateError {
  const message = (err instanceof Error ? err.message : String(err)).split('\n').filter((l) => l.trim() !== '');
  // "Parse error on line 3" or, from the compiler, "... unknown helper log - 3:12".
  const line = /line (\d+)|- (\d+):\d+$/i.exec(message.join(' '));
  // Handlebars puts the source excerpt and a caret on separate lines: keep the reason.
  const reason = message.filter((l) => !/^[-\s^]*$/.test(l) && !l.startsWith('...')).join(' ').replace(/\s+/g, ' ');
  return new TemplateError(origin, reason, line ? Number(line[1] ?? line[2]) : undefined);
}

export interface DateInfo {
  date: string;
  long: string;
  weekday: string;
}

export interface DraftContext {
  company: string;
  role: string;
  stage?: string;
  pitch?: string;
  contact: { name: string; firstName: string; email: string; phone?: string; title?: string };
  /** "Jane Doe <jane@acme.example>" */
  to: string;
  /** The contact's first name, or "Hiring Team". */
  greetingName: string;
  interviewers: Person[];
  interviewed?: DateInfo;
  expectReplyBy?: DateInfo & { phrase?: string };
  thankYouSent?: DateInfo;
  today: DateInfo;
  sender: { name: string; email?: string; phone?: string };
  /** The other open processes of the search, for the offer checklist. */
  others: { company: string; role?: string; next: string; name: string }[];
}

/**
 * Data for a trial render when a template is checked: some errors (`{{#each}}` with no
 * argument) only show when rendering. Every optional field is present so each branch runs.
 */
export function sampleContext(): DraftContext {
  const day = (n: number) => dateInfo(20_395 + n); // 2025-11-03, a Monday
  return {
    company: 'Acme Corp', role: 'Engineer', stage: 'onsite', pitch: 'A short pitch.',
    contact: { name: 'Jane Doe', firstName: 'Jane', email: 'jane@acme.example', phone: '+1 555 0100', title: 'Recruiter' },
    to: 'Jane Doe <jane@acme.example>', greetingName: 'Jane',
    interviewers: [{ name: 'Sam Lee', email: 'sam@acme.example', title: 'Manager' }],
    interviewed: day(0), expectReplyBy: { ...day(10), phrase: 'within two weeks' }, thankYouSent: day(0), today: day(14),
    sender: { name: 'Alex Rivera', email: 'alex@example.com', phone: '+1 555 0142' },
    others: [{ company: 'Globex', role: 'Engineer', next: 'onsite 2025-11-20', name: 'globex.md' }],
  };
}

export function dateInfo(day: Day): DateInfo {
  return { date: formatDay(day), long: longDay(day), weekday: weekdayName(day) };
}

/** The template data for a note: placeholders in brackets where the note lacks something. */
export function draftContext(i: Interview, config: Config, today: Day, others: NoteSummary[] = []): DraftContext {
  const contact: Person = mainContact(i) ?? {};
  const name = contact.name ?? '';
  const email = contact.email ?? `[email address${name ? ` of ${name}` : ''}]`;
  const firstName = name.split(/\s+/)[0] ?? '';
  return {
    company: i.company.kind === 'ok' ? i.company.value : '[company]',
    role: i.role.kind === 'ok' ? i.role.value : '[role]',
    stage: i.stage.kind === 'ok' ? i.stage.value : undefined,
    pitch: i.pitch.kind === 'ok' ? i.pitch.value : undefined,
    contact: { name, firstName, email, phone: contact.phone, title: contact.title },
    to: name ? `${name} <${email}>` : email,
    greetingName: firstName || 'Hiring Team', // "Dear Jane,": the name they introduced themselves with
    interviewers: i.interviewers.kind === 'ok' ? i.interviewers.value : [],
    interviewed: i.interviewed.kind === 'ok' ? dateInfo(i.interviewed.value) : undefined,
    expectReplyBy: i.expectReplyBy.kind === 'ok' ? { ...dateInfo(i.expectReplyBy.value.day), phrase: i.expectReplyBy.value.phrase } : undefined,
    thankYouSent: i.thankYouSent.kind === 'ok' ? dateInfo(i.thankYouSent.value) : undefined,
    today: dateInfo(today),
    sender: { name: config.sender.name ?? '[your name]', email: config.sender.email, phone: config.sender.phone },
    others: others.map((o) => ({ company: o.company ?? o.name, role: o.role, next: o.next, name: o.name })),
  };
}
