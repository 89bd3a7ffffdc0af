/**
 * "Set Your Name" (the walkthrough's first step) writes sender.name into
 * .interview-followup.yaml with one minimal edit: the rest of the file, comments and spacing
 * included, stays byte for byte, and the server reads the name back.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { senderNameIn, withSenderName } from '../../client/src/config-edit';
import { parseConfigText } from '../../server/src/service';

const EXAMPLE = readFileSync(path.resolve(__dirname, '../../../examples/notes/.interview-followup.yaml'), 'utf8');

describe('setting sender.name in .interview-followup.yaml', () => {
  const cases: [string, string, string][] = [
    ['the example: replaces the name only', EXAMPLE, EXAMPLE.replace('name: Alex Rivera', 'name: Sam Park')],
    ['an empty file', '', 'sender:\n  name: Sam Park\n'],
    ['only comments', '# my search\n', '# my search\nsender:\n  name: Sam Park\n'],
    ['no sender: appended', 'letGoDays: 21   # patient\n', 'letGoDays: 21   # patient\nsender:\n  name: Sam Park\n'],
    ['no final line break', 'letGoDays: 21', 'letGoDays: 21\nsender:\n  name: Sam Park\n'],
    ['sender without name: a line before its first key', 'sender:\n  email: s@x.example  # work\nletGoDays: 3\n', 'sender:\n  name: Sam Park\n  email: s@x.example  # work\nletGoDays: 3\n'],
    ['an empty name', 'sender:\n  name:\n', 'sender:\n  name: Sam Park\n'],
    ['a quoted name keeps its line', 'sender:\n  name: "Old"   # me\n', 'sender:\n  name: Sam Park   # me\n'],
    ['a bare sender:', 'sender:   # who signs\nletGoDays: 3\n', 'sender:   # who signs\n  name: Sam Park\nletGoDays: 3\n'],
    ['sender: ~', 'sender: ~\n', 'sender:\n  name: Sam Park\n'],
    ['a flow sender', 'sender: {email: s@x.example}\n', 'sender: {name: Sam Park, email: s@x.example}\n'],
    ['CRLF', 'letGoDays: 3\r\n', 'letGoDays: 3\r\nsender:\r\n  name: Sam Park\r\n'],
  ];
  for (const [what, before, after] of cases) {
    it(what, () => {
      const out = withSenderName(before, 'Sam Park');
      assert.equal(out, after);
      assert.deepEqual(parseConfigText(out).problems, []);
      assert.equal(senderNameIn(out), 'Sam Park');
    });
  }

  it('quotes a name YAML would read otherwise, and refuses a file it cannot edit safely', () => {
    assert.equal(withSenderName('', 'Yes: Man'), 'sender:\n  name: "Yes: Man"\n');
    assert.equal(senderNameIn(withSenderName('', 'Yes: Man')), 'Yes: Man');
    assert.throws(() => withSenderName('sender: [a\n', 'x'), /cannot be parsed/);
    assert.throws(() => withSenderName('- a\n', 'x'), /not a block mapping/);
    assert.throws(() => withSenderName('sender: Alex\n', 'x'), /sender is not a mapping/);
    assert.equal(senderNameIn('checkInGraceDays: 3\n'), undefined);
  });
});
