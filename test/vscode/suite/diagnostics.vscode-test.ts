// Diagnostics in the workbench: an error appears where the model is wrong, with the server's
// code and message, and disappears once the text is fixed.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CANTILEVER } from './fixtures';
import { diagnosticsWhere, open, positionOf, statusText, writeWorkspaceFile } from './helpers';

describe('diagnostics', () => {
  it('underlines an unknown section, then clears it after the fix', async () => {
    const uri = writeWorkspaceFile('scratch/diagnostics.struct', CANTILEVER);
    const editor = await open(uri);
    await statusText(/^Struktur ✓ 2 cases/);
    const at = positionOf(editor.document, 'member M1 ROOT TIP BEAM', 'member M1 ROOT TIP '.length);
    assert.ok(await editor.edit((b) => b.insert(at.translate(0, 4), 'X')));
    const diags = await diagnosticsWhere(uri, 'an error on BEAMX', (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    const error = diags.find((x) => x.severity === vscode.DiagnosticSeverity.Error)!;
    assert.match(error.message, /BEAMX/);
    assert.equal(editor.document.getText(error.range), 'BEAMX');
    assert.match(String(typeof error.code === 'object' ? error.code.value : error.code), /^S\d{4}$/);
    assert.equal(await statusText(/^Struktur ✗/), 'Struktur ✗ 1 error');

    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(at.translate(0, 4), at.translate(0, 5)))));
    await diagnosticsWhere(uri, 'no diagnostics', (d) => d.length === 0);
    await statusText(/^Struktur ✓ 2 cases/);
    await editor.document.save();
  });
});
