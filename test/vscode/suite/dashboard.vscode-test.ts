// The results dashboard in the real workbench: `Struktur: Open Dashboard` opens one webview panel
// per model beside the editor, the page starts under the extension's CSP and gets the digest of
// the model's results, an edit of the model updates it (new numbers; an invalid edit keeps the
// last results, flagged), the page's member requests are answered, and the selection follows the
// editor's cursor. What the page draws is checked in the browser tests (test/webviews).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { DashboardPanelHandle } from '../../../extension/src/panels/dashboard-panel';
import type { HostToDashboard } from '../../../language-server/src/shared/dashboard-messages';
import { closeAllEditors, extension, open, positionOf, replaceAll, until, workspaceUri, writeWorkspaceFile } from './helpers';

type Update = Extract<HostToDashboard, { type: 'update' }>;
const maxUtilisation = (u: Update | undefined) => Math.max(...(u?.results?.checks ?? []).map((c) => c.ratio / c.limit));

describe('dashboard', () => {
  let dashboard: DashboardPanelHandle | undefined;
  const errors: string[] = [];

  after(async () => {
    dashboard?.panel.dispose();
    // Saved, so closing asks nothing.
    await vscode.workspace.textDocuments.find((d) => d.uri.toString() === workspaceUri('scratch/dashboard.struct').toString())?.save();
    await closeAllEditors();
  });

  it('contributes Open Dashboard to the palette and the editor title of models', () => {
    const pkg = extension().packageJSON as { activationEvents: string[]; contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string; when?: string }[]> } };
    assert.equal(pkg.contributes.commands.find((c) => c.command === 'struktur.openDashboard')?.title, 'Open Dashboard');
    assert.equal(pkg.contributes.menus['editor/title'].find((m) => m.command === 'struktur.openDashboard')?.when, 'resourceLangId == struktur');
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:struktur.dashboard'), 'restored panels activate the extension');
  });

  it('opens the panel beside the model; its page starts and gets the results', async function () {
    // The page's bundle carries plotly (5 MB): on a loaded machine it takes a while to start.
    this.timeout(240000);
    await closeAllEditors();
    const text = fs.readFileSync(workspaceUri('examples/cantilever.struct').fsPath, 'utf8');
    const uri = writeWorkspaceFile('scratch/dashboard.struct', text);
    const editor = await open(uri);
    dashboard = await vscode.commands.executeCommand<DashboardPanelHandle>('struktur.openDashboard', uri);
    assert.ok(dashboard, 'the command answers with the panel');
    dashboard.onDidReceive((m) => {
      if (m.type === 'error') errors.push(m.message);
    });
    assert.equal(dashboard.panel.viewType, 'struktur.dashboard');
    const d = dashboard;
    let started = false;
    void d.ready.then(() => (started = true));
    await until('the page to start', () => started || undefined, { events: [d.onDidReceive], timeoutMs: 180000 });
    const first = await until('the first update with results', () => (d.lastUpdate?.results && d.lastUpdate.status.resultsCurrent ? d.lastUpdate : undefined), { events: [d.onDidPost] });
    assert.equal(first.model?.title, 'Cantilever');
    assert.deepEqual(first.results?.cases.map((c) => c.name), ['DEAD', 'LIVE', 'ULS', 'SLS']);
    assert.ok(maxUtilisation(first) > 0.5 && maxUtilisation(first) < 0.52, String(maxUtilisation(first)));
    assert.ok(first.results?.cases.every((c) => c.equilibrium), 'every case reports its equilibrium');
    assert.equal(d.panel.title, 'Dashboard · Cantilever');
    assert.notEqual(d.panel.viewColumn, editor.viewColumn, 'beside the editor');
    // The same model from the palette (active editor) gives the same panel.
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    assert.equal(await vscode.commands.executeCommand<DashboardPanelHandle>('struktur.openDashboard'), d);
  });

  it('a model edit updates it; an invalid edit keeps the last results, flagged', async () => {
    const d = dashboard!;
    const uri = workspaceUri('scratch/dashboard.struct');
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
    const before = maxUtilisation(d.lastUpdate);
    const count = d.updates;
    await replaceAll(editor, editor.document.getText().replace('nodal TIP Fz=-10kN', 'nodal TIP Fz=-20kN'));
    const heavier = await until('an update with the heavier tip load', () => {
      const u = d.lastUpdate;
      return d.updates > count && u?.status.resultsCurrent && maxUtilisation(u) > before + 0.2 ? u : undefined;
    }, { events: [d.onDidPost] });
    // M = 1.35·(2 + sw)·L²/2 + 1.5·P·L: the tip load's share doubles from 45 to 90 kN·m.
    assert.ok(Math.abs(maxUtilisation(heavier) / before - (14 + 90) / (14 + 45)) < 0.02, `${maxUtilisation(heavier)} vs ${before}`);

    await replaceAll(editor, editor.document.getText().replace('member M1 ROOT TIP BEAM', 'member M1 ROOT NOWHERE BEAM'));
    const invalid = await until('an update for the invalid model', () => (d.lastUpdate?.model?.valid === false ? d.lastUpdate : undefined), { events: [d.onDidPost] });
    assert.ok(invalid.model!.errors >= 1);
    assert.equal(invalid.status.resultsCurrent, false);
    assert.equal(maxUtilisation(invalid), maxUtilisation(heavier), 'the last results stay on screen');
    await replaceAll(editor, editor.document.getText().replace('member M1 ROOT NOWHERE BEAM', 'member M1 ROOT TIP BEAM'));
    await until('the model valid again', () => (d.lastUpdate?.model?.valid && d.lastUpdate.status.resultsCurrent ? true : undefined), { events: [d.onDidPost] });
  });

  it('answers the page\'s member requests with the stations of every case', async () => {
    const d = dashboard!;
    let series: Extract<HostToDashboard, { type: 'member' }>['series'] | undefined;
    const sub = d.onDidPost((m) => {
      if (m.type === 'member') series = m.series;
    });
    await d.receive({ type: 'memberRequest', element: { kind: 'member', name: 'M1' } });
    sub.dispose();
    assert.ok(series, 'a member message');
    assert.equal(series.member, 'M1');
    assert.equal(series.length, 3);
    assert.deepEqual(series.cases.map((c) => c.name), ['DEAD', 'LIVE', 'ULS', 'SLS']);
    assert.equal(series.cases[0].stations[0].x, 0);
  });

  it('follows the editor: the cursor on a member selects it in the dashboard', async () => {
    const d = dashboard!;
    const editor = await vscode.window.showTextDocument(workspaceUri('scratch/dashboard.struct'), { viewColumn: vscode.ViewColumn.One });
    let selected: unknown;
    const sub = d.onDidPost((m) => {
      if (m.type === 'select') selected = m.element;
    });
    // (The file's header comment mentions "node TIP" too: find the declaration.)
    const node = positionOf(editor.document, 'node TIP 3m', 5);
    editor.selection = new vscode.Selection(node, node);
    await until('the dashboard to select node TIP', () => (JSON.stringify(selected) === JSON.stringify({ kind: 'node', name: 'TIP' }) || undefined), { events: [d.onDidPost] });
    const p = positionOf(editor.document, 'member M1', 7);
    editor.selection = new vscode.Selection(p, p);
    await until('the dashboard to select member M1', () => (JSON.stringify(selected) === JSON.stringify({ kind: 'member', name: 'M1' }) || undefined), { events: [d.onDidPost] });
    sub.dispose();
  });

  it('a row clicked in the dashboard reveals the declaration in the editor', async () => {
    const d = dashboard!;
    await d.receive({ type: 'select', element: { kind: 'node', name: 'ROOT' } });
    await d.receive({ type: 'reveal', element: { kind: 'node', name: 'ROOT' } });
    const editor = await until('the editor to select ROOT', () => {
      const e = vscode.window.visibleTextEditors.find((x) => x.document.uri.toString() === workspaceUri('scratch/dashboard.struct').toString());
      return e && e.document.getText(e.selection) === 'ROOT' && e.document.lineAt(e.selection.start.line).text.startsWith('node ROOT') ? e : undefined;
    }, { events: [vscode.window.onDidChangeTextEditorSelection as vscode.Event<unknown>] });
    assert.ok(editor);
    assert.deepEqual(errors, [], 'the page reported no errors');
  });
});
