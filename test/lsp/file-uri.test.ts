/** The server's URI of a file on disk: pathToFileURL's, whatever the path. */
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { fileUri } from '../../server/src/lsp/host';

describe('fileUri: the URI the server publishes a note under', () => {
  it('is pathToFileURL(file).href for any absolute path, the usual ones and the odd (spaces, %, #, ?, dots, unicode)', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._ %#?~é面-]{1,8}$/);
    fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (parts) => {
      const file = `/${parts.join('/')}`;
      assert.equal(fileUri(file), pathToFileURL(file).href, file);
    }), { numRuns: 2000, seed: 0x0f11e });
    for (const file of ['/work/notes/acme-backend.md', '/a/.hidden/x.md', '/a/../b.md', '/a//b.md', '/a/b c.md', '/a/%41.md', '/a/b.md/']) {
      assert.equal(fileUri(file), pathToFileURL(file).href, file);
    }
  });
});
