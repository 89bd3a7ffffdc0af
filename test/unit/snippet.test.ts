/** "New Interview Note" opens the note with a tab stop in each empty field, in order. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { noteSnippet } from '../../client/src/snippet';

const TEMPLATE = readFileSync(path.resolve(__dirname, '../../../templates/interview-note.hbs'), 'utf8');

describe('the new note as a snippet', () => {
  it('a tab stop in each empty value of the built-in note, in order, and the caret last at the end', () => {
    const text = TEMPLATE.replace(/\{\{company\}\}/g, 'Acme').replace(/\{\{role\}\}/g, 'Dev').replace('{{interviewed}}', '2026-11-26');
    const snippet = noteSnippet(text);
    const stops = [...snippet.matchAll(/^\s*(\w+): "\$\{(\d+)\}"/gm)].map((m) => [m[1], Number(m[2])]);
    assert.deepEqual(stops, [['name', 1], ['email', 2], ['stage', 3], ['expect_reply_by', 4], ['pitch', 5]]);
    assert.match(snippet, /# Acme: Dev\n+\$0$/);
    // With the stops left empty, the snippet inserts the note as rendered.
    assert.equal(snippet.replace(/\$\{\d+\}/g, '').replace(/\$0$/, ''), text);
  });

  it('escapes what snippets read: dollars, braces and backslashes stay text; the body has no stops', () => {
    const text = '---\ncompany: "$5 Corp}"\nrole: ""\n---\n\nrole: ""\nC:\\notes\n';
    assert.equal(noteSnippet(text), '---\ncompany: "\\$5 Corp\\}"\nrole: "${1}"\n---\n\nrole: ""\nC:\\\\notes\n$0');
  });
});
