/**
 * A note's own diagnostics kept as JSON text, sorted by position, with where each element
 * starts: the findings that read other notes are spliced in by position without parsing the
 * rest (an accepted offer republishes thousands of notes at once).
 */
import { Diagnostic } from 'vscode-languageserver/node';

export interface DiagnosticsJson {
  /** JSON of the diagnostics sorted by start position. */
  json: string;
  /** For each element: its start line, start character and offset in `json`, flattened (small integers: cheap to keep). */
  index: number[];
}

const byStart = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

export function toJson(diagnostics: Diagnostic[]): DiagnosticsJson {
  const sorted = [...diagnostics].sort(byStart);
  const index: number[] = [];
  let json = '[';
  for (const d of sorted) {
    if (json.length > 1) json += ',';
    index.push(d.range.start.line, d.range.start.character, json.length);
    json += JSON.stringify(d);
  }
  return { json: `${json}]`, index };
}

/**
 * The JSON of `local`'s diagnostics and `extra` together, sorted by start (at one position,
 * `local`'s first), as toJson would write them; `silenced`: codes of `local` left out (the rules
 * another note of the search silences here, rare: then `local` is parsed again).
 */
export function mergeJson(local: DiagnosticsJson, extra: Diagnostic[], silenced?: ReadonlySet<string>): string {
  if (silenced && local.index.length > 0) {
    const all = JSON.parse(local.json) as Diagnostic[];
    const kept = all.filter((d) => !silenced.has(String(d.code)));
    if (kept.length < all.length) local = toJson(kept);
  }
  if (extra.length === 0) return local.json;
  const more = [...extra].sort(byStart);
  const { json, index } = local;
  const parts: string[] = [];
  let k = 0;
  for (let i = 0; i < index.length; i += 3) {
    const [line, character, start] = [index[i], index[i + 1], index[i + 2]];
    while (k < more.length && (more[k].range.start.line < line || (more[k].range.start.line === line && more[k].range.start.character < character))) {
      parts.push(JSON.stringify(more[k++]));
    }
    parts.push(json.slice(start, i + 3 < index.length ? index[i + 5] - 1 : json.length - 1));
  }
  while (k < more.length) parts.push(JSON.stringify(more[k++]));
  return `[${parts.join(',')}]`;
}
