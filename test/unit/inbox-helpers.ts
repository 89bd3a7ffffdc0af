/**
 * What the inbox tests share: the fixtures of test/fixtures/inbox, today pinned, the zone Los
 * Angeles, you alex@example.org, and a note of an open Acme process.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIsoDay } from '../../server/src/service';
import { importInbox, ImportResult, NoteIn } from '../../server/src/service/inbox';

export const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/inbox');
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const TEMPLATE = { origin: 'built-in', text: fs.readFileSync(path.join(ROOT, 'templates/interview-note.hbs'), 'utf8') };
export const OPTIONS = { me: ['alex@example.org'], zone: 'America/Los_Angeles', today: parseIsoDay('2026-11-26')!, template: TEMPLATE };

export const ACME = `---
company: Acme Corp
role: Senior Backend Engineer
contact:
  name: Jane Doe   # recruiter
  email: jane.doe@acme.example
interviewed: 2026-11-02
stage: onsite
status: waiting
---

# Notes
`;

/** Imports fixtures `files` into `notes` (by default the Acme note). */
export async function run(files: string[], notes: NoteIn[] = [{ file: 'acme.md', text: ACME }], options: Partial<typeof OPTIONS> = {}): Promise<ImportResult> {
  return importInbox(files.map((name) => ({ name, text: fixture(name) })), notes, { ...OPTIONS, ...options });
}

/** The one note an import changed (no error). */
export const only = (r: ImportResult) => {
  assert.deepEqual(r.errors, []);
  assert.equal(r.files.length, 1, JSON.stringify(r.notes));
  return r.files[0];
};

/** The front matter of a new note, between its --- lines. */
export const front = (text: string) => text.split(/^---$/m)[1];
