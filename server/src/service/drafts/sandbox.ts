/**
 * The Handlebars environment drafts render in, with bounds on one render so a template can
 * neither hang the server nor fill its memory: loop iterations are counted as they run, and
 * output as it is appended, so a render stops as soon as it passes a bound instead of building
 * the whole text first (a loop printing a 200 KB pitch 10,000 times would be 2 GB).
 */
import type HandlebarsNs from 'handlebars';

export const MAX_ITERATIONS = 10_000;
export const MAX_OUTPUT = 256 * 1024;
/**
 * Far more `{{` than an email needs (the built-in ones have 20). The compile's time and memory
 * grow with each (about 0.1 ms and 15 KB): this bounds the compile as MAX_OUTPUT bounds the render.
 */
export const MAX_EXPRESSIONS = 1_000;

/** Throws before any parse when the template has over MAX_EXPRESSIONS `{{`. */
export function rejectTooManyExpressions(text: string): void {
  let count = 0;
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2)) {
    if (++count <= MAX_EXPRESSIONS) continue;
    let line = 1;
    for (let nl = text.indexOf('\n'); nl >= 0 && nl < at; nl = text.indexOf('\n', nl + 1)) line++;
    throw new Error(`The template has over ${MAX_EXPRESSIONS} {{expressions}}: an email needs far fewer (line ${line})`);
  }
}

type HelperOptions = HandlebarsNs.HelperOptions;

/** What the render under way has spent; `reset()` before each render. */
export class RenderBudget {
  private iterations = 0;
  private output = 0;

  reset(): void {
    this.iterations = 0;
    this.output = 0;
  }

  iteration(): void {
    if (++this.iterations > MAX_ITERATIONS) throw new Error(`The template loops too much (over ${MAX_ITERATIONS} iterations)`);
  }

  /** A value about to be appended: counted, and returned as the text it appends as. */
  append(value: unknown): string {
    const text = typeof value === 'string' ? value : String(value);
    this.output += text.length;
    if (this.output > MAX_OUTPUT) throw new Error(`The template renders over ${MAX_OUTPUT / 1024} KB: not an email`);
    return text;
  }
}

/** Where compiled templates find RenderBudget.append: a helper no template can call (knownHelpersOnly). */
const APPEND_HOOK = 'interview-followup:append';
/** Built-in helpers whose block result is the output of their blocks, already counted. */
const BLOCK_HELPERS = new Set(['each', 'if', 'unless', 'with']);

/** An environment of its own: not the process-wide Handlebars, whose helpers anyone may register. */
export function sandboxedHandlebars(budget: RenderBudget): typeof HandlebarsNs {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const env = (require('handlebars') as typeof HandlebarsNs).create();
  env.unregisterHelper('log'); // it would write to stdout, which is the LSP channel
  // Nested {{#each}} over a long list multiplies: three levels over 1,000 interviewers is a
  // billion iterations. Every iteration of a render (also `{{#list}}` sections, which go
  // through `each`) is counted against one budget.
  const each = env.helpers.each;
  env.registerHelper('each', function (this: unknown, context: unknown, options?: HelperOptions) {
    if (!options) return each.call(this, context); // `{{#each}}` alone: its own error
    const fn = options.fn;
    return each.call(this, context, { ...options, fn: (c: unknown, o: unknown) => (budget.iteration(), fn(c, o as never)) });
  });
  // An object, not a function: Handlebars wraps function helpers to take an options argument last.
  env.registerHelper(APPEND_HOOK, { append: (value: unknown) => budget.append(value) } as never);
  countOutput(env);
  return env;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Opcode = { opcode: string; args: unknown[] };

/**
 * Handlebars has no streaming API, but its compilers are meant to be extended: every append to
 * a template's buffer (text, `{{value}}`) goes through the budget. A block's result is the text
 * its inner appends built, counted there already: it is appended uncounted ('appendBlock'),
 * unless a helper made it from elsewhere (`{{#lookup}}` returns a value).
 */
function countOutput(env: typeof HandlebarsNs): void {
  const hb = env as any;
  class Compiler extends hb.Compiler {
    BlockStatement(block: unknown): void {
      super.BlockStatement(block);
      const ops: Opcode[] = (this as any).opcodes;
      const [producer, last] = [ops[ops.length - 2], ops[ops.length - 1]];
      const ofBlocks = producer?.opcode === 'blockValue' || producer?.opcode === 'ambiguousBlockValue'
        || (producer?.opcode === 'invokeKnownHelper' && BLOCK_HELPERS.has(producer.args[1] as string));
      if (last?.opcode === 'append' && ofBlocks) last.opcode = 'appendBlock';
    }
  }
  class JavaScriptCompiler extends hb.JavaScriptCompiler {
    private uncounted = false;

    appendToBuffer(source: unknown, location: unknown, explicit: unknown): unknown {
      if (this.uncounted) return super.appendToBuffer(source, location, explicit);
      const counted = [`helpers[${JSON.stringify(APPEND_HOOK)}].append(`, ...(Array.isArray(source) ? source : [source]), ')'];
      return super.appendToBuffer(counted, location, explicit);
    }

    appendBlock(): void {
      (this as any).pushSource(''); // text before the block is flushed, and counted, first
      this.uncounted = true;
      try {
        (this as any).append();
      } finally {
        this.uncounted = false;
      }
    }
  }
  // Child programs are compiled by `new this.compiler()`.
  (Compiler.prototype as any).compiler = Compiler;
  (JavaScriptCompiler.prototype as any).compiler = JavaScriptCompiler;
  hb.Compiler = Compiler;
  hb.JavaScriptCompiler = JavaScriptCompiler;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
