// The commands, run as the palette runs them (with arguments that skip the questions).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { Summary } from '../../../extension/src/results-tables';
import { analysisState, api, extension, open, statusText, until, workspaceUri } from './helpers';

describe('commands', () => {
  const cantilever = () => workspaceUri('examples/cantilever.struct');

  it('registers every command it contributes, and only those', async () => {
    const contributed = (extension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('struktur.')).sort();
    assert.deepEqual(registered, contributed);
    for (const unwanted of ['struktur.show3DView', 'struktur.report', 'struktur.live']) assert.ok(!contributed.includes(unwanted));
  });

  it('Analyze Now analyses the model and answers with a summary', async () => {
    await open(cantilever());
    const summary = await vscode.commands.executeCommand<Summary>('struktur.analyze', cantilever());
    assert.equal(summary.cases, 4);
    assert.ok(summary.maxUtilisation! > 0.5 && summary.maxUtilisation! < 0.52, String(summary.maxUtilisation));
    assert.equal(summary.maxDisplacement?.node, 'TIP');
  });

  it('Show Results opens the struktur-results/1 document beside the model', async () => {
    await open(cantilever());
    const uri = await vscode.commands.executeCommand<vscode.Uri>('struktur.showResults');
    assert.equal(uri.scheme, 'struktur-results');
    const editor = await until('the results editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()));
    assert.equal(editor.document.languageId, 'json');
    const doc = JSON.parse(editor.document.getText());
    assert.equal(doc.format, 'struktur-results/1');
    assert.equal(doc.model, 'Cantilever');
    assert.deepEqual(doc.cases.map((c: { name: string }) => c.name), ['DEAD', 'LIVE', 'ULS', 'SLS']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Export Results writes JSON and the CSV tables in the display units', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-export-'));
    const written = await vscode.commands.executeCommand<vscode.Uri[]>('struktur.exportResults', cantilever(), { format: 'both', folder, quiet: true });
    assert.deepEqual(written.map((u) => path.basename(u.fsPath)).sort(), [
      'cantilever.checks.csv', 'cantilever.member-end-forces.csv', 'cantilever.node-displacements.csv', 'cantilever.results.json',
    ]);
    const json = JSON.parse(fs.readFileSync(path.join(folder, 'cantilever.results.json'), 'utf8'));
    assert.equal(json.format, 'struktur-results/1');
    const forces = fs.readFileSync(path.join(folder, 'cantilever.member-end-forces.csv'), 'utf8').trimEnd().split('\r\n');
    assert.equal(forces[0], 'case,member,end,Fx [kN],Fy [kN],Fz [kN],Mx [kN·m],My [kN·m],Mz [kN·m]');
    assert.equal(forces.length, 1 + 4 * 2);
    const nodes = fs.readFileSync(path.join(folder, 'cantilever.node-displacements.csv'), 'utf8').trimEnd().split('\r\n');
    assert.equal(nodes[0], 'case,node,ux [mm],uy [mm],uz [mm],rx [rad],ry [rad],rz [rad]');
    const tipLive = nodes.find((l) => l.startsWith('LIVE,TIP,'))!.split(',');
    const expected = json.cases.find((c: { name: string }) => c.name === 'LIVE').nodes.TIP.u[2] * 1000;
    assert.ok(Math.abs(Number(tipLive[4]) - expected) < 1e-3 * Math.abs(expected), `${tipLive[4]} vs ${expected}`);
    const checks = fs.readFileSync(path.join(folder, 'cantilever.checks.csv'), 'utf8').trimEnd().split('\r\n');
    assert.match(checks[1], /^stress,M1,ULS,0\.5\d+,1,true,/);

    // Display units are read when used: a change applies to the next export.
    const config = vscode.workspace.getConfiguration('struktur.display', cantilever());
    await config.update('forceUnit', 'N', vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('struktur.exportResults', cantilever(), { format: 'csv', folder, quiet: true });
      const inN = fs.readFileSync(path.join(folder, 'cantilever.member-end-forces.csv'), 'utf8').split('\r\n');
      assert.match(inN[0], /Fx \[N\],Fy \[N\],Fz \[N\],Mx \[N·m\]/);
      const kN = Number(forces.find((l) => l.startsWith('LIVE,M1,i,'))!.split(',')[5]);
      const N = Number(inN.find((l) => l.startsWith('LIVE,M1,i,'))!.split(',')[5]);
      assert.ok(Math.abs(N - 1000 * kN) < 1e-6 * Math.abs(N), `${N} vs ${kN}`);
    } finally {
      await config.update('forceUnit', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('New Model from Template opens an untitled model that validates and analyses', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('struktur.newModel', 'portal-frame');
    assert.equal(doc.languageId, 'struktur');
    assert.equal(doc.isUntitled, true);
    assert.match(doc.getText(), /^model "Portal frame"$/m);
    const status = await analysisState(doc.uri, ['done']);
    assert.equal(status.cases, 4);
    await statusText(/^Struktur ✓ 4 cases · max util /);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Restart Language Server restarts it, and validation resumes', async () => {
    const a = await api();
    const before = await a.client();
    await vscode.commands.executeCommand('struktur.restartServer');
    const after = await a.client();
    assert.equal(after, before);
    await open(cantilever());
    await until('the analysis after the restart', () => a.analysisStatus(cantilever())?.state === 'done' && a.status.text.startsWith('Struktur ✓') ? true : undefined,
      { events: [a.onDidChangeStatus] });
    assert.equal(a.status.text, 'Struktur ✓ 4 cases · max util 0.51');
  });
});
