// The workbench with an example open, as a person sees it. The harness (which drives the
// browser) takes the screenshot when asked through a request file, and answers with the status
// bar's text read from the page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, open, statusText, until, workspaceUri } from './helpers';

export async function screenshot(name: string): Promise<{ statusBar: string[]; error?: string }> {
  const dir = process.env.STRUKTUR_VSCODE_ARTIFACTS;
  assert.ok(dir, 'STRUKTUR_VSCODE_ARTIFACTS is not set');
  const file = path.join(dir, name);
  fs.rmSync(`${file}.json`, { force: true });
  fs.writeFileSync(`${file}.request`, '');
  return until(`the screenshot ${name}`, () => (fs.existsSync(`${file}.json`) ? JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) : undefined), { timeoutMs: 30000 });
}

describe('the workbench, seen', () => {
  it('shows an example with its analysis in the status bar', async function () {
    // Only a harness that drives the browser can take the picture (not @vscode/test-electron).
    if (!process.env.STRUKTUR_VSCODE_SCREENSHOTS) this.skip();
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.editorLayoutSingle');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    const uri = workspaceUri('examples/portal-two-bay.struct');
    await open(uri);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('revealInExplorer', uri);
    // The page shows the item a moment after the extension sets it, and a re-analysis may pass
    // through "analysing": take the picture again until the page shows the analysed state.
    const a = await api();
    const deadline = Date.now() + 60000;
    for (;;) {
      const text = await statusText(/^Struktur ✓/);
      const shot = await screenshot('workbench-portal-two-bay.png');
      assert.equal(shot.error, undefined);
      if (shot.statusBar.some((t) => t === text && a.status.text === text)) break;
      assert.ok(Date.now() < deadline, `status bar in the page: ${JSON.stringify(shot.statusBar)}; the extension's: ${a.status.text}`);
    }
  });
});
