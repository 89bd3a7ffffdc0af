/**
 * The set-ups and recipes the docs tell a user to paste, read from the docs themselves, so that
 * a test of an editor runs what a user reads and the two cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../lsp/client';

/**
 * The first fenced block of `lang` after the first line of `file` (a path in the repository)
 * that starts with `marker`; throws when there is none, naming what it looked for.
 */
export function recipe(file: string, marker: string, lang = 'lua'): string {
  const lines = readFileSync(path.join(REPO, file), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith(marker));
  if (at < 0) throw new Error(`${file} has no line starting with ${JSON.stringify(marker)}`);
  const open = lines.findIndex((l, i) => i > at && l === '```' + lang);
  const close = lines.findIndex((l, i) => i > open && l === '```');
  if (open < 0 || close < 0) throw new Error(`${file} has no \`\`\`${lang} block after ${JSON.stringify(marker)}`);
  return lines.slice(open + 1, close).join('\n') + '\n';
}
