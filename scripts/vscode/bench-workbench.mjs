// The workbench half of bench/extension.bench.ts: in code-server, with Struktur loaded as the
// development extension and an empty extension installed beside it (code-server's payload takes
// one development path), both activating on onLanguage:struktur, opens a
// model with one error and times, from the open, each extension's activation and first
// diagnostics (the empty one publishes a diagnostic as it activates: the floor of the
// measure); then a second model, both already active. A fresh code-server and extension host per
// run. Prints one JSON line: { runs: [...] }.
//
//   node scripts/vscode/bench-workbench.mjs [--runs N]
import fs from 'node:fs';
import path from 'node:path';
import { bundleTests, root, stageExtension } from './bundle-tests.mjs';
import { makeTempDir, startCodeServer, workbenchUrl } from './code-server.mjs';
import { ensureAll } from './setup.mjs';
import { runWorkbench } from './workbench.mjs';

const args = process.argv.slice(2);
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3);

const EMPTY_EXTENSION = `const vscode = require('vscode');
exports.activate = (context) => {
  const collection = vscode.languages.createDiagnosticCollection('struktur-bench-empty');
  context.subscriptions.push(collection);
  const mark = (doc) => {
    if (doc.languageId !== 'struktur') return;
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'empty extension', vscode.DiagnosticSeverity.Information);
    d.source = 'struktur-bench-empty';
    collection.set(doc.uri, [d]);
  };
  vscode.workspace.textDocuments.forEach(mark);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(mark));
};
`;

function emptyExtension(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'empty', publisher: 'struktur-bench', version: '0.0.0', engines: { vscode: '^1.80.0' },
    activationEvents: ['onLanguage:struktur'], main: './extension.js',
  }));
  fs.writeFileSync(path.join(dir, 'extension.js'), EMPTY_EXTENSION);
  return dir;
}

/** An example with one error appended, so its first diagnostics are not an empty list. */
function withError(example, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, fs.readFileSync(path.join(root, 'examples', example), 'utf8') + '\nmember BENCH N1 N2 NO_SUCH_SECTION\n');
  return to;
}

const setup = ensureAll();
const bundle = await bundleTests();
const results = [];
for (let i = 0; i < runs; i++) {
  const tmp = makeTempDir('struktur-bench-');
  let server;
  try {
    const workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    const cold = withError('portal-two-bay.struct', path.join(tmp, 'models', 'portal-two-bay.struct'));
    const warm = withError('steel-building-3d.struct', path.join(tmp, 'models', 'steel-building-3d.struct'));
    const out = path.join(tmp, 'bench.json');
    // An extension folder in the extensions directory is picked up at start, like an installed one.
    emptyExtension(path.join(tmp, 'extensions', 'struktur-bench.empty-0.0.0'));
    server = await startCodeServer({ setup, dir: tmp });
    const url = workbenchUrl(server.base, {
      folder: workspace,
      extensionDevelopmentPaths: [stageExtension(path.join(tmp, 'struktur'))],
      extensionTestsPath: bundle,
      extensionEnvironment: { STRUKTUR_VSCODE_SUITE: 'bench', STRUKTUR_VSCODE_RESULTS: path.join(tmp, 'results.json'), STRUKTUR_BENCH_COLD: cold, STRUKTUR_BENCH_WARM: warm, STRUKTUR_BENCH_OUT: out },
    });
    const lines = [];
    const run = await runWorkbench({ chromium: setup.chromium, url, timeoutMs: 5 * 60 * 1000, onLog: (_, l) => lines.push(l) });
    if (run.code !== 0 || !fs.existsSync(out)) {
      process.stderr.write(lines.join('\n') + '\n');
      throw new Error(`bench run ${i + 1} failed (exit ${run.code})`);
    }
    results.push(JSON.parse(fs.readFileSync(out, 'utf8')));
  } finally {
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
console.log(JSON.stringify({ runs: results }));
