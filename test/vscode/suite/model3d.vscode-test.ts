// The 3D view in the real workbench: `Struktur: Open 3D View` opens one webview panel per model
// beside the editor, the page inside starts under the extension's CSP and asks for its content,
// and the selection follows both ways — the cursor on a declaration highlights the element in the
// view (the page reports what it highlights), and a click in the view (the messages the page posts
// on a click, which the browser tests check with real clicks) selects the declaration.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Model3dPanelHandle } from '../../../extension/src/panels/model3d-panel';
import { closeAllEditors, extension, open, positionOf, until, workspaceUri } from './helpers';
import { screenshot } from './screenshot.vscode-test';

describe('3D view', () => {
  const portal = () => workspaceUri('examples/portal-two-bay.struct');
  let view: Model3dPanelHandle | undefined;

  after(async () => {
    view?.panel.dispose();
    await closeAllEditors();
  });

  it('contributes Open 3D View to the palette and the editor title of models', () => {
    const pkg = extension().packageJSON as { activationEvents: string[]; contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string; when?: string }[]> } };
    assert.equal(pkg.contributes.commands.find((c) => c.command === 'struktur.open3DView')?.title, 'Open 3D View');
    assert.equal(pkg.contributes.menus['editor/title'].find((m) => m.command === 'struktur.open3DView')?.when, 'resourceLangId == struktur');
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:struktur.model3d'), 'restored panels activate the extension');
  });

  it('opens one panel per model beside the editor, and its page starts', async () => {
    await closeAllEditors();
    const editor = await open(portal());
    view = await vscode.commands.executeCommand<Model3dPanelHandle>('struktur.open3DView', portal());
    assert.ok(view, 'the command answers with the panel');
    assert.equal(view.panel.viewType, 'struktur.model3d');
    let started = false;
    void view.ready.then(() => (started = true));
    await until('the page to start', () => started || undefined, { events: [view.onDidReceive] });
    await until('the panel title', () => view!.panel.title === '3D · Two-bay portal frame' || undefined, { events: [view.onDidReceive] });
    assert.equal(view.model, portal().toString());
    assert.notEqual(view.panel.viewColumn, editor.viewColumn, 'beside the editor');
    // The same model from the palette (active editor) gives the same panel.
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    const again = await vscode.commands.executeCommand<Model3dPanelHandle>('struktur.open3DView');
    assert.equal(again, view);
  });

  it('highlights the member or node whose declaration has the cursor', async () => {
    assert.ok(view);
    const editor = await vscode.window.showTextDocument(portal(), { viewColumn: vscode.ViewColumn.One });
    for (const [text, kind, name] of [['member B2 N3', 'member', 'B2'], ['node N4 ', 'node', 'N4']] as const) {
      const p = positionOf(editor.document, text, text.indexOf(name));
      editor.selection = new vscode.Selection(p, p);
      await until(`the view to highlight ${kind} ${name}`, () => (view!.highlighted?.kind === kind && view!.highlighted.name === name) || undefined, { events: [view.onDidReceive] });
    }
  });

  it('is seen beside the model, the cursor\'s member highlighted', async function () {
    // Only a harness that drives the browser can take the picture (not @vscode/test-electron).
    if (!process.env.STRUKTUR_VSCODE_SCREENSHOTS) this.skip();
    assert.ok(view?.highlighted);
    const shot = await screenshot('workbench-model3d.png');
    assert.equal(shot.error, undefined);
  });

  it('a click in the view selects the declaration in the editor', async () => {
    assert.ok(view);
    await view.receive({ type: 'select', element: { kind: 'member', name: 'C3' } });
    await view.receive({ type: 'reveal', element: { kind: 'member', name: 'C3' } });
    const editor = await until('the editor to select C3', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === portal().toString() && e.document.getText(e.selection) === 'C3' ? e : undefined;
    }, { events: [vscode.window.onDidChangeTextEditorSelection as vscode.Event<unknown>] });
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /^member C3 N6 N5 COL/);
    // The view keeps its own selection (it is not sent back to the page it came from).
    assert.notDeepEqual(view.highlighted, { kind: 'member', name: 'C3' });
  });
});
