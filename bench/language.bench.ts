// Language benchmarks (issue: parse + validate against JSON.parse of the same model, edit latency
// in the server against a full validation, memory per member). Figures are ratios against
// baselines measured in this same run, because the machines are noisy.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateFrame } from './generate';
import { Workspace } from '../language-server/src/language/workspace';
import { LspProcessClient } from '../language-server/src/cli/lsp-client';

const ROOT = process.env.STRUKTUR_ROOT ?? path.resolve(__dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function timeBest(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

async function parseAndValidate(): Promise<void> {
  console.log('parse + validate vs JSON.parse of the same model (best of runs)');
  console.log('members   JSON.parse ms   parse+validate ms   ratio   bytes/member   heap/member');
  for (const target of [1000, 10000, 100000]) {
    const g = generateFrame(target);
    const runs = target >= 100000 ? 3 : 5;
    const tj = timeBest(runs, () => JSON.parse(g.json));
    const tv = timeBest(runs, () => {
      const ws = new Workspace({ root: '/bench', readFile: () => undefined });
      ws.setDocument('file:///bench/m.struct', g.text);
      ws.modelFor('file:///bench/m.struct');
    });
    gc();
    const before = process.memoryUsage().heapUsed;
    const ws = new Workspace({ root: '/bench', readFile: () => undefined });
    ws.setDocument('file:///bench/m.struct', g.text);
    const model = ws.modelFor('file:///bench/m.struct');
    gc();
    const heap = process.memoryUsage().heapUsed - before;
    if (model.members.length !== g.members) throw new Error('model incomplete');
    console.log(
      `${String(g.members).padStart(7)}   ${tj.toFixed(1).padStart(10)}   ${tv.toFixed(1).padStart(17)}   ${(tv / tj).toFixed(2).padStart(5)}×   ${(g.text.length / g.members).toFixed(0).padStart(12)}   ${(heap / g.members / 1024).toFixed(2).padStart(8)} KiB`,
    );
  }
}

async function editLatency(): Promise<void> {
  const g = generateFrame(100000);
  const uri = pathToFileURL(path.join(ROOT, 'bench-model.struct')).toString();
  const client = new LspProcessClient({ command: process.execPath, args: [path.join(ROOT, 'dist', 'server.js'), '--stdio'] });
  await client.initialize(null, { initializationOptions: { debounceMs: 0 } });
  let t = performance.now();
  const first = client.waitForDiagnostics(uri, () => true, 600000);
  await client.open(uri, g.text);
  await first;
  const open = performance.now() - t;
  // A full re-validation: a change that adds or removes a line is parsed and validated in full.
  const fulls: number[] = [];
  for (let i = 0; i < 4; i++) {
    t = performance.now();
    const w = client.waitForDiagnostics(uri, () => true, 600000);
    await client.change(uri, [{ text: i % 2 === 0 ? g.text + '\n' : g.text }]);
    await w;
    fulls.push(performance.now() - t);
  }
  // One-line edits: change a node's z coordinate (a real change every time).
  const lines = g.text.split('\n');
  const nodeLine = lines.findIndex((l) => l.startsWith('node N1_1_1 '));
  const edits: number[] = [];
  for (let i = 0; i < 50; i++) {
    const old = lines[nodeLine];
    const next = old.replace(/\S+$/, String(3.5 + (i % 2) * 0.001));
    lines[nodeLine] = next;
    t = performance.now();
    const w = client.waitForDiagnostics(uri, () => true, 600000);
    await client.change(uri, [{ range: { start: { line: nodeLine, character: 0 }, end: { line: nodeLine, character: old.length } }, text: next }]);
    await w;
    edits.push(performance.now() - t);
  }
  await client.shutdown();
  const full = median(fulls);
  const edit = median(edits);
  console.log(`\nserver, ${g.members} members: open → diagnostics ${open.toFixed(0)} ms; full re-validate ${full.toFixed(0)} ms (median of 4)`);
  console.log(`one-line edit → diagnostics: median ${edit.toFixed(0)} ms of 50 edits = ${((edit / full) * 100).toFixed(1)}% of a full pass (target ≤ 10%)`);
}

(async () => {
  await parseAndValidate();
  await editLatency();
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
