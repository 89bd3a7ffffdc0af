/**
 * Drafts rendered from Handlebars templates. The host supplies template sources (built-in or
 * the workspace's override); this module compiles them in a sandboxed Handlebars environment
 * of its own: no prototype access, only the built-in block helpers, no `log` (it would write
 * to stdout, which is the LSP channel), no partials or helpers from the workspace.
 */
import type HandlebarsNs from 'handlebars';
import { rejectTooManyExpressions, RenderBudget, sandboxedHandlebars } from './sandbox';

import { TEMPLATE_NAMES, TemplateName } from '../../protocol';

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
