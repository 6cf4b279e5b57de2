// Runs the workbench test suite (test/vscode) inside code-server's real VS Code workbench, in
// headless Chromium: installs what is missing (scripts/vscode/setup.mjs), bundles the suite,
// starts code-server with a staged copy of the extension as the development extension on a copy
// of examples/, and relays the extension host's log and exit code.
//
//   node scripts/vscode/run-tests.mjs [--suite workbench|vsix] [--grep PATTERN] [--results FILE] [--keep]
//
// --suite vsix packages the extension (scripts/package.mjs), installs the .vsix into code-server
// with --install-extension and runs test/vscode/suite/vsix.vscode-test.ts against it.
// The counts come from mocha inside the extension host, through a results file; a missing file,
// a timeout or a non-zero exit code counts as a failure. Exit code: 0 when all passed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleTests, root, stageExtension } from './bundle-tests.mjs';
import { installExtension, makeTempDir, startCodeServer, workbenchUrl } from './code-server.mjs';
import { ensureAll } from './setup.mjs';
import { runWorkbench } from './workbench.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const suite = opt('--suite') ?? 'workbench';
const grep = opt('--grep');
const resultsOut = opt('--results');
const keep = args.includes('--keep');
const artifacts = path.join(root, 'test-artifacts');
const TIMEOUT_MS = Number(process.env.STRUKTUR_VSCODE_TIMEOUT_MS ?? 15 * 60 * 1000);

const CANTILEVER_WITH_ERROR = `model "Cantilever"
units kN m
material S355 grade=S355
section BEAM material=S355 catalog=IPE240
node ROOT 0 0 0
node TIP 3 0 0
member M1 ROOT N9 BEAM
support ROOT fixed
`;

function copyExamples(to) {
  fs.cpSync(path.join(root, 'examples'), path.join(to, 'examples'), { recursive: true });
  fs.mkdirSync(path.join(to, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(to, '.vscode', 'settings.json'), JSON.stringify({ '[struktur]': { 'editor.formatOnSave': true } }, null, 2));
}

/** A development extension that does nothing: the payload needs one when Struktur is installed. */
function probeExtension(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'probe', publisher: 'struktur-test', version: '0.0.0', engines: { vscode: '^1.80.0' } }));
  return dir;
}

export async function main() {
  const started = Date.now();
  const summary = { suite, passed: 0, failed: 0, pending: 0, failures: [], setupSeconds: 0, runSeconds: 0, exitCode: null, screenshot: undefined };
  const tmp = makeTempDir(`struktur-vscode-${suite}-`);
  let server;
  try {
    const setup = ensureAll();
    summary.setupSeconds = setup.seconds;
    const bundle = await bundleTests();

    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    const env = {
      STRUKTUR_VSCODE_SUITE: suite,
      STRUKTUR_VSCODE_RESULTS: path.join(tmp, 'results.json'),
      STRUKTUR_VSCODE_ARTIFACTS: artifacts,
      STRUKTUR_VSCODE_SCREENSHOTS: '1',
      ...(grep ? { STRUKTUR_VSCODE_GREP: grep } : {}),
    };
    let devPaths = [stageExtension(path.join(tmp, 'struktur'))];
    let extensionsDir;
    if (suite === 'vsix') {
      const pkg = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs')], { cwd: root, stdio: 'inherit' });
      if (pkg.status !== 0) throw new Error('npm run package failed');
      extensionsDir = path.join(tmp, 'extensions');
      const installed = installExtension({ setup, dir: tmp, extensionsDir, vsix: path.join(root, 'dist', 'struktur.vsix') });
      process.stdout.write(installed.output);
      if (!installed.ok) throw new Error('code-server --install-extension failed');
      devPaths = [probeExtension(path.join(tmp, 'probe'))];
      const model = path.join(tmp, 'outside', 'model.struct');
      fs.mkdirSync(path.dirname(model), { recursive: true });
      fs.writeFileSync(model, CANTILEVER_WITH_ERROR);
      Object.assign(env, { STRUKTUR_VSIX_MODEL: model, STRUKTUR_VSIX_EXTENSIONS_DIR: extensionsDir });
    } else {
      copyExamples(workspace);
    }

    server = await startCodeServer({ setup, dir: tmp, extensionsDir });
    console.log(`[vscode] code-server ${server.base} (log: ${server.logFile})`);
    const url = workbenchUrl(server.base, { folder: workspace, extensionDevelopmentPaths: devPaths, extensionTestsPath: bundle, extensionEnvironment: env });
    // A second window (a colleague's VS Code, for the live-session tests): its own empty folder,
    // the same extension, and the test bundle in the role the request names.
    const secondFolder = path.join(tmp, 'second-workspace');
    fs.mkdirSync(secondFolder, { recursive: true });
    const windowUrl = (extra) => workbenchUrl(server.base, {
      folder: secondFolder,
      extensionDevelopmentPaths: devPaths,
      extensionTestsPath: bundle,
      extensionEnvironment: { STRUKTUR_VSCODE_ARTIFACTS: artifacts, ...extra },
    });
    fs.mkdirSync(artifacts, { recursive: true });
    const run = await runWorkbench({
      chromium: setup.chromium,
      url,
      timeoutMs: TIMEOUT_MS,
      requestsDir: artifacts,
      windowUrl,
      onLog: (level, line) => {
        if (level === 'pageerror') console.error(`[page] ${line}`);
        else console.log(line);
      },
    });
    summary.exitCode = run.code;
    const resultsFile = env.STRUKTUR_VSCODE_RESULTS;
    if (fs.existsSync(resultsFile)) {
      const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      Object.assign(summary, { passed: r.passed, failed: r.failed, pending: r.pending, failures: r.failures });
    } else {
      summary.failed += 1;
      summary.failures.push({ title: 'harness', error: `no results file (the extension host ${run.code === null ? 'timed out' : `exited with ${run.code}`})` });
    }
    if (run.code === null) {
      summary.failed += summary.failed ? 0 : 1;
      summary.failures.push({ title: 'harness', error: `timed out after ${TIMEOUT_MS} ms` });
    } else if (run.code !== 0 && summary.failed === 0) {
      summary.failed = 1;
      summary.failures.push({ title: 'harness', error: `the extension host exited with ${run.code}` });
    }
    const shot = path.join(artifacts, 'workbench-portal-two-bay.png');
    if (suite === 'workbench' && fs.existsSync(shot)) summary.screenshot = shot;
  } catch (err) {
    summary.failed += 1;
    summary.failures.push({ title: 'harness', error: String(err?.stack ?? err) });
  } finally {
    await server?.stop();
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`[vscode] kept ${tmp}`);
  }
  summary.runSeconds = (Date.now() - started) / 1000;
  for (const f of summary.failures) console.log(`[vscode] FAILED ${f.title}\n${f.error}`);
  console.log(`[vscode:${suite}] ${summary.passed} passed, ${summary.failed} failed, ${summary.pending} pending (set-up ${summary.setupSeconds.toFixed(1)} s, run ${summary.runSeconds.toFixed(1)} s)`);
  if (resultsOut) fs.writeFileSync(resultsOut, JSON.stringify(summary, null, 2));
  return summary;
}

const summary = await main();
process.exitCode = summary.failed === 0 && summary.passed > 0 ? 0 : 1;
