// Activation: the workspace holds .struct files, so the extension is active from the start
// (workspaceContains) with only its status item; the server starts when an example opens.
import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { analysisState, diagnostics, extension, open, statusText, until, workspaceUri } from './helpers';

describe('activation', () => {
  it('declares narrow activation events and a bundled entry point', () => {
    const pkg = extension().packageJSON as { activationEvents: string[]; main: string };
    // Panels restored after a reload activate through their own onWebviewPanel:<viewType>.
    assert.deepEqual(pkg.activationEvents.filter((e) => !e.startsWith('onWebviewPanel:')).sort(), ['onLanguage:struktur', 'onTaskType:struktur', 'workspaceContains:**/*.struct']);
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('is active in a workspace with models, showing its status item, without a server yet', async () => {
    const ext = extension();
    await until('activation through workspaceContains', () => ext.isActive);
    assert.equal(ext.exports.serverStarted, false);
    assert.equal(ext.exports.status.text, 'Struktur');
    assert.equal(ext.exports.status.visible, true);
  });

  it('loads neither the server nor the analysis into the extension host', () => {
    const own = extension().extensionPath;
    const loaded = Object.keys(require.cache).filter((f) => f.startsWith(own) && !f.includes(`${path.sep}.cache${path.sep}`));
    assert.deepEqual(loaded.map((f) => path.relative(own, f)), [path.join('dist', 'extension.js')]);
  });

  it('starts the server when an example opens, validates and analyses it', async () => {
    const uri = workspaceUri('examples/cantilever.struct');
    await open(uri);
    const ext = extension();
    await until('the language server', () => ext.exports.serverStarted);
    const status = await analysisState(uri, ['done']);
    assert.equal(status.cases, 4);
    assert.ok(status.maxUtilisation !== undefined && Math.abs(status.maxUtilisation - 0.51) < 0.01, String(status.maxUtilisation));
    const text = await statusText(/^Struktur ✓/);
    assert.equal(text, 'Struktur ✓ 4 cases · max util 0.51');
    assert.deepEqual(diagnostics(uri), []);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'struktur');
  });
});
