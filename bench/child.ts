/**
 * Runs the CLI or the floor in a child process and reports, on file descriptor 3, its own
 * peak resident set size (`process.resourceUsage().maxRSS`, in KiB) and CPU time (user +
 * system, all threads, in µs) once it is about to exit.
 * The same wrapper runs both, so neither pays for anything the other does not.
 *
 *   node out/bench/child.js cli check DIR --today YYYY-MM-DD
 *   node out/bench/child.js floor DIR
 */
import * as fs from 'node:fs';

const [what, ...args] = process.argv.slice(2);

process.on('exit', (code) => {
  try {
    const ru = process.resourceUsage();
    fs.writeSync(3, JSON.stringify({ maxRSSKiB: ru.maxRSS, cpuUs: ru.userCPUTime + ru.systemCPUTime, code }) + '\n');
  } catch {
    // run by hand, without a side channel
  }
});

if (what === 'cli') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require('../server/src/cli/main.js') as typeof import('../server/src/cli/main');
  main(args).then(
    (code) => { process.exitCode = code; },
    (err) => { process.stderr.write(`interview-followup: ${(err as Error)?.stack ?? err}\n`); process.exitCode = 2; },
  );
} else if (what === 'floor') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { floor } = require('./floor.js') as typeof import('./floor');
  const r = floor(args[0]);
  process.stdout.write(`${r.files} markdown files, ${r.frontMatters} front matters parsed, ${r.yamlErrors} YAML errors\n`);
} else {
  process.stderr.write('usage: node out/bench/child.js cli ARGS... | floor DIR\n');
  process.exitCode = 2;
}
