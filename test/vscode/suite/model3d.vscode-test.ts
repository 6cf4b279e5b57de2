// The 3D view in the real workbench: `Struktur: Open 3D View` opens one webview panel per model
// beside the editor, the page inside starts under the extension's CSP and asks for its content,
// and the selection follows both ways — the cursor on a declaration highlights the element in the
// view (the page reports what it highlights), and a click in the view (the messages the page posts
// on a click, which the browser tests check with real clicks) selects the declaration. The panel
// posts the results' index and only the case the page shows.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Model3dPanelHandle } from '../../../extension/src/panels/model3d-panel';
import { closeAllEditors, extension, open, positionOf, replaceAll, until, workspaceUri } from './helpers';
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

  it('posts the results index and only the case the page shows, and a switched case alone', async () => {
    assert.ok(view);
    const panel = view;
    // The page asks for the case it shows (the first one of a fresh view) and gets that one.
    await until('the shown case to be posted', () => (panel.lastUpdate?.results && panel.casesPosted.length > 0) || undefined, { events: [panel.onDidPost] });
    const index = panel.lastUpdate!.results!;
    assert.deepEqual(index.cases.map((c) => c.name), ['DEAD', 'LIVE', 'SETTLE', 'ULS1', 'SLS1']);
    assert.ok(!/"(nodes|members|stations)"/.test(JSON.stringify(index)), 'the index carries node or member data');
    assert.ok(panel.casesPosted.every((c) => c.name === 'DEAD' && c.id === index.id), `posted: ${panel.casesPosted.map((c) => c.name)}`);
    const dead = panel.lastCase!;
    assert.equal(dead.name, 'DEAD');
    assert.deepEqual(Object.keys(dead.result!.members).sort(), ['B1', 'B2', 'C1', 'C2', 'C3', 'X1']);
    assert.ok(JSON.stringify(dead).length > 1000);
    // The selector shows ULS1: that case alone is posted.
    const n = panel.casesPosted.length;
    await panel.receive({ type: 'caseRequest', name: 'ULS1', id: index.id });
    assert.equal(panel.casesPosted.length, n + 1);
    assert.equal(panel.casesPosted[n].name, 'ULS1');
    assert.equal(panel.lastCase!.name, 'ULS1');
    assert.ok(panel.lastCase!.result!.members.B1.stations.length > 2);
    // A request of an index the panel no longer holds is not answered.
    await panel.receive({ type: 'caseRequest', name: 'LIVE', id: 'outdated-1' });
    assert.equal(panel.casesPosted.length, n + 1);
    // Back to what the page shows.
    await panel.receive({ type: 'caseRequest', name: 'DEAD', id: index.id });
    assert.deepEqual(panel.casesPosted.map((c) => c.name).filter((c) => c !== 'DEAD'), ['ULS1']);
  });

  it('switches case while the text has errors, from the results it shows', async () => {
    assert.ok(view);
    const panel = view;
    const index = panel.lastUpdate!.results!;
    const editor = await vscode.window.showTextDocument(portal(), { viewColumn: vscode.ViewColumn.One });
    const text = editor.document.getText();
    try {
      await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\nmember BROKEN N1 NO_SUCH_NODE COL\n'));
      await until('the flagged update', () => (panel.lastUpdate?.stale && panel.lastUpdate.resultsStale && panel.lastUpdate.results?.id === index.id) || undefined, { events: [panel.onDidPost], timeoutMs: 20000 });
      const n = panel.casesPosted.length;
      await panel.receive({ type: 'caseRequest', name: 'LIVE', id: index.id });
      assert.equal(panel.casesPosted.length, n + 1);
      assert.deepEqual(panel.casesPosted[n], { name: 'LIVE', id: index.id });
      assert.ok(panel.lastCase!.result!.members.B1);
    } finally {
      await replaceAll(editor, text);
      await until('the valid update', () => (panel.lastUpdate && !panel.lastUpdate.stale && !panel.lastUpdate.resultsStale) || undefined, { events: [panel.onDidPost], timeoutMs: 20000 });
      await panel.receive({ type: 'caseRequest', name: 'DEAD', id: panel.lastUpdate!.results!.id });
    }
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
