/**
 * The floor the CLI is measured against: the least any tool of this kind must do. It walks
 * the folder (the CLI's walk rules: `.md`/`.markdown` files, `node_modules`, `.git`, `.hg`,
 * `.svn` skipped), reads every note, finds the front matter the simplest way (a `---` first
 * line to the next `---` or `...` line) and parses it with `yaml`'s parseDocument (the API
 * the service uses, since it needs node ranges). Nothing else: no rules, no positions, no
 * config, no output but one line.
 *
 *   node out/bench/floor.js DIR
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const NOTE_EXT = /\.(?:md|markdown)$/i;

export interface FloorResult {
  files: number;
  frontMatters: number;
  yamlErrors: number;
}

function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out);
    } else if (e.isFile() && NOTE_EXT.test(e.name)) {
      out.push(p);
    }
  }
}

export function floor(root: string): FloorResult {
  const files: string[] = [];
  walk(root, files);
  const result: FloorResult = { files: files.length, frontMatters: 0, yamlErrors: 0 };
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/gm;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const open = /^---[ \t]*\r?\n/.exec(text);
    if (!open) continue;
    close.lastIndex = open[0].length;
    const m = close.exec(text);
    const doc = parseDocument(text.slice(open[0].length, m ? m.index : text.length));
    result.frontMatters++;
    result.yamlErrors += doc.errors.length;
  }
  return result;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node out/bench/floor.js DIR\n');
    process.exit(2);
  }
  const r = floor(dir);
  process.stdout.write(`${r.files} markdown files, ${r.frontMatters} front matters parsed, ${r.yamlErrors} YAML errors\n`);
}
