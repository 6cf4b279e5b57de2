// `npm run bench`: bundles each bench/*.bench.ts with esbuild (so the figures are those of the
// shipped code, not of a transpiler hook) and runs them one after the other. Pass names to run
// only some: `npm run bench -- language sparse`; options (`--large`) go to every bench run.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(root, '.bench-out');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const benches = fs.readdirSync(here).filter((f) => f.endsWith('.bench.ts')).filter((f) => !only.length || only.some((o) => f.startsWith(o)));

// The server bundle is what the edit-latency benchmark drives.
spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { stdio: 'inherit', cwd: root });
fs.mkdirSync(out, { recursive: true });
let failed = 0;
for (const b of benches) {
  const outfile = path.join(out, b.replace(/\.ts$/, '.js'));
  await esbuild.build({ entryPoints: [path.join(here, b)], bundle: true, platform: 'node', target: 'node20', outfile, logLevel: 'warning', loader: { '.json': 'json' } });
  console.log(`\n=== ${b} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', outfile, ...flags], { stdio: 'inherit', cwd: root, env: { ...process.env, STRUKTUR_ROOT: root } });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
