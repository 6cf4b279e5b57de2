// Analysis benchmark: regular 3D building frames of about 2k, 15k and 50k DOF, analysed through
// the whole engine (assembly, ordering, factorisation, solves, stations, checks). Prints the
// solver phases, fill-in, and the time for 20 load cases against 1 (the factor is reused: target
// ≤ 1.3×). Pass --large for a 100k-DOF model and its peak memory (must stay under 2 GB).
import { generateFrame } from './generate';
import { Workspace } from '../language-server/src/language/workspace';
import { toAnalysisModel } from '../language-server/src/analysis/from-model';
import { analyze } from '../language-server/src/analysis/analyze';
import { factorize } from '../language-server/src/analysis/sparse';
import { buildDofMap } from '../language-server/src/analysis/dof-map';
import { prepareMember } from '../language-server/src/analysis/member-model';
import { assembleStiffness } from '../language-server/src/analysis/assembly';

const CASES = [
  // DOF = 6 · (plan + 1)² · storeys (the ground nodes are fixed).
  { name: '2k', plan: 5, storeys: 9 },
  { name: '15k', plan: 11, storeys: 17 },
  { name: '50k', plan: 19, storeys: 21 },
];
if (process.argv.includes('--large')) CASES.push({ name: '100k', plan: 24, storeys: 27 });

function modelFor(plan: number, storeys: number, windCases: number) {
  const g = generateFrame(0, { plan, storeys, windCases });
  const ws = new Workspace({ root: '/bench', readFile: () => undefined });
  ws.setDocument('file:///bench/frame.struct', g.text);
  const model = ws.modelFor('file:///bench/frame.struct');
  if (model.diagnostics.some((d) => d.severity === 'error')) throw new Error(model.diagnostics[0].message);
  return toAnalysisModel(model, 'frame.struct').input;
}

console.log('case   DOF     nnz(K)     nnz(L)   order ms  symbolic ms  numeric ms  solve ms   1 case s  20 cases s  20/1');
for (const c of CASES) {
  const one = modelFor(c.plan, c.storeys, 1);
  const twenty = modelFor(c.plan, c.storeys, 20);
  // The solver's phases on this model's stiffness matrix.
  const members = one.members.map((m, k) => prepareMember(k, m, one.nodes[m.i].xyz, one.nodes[m.j].xyz, false));
  const dofs = buildDofMap(one, (k) => members[k].usable);
  const K = assembleStiffness(members, dofs);
  const f = factorize(K);
  const b = new Float64Array(K.n).fill(1);
  let t = performance.now();
  f.solve(b);
  const solveMs = performance.now() - t;
  t = performance.now();
  const r1 = analyze(one, { cases: ['DEAD'] });
  const t1 = (performance.now() - t) / 1000;
  t = performance.now();
  const r20 = analyze(twenty, { cases: ['DEAD', 'WIND', ...Array.from({ length: 18 }, (_, w) => `WIND${w + 1}`)] });
  const t20 = (performance.now() - t) / 1000;
  if (r1.problems.length || r20.problems.length) throw new Error('unexpected problems: ' + JSON.stringify(r1.problems.concat(r20.problems)).slice(0, 300));
  const s = f.stats;
  console.log(
    `${c.name.padEnd(5)} ${String(K.n).padStart(6)} ${String(K.rowIdx.length).padStart(10)} ${String(s.nnzL).padStart(10)} ${s.orderingMs.toFixed(0).padStart(9)} ${s.symbolicMs.toFixed(0).padStart(12)} ${s.numericMs.toFixed(0).padStart(11)} ${solveMs.toFixed(1).padStart(9)} ${t1.toFixed(2).padStart(10)} ${t20.toFixed(2).padStart(11)} ${(t20 / t1).toFixed(2).padStart(5)}×`,
  );
  if (c.name === '100k') console.log(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB (limit 2048)`);
}
