/** What the rules' quick fixes share: plain edits, and drafts rendered from templates. */
import { draftContext, TemplateError, TemplateName } from '../drafts';
import { appendToBody, Edit, setValue } from '../edits';
import { mainContact } from '../model';
import { Finding } from '../types';
import { FixContext, PlannedAction } from './rule';

/** A fix made of edits; none when they cannot be made exactly (the edit says undefined). */
export function edit(title: string, finding: Finding, e: Edit | Edit[] | undefined, preferred = false): PlannedAction[] {
  return e ? [{ title, finding, edits: Array.isArray(e) ? e : [e], preferred }] : [];
}

/** " to Jane Doe" for an action's title; empty when the note names nobody. */
export function addressee(ctx: FixContext): string {
  const name = mainContact(ctx.interview)?.name;
  return name ? ` to ${name}` : '';
}

/** A draft from a template: rendered now, or (deferred) only compiled until it is chosen. */
export function draft(ctx: FixContext, finding: Finding, name: TemplateName, title: string, preferred = false): PlannedAction {
  const source = ctx.templates(name);
  if (!source) return { title, finding, template: name, disabled: `No template '${name}' found` };
  if (ctx.defer) {
    try {
      ctx.renderer.compile(source);
    } catch (err) {
      return { title, finding, template: name, disabled: templateProblem(err, source.origin) };
    }
    return { title, finding, template: name, preferred };
  }
  const rendered = renderDraft(ctx, name, source);
  return { title, finding, template: name, ...rendered, preferred: rendered.edits ? preferred : undefined };
}

/** Renders a draft into the edit that appends it to the note, or says why it cannot. */
export function renderDraft(ctx: FixContext, name: TemplateName, source = ctx.templates(name)): { edits?: Edit[]; disabled?: string } {
  if (!source) return { disabled: `No template '${name}' found` };
  try {
    const text = ctx.renderer.render(source, draftContext(ctx.interview, ctx.config, ctx.today, ctx.search.openOtherThan(ctx.name)));
    if (text.trim() === '') return { disabled: `Template ${source.origin} rendered nothing` };
    return { edits: [appendToBody(ctx.note, text)] };
  } catch (err) {
    return { disabled: templateProblem(err, source.origin) };
  }
}

function templateProblem(err: unknown, origin: string): string {
  const e = err as TemplateError;
  return `Template error in ${e.origin ?? origin}: ${e.message}`;
}

/** "Set status: closed (let it go)", offered by the rules that say to stop following up. */
export function closeIt(ctx: FixContext, finding: Finding, preferred = false): PlannedAction[] {
  return edit('Set status: closed (let it go)', finding, setValue(ctx.note, 'status', 'closed'), preferred);
}
