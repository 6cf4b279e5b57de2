// The project's one test command (`npm test`). It runs every suite, prints each suite's own
// output, and closes with the line CI reads: "N passed, N failed", summed over all suites.
//   --only NAME[,NAME]   run only these suites (typecheck, unit, grammar, vscode, vsix, demo)
//   --grep PATTERN       passed to mocha
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = argValue('--only')?.split(',');
const grep = argValue('--grep');

function argValue(name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const totals = { passed: 0, failed: 0 };
function record(name, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  console.log(`\n[${name}] ${passed} passed, ${failed} failed\n`);
}
const wanted = (name) => !only || only.includes(name);

function run(cmd, cmdArgs, opts = {}) {
  return spawnSync(cmd, cmdArgs, { cwd: root, encoding: 'utf8', stdio: opts.capture ? 'pipe' : 'inherit', env: process.env, maxBuffer: 64 << 20 });
}

// The bundles are what the CLI and the LSP tests start, so build them first.
const build = run(process.execPath, ['scripts/build.mjs']);
record('build', build.status === 0 ? 1 : 0, build.status === 0 ? 0 : 1);

if (wanted('typecheck')) {
  // Node code (extension, server, CLI, live, tests) and browser code (webviews, with the DOM).
  for (const project of ['.', 'webviews']) {
    const tsc = run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', project, '--noEmit']);
    record(`typecheck ${project}`, tsc.status === 0 ? 1 : 0, tsc.status === 0 ? 0 : 1);
  }
}

if (wanted('unit')) {
  const statsFile = path.join(root, 'test-artifacts', 'mocha-stats.json');
  fs.mkdirSync(path.dirname(statsFile), { recursive: true });
  fs.rmSync(statsFile, { force: true });
  const mochaArgs = ['scripts/mocha-run.mjs', statsFile];
  if (grep) mochaArgs.push('--grep', grep);
  const m = run(process.execPath, mochaArgs);
  if (fs.existsSync(statsFile)) {
    const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    record('mocha', stats.passes, stats.failures + (m.status !== 0 && stats.failures === 0 ? 1 : 0));
  } else {
    record('mocha', 0, 1);
  }
}

if (wanted('grammar')) {
  const g = run(process.execPath, [path.join(root, 'node_modules/vscode-tmgrammar-test/dist/unit.js'),
    '-g', 'syntaxes/struktur.tmLanguage.json', 'test/grammar/**/*.test.struct'], { capture: true });
  process.stdout.write(g.stdout ?? '');
  process.stderr.write(g.stderr ?? '');
  // One line per test file: "✓ FILE run successfuly." or "✖ FILE failed"; "ERROR …" for a file
  // that cannot be read as a test. Colour codes are stripped in case FORCE_COLOR is set.
  const lines = (g.stdout ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const passed = lines.filter((l) => /^\s*✓/.test(l)).length;
  const failed = lines.filter((l) => /^\s*(✖|ERROR)/.test(l)).length;
  record('grammar', passed, failed + (g.status !== 0 && failed === 0 ? 1 : 0));
}

// The extension in a real VS Code workbench (code-server in headless Chromium): `vscode` runs
// test/vscode as a development extension on a copy of examples/, `vsix` packages the extension,
// installs the .vsix into code-server and runs test/vscode/suite/vsix.vscode-test.ts. The counts
// are mocha's inside the extension host; the harness installs what it needs when missing
// (scripts/vscode/setup.mjs). Last, because `vsix` rebuilds dist/ for production.
for (const [name, suite] of [['vscode', 'workbench'], ['vsix', 'vsix']]) {
  if (!wanted(name)) continue;
  const file = path.join(root, 'test-artifacts', `vscode-${suite}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  run(process.execPath, ['scripts/vscode/run-tests.mjs', '--suite', suite, '--results', file]);
  if (fs.existsSync(file)) {
    const s = JSON.parse(fs.readFileSync(file, 'utf8'));
    record(name, s.passed, s.failed);
  } else {
    record(name, 0, 1);
  }
}

// `npm run demo` works: started with --smoke, it opens its URL in Chromium, waits for the
// Struktur status item, saves test-artifacts/demo.png and stops.
if (wanted('demo')) {
  const d = run(process.execPath, ['scripts/demo.mjs', '--smoke']);
  record('demo', d.status === 0 ? 1 : 0, d.status === 0 ? 0 : 1);
}

console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed === 0 ? 0 : 1;
