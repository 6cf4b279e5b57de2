// The status bar item follows the model in the active editor: analysed, unstable, a failing
// check, errors — and the workspace summary when no model is active.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CANTILEVER } from './fixtures';
import { api, closeAllEditors, open, statusText, workspaceUri, writeWorkspaceFile } from './helpers';

describe('status bar', () => {
  it('shows where a model is unstable', async () => {
    const uri = writeWorkspaceFile('scratch/mechanism.struct', CANTILEVER.replace('support ROOT fixed', 'support ROOT x y z'));
    await open(uri);
    const text = await statusText(/^Struktur ⚠/);
    assert.match(text, /^Struktur ⚠ unstable at (ROOT|TIP)$/);
    assert.equal((await api()).status.command, 'workbench.actions.view.problems');
  });

  it('flags a failing check with its utilisation', async () => {
    const uri = writeWorkspaceFile('scratch/weak.struct', CANTILEVER.replace('Fz=-10kN', 'Fz=-100kN'));
    await open(uri);
    const text = await statusText(/^Struktur ⚠ 2 cases · max util/);
    const util = Number(/max util (\d+\.\d+)/.exec(text)![1]);
    assert.ok(util > 1, text);
  });

  it('follows the active editor, and links a valid model to its results', async () => {
    await open(workspaceUri('examples/cantilever.struct'));
    assert.equal(await statusText(/^Struktur ✓/), 'Struktur ✓ 4 cases · max util 0.51');
    assert.equal((await api()).status.command, 'struktur.showResults');
    await closeAllEditors();
    // No model active: the summary over the models the server still has open.
    const summary = await statusText(/^Struktur( ✗ \d+ errors?)?$/);
    assert.equal(vscode.window.activeTextEditor, undefined);
    assert.equal((await api()).status.command, 'workbench.actions.view.problems', summary);
  });
});
