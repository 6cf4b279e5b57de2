// Properties on ~200 seeded random 3D frames (random-frames.ts): global equilibrium, member
// equilibrium, diagrams consistent with end forces and node displacements, exact
// superposition of combinations, and dense vs sparse agreement.
import { strict as assert } from 'node:assert';
import { analyze, type AnalysisOutcome } from '../../../language-server/src/analysis/analyze';
import { memberGeometry } from '../../../language-server/src/analysis/local-axes';
import type { CaseResult } from '../../../language-server/src/analysis/results';
import { checkEquilibrium, checkMembers, maxAbs } from './equilibrium';
import { randomFrame, withFactoredCase } from './random-frames';

const FRAMES = 200;

/** Every number of two results documents agree to rel·(largest magnitude of its kind). */
function compareCases(a: CaseResult, b: CaseResult, rel: number, label: string): void {
  const nodes = Object.keys(a.nodes);
  const uScale = [0, 1, 2, 3, 4, 5].map((k) => maxAbs(nodes.map((n) => a.nodes[n].u[k])) + 1e-12);
  const rScale = maxAbs(nodes.flatMap((n) => a.nodes[n].reaction ?? [])) + 1e-9;
  for (const n of nodes) {
    a.nodes[n].u.forEach((v, k) => {
      if (!(Math.abs(v - b.nodes[n].u[k]) <= rel * uScale[k])) assert.fail(`${label}: u ${n}[${k}] ${v} vs ${b.nodes[n].u[k]}`);
    });
    (a.nodes[n].reaction ?? []).forEach((v, k) => {
      if (!(Math.abs(v - b.nodes[n].reaction![k]) <= rel * rScale)) assert.fail(`${label}: reaction ${n}[${k}] ${v} vs ${b.nodes[n].reaction![k]}`);
    });
  }
  const members = Object.keys(a.members);
  const fScale = maxAbs(members.flatMap((m) => a.members[m].end_forces)) + 1e-9;
  const qs = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz', 'dy', 'dz'] as const;
  for (const m of members) {
    a.members[m].end_forces.forEach((v, k) => {
      if (!(Math.abs(v - b.members[m].end_forces[k]) <= rel * fScale)) assert.fail(`${label}: end force ${m}[${k}]`);
    });
    const sa = a.members[m].stations;
    const sb = b.members[m].stations;
    assert.equal(sa.length, sb.length, `${label}: ${m} station count`);
    // Near-zero resultants come from cancelling terms: measure them against the case's forces.
    const dScale = maxAbs(uScale.slice(0, 3));
    const qScale = qs.map((q) => Math.max(maxAbs(sa.map((s) => s[q])), q.startsWith('d') ? dScale : fScale));
    sa.forEach((s, k) => {
      if (!(Math.abs(s.x - sb[k].x) <= 1e-9)) assert.fail(`${label}: ${m} station x ${s.x} vs ${sb[k].x}`);
      qs.forEach((q, i) => {
        if (!(Math.abs(s[q] - sb[k][q]) <= rel * qScale[i])) assert.fail(`${label}: ${m} station ${k} ${q} ${s[q]} vs ${sb[k][q]}`);
      });
    });
  }
}

function caseOf(out: AnalysisOutcome, name: string): CaseResult {
  const c = out.results.cases.find((k) => k.name === name);
  assert.ok(c, `no case ${name}`);
  return c;
}

describe('analysis: properties of random 3D frames', function () {
  this.timeout(120000);
  const frames = Array.from({ length: FRAMES }, (_, k) => ({ seed: 1000 + k, ...randomFrame(1000 + k) }));
  // Each frame is analysed once with the dense reference and shared by the tests below.
  const denseOutcomes = new Map<number, AnalysisOutcome>();
  const dense = (f: (typeof frames)[number]) => {
    let out = denseOutcomes.get(f.seed);
    if (!out) denseOutcomes.set(f.seed, (out = analyze(f.model, { solver: 'dense', shearDeformation: f.shearDeformation })));
    return out;
  };

  it(`the generator builds ${FRAMES} varied, stable frames`, () => {
    let truss = 0;
    let released = 0;
    let trussOnly = 0;
    for (const f of frames) {
      truss += f.model.members.filter((m) => m.truss).length;
      released += f.model.members.filter((m) => m.releaseI.some(Boolean) || m.releaseJ.some(Boolean)).length;
      trussOnly += f.rotational.filter((r) => !r).length;
    }
    if (!(truss > 50 && released > 50 && trussOnly > 20)) assert.fail(`variety: ${truss} truss, ${released} released, ${trussOnly} truss-only nodes`);
  });

  it('global equilibrium: reactions balance every load, forces and moments about the origin, every case', () => {
    for (const f of frames) {
      const out = dense(f);
      assert.deepEqual(out.problems, [], `seed ${f.seed}: ${out.problems.map((p) => p.message)}`);
      const geo = f.model.members.map((m) => memberGeometry(f.model.nodes[m.i].xyz, f.model.nodes[m.j].xyz, m.roll));
      for (const lc of f.model.loadCases) checkEquilibrium(f.model, caseOf(out, lc.name), lc.loads, geo, `seed ${f.seed} ${lc.name}`);
    }
  });

  it('member equilibrium: end forces balance member loads; stations start at −F_i, end at F_j and meet the nodes', () => {
    for (const f of frames) {
      const out = dense(f);
      const geo = f.model.members.map((m) => memberGeometry(f.model.nodes[m.i].xyz, f.model.nodes[m.j].xyz, m.roll));
      for (const lc of f.model.loadCases) checkMembers(f.model, caseOf(out, lc.name), lc.loads, geo, `seed ${f.seed} ${lc.name}`);
    }
  });

  it('superposition: a combination equals one load case holding all its factored loads (stations included)', () => {
    for (const f of frames) {
      const extended = withFactoredCase(f.model, 0, 'ALL');
      const out = analyze(extended, { solver: 'dense', shearDeformation: f.shearDeformation });
      compareCases(caseOf(out, f.model.combinations[0].name), caseOf(out, 'ALL'), 1e-8, `seed ${f.seed}`);
    }
  });

  it('superposition: node results and end forces are the factored sums of the cases', () => {
    for (const f of frames) {
      const out = dense(f);
      for (const combo of f.model.combinations) {
        const c = caseOf(out, combo.name);
        for (const n of f.model.nodes) {
          const sum = [0, 0, 0, 0, 0, 0];
          for (const t of combo.terms) caseOf(out, t.loadCase).nodes[n.name].u.forEach((v, k) => (sum[k] += t.factor * v));
          sum.forEach((v, k) => assert.ok(Math.abs(c.nodes[n.name].u[k] - v) <= 1e-12 * (Math.abs(v) + 1e-9)));
        }
      }
    }
  });

  it('dense and sparse solvers agree', () => {
    for (const f of frames) {
      const reference = dense(f);
      const sparse = analyze(f.model, { solver: 'sparse', shearDeformation: f.shearDeformation });
      assert.equal(sparse.results.dofs, reference.results.dofs);
      assert.deepEqual(sparse.problems, []);
      for (const c of reference.results.cases) compareCases(c, caseOf(sparse, c.name), 1e-8, `seed ${f.seed} ${c.name}`);
    }
  });
});
