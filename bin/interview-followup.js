#!/usr/bin/env node
'use strict';
// A batch run keeps little alive: V8's young generation stays at its starting size rather than
// growing to semispaces of 16 MB that hold only garbage (peak memory of `check` at 10,000 notes
// 112 -> 80 MB, CPU time the same). The server (`lsp`) tunes its own heap (lsp/main.ts).
if (process.argv[2] !== 'lsp') require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
require('../out/server/src/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`interview-followup: ${err && err.stack || err}\n`); process.exitCode = 2; },
);
