// Analysis benchmark: regular 3D building frames of about 2k, 15k and 50k DOF, analysed through
// the whole engine (assembly, ordering, factorisation, solves, end forces, reactions,
// combinations, checks, the results document). Prints the solver phases, fill-in, and the time
// for 20 load cases against 1 (the factor is reused: target ≤ 1.3×), with the phase split of the
// 20-case run. Pass --large for a 100k-DOF model and its peak memory (must stay under 2 GB).
//
// The ratio is measured two ways, so neither run gets the other's warm-up for free:
//   cold — each analysis in a fresh worker thread, as the editor (one worker per run) and the
//          CLI (one process) run it;
//   warm — in this thread, after one untimed run of each model, the better of two.
// The member records of the results document (stations, extremes) are built when first read
// (lazy-members.ts); the last column is what building all of them costs, as
// `struktur analyze --json` or the worker's message to the server does.
import { spawnSync } from 'node:child_process';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { generateFrame } from './generate';
import { Workspace } from '../language-server/src/language/workspace';
import { toAnalysisModel } from '../language-server/src/analysis/from-model';
import { analyze, type AnalysisStats } from '../language-server/src/analysis/analyze';
import type { AnalysisModel, AnalysisOptions } from '../language-server/src/analysis/model-input';
import { factorize } from '../language-server/src/analysis/sparse';
import { buildDofMap } from '../language-server/src/analysis/dof-map';
import { prepareMember } from '../language-server/src/analysis/member-model';
import { assembleStiffness } from '../language-server/src/analysis/assembly';
import { plainResults } from '../language-server/src/analysis/lazy-members';

type Phases = AnalysisStats['phases'];
interface Timed {
  seconds: number;
  phases: Phases;
  solver: AnalysisStats['solver'];
  nnzK: number;
}

function timedAnalysis(model: AnalysisModel, options: AnalysisOptions): Timed & { outcome: ReturnType<typeof analyze> } {
  const t = performance.now();
  const outcome = analyze(model, options);
  const seconds = (performance.now() - t) / 1000;
  if (outcome.problems.length) throw new Error('unexpected problems: ' + JSON.stringify(outcome.problems).slice(0, 300));
  return { seconds, phases: outcome.stats.phases, solver: outcome.stats.solver, nnzK: outcome.stats.nnzK, outcome };
}

if (!isMainThread) {
  parentPort!.once('message', ({ model, options }: { model: AnalysisModel; options: AnalysisOptions }) => {
    const { seconds, phases, solver, nnzK } = timedAnalysis(model, options);
    parentPort!.postMessage({ seconds, phases, solver, nnzK });
  });
} else main();

/** One analysis in a fresh worker thread: nothing compiled or warmed up beforehand. */
function coldAnalysis(model: AnalysisModel, options: AnalysisOptions): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const w = new Worker(__filename);
    w.once('message', (m: Timed) => {
      void w.terminate();
      resolve(m);
    });
    w.once('error', reject);
    w.postMessage({ model, options });
  });
}

function modelFor(plan: number, storeys: number, windCases: number): AnalysisModel {
  const g = generateFrame(0, { plan, storeys, windCases });
  const ws = new Workspace({ root: '/bench', readFile: () => undefined });
  ws.setDocument('file:///bench/frame.struct', g.text);
  const model = ws.modelFor('file:///bench/frame.struct');
  if (model.diagnostics.some((d) => d.severity === 'error')) throw new Error(model.diagnostics[0].message);
  return toAnalysisModel(model, 'frame.struct').input;
}

async function main(): Promise<void> {
  const CASES = [
    // DOF = 6 · (plan + 1)² · storeys (the ground nodes are fixed).
    { name: '2k', plan: 5, storeys: 9 },
    { name: '15k', plan: 11, storeys: 17 },
    { name: '50k', plan: 19, storeys: 21 },
  ];
  // --large: the 100k model as well, in a process of its own (spawned below), so that its peak
  // memory is its own and not the smaller models' leftovers.
  const LARGE = { name: '100k', plan: 24, storeys: 27 };
  if (process.argv.includes('--only-large')) CASES.splice(0, CASES.length, LARGE);
  const ONE: AnalysisOptions = { cases: ['DEAD'] };
  const TWENTY: AnalysisOptions = { cases: ['DEAD', 'WIND', ...Array.from({ length: 18 }, (_, w) => `WIND${w + 1}`)] };
  const phaseRows: string[] = [];
  const s1 = (x: number) => x.toFixed(2);
  console.log('case   DOF     nnz(K)     nnz(L)  order ms  symbolic ms  numeric ms  solve ms | cold: 1 case s  20 cases s  20/1 | warm: 1 case s  20 cases s  20/1 | all records 1 / 20 s');
  for (const c of CASES) {
    const one = modelFor(c.plan, c.storeys, 1);
    const twenty = modelFor(c.plan, c.storeys, 20);
    const small = c.plan * c.plan * c.storeys < 5000;
    // The solver's phases on this model's stiffness matrix, and one warm single solve (not for
    // the 100k model: a second factor would double the memory this run is to measure).
    let solver: AnalysisStats['solver'];
    let nnzK = 0;
    let solveText = '—';
    if (c.name !== '100k') {
      const members = one.members.map((m, k) => prepareMember(k, m, one.nodes[m.i].xyz, one.nodes[m.j].xyz, false));
      const dofs = buildDofMap(one, (k) => members[k].usable);
      const K = assembleStiffness(members, dofs);
      // As the analysis factors it: nodes ordered, each node's DOFs together (AnalysisOptions.ordering).
      const f = factorize(K, { groups: Int32Array.from(dofs.freeSlot, (slot) => Math.floor(slot / 6)) });
      const b = new Float64Array(K.n).fill(1);
      f.solve(b); // warm
      const t0 = performance.now();
      f.solve(b);
      solveText = (performance.now() - t0).toFixed(1);
      solver = f.stats;
      nnzK = K.rowIdx.length;
    }
    let t = 0;

    // Cold: fresh workers, alternating; the better of two on the smaller models.
    let cold1 = Infinity;
    let cold20: Timed | undefined;
    for (let rep = 0; rep < (small ? 2 : 1); rep++) {
      cold1 = Math.min(cold1, (await coldAnalysis(one, ONE)).seconds);
      const r = await coldAnalysis(twenty, TWENTY);
      if (!cold20 || r.seconds < cold20.seconds) cold20 = r;
    }
    // Warm: in this thread after an untimed run of each (the large models are cold-only: their
    // factorisation dwarfs any warm-up).
    let warm = '             —           —      —';
    let phases: Phases;
    let full = '—';
    if (small) {
      timedAnalysis(one, ONE);
      timedAnalysis(twenty, TWENTY);
      let w1 = Infinity;
      let w20: (Timed & { outcome: ReturnType<typeof analyze> }) | undefined;
      for (let rep = 0; rep < 2; rep++) {
        w1 = Math.min(w1, timedAnalysis(one, ONE).seconds);
        const r = timedAnalysis(twenty, TWENTY);
        if (!w20 || r.seconds < w20.seconds) w20 = r;
      }
      warm = `${s1(w1).padStart(14)} ${s1(w20!.seconds).padStart(11)} ${(w20!.seconds / w1).toFixed(2).padStart(5)}×`;
      phases = w20!.phases;
      const r1 = timedAnalysis(one, ONE).outcome;
      t = performance.now();
      plainResults(r1.results);
      const full1 = (performance.now() - t) / 1000;
      t = performance.now();
      plainResults(w20!.outcome.results);
      full = `${s1(full1)} / ${s1((performance.now() - t) / 1000)}`;
    } else {
      phases = cold20!.phases;
      solver ??= cold20!.solver;
      nnzK ||= cold20!.nnzK;
    }
    const s = solver!;
    console.log(
      `${c.name.padEnd(5)} ${String(one.nodes.length * 6 - 6 * (c.plan + 1) ** 2).padStart(6)} ${String(nnzK).padStart(10)} ${String(s.nnzL).padStart(10)} ${s.orderingMs.toFixed(0).padStart(8)} ${s.symbolicMs.toFixed(0).padStart(12)} ${s.numericMs.toFixed(0).padStart(11)} ${solveText.padStart(9)} | ${s1(cold1).padStart(14)} ${s1(cold20!.seconds).padStart(11)} ${(cold20!.seconds / cold1).toFixed(2).padStart(5)}× | ${warm} | ${full}`,
    );
    const p = phases;
    phaseRows.push(
      `${c.name.padEnd(5)} ${small ? 'warm' : 'cold'} ${p.assemblyMs.toFixed(0).padStart(11)} ${p.factorMs.toFixed(0).padStart(9)} ${p.solveMs.toFixed(0).padStart(11)} ${p.casesMs.toFixed(0).padStart(8)} ${p.documentMs.toFixed(0).padStart(11)} ${p.checksMs.toFixed(0).padStart(9)}`,
    );
  }
  console.log('\n20-case run, ms: assembly = members, K and loads; solves = 21 cases and residuals; cases = end forces, reactions, the combination;');
  console.log('document = nodes, equilibrium; checks = diagrams of the checked combination and its cases, and the check');
  console.log('case  run   assembly ms  factor ms  solves ms  cases ms  document ms  checks ms');
  for (const r of phaseRows) console.log(r);
  if (process.argv.includes('--only-large')) {
    console.log(`100k: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (limit 2048): the model, and each analysis in its worker`);
  }
  if (process.argv.includes('--large')) {
    console.log('\nThe 100k model, in a process of its own:');
    spawnSync(process.execPath, [__filename, '--only-large'], { stdio: 'inherit' });
  }
}
