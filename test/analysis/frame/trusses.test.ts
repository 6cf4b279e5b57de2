// Trusses against the method of joints and the unit-load (virtual work) method.
import { strict as assert } from 'node:assert';
import { ModelBuilder, STEEL, assertClose, six, solveOk, stationAt } from './model-builder';

const E = STEEL.E;
const A = STEEL.A;

/** Solves a 3×3 system by Cramer's rule. */
function cramer3(M: number[][], b: number[]): number[] {
  const det = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const d = det(M);
  return [0, 1, 2].map((k) => det(M.map((row, r) => row.map((v, c) => (c === k ? b[r] : v)))) / d);
}

describe('analysis: trusses', () => {
  it('3D tripod: bar forces by the method of joints, apex displacement by virtual work', () => {
    // Apex D above three pinned base nodes. Joint D: Σ N_k ê_k + P = 0 with ê_k the unit vector
    // from D towards base node k (a tension bar pulls D towards it). Virtual work: the apex
    // displacement in direction i is Σ N_k n_k⁽ⁱ⁾ ℓ_k/(EA), with n⁽ⁱ⁾ the bar forces under a unit
    // load in direction i (e.g. Hibbeler, Structural Analysis, §9.3).
    const base: [string, number, number, number][] = [
      ['A', 2, 0, 0],
      ['B', -1, 1.8, 0.2],
      ['C', -1.2, -1.6, -0.1],
    ];
    const D = [0.3, 0.1, 3];
    const P = [4e3, -2e3, -30e3];
    const mb = new ModelBuilder().node('D', D[0], D[1], D[2]);
    for (const [n, x, y, z] of base) mb.node(n, x, y, z).support(n, 'pinned').member(`T${n}`, n, 'D', { truss: true });
    const model = mb.loadCase('C', [{ kind: 'nodal', node: 'D', values: six({ x: P[0], y: P[1], z: P[2] }) }]).build();
    const out = solveOk(model);
    assert.equal(out.results.dofs, 3, 'only the apex translations');
    const c = out.case('C');
    const e = base.map(([, x, y, z]) => {
      const v = [x - D[0], y - D[1], z - D[2]];
      const l = Math.hypot(...v);
      return { u: v.map((q) => q / l), l };
    });
    const M = [0, 1, 2].map((r) => e.map((b) => b.u[r]));
    const N = cramer3(M, P.map((p) => -p));
    base.forEach(([n], k) => assertClose(stationAt(c.members[`T${n}`], e[k].l / 2).N, N[k], `N in T${n}`));
    for (let i = 0; i < 3; i++) {
      const unit = [0, 0, 0];
      unit[i] = 1;
      const n = cramer3(M, unit.map((p) => -p));
      const delta = N.reduce((s, Nk, k) => s + (Nk * n[k] * e[k].l) / (E * A), 0);
      assertClose(c.nodes.D.u[i], delta, `apex u${'xyz'[i]}`);
    }
    // The base reactions carry the bar forces: R_k = −(force bar k exerts on its base node).
    base.forEach(([n], k) => {
      for (let i = 0; i < 3; i++) assertClose(c.nodes[n].reaction![i], N[k] * e[k].u[i], `R ${n}${i}`, 1e-9, 1e-6);
    });
  });

  it('planar Pratt panel: method of joints and the midspan deflection by virtual work', () => {
    // Nodes 1 (0,0) pinned, 2 (a,0), 3 (2a,0) roller, 4 (a,h); bars 12, 23, 14, 43, 24; load P
    // down at 2. Joints: N24 = P; R1 = R3 = P/2; N14 = N43 = −P d/(2h); N12 = N23 = P a/(2h)
    // (d = √(a² + h²)). Virtual work with n = N/P: δ2 = (P/EA)(2a³/4h² + 2d³/4h² + h).
    // Every node is held in y (out of plane) so the planar truss is stable in 3D.
    const a = 3;
    const h = 2;
    const P = 50e3;
    const d = Math.hypot(a, h);
    const model = new ModelBuilder()
      .node('N1', 0, 0, 0)
      .node('N2', a, 0, 0)
      .node('N3', 2 * a, 0, 0)
      .node('N4', a, 0, h)
      .member('B12', 'N1', 'N2', { truss: true })
      .member('B23', 'N2', 'N3', { truss: true })
      .member('B14', 'N1', 'N4', { truss: true })
      .member('B43', 'N4', 'N3', { truss: true })
      .member('B24', 'N2', 'N4', { truss: true })
      .support('N1', 'pinned')
      .support('N3', ['y', 'z'])
      .support('N2', ['y'])
      .support('N4', ['y'])
      .loadCase('C', [{ kind: 'nodal', node: 'N2', values: six({ z: -P }) }])
      .build();
    const c = solveOk(model).case('C');
    const N = (m: string) => c.members[m].stations[0].N;
    assertClose(N('B24'), P, 'N24');
    assertClose(N('B14'), (-P * d) / (2 * h), 'N14');
    assertClose(N('B43'), (-P * d) / (2 * h), 'N43');
    assertClose(N('B12'), (P * a) / (2 * h), 'N12');
    assertClose(N('B23'), (P * a) / (2 * h), 'N23');
    assertClose(c.nodes.N1.reaction![2], P / 2, 'R1');
    assertClose(c.nodes.N3.reaction![2], P / 2, 'R3');
    const delta = (P / (E * A)) * ((2 * a ** 3) / (4 * h * h) + (2 * d ** 3) / (4 * h * h) + h);
    assertClose(c.nodes.N2.u[2], -delta, 'δ2');
  });

  it('loads on a truss member pass to its nodes as on a simply supported beam', () => {
    // A horizontal tie between two pinned nodes under a UDL w and a point load P at a: the end
    // forces are the simple-beam reactions (wL/2 + Pb/L, wL/2 + Pa/L), the member shows the
    // simple-beam moment diagram, and its own bending is not modelled (dz linear, here 0).
    const L = 5;
    const w = 2e3;
    const P = 6e3;
    const a = 2;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .member('T', 'A', 'B', { truss: true })
      .support('A', 'pinned')
      .support('B', 'pinned')
      .loadCase('C', [
        { kind: 'uniform', member: 'T', local: false, values: six({ z: -w }) },
        { kind: 'point', member: 'T', local: false, values: six({ z: -P }), at: { distance: a } },
      ])
      .build();
    const c = solveOk(model).case('C');
    const F = c.members.T.end_forces;
    assertClose(F[2], (w * L) / 2 + (P * (L - a)) / L, 'Fz_i');
    assertClose(F[8], (w * L) / 2 + (P * a) / L, 'Fz_j');
    assert.equal(F[4], 0);
    assert.equal(F[10], 0);
    assertClose(c.nodes.A.reaction![2], F[2], 'reaction');
    const RA = F[2];
    assertClose(stationAt(c.members.T, L / 2).My, -(RA * (L / 2) - (w * (L / 2) ** 2) / 2 - P * (L / 2 - a)), 'simple-beam moment');
    assert.equal(stationAt(c.members.T, L / 2).dz, 0);
  });
});
