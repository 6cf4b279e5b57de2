#!/usr/bin/env node
// The `struktur` command. The real program is the esbuild bundle in dist/ (built by `npm ci`
// through the `prepare` script, or by `npm run build`).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('struktur: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
require(bundle).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`struktur: internal error: ${err && err.stack || err}\n`); process.exitCode = 3; },
);
