// The mocha entry point that the extension host loads (extensionTestsPath) in code-server's or
// VS Code's real workbench. esbuild bundles it with the suites (scripts/vscode/bundle-tests.mjs).
// It writes mocha's counts to $STRUKTUR_VSCODE_RESULTS, which the harness reads: a missing file
// is a failure whatever the exit code.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

export interface SuiteResults {
  suite: string;
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  durationMs: number;
}

export function run(): Promise<void> {
  const suite = process.env.STRUKTUR_VSCODE_SUITE ?? 'workbench';
  // A second window of the live-session tests: no suites, an agent the first window drives.
  if (suite === 'agent') return require('./second-window/agent').runAgent();
  const resultsFile = process.env.STRUKTUR_VSCODE_RESULTS;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60000, slow: 5000 });
  const grep = process.env.STRUKTUR_VSCODE_GREP;
  if (grep) mocha.grep(grep);
  mocha.suite.emit('pre-require', globalThis, `struktur-${suite}`, mocha);
  // After pre-require, so the suites find describe/it; require keeps them in this bundle.
  if (suite === 'vsix') require('./suite/vsix.vscode-test');
  else if (suite === 'bench') require('./suite/bench.vscode-test');
  else require('./suite/all');

  return new Promise((resolve, reject) => {
    const failures: SuiteResults['failures'] = [];
    const started = Date.now();
    const runner = mocha.run((failed) => {
      const results: SuiteResults = {
        suite, passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? failed, pending: runner.stats?.pending ?? 0, failures, durationMs: Date.now() - started,
      };
      if (resultsFile) {
        fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
        fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
      }
      if (failed) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test, err) => failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) }));
  });
}
