// The extension bundle stays a thin client: it holds the extension's own modules, the language
// client and the shared protocol — nothing of the language core, the analysis, webviews or the
// live server — and stays small once minified.
import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '..', '..');
const BUDGET_BYTES = 600 * 1024;

describe('extension bundle', function () {
  this.timeout(60000);
  let inputs: string[];
  let bytes: number;

  before(async () => {
    const r = await esbuild.build({
      entryPoints: [path.join(root, 'extension/src/extension.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
      external: ['vscode'], minify: true, write: false, metafile: true, outfile: path.join(root, '.cache', 'extension-size-check.js'), absWorkingDir: root,
    });
    const out = Object.values(r.metafile.outputs)[0];
    inputs = Object.keys(out.inputs);
    bytes = out.bytes;
  });

  it('takes from the language server only the shared protocol modules (types aside)', () => {
    const server = inputs.filter((f) => f.startsWith('language-server/'));
    assert.ok(server.includes('language-server/src/shared/protocol.ts'));
    assert.deepEqual(server.filter((f) => !f.startsWith('language-server/src/shared/')), []);
  });

  it('bundles no webview, live or analysis code, and no Node package but the language client', () => {
    const packages = [...new Set(inputs.map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean))].sort();
    const allowed = ['balanced-match', 'brace-expansion', 'minimatch', 'semver', 'vscode-jsonrpc', 'vscode-languageclient', 'vscode-languageserver-protocol', 'vscode-languageserver-textdocument', 'vscode-languageserver-types'];
    assert.deepEqual(packages.filter((p) => !allowed.includes(p!)), []);
    assert.deepEqual(inputs.filter((f) => /^(webviews|live)\//.test(f) || /\/analysis\/|extension\/src\/live\//.test(f)), []);
  });

  it(`stays under ${BUDGET_BYTES / 1024} KiB minified`, () => {
    assert.ok(bytes < BUDGET_BYTES, `${(bytes / 1024).toFixed(0)} KiB`);
  });
});
