// Bundles the extension, the language server and the CLI with esbuild.
// `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webviewBuildOptions } from './webview-build.mjs';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  loader: { '.json': 'json' },
};

const entries = [
  { entryPoints: ['extension/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['language-server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['language-server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['language-server/src/analysis/worker.ts'], outfile: 'dist/analysis-worker.js' },
];

// Each webview is a browser bundle: webviews/NAME/main.ts → dist/webviews/NAME.js (and NAME.css
// when it imports CSS). Found by folder, so adding a panel needs no change here.
const webviewsDir = path.join(root, 'webviews');
const webviewNames = existsSync(webviewsDir)
  ? readdirSync(webviewsDir).filter((d) => existsSync(path.join(webviewsDir, d, 'main.ts'))).sort()
  : [];
for (const name of webviewNames) {
  entries.push(webviewBuildOptions(root, name, path.join(root, 'dist', 'webviews'), production));
}

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
mkdirSync(path.join(root, 'dist'), { recursive: true });
if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
  console.log('watching…');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
