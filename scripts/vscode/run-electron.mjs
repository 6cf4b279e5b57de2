// `npm run test:electron`: the same workbench suite (test/vscode) in desktop VS Code, downloaded by
// @vscode/test-electron, for machines that can download it (this project's machines cannot: use
// `npm run test:vscode`, which runs the suite in code-server). On Linux without a display, run it
// under Xvfb: `xvfb-run -a npm run test:electron`.
//
//   npm run test:electron [-- --version 1.91.0|stable|insiders] [-- --grep PATTERN]
//
// The default version is the lower end of package.json's engines.vscode, the oldest VS Code the
// extension claims to support. The screenshot test is skipped (no harness drives the window).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { runTests } from '@vscode/test-electron';
import { bundleTests, root } from './bundle-tests.mjs';
import { BASE_SETTINGS, makeTempDir } from './code-server.mjs';
import { cacheDir } from './setup.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const engines = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines.vscode;
const version = opt('--version') ?? engines.replace(/^[^\d]*/, '');
const grep = opt('--grep');

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const bundle = await bundleTests();

const tmp = makeTempDir('struktur-electron-');
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(root, 'examples'), path.join(workspace, 'examples'), { recursive: true });
fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ '[struktur]': { 'editor.formatOnSave': true } }, null, 2));
const userDataDir = path.join(tmp, 'user-data');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(BASE_SETTINGS, null, 2));
const resultsFile = path.join(tmp, 'results.json');

let code = 1;
try {
  code = await runTests({
    version,
    cachePath: path.join(cacheDir(), 'vscode-test'),
    extensionDevelopmentPath: root,
    extensionTestsPath: bundle,
    extensionTestsEnv: {
      STRUKTUR_VSCODE_SUITE: 'workbench',
      STRUKTUR_VSCODE_RESULTS: resultsFile,
      STRUKTUR_VSCODE_ARTIFACTS: path.join(root, 'test-artifacts'),
      ...(grep ? { STRUKTUR_VSCODE_GREP: grep } : {}),
    },
    launchArgs: [
      workspace, '--user-data-dir', userDataDir, '--extensions-dir', path.join(tmp, 'extensions'),
      '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-telemetry', '--disable-updates',
      ...(os.platform() === 'linux' ? ['--no-sandbox', '--disable-gpu'] : []),
    ],
  });
} catch (err) {
  console.error(`test:electron: ${err?.message ?? err}`);
}
let passed = 0;
let failed = 0;
if (fs.existsSync(resultsFile)) {
  const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  passed = r.passed;
  failed = r.failed;
} else {
  failed = 1;
  console.error('test:electron: the suite wrote no results (VS Code did not start or the tests did not load)');
}
if (code !== 0 && failed === 0) failed = 1;
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`[vscode:electron ${version}] ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
