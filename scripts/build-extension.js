#!/usr/bin/env node
// Bundles the VS Code extension: dist/extension.js (the client; `vscode` is the host's),
// dist/server.js (the language server with its dependencies), dist/new-note.js (the note
// template renderer, loaded on first use) and dist/charting.js (vega and vega-lite, loaded by
// the server's first report). One file each, so the package is small and the
// extension host loads a file or two, not a node_modules tree.
//   node scripts/build-extension.js [--dev]     --dev: source maps, no minifying
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const dev = process.argv.includes('--dev');

/** `import('vega')` and `import('vega-lite')` in the server bundle: dist/charting.js beside it (both, sharing vega-util and the rest), on first use. */
const chartingApart = {
  name: 'charting-apart',
  setup(build) {
    build.onResolve({ filter: /^vega(-lite)?$/ }, () => ({ path: './charting.js', external: true }));
  },
};

async function main() {
  const started = Date.now();
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: !dev,
    sourcemap: dev ? 'linked' : false,
    logLevel: 'warning',
    // handlebars/lib/index.js registers a require() hook for .hbs files that we never use.
    logOverride: { 'unsupported-require-call': 'silent' },
    absWorkingDir: root,
    metafile: true,
  };
  const results = await Promise.all([
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    // The report's charting libraries go in bundles of their own (below), loaded by the report
    // only: the server's start does not parse them (885 KiB of server.js would become 1,740).
    esbuild.build({ ...common, entryPoints: ['client/src/server-main.ts'], outfile: 'dist/server.js', plugins: [chartingApart] }),
    // vega-canvas's Node build awaits import('canvas') at its top (not bundlable as CJS); the
    // report draws SVG only, and without node-canvas (the CLI's case too) that build is the browser's: no canvas.
    esbuild.build({
      ...common, stdin: { contents: "exports.vega = require('vega'); exports['vega-lite'] = require('vega-lite');", resolveDir: root, sourcefile: 'charting-entry.js' },
      outfile: 'dist/charting.js', alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' },
    }),
    // Loaded by "New Interview Note" only: the CLI's note rendering (YAML, Handlebars).
    esbuild.build({ ...common, entryPoints: ['client/src/note-renderer.ts'], outfile: 'dist/new-note.js' }),
  ]);
  for (const r of results) {
    for (const [file, out] of Object.entries(r.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`${file}  ${(out.bytes / 1024).toFixed(0)} KiB`);
    }
  }
  console.log(`bundled in ${Date.now() - started} ms${dev ? ' (dev)' : ''}`);
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
