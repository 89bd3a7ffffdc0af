/** Diagnostics on the files around the notes: `.interview-followup.yaml` and the templates. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { SOURCE } from '../../protocol';
import { ConfigProblem, parseConfigText } from '../config';
import { NoteView } from '../document';
import { DraftRenderer, sampleContext, TemplateSource } from '../drafts';

/** Problems in `.interview-followup.yaml`, as diagnostics on that file. */
export function checkConfig(text: string, more: ConfigProblem[] = []): Diagnostic[] {
  const view = NoteView.plain({ uri: 'config', text });
  return [...parseConfigText(text).problems, ...more].map((p) => ({
    range: view.rangeOf(p.span),
    severity: DiagnosticSeverity.Error,
    code: 'config',
    source: SOURCE,
    message: p.message,
  }));
}

/** A template that does not compile or fails a trial render, as a diagnostic on the template file. */
export function checkTemplate(source: TemplateSource, renderer: DraftRenderer): Diagnostic[] {
  let problem: string | undefined;
  let err: unknown;
  try {
    renderer.compile(source);
    try {
      renderer.render(source, sampleContext());
    } catch (e) {
      [problem, err] = ['Template fails to render', e];
    }
  } catch (e) {
    [problem, err] = ['Template does not compile', e];
  }
  if (!problem) return [];
  // Lines as LSP counts them: a lone \r ends one too.
  const lines = source.text.split(/\r\n|\r|\n/);
  const line = Math.min(lines.length - 1, Math.max(0, ((err as { line?: number }).line ?? 1) - 1));
  return [{
    range: { start: { line, character: 0 }, end: { line, character: lines[line].length } },
    severity: DiagnosticSeverity.Error,
    code: 'template',
    source: SOURCE,
    message: `${problem}: ${(err as Error).message}`,
  }];
}
