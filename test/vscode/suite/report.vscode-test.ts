// Struktur: Generate Report in the real workbench: the command runs `struktur report` (the same
// command line as a terminal), writes the PDF and shows it in the preview panel, whose pdf.js
// draws it under the panel's strict CSP; a model with errors gets no PDF.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { GenerateReportResult } from '../../../extension/src/report/register-report';
import { open, until, workspaceUri, writeWorkspaceFile } from './helpers';

describe('report command', function () {
  this.timeout(180000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'struktur-report-vscode-'))));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Generate Report writes the PDF and shows it in the preview', async () => {
    const model = workspaceUri('examples/portal-two-bay.struct');
    await open(model);
    const pdf = path.join(dir, 'portal.pdf');
    const r = await vscode.commands.executeCommand<GenerateReportResult>('struktur.generateReport', model, { preset: 'summary', output: pdf, waitForPreview: true });
    assert.equal(r.exitCode, 0, r.notes);
    assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    const pages = Number(/(\d+) pages/.exec(r.summary)?.[1]);
    assert.ok(pages > 10, r.summary);
    assert.equal(r.preview?.pages, pages, 'the preview drew the document');
    assert.ok(Math.abs(r.preview!.firstPage.width - 595.28) < 0.01 && Math.abs(r.preview!.firstPage.height - 841.89) < 0.01, JSON.stringify(r.preview));
    const tab = await until('the preview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Report: portal.pdf'));
    assert.ok(tab.input instanceof vscode.TabInputWebview);
  });

  it('gives the same bytes as the command line for the same model and options', async () => {
    const model = workspaceUri('examples/cantilever.struct');
    const a = path.join(dir, 'a.pdf');
    const b = path.join(dir, 'b.pdf');
    const r1 = await vscode.commands.executeCommand<GenerateReportResult>('struktur.generateReport', model, { preset: 'full', output: a, preview: false });
    const r2 = await vscode.commands.executeCommand<GenerateReportResult>('struktur.generateReport', model, { preset: 'full', output: b, preview: false });
    assert.equal(r1.exitCode, 0);
    assert.equal(r2.exitCode, 0);
    assert.deepEqual(fs.readFileSync(a), fs.readFileSync(b));
  });

  it('writes no PDF for a model with errors and says why', async () => {
    const model = writeWorkspaceFile('report-bad.struct', 'units kN m\nnode A 0 0 0\nmember M A B IPE300\n');
    const pdf = path.join(dir, 'bad.pdf');
    const r = await vscode.commands.executeCommand<GenerateReportResult>('struktur.generateReport', model, { preset: 'summary', output: pdf, preview: false });
    assert.equal(r.exitCode, 1);
    assert.ok(!fs.existsSync(pdf));
    assert.match(r.notes, /no report was written/);
    fs.rmSync(model.fsPath, { force: true });
  });
});
