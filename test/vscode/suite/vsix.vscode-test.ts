// Runs in code-server with the packaged .vsix installed (not as a development extension) and a
// workspace without models: the extension stays inactive until a .struct file opens, then it
// activates from its installed folder and validates the file.
import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsWhere, extension, open, until } from './helpers';

describe('the packaged extension (.vsix)', () => {
  it('is installed from the .vsix and not active before a model opens', () => {
    const ext = extension();
    const installed = process.env.STRUKTUR_VSIX_EXTENSIONS_DIR;
    assert.ok(installed, 'STRUKTUR_VSIX_EXTENSIONS_DIR is not set');
    assert.equal(path.dirname(ext.extensionPath), installed);
    assert.equal(ext.isActive, false);
  });

  it('activates on opening a .struct file and validates it', async () => {
    const file = process.env.STRUKTUR_VSIX_MODEL;
    assert.ok(file, 'STRUKTUR_VSIX_MODEL is not set');
    const uri = vscode.Uri.file(file);
    await open(uri);
    const ext = extension();
    await until('activation on onLanguage:struktur', () => ext.isActive);
    const diags = await diagnosticsWhere(uri, 'an error for the unknown node', (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    assert.ok(diags.some((d) => /\bN9\b/.test(d.message)), diags.map((d) => d.message).join('\n'));
    await until('the status bar', () => (ext.exports.status.text === 'Struktur ✗ 1 error' ? true : undefined), { events: [ext.exports.onDidChangeStatus] });
  });

  it('ships its bundles only', async () => {
    const root = extension().extensionPath;
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(root));
    const names = entries.map(([n]) => n).sort();
    for (const unwanted of ['node_modules', 'language-server', 'extension', 'test', 'scripts', 'bench', 'tsconfig.json']) assert.ok(!names.includes(unwanted), `${unwanted} in ${names}`);
    const dist = (await vscode.workspace.fs.readDirectory(vscode.Uri.file(path.join(root, 'dist')))).map(([n]) => n);
    assert.ok(dist.includes('extension.js') && dist.includes('server.js'), String(dist));
    assert.ok(!dist.some((n) => n.endsWith('.map')), String(dist));
  });
});
