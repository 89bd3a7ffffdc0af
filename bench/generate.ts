/**
 * Deterministic workspaces of interview notes for benchmarks: the same seed gives the same
 * bytes on every machine. A mix of every situation of the spec (rounds, offers, a call logged
 * included), bodies of 20-200 lines.
 *
 *   node out/bench/generate.js DIR COUNT [SEED]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: a tiny, well-known seeded PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Soylent', 'Cyberdyne', 'Tyrell', 'Vandelay', 'Massive Dynamic'];
const ROLES = ['Backend Engineer', 'Frontend Engineer', 'Data Engineer', 'SRE', 'Product Manager', 'Designer', 'ML Engineer'];
const PEOPLE = ['Jane Doe', 'Sam Lee', 'Priya Natarajan', 'Miles Dyson', 'Nina Sharp', 'Art Vandelay'];
const WORDS = 'the team talked about scaling payments latency hiring roadmap culture onboarding testing deploys incidents on-call design review'.split(' ');

function iso(day: number): string {
  return new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** One note; `situation` picks which rule it exercises. */
export function makeNote(i: number, random: () => number, bodyLines: number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const interviewed = 250 + Math.floor(random() * 80); // Sept to Nov 2026
  const person = pick(PEOPLE);
  const fm: string[] = [
    `company: ${pick(COMPANIES)} ${i}`,
    `role: ${pick(ROLES)}`,
    'contact:',
    `  name: ${person}`,
    `  email: ${person.toLowerCase().replace(' ', '.')}@example.com`,
    `interviewed: ${iso(interviewed)}`,
  ];
  switch (i % 10) {
    case 0: break; // thank-you-due, ask-timeline, check-in-due
    case 1: fm.push(`thank_you_sent: ${iso(interviewed)}`, `expect_reply_by: ${iso(interviewed + 10)}`); break;
    case 2: fm.push(`thank_you_sent: ${iso(interviewed)}`, 'expect_reply_by: within two weeks'); break;
    case 3: fm.push(`thank_you_sent: ${iso(interviewed)}`, 'follow_ups:', `  - {date: ${iso(interviewed + 9)}, channel: call}`); break;
    case 4: fm.push(`thank_you_sent: ${iso(interviewed)}`, 'follow_ups:', `  - ${iso(interviewed + 9)}`, `  - ${iso(interviewed + 16)}`); break;
    case 5: fm.push(`thank_you_sent: ${iso(interviewed)}`, 'status: offer'); break;
    case 6: fm.push(`thankyou_sent: ${iso(interviewed)}`, 'status: wating'); break;
    case 7: // a process of rounds: a phone screen, the onsite held (maybe not yet thanked), a final to come
      fm.splice(fm.length - 1, 1, 'rounds:', `  - date: ${iso(interviewed - 14)}`, '    stage: phone screen', `    thank_you_sent: ${iso(interviewed - 14)}`,
        `  - date: ${iso(interviewed)}`, '    stage: onsite', ...(i % 20 === 7 ? [`    thank_you_sent: ${iso(interviewed)}`] : []),
        `  - date: ${iso(interviewed + 40)}`, '    stage: final', 'status: advanced');
      break;
    case 8: fm.push('status: rejected', 'tags: [remote, fintech]'); break;
    case 9: fm.push(`expect_reply_by: "end of next week"`, `thank_you_sent: ${iso(interviewed + 1)}`, '# a comment the tool must keep'); break;
  }
  const body: string[] = [`# ${fm[0].slice(9)}`, ''];
  for (let l = 0; l < bodyLines; l++) {
    const n = 4 + Math.floor(random() * 12);
    body.push(Array.from({ length: n }, () => pick(WORDS)).join(' ') + '.');
  }
  return `---\n${fm.join('\n')}\n---\n\n${body.join('\n')}\n`;
}

export function generate(dir: string, count: number, seed = 42, bigNoteLines = 0): void {
  const random = rng(seed);
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `batch-${String(Math.floor(i / 500)).padStart(2, '0')}`);
    if (i % 500 === 0) fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `note-${String(i).padStart(5, '0')}.md`), makeNote(i, random, 20 + Math.floor(random() * 181)));
  }
  if (bigNoteLines > 0) fs.writeFileSync(path.join(dir, 'big-note.md'), makeNote(0, random, bigNoteLines));
  fs.writeFileSync(path.join(dir, '.interview-followup.yaml'), 'sender:\n  name: Bench Mark\n');
}

if (require.main === module) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count) {
    process.stderr.write('usage: node out/bench/generate.js DIR COUNT [SEED]\n');
    process.exit(2);
  }
  generate(dir, Number(count), seed ? Number(seed) : 42);
}
