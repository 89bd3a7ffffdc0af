/** Python 3's `email` package as an independent reader of the messages the drafts write. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** Messages as Python's email package (policy.default) reads them: each To's addresses, Subject, body. */
export function pythonReads(emls: string[]): { to: [string, string][]; subject: string | null; body: string }[] {
  const py = [
    'import sys, json, email, email.policy',
    'out = []',
    'for raw in json.loads(sys.stdin.read()):',
    '    m = email.message_from_bytes(raw.encode("utf-8"), policy=email.policy.default)',
    '    to = [[a.display_name, a.addr_spec] for a in m["to"].addresses] if m["to"] is not None else []',
    '    out.append({"to": to, "subject": str(m["subject"]) if m["subject"] is not None else None, "body": m.get_content()})',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', py], { input: JSON.stringify(emls), encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

