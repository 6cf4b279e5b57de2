// Settings apply live and per resource: the server reads struktur.analysis.* through
// workspace/configuration and re-reads them on didChangeConfiguration.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analysisState, api, open, statusText, until, workspaceUri } from './helpers';

describe('settings', () => {
  const cantilever = () => workspaceUri('examples/cantilever.struct');

  it('struktur.analysis.mode = off stops the analysis of that folder, and back on resumes it', async () => {
    await open(cantilever());
    await analysisState(cantilever(), ['done']);
    const config = vscode.workspace.getConfiguration('struktur.analysis', cantilever());
    await config.update('mode', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      await analysisState(cantilever(), ['skipped']);
      assert.equal(await statusText(/analysis off/), 'Struktur ✓ valid · analysis off');
      assert.equal(await (await api()).results(cantilever()), null);
    } finally {
      await config.update('mode', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await analysisState(cantilever(), ['done']);
    await statusText(/^Struktur ✓ 4 cases/);
  });

  it('struktur.analysis.shearDeformation changes the results at once', async () => {
    await open(cantilever());
    const a = await api();
    const tip = async () => (await a.results(cantilever()))?.cases.find((c) => c.name === 'LIVE')?.nodes.TIP.u[2];
    const bending = await until('results', tip);
    const config = vscode.workspace.getConfiguration('struktur.analysis', cantilever());
    await config.update('shearDeformation', true, vscode.ConfigurationTarget.Workspace);
    try {
      const withShear = await until('results with shear deformation', async () => {
        const w = await tip();
        return w !== undefined && w !== bending ? w : undefined;
      });
      // Shear adds deflection: the tip goes further down.
      assert.ok(withShear < bending, `${withShear} vs ${bending}`);
      assert.ok(withShear > 1.1 * bending, `${withShear} vs ${bending}`);
    } finally {
      await config.update('shearDeformation', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
