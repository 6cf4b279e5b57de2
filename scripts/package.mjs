// `npm run package`: production bundles, then dist/struktur.vsix with @vscode/vsce. The package
// holds what .vscodeignore lets through: the bundles, the manifest's files, README, CHANGELOG,
// LICENSE and the icon (no sources, no node_modules: esbuild put what is needed in the bundles).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'struktur.vsix');

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run([path.join(root, 'scripts', 'build.mjs'), '--production']);
// README's relative links (docs/…, examples/) point into the repository of package.json.
const repo = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).repository.url.replace(/\.git$/, '');
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
run([vsce, 'package', '--no-dependencies', '--no-update-package-json', '--no-git-tag-version',
  '--baseContentUrl', `${repo}/blob/HEAD/`, '--baseImagesUrl', `${repo}/raw/HEAD/`, '-o', out]);
console.log(`${path.relative(root, out)}: ${(fs.statSync(out).size / 1024).toFixed(0)} KiB`);
