// Bundles the extension, the language server and the CLI with esbuild.
// `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
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
  // Live sessions (Yjs, WebSocket, the bindings): loaded by the extension on first use.
  { entryPoints: ['extension/src/live/main.ts'], outfile: 'dist/live-extension.js', external: ['vscode', 'bufferutil', 'utf-8-validate'] },
  { entryPoints: ['language-server/src/server.ts'], outfile: 'dist/server.js' },
  // better-sqlite3 (live sessions) is a native module: loaded from node_modules, not bundled.
  { entryPoints: ['language-server/src/cli/main.ts'], outfile: 'dist/cli.js', external: ['better-sqlite3'] },
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
// The PDF report's fonts (DejaVu, language-server/src/report/fonts.ts) travel beside the CLI bundle.
mkdirSync(path.join(root, 'dist', 'fonts'), { recursive: true });
for (const f of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf', 'LICENSE']) {
  const from = f === 'LICENSE' ? path.join(root, 'node_modules', 'dejavu-fonts-ttf', 'LICENSE') : path.join(root, 'node_modules', 'dejavu-fonts-ttf', 'ttf', f);
  if (existsSync(from)) copyFileSync(from, path.join(root, 'dist', 'fonts', f === 'LICENSE' ? 'DejaVu-LICENSE.txt' : f));
}
if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
  console.log('watching…');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
