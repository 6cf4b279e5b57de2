// The measurement bench/extension.bench.ts takes in a code-server workbench: from opening a model
// (which activates both extensions through onLanguage:struktur) to its first diagnostics, for
// Struktur and for an empty extension that publishes one diagnostic as soon as it activates;
// then the same for a second model, with both already active. Writes bench-N.json.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

const EMPTY_ID = 'struktur-bench.empty';
const EMPTY_SOURCE = 'struktur-bench-empty';

function firstDiagnostics(uri: vscode.Uri, source: string, timeoutMs = 60000): Promise<number> {
  return new Promise((resolve, reject) => {
    const seen = () => vscode.languages.getDiagnostics(uri).some((d) => d.source === source);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no ${source} diagnostics for ${uri.fsPath} within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || !seen()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(performance.now());
    });
  });
}

async function measure(file: string) {
  const uri = vscode.Uri.file(file);
  const struktur = firstDiagnostics(uri, 'struktur');
  const empty = firstDiagnostics(uri, EMPTY_SOURCE);
  const t0 = performance.now();
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const activated = await Promise.all([EXTENSION_ID, EMPTY_ID].map(async (id) => {
    await vscode.extensions.getExtension(id)!.activate();
    return performance.now() - t0;
  }));
  const [s, e] = await Promise.all([struktur, empty]);
  return { strukturActivatedMs: activated[0], emptyActivatedMs: activated[1], strukturDiagnosticsMs: s - t0, emptyDiagnosticsMs: e - t0 };
}

describe('bench: open to first diagnostics', () => {
  it('measures Struktur against an empty extension', async () => {
    const [cold, warm] = [process.env.STRUKTUR_BENCH_COLD, process.env.STRUKTUR_BENCH_WARM];
    const out = process.env.STRUKTUR_BENCH_OUT;
    assert.ok(cold && warm && out, 'STRUKTUR_BENCH_COLD, _WARM and _OUT must be set');
    assert.ok(vscode.extensions.getExtension(EMPTY_ID), `the empty extension is not loaded: ${vscode.extensions.all.length} ${vscode.extensions.all.map((e) => e.id).filter((s) => !s.startsWith('vscode.')).join(', ')}`);
    const struktur = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(struktur, `Struktur is not loaded: ${vscode.extensions.all.map((e) => e.id).filter((s) => !s.startsWith('vscode.')).join(', ')}`);
    assert.equal(struktur.isActive, false, 'Struktur was active before the first model opened');
    const first = await measure(cold);
    const second = await measure(warm);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ cold: first, warm: second }, null, 2));
  });
});
