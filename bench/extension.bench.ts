// The VS Code extension: what it weighs, and how long a user waits for the first diagnostics.
//  - bundle sizes (production build, as packaged), raw and gzipped, and the .vsix;
//  - in code-server's workbench (scripts/vscode/bench-workbench.mjs), from opening a model with
//    one error to (a) each extension's activation and (b) its first diagnostics, for Struktur and
//    for an empty extension loaded in the same workbench that publishes a diagnostic as it
//    activates: the empty extension's time is the workbench's own floor, the difference is
//    Struktur's cost (starting the server, parsing, validating). Then a second model, with both
//    already active.
// Medians over STRUKTUR_BENCH_RUNS fresh workbenches (default 3). Wall-clock figures on a shared
// 2-core machine: read them as orders of magnitude, not as a pass/fail threshold.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = process.env.STRUKTUR_ROOT ?? path.resolve(__dirname, '..');
const runs = Number(process.env.STRUKTUR_BENCH_RUNS ?? 3);

interface Sample {
  strukturActivatedMs: number;
  emptyActivatedMs: number;
  strukturDiagnosticsMs: number;
  emptyDiagnosticsMs: number;
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function sizes(): void {
  console.log('bundle sizes (production build)');
  const dist = path.join(root, 'dist');
  for (const f of fs.readdirSync(dist).filter((n) => n.endsWith('.js')).sort()) {
    const buf = fs.readFileSync(path.join(dist, f));
    console.log(`  ${f.padEnd(22)} ${kib(buf.length).padStart(9)}  gzip ${kib(zlib.gzipSync(buf).length).padStart(8)}`);
  }
  const pkg = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs')], { cwd: root, encoding: 'utf8' });
  const vsix = path.join(dist, 'struktur.vsix');
  if (pkg.status === 0 && fs.existsSync(vsix)) console.log(`  ${'struktur.vsix'.padEnd(22)} ${kib(fs.statSync(vsix).size).padStart(9)}`);
  else console.log(`  struktur.vsix: packaging failed\n${pkg.stderr}`);
}

function workbench(): void {
  console.log(`\nopen → activation and first diagnostics in code-server (median of ${runs} fresh workbenches)`);
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'vscode', 'bench-workbench.mjs'), '--runs', String(runs)], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    console.log(`  the workbench bench failed (exit ${r.status})`);
    process.exitCode = 1;
    return;
  }
  const { runs: samples } = JSON.parse(last) as { runs: { cold: Sample; warm: Sample }[] };
  const row = (label: string, pick: (s: { cold: Sample; warm: Sample }) => number) => {
    const xs = samples.map(pick);
    console.log(`  ${label.padEnd(60)} ${ms(median(xs)).padStart(8)}   runs: ${xs.map((x) => x.toFixed(0)).join(', ')}`);
  };
  console.log('  first model (activates both extensions):');
  row('empty extension: activated', (s) => s.cold.emptyActivatedMs);
  row('empty extension: first diagnostics', (s) => s.cold.emptyDiagnosticsMs);
  row('Struktur: activated', (s) => s.cold.strukturActivatedMs);
  row('Struktur: first diagnostics (server start, parse, validate)', (s) => s.cold.strukturDiagnosticsMs);
  row('Struktur − empty: first diagnostics', (s) => s.cold.strukturDiagnosticsMs - s.cold.emptyDiagnosticsMs);
  console.log('  second model (both active, server running):');
  row('empty extension: first diagnostics', (s) => s.warm.emptyDiagnosticsMs);
  row('Struktur: first diagnostics', (s) => s.warm.strukturDiagnosticsMs);
  row('Struktur − empty: first diagnostics', (s) => s.warm.strukturDiagnosticsMs - s.warm.emptyDiagnosticsMs);
}

sizes();
workbench();
