// Bundles the workbench test suite (test/vscode) with esbuild into one file the extension host
// loads as extensionTestsPath: mocha included, `vscode` left to the host.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const testsOut = path.join(root, '.cache', 'vscode-tests');

/** Returns the absolute path of the bundle. */
export async function bundleTests() {
  const outfile = path.join(testsOut, 'index.js');
  await esbuild.build({
    entryPoints: [path.join(root, 'test', 'vscode', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    // VS Code 1.91's extension host is Node 20 (the engine range's lower end).
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'error',
    absWorkingDir: root,
  });
  return outfile;
}

/** A copy of the extension as it runs (manifest, bundles, grammar, resources), so that a build
 * started in the checkout while a suite runs (it empties dist/) cannot pull files from under it. */
export function stageExtension(to) {
  for (const f of ['package.json', 'language-configuration.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist', 'syntaxes', 'snippets', 'resources', 'images']) {
    const from = path.join(root, f);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(to, f), { recursive: true, filter: (src) => !src.endsWith('.vsix') });
  }
  return to;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await bundleTests());
}
