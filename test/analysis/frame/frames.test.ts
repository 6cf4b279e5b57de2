// Frames, torsion, local axes and springs against closed forms.
import { strict as assert } from 'node:assert';
import { ModelBuilder, STEEL, assertClose, six, solveOk, stationAt } from './model-builder';
import { memberGeometry } from '../../../language-server/src/analysis/local-axes';
import type { Six, Vec3 } from '../../../language-server/src/analysis/model-input';

const E = STEEL.E;
const G = STEEL.G;

describe('analysis: frames, torsion, axes and springs', () => {
  it('fixed-base portal under a lateral load: sway and moments by slope-deflection', () => {
    // Columns AB, DC (height h, Ic), beam BC (span L, Ib), bases fixed, load H at beam level,
    // split H/2 at B and C so the beam carries no axial force. Axial deformation is made
    // negligible (A = 1e4 m²; its effect is of order I/(A h²) ≈ 1e-9). Slope-deflection with
    // c = EIc/h, b = EIb/L, k = b/c, by antisymmetry θB = θC = θ:
    //   joint B: 2c(2θ − 3Δ/h) + 6bθ = 0  →  θ = 3Δ/(h(2 + 3k))
    //   shear:   H = (4c/h)(6Δ/h − 3θ)    →  Δ = H h³ (2 + 3k) / (12 E Ic (1 + 6k))
    //   M_base = H h (1 + 3k)/(2(1 + 6k)),  M_top = H h 3k/(2(1 + 6k))
    // (the classic rigid-frame result, e.g. Kleinlogel's frame formulas for the fixed portal).
    const h = 4;
    const L = 6;
    const Ic = 2e-4;
    const Ib = 3e-4;
    const H = 40e3;
    const A = 1e4;
    const col = { A, Iy: Ic, Iz: Ic, J: 1e-4 };
    const beam = { A, Iy: Ib, Iz: Ib, J: 1e-4 };
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', 0, 0, h)
      .node('C', L, 0, h)
      .node('D', L, 0, 0)
      .member('AB', 'A', 'B', col)
      .member('BC', 'B', 'C', beam)
      .member('DC', 'D', 'C', col)
      .support('A', 'fixed')
      .support('D', 'fixed')
      .loadCase('W', [
        { kind: 'nodal', node: 'B', values: six({ x: H / 2 }) },
        { kind: 'nodal', node: 'C', values: six({ x: H / 2 }) },
      ])
      .build();
    const c = solveOk(model).case('W');
    const k = Ib / L / (Ic / h);
    const sway = (H * h ** 3 * (2 + 3 * k)) / (12 * E * Ic * (1 + 6 * k));
    const rel = 1e-6;
    assertClose(c.nodes.B.u[0], sway, 'sway B', rel);
    assertClose(c.nodes.C.u[0], sway, 'sway C', rel);
    const theta = (3 * sway) / (h * (2 + 3 * k));
    // Swaying towards +X, the column tops turn about +Y (which turns z towards x).
    assertClose(c.nodes.B.u[4], theta, 'θ_B', rel);
    assertClose(c.nodes.C.u[4], theta, 'θ_C', rel);
    const mBase = (H * h * (1 + 3 * k)) / (2 * (1 + 6 * k));
    const mTop = (H * h * 3 * k) / (2 * (1 + 6 * k));
    assertClose(Math.abs(c.nodes.A.reaction![4]), mBase, 'base moment A', rel);
    assertClose(Math.abs(c.nodes.D.reaction![4]), mBase, 'base moment D', rel);
    assertClose(c.nodes.A.reaction![0], -H / 2, 'base shear', rel);
    assertClose(Math.abs(stationAt(c.members.AB, h).My), mTop, 'column top moment', rel);
    assertClose(Math.abs(stationAt(c.members.BC, 0).My), mTop, 'beam end moment', rel);
    // The column's moment changes sign along it: the contraflexure point lies at
    // x = h·M_base/(M_base + M_top) from the base.
    const ab = c.members.AB;
    const x0 = (h * mBase) / (mBase + mTop);
    const M = (x: number) => stationAt(ab, 0).My + ((stationAt(ab, h).My - stationAt(ab, 0).My) * x) / h;
    assertClose(M(x0), 0, 'contraflexure', 0, 1e-6 * mBase);
  });

  it('torsion of a cantilever: φ = TL/GJ, reaction −T, T(x) = T', () => {
    // Saint-Venant torsion, φ = TL/(GJ) (Gere & Goodno, Mechanics of Materials, eq. 3-17).
    const L = 2.5;
    const T = 3e3;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', 0, L, 0)
      .member('M', 'A', 'B')
      .support('A', 'fixed')
      .loadCase('C', [{ kind: 'nodal', node: 'B', values: six({ ry: T }) }])
      .build();
    const c = solveOk(model).case('C');
    assertClose(c.nodes.B.u[4], (T * L) / (G * STEEL.J), 'twist');
    assertClose(c.nodes.A.reaction![4], -T, 'reaction');
    assertClose(stationAt(c.members.M, L / 2).T, T, 'T along');
    assertClose(c.members.M.end_forces[3], -T, 'Mx_i');
    assertClose(c.members.M.end_forces[9], T, 'Mx_j');
  });

  it('local axes follow the conventions (horizontal, inclined, vertical, roll)', () => {
    const axes = (a: Vec3, b: Vec3, roll = 0) => {
      const g = memberGeometry(a, b, roll);
      return [g.ex, g.ey, g.ez].map((v) => v.map((c) => Math.round(c * 1e12) / 1e12 + 0));
    };
    assert.deepEqual(axes([0, 0, 0], [5, 0, 0]), [[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    assert.deepEqual(axes([0, 0, 0], [0, 5, 0]), [[0, 1, 0], [-1, 0, 0], [0, 0, 1]]);
    assert.deepEqual(axes([0, 0, 0], [0, 0, 3]), [[0, 0, 1], [0, 1, 0], [-1, 0, 0]]);
    assert.deepEqual(axes([0, 0, 3], [0, 0, 0]), [[0, 0, -1], [0, 1, 0], [1, 0, 0]]);
    // roll 90°: y → z, z → −y.
    assert.deepEqual(axes([0, 0, 0], [5, 0, 0], Math.PI / 2), [[1, 0, 0], [0, 0, 1], [0, -1, 0]]);
    // Inclined: z in the vertical plane with a positive Z component, y = z × x horizontal.
    const g = memberGeometry([0, 0, 0], [3, 4, 12], 0.3);
    const g0 = memberGeometry([0, 0, 0], [3, 4, 12], 0);
    assert.ok(g0.ez[2] > 0);
    assertClose(g0.ey[2], 0, 'y horizontal', 0, 1e-15);
    const det = g.ex[0] * (g.ey[1] * g.ez[2] - g.ey[2] * g.ez[1]) - g.ex[1] * (g.ey[0] * g.ez[2] - g.ey[2] * g.ez[0]) + g.ex[2] * (g.ey[0] * g.ez[1] - g.ey[1] * g.ez[0]);
    assertClose(det, 1, 'right-handed');
    // Nearly vertical (horizontal projection below 1e-6 L) counts as vertical.
    assert.deepEqual(axes([0, 0, 0], [1e-7, 0, 1])[1], [0, 1, 0]);
  });

  it('skew 3D cantilever with roll: tip motion equals the closed forms of the load rotated into local axes', () => {
    // Cantilever fixed at A, tip loads in global axes. Rotated into local axes (built here by
    // hand from the conventions), each component has its textbook tip response (Roark 8.1
    // cases 1a and 3a, axial PL/EA, torsion TL/GJ):
    //   u = Px L/EA;  v = Py L³/3EIz + Mz L²/2EIz;  θz = Py L²/2EIz + Mz L/EIz;
    //   w = Pz L³/3EIy − My L²/2EIy;  θy = −Pz L²/2EIy + My L/EIy;  θx = Mx L/GJ.
    const a: Vec3 = [1, -2, 0.5];
    const b: Vec3 = [4, 0, 2];
    const roll = (35 * Math.PI) / 180;
    const Pg: Vec3 = [3e3, -2e3, 5e3];
    const Mg: Vec3 = [1e3, 2e3, -1.5e3];
    const model = new ModelBuilder()
      .node('A', ...a)
      .node('B', ...b)
      .member('M', 'A', 'B', { roll })
      .support('A', 'fixed')
      .loadCase('C', [{ kind: 'nodal', node: 'B', values: [...Pg, ...Mg] as Six }])
      .build();
    const c = solveOk(model).case('C');
    const d = b.map((v, k) => v - a[k]);
    const L = Math.hypot(...d);
    const ex = d.map((v) => v / L);
    const zRaw = [-ex[2] * ex[0], -ex[2] * ex[1], 1 - ex[2] * ex[2]];
    const zn = Math.hypot(...zRaw);
    const ez0 = zRaw.map((v) => v / zn);
    const ey0 = [ez0[1] * ex[2] - ez0[2] * ex[1], ez0[2] * ex[0] - ez0[0] * ex[2], ez0[0] * ex[1] - ez0[1] * ex[0]];
    const ey = ey0.map((v, k) => Math.cos(roll) * v + Math.sin(roll) * ez0[k]);
    const ez = ez0.map((v, k) => -Math.sin(roll) * ey0[k] + Math.cos(roll) * v);
    const dotp = (p: number[], q: number[]) => p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
    const [Px, Py, Pz] = [ex, ey, ez].map((e) => dotp(e, Pg));
    const [Mx, My, Mz] = [ex, ey, ez].map((e) => dotp(e, Mg));
    const EIy = E * STEEL.Iy;
    const EIz = E * STEEL.Iz;
    const u = c.nodes.B.u;
    const t = u.slice(0, 3);
    const r = u.slice(3, 6);
    assertClose(dotp(ex, t), (Px * L) / (E * STEEL.A), 'u');
    assertClose(dotp(ey, t), (Py * L ** 3) / (3 * EIz) + (Mz * L * L) / (2 * EIz), 'v');
    assertClose(dotp(ez, t), (Pz * L ** 3) / (3 * EIy) - (My * L * L) / (2 * EIy), 'w');
    assertClose(dotp(ex, r), (Mx * L) / (G * STEEL.J), 'θx');
    assertClose(dotp(ey, r), (-Pz * L * L) / (2 * EIy) + (My * L) / EIy, 'θy');
    assertClose(dotp(ez, r), (Py * L * L) / (2 * EIz) + (Mz * L) / EIz, 'θz');
    // End forces at j are the load in local axes; the stations' dy, dz at the tip are v, w.
    const F = c.members.M.end_forces;
    assertClose(F[6], Px, 'Fx_j');
    assertClose(F[7], Py, 'Fy_j');
    assertClose(F[11], Mz, 'Mz_j');
    assertClose(stationAt(c.members.M, L).dz, dotp(ez, t), 'dz(L)');
  });

  it('vertical column under a load in +Y: bends about local z, and about local y after roll=90', () => {
    // Vertical member: local y = +Y, so a +Y tip load bends it about z: δ = PL³/3EIz. With
    // roll = 90°, y′ = old z and z′ = −Y, so the same load bends it about y′: δ = PL³/3EIy.
    const L = 3.5;
    const P = 2e3;
    const make = (roll: number) =>
      new ModelBuilder()
        .node('A', 0, 0, 0)
        .node('B', 0, 0, L)
        .member('C', 'A', 'B', { roll })
        .support('A', 'fixed')
        .loadCase('C', [{ kind: 'nodal', node: 'B', values: six({ y: P }) }])
        .build();
    const c0 = solveOk(make(0)).case('C');
    assertClose(c0.nodes.B.u[1], (P * L ** 3) / (3 * E * STEEL.Iz), 'roll 0');
    assertClose(stationAt(c0.members.C, L).dy, (P * L ** 3) / (3 * E * STEEL.Iz), 'dy');
    const c90 = solveOk(make(Math.PI / 2)).case('C');
    assertClose(c90.nodes.B.u[1], (P * L ** 3) / (3 * E * STEEL.Iy), 'roll 90');
    assertClose(stationAt(c90.members.C, L).dz, -(P * L ** 3) / (3 * E * STEEL.Iy), 'dz = −Y');
  });

  it('axial spring support in series-parallel with a bar: u = P/(EA/L + k)', () => {
    // Bar fixed at A, its end B held by a spring kx: the bar and the spring both resist B's
    // motion (parallel springs), u = P/(EA/L + k); the spring reaction is −k·u.
    const L = 4;
    const k = 5e7;
    const P = 100e3;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .member('M', 'A', 'B')
      .support('A', 'fixed')
      .support('B', ['y', 'z', 'rx', 'ry', 'rz'], { x: k })
      .loadCase('C', [{ kind: 'nodal', node: 'B', values: six({ x: P }) }])
      .build();
    const c = solveOk(model).case('C');
    const EAL = (E * STEEL.A) / L;
    const u = P / (EAL + k);
    assertClose(c.nodes.B.u[0], u, 'u');
    assertClose(c.nodes.B.reaction![0], -k * u, 'spring reaction');
    assertClose(c.nodes.A.reaction![0], -EAL * u, 'fixed reaction');
    assertClose(stationAt(c.members.M, 2).N, EAL * u, 'N');
  });

  it('spring-only support and rotational spring at a cantilever base: δ = PL³/3EI + PL²/k', () => {
    // The base turns by θ = PL/k (moment PL on the rotational spring) and carries the member
    // round rigidly: extra tip deflection θL (superposition, Roark 8.1 case 1a + rigid body).
    const L = 3;
    const k = 2e6;
    const P = 5e3;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .member('M', 'A', 'B')
      .support('A', ['x', 'y', 'z', 'rx', 'rz'], { ry: k })
      .support('B', [], { y: 1e5 })
      .loadCase('C', [{ kind: 'nodal', node: 'B', values: six({ z: -P }) }])
      .build();
    const c = solveOk(model).case('C');
    const EI = E * STEEL.Iy;
    assertClose(c.nodes.A.u[4], (P * L) / k, 'base rotation');
    assertClose(c.nodes.B.u[2], -(P * L ** 3) / (3 * EI) - (P * L * L) / k, 'tip');
    assertClose(c.nodes.A.reaction![4], (-k * P * L) / k, 'spring moment');
    // B has springs only: it counts as supported and reports its (zero) spring force.
    assert.deepEqual(c.nodes.B.reaction, [0, 0, 0, 0, 0, 0]);
  });

  it('a truss tie inside a frame: cantilever tip held by a vertical bar, δ = P/(3EI/L³ + EA/h)', () => {
    // The tie (type=truss, axial only) and the cantilever act as parallel springs at B. C, the
    // tie's upper node, is reached only by the truss: no rotational DOFs, rotations 0.
    const L = 4;
    const h = 3;
    const P = 30e3;
    const At = 2e-4;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .node('C', L, 0, h)
      .member('M', 'A', 'B')
      .member('T', 'B', 'C', { truss: true, A: At })
      .support('A', 'fixed')
      .support('C', 'pinned')
      .loadCase('C', [{ kind: 'nodal', node: 'B', values: six({ z: -P }) }])
      .build();
    const out = solveOk(model);
    const c = out.case('C');
    const kb = (3 * E * STEEL.Iy) / L ** 3;
    const kt = (E * At) / h;
    const d = P / (kb + kt);
    assertClose(c.nodes.B.u[2], -d, 'δ_B');
    assertClose(stationAt(c.members.T, h / 2).N, kt * d, 'tie tension');
    assertClose(c.nodes.C.reaction![2], kt * d, 'the tie pulls C down; the support holds it up');
    assert.deepEqual(c.nodes.C.u.slice(3), [0, 0, 0]);
    assert.deepEqual(c.nodes.C.reaction!.slice(3), [0, 0, 0]);
    // DOFs: B 6, C none (pinned, no rotations), A none.
    assert.equal(out.results.dofs, 6);
  });
});
