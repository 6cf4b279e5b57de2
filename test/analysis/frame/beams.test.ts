// Single-span and continuous beams against closed forms. Beams lie along global X, so local
// axes are global (x = X, z = Z, y = Z × X = Y) and gravity bends them about local y (Iy).
// Sign reminders (results spec): S(0) = −F_i, S(L) = F_j; sagging My < 0, hogging My > 0;
// w′ = −θy, so a tip that drops has θy > 0 at a cantilever fixed at x = 0.
//
// Sources, cited per test: Roark's Formulas for Stress and Strain, 7th ed. (Young & Budynas),
// Table 8.1 "Shear, moment, slope and deflection formulas for elastic straight beams"
// (cases: 1 concentrated intermediate load, 2 partial distributed load, 3 concentrated
// intermediate moment; end conditions a = left free/right fixed, c = simply supported,
// d = left simply supported/right fixed, e = both fixed), and derivations in the comments.
import { strict as assert } from 'node:assert';
import { ModelBuilder, STEEL, assertClose, releases, six, solveOk, stationAt, stationsAt } from './model-builder';

const E = STEEL.E;
const Iy = STEEL.Iy;
const EI = E * Iy;

function simpleBeam(L: number) {
  return new ModelBuilder().node('A', 0, 0, 0).node('B', L, 0, 0).member('M', 'A', 'B').support('A', ['x', 'y', 'z', 'rx']).support('B', ['y', 'z']);
}

function cantilever(L: number) {
  return new ModelBuilder().node('A', 0, 0, 0).node('B', L, 0, 0).member('M', 'A', 'B').support('A', 'fixed');
}

describe('analysis: beams against closed forms', () => {
  it('cantilever with an end point load: δ = PL³/3EI, θ = PL²/2EI, M = PL (Roark 8.1 case 1a, a = 0)', () => {
    const L = 3;
    const P = 10e3;
    const T = 4e3; // axial tension at the tip: u = TL/EA
    const out = solveOk(cantilever(L).loadCase('C', [{ kind: 'nodal', node: 'B', values: six({ x: T, z: -P }) }]).build());
    const c = out.case('C');
    assertClose(c.nodes.B.u[2], (-P * L ** 3) / (3 * EI), 'tip z');
    assertClose(c.nodes.B.u[4], (P * L ** 2) / (2 * EI), 'tip ry');
    assertClose(c.nodes.B.u[0], (T * L) / (E * STEEL.A), 'tip x');
    // Reaction at A holds the load: Fz = P, My = −PL (moment of the load about A is +PL about y).
    assertClose(c.nodes.A.reaction![2], P, 'Rz');
    assertClose(c.nodes.A.reaction![4], -P * L, 'RMy');
    assertClose(c.nodes.A.reaction![0], -T, 'Rx');
    const m = c.members.M;
    assertClose(stationAt(m, 0).My, P * L, 'My(0) hogging');
    assertClose(stationAt(m, L / 2).My, (P * L) / 2, 'My(L/2)');
    assertClose(stationAt(m, L).My, 0, 'My(L)', 0, 1e-6);
    assertClose(stationAt(m, 0.3 * L).Vz, -P, 'Vz');
    assertClose(stationAt(m, 0.3 * L).N, T, 'N tension');
    // Deflection curve w(x) = −P x²(3L − x)/(6EI) (Roark 8.1 case 1a).
    const x = 0.7 * L;
    assertClose(stationAt(m, x).dz, (-P * x * x * (3 * L - x)) / (6 * EI), 'dz(0.7L)');
    assert.equal(m.stations.length, 11);
  });

  it('cantilever along global Y with a UDL: δ = wL⁴/8EI, θ = wL³/6EI, M = wL²/2 (Roark 8.1 case 2a, wa = wl)', () => {
    // Along +Y, local z is global Z and local y = Z × Y = −X: gravity still bends about local y.
    const L = 4;
    const w = 5e3;
    const model = new ModelBuilder()
      .node('A', 1, 2, 0)
      .node('B', 1, 2 + L, 0)
      .member('M', 'A', 'B')
      .support('A', 'fixed')
      .loadCase('C', [{ kind: 'uniform', member: 'M', local: false, values: six({ z: -w }) }])
      .build();
    const c = solveOk(model).case('C');
    assertClose(c.nodes.B.u[2], (-w * L ** 4) / (8 * EI), 'tip z');
    // θy(local) = wL³/6EI; local y = −X, so the global rotation is about −X.
    assertClose(c.nodes.B.u[3], (-w * L ** 3) / (6 * EI), 'tip rx');
    assertClose(stationAt(c.members.M, 0).My, (w * L * L) / 2, 'My(0)');
    assertClose(c.nodes.A.reaction![2], w * L, 'Rz');
    assertClose(c.members.M.extremes!.dz.min, (-w * L ** 4) / (8 * EI), 'min dz');
  });

  it('fixed–fixed beam with a UDL: M_end = wL²/12, M_mid = wL²/24, δ_mid = wL⁴/384EI (Roark 8.1 case 2e)', () => {
    const L = 6;
    const w = 8e3;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .member('M', 'A', 'B')
      .support('A', 'fixed')
      .support('B', 'fixed')
      .loadCase('C', [{ kind: 'uniform', member: 'M', local: false, values: six({ z: -w }) }])
      .build();
    const m = solveOk(model).case('C').members.M;
    assertClose(stationAt(m, 0).My, (w * L * L) / 12, 'My(0)');
    assertClose(stationAt(m, L).My, (w * L * L) / 12, 'My(L)');
    assertClose(stationAt(m, L / 2).My, (-w * L * L) / 24, 'My(L/2)');
    assertClose(stationAt(m, L / 2).dz, (-w * L ** 4) / (384 * EI), 'dz(L/2)');
    assertClose(m.end_forces[2], (w * L) / 2, 'Fz_i');
    assertClose(m.end_forces[4], (-w * L * L) / 12, 'My_i');
    assertClose(m.end_forces[10], (w * L * L) / 12, 'My_j');
    assertClose(m.extremes!.My.min, (-w * L * L) / 24, 'min My');
    assertClose(m.extremes!.My.xMin, L / 2, 'x of min My');
  });

  it('propped cantilever with a UDL: R = 3wL/8, M_A = wL²/8, max sagging 9wL²/128 at 5L/8 (Roark 8.1 case 2d)', () => {
    const L = 5;
    const w = 6e3;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .member('M', 'A', 'B')
      .support('A', 'fixed')
      .support('B', ['y', 'z'])
      .loadCase('C', [{ kind: 'uniform', member: 'M', local: false, values: six({ z: -w }) }])
      .build();
    const c = solveOk(model).case('C');
    assertClose(c.nodes.B.reaction![2], (3 * w * L) / 8, 'R_B');
    assertClose(c.nodes.A.reaction![2], (5 * w * L) / 8, 'R_A');
    const m = c.members.M;
    assertClose(stationAt(m, 0).My, (w * L * L) / 8, 'M_A (hogging)');
    // Shear vanishes at x = 5L/8 from the fixed end: M = R_A·x − wx²/2 − wL²/8 = 9wL²/128.
    assertClose(m.extremes!.My.min, (-9 * w * L * L) / 128, 'max sagging');
    assertClose(m.extremes!.My.xMin, (5 * L) / 8, 'its position');
    // w(x) = −w x²(3L² − 5Lx + 2x²)/(48EI); extreme where 8x² − 15Lx + 6L² = 0: x = L(15 − √33)/16.
    const xm = (L * (15 - Math.sqrt(33))) / 16;
    const wm = (-w * xm * xm * (3 * L * L - 5 * L * xm + 2 * xm * xm)) / (48 * EI);
    assertClose(m.extremes!.dz.min, wm, 'max deflection');
    assertClose(m.extremes!.dz.xMin, xm, 'its position', 1e-7);
    assertClose(c.nodes.B.u[4], (-w * L ** 3) / (48 * EI), 'θ at the prop: wL³/48EI, w′ > 0 so θy < 0');
  });

  it('simply supported beam, point load off centre: R = Pb/L, Pa/L; M = Pab/L; δ = Pa²b²/3EIL; two stations at the load (Roark 8.1 case 1c)', () => {
    const L = 7;
    const a = 2.2;
    const b = L - a;
    const P = 15e3;
    const model = simpleBeam(L)
      .loadCase('C', [{ kind: 'point', member: 'M', local: false, values: six({ z: -P }), at: { distance: a } }])
      .build();
    const c = solveOk(model).case('C');
    assertClose(c.nodes.A.reaction![2], (P * b) / L, 'R_A');
    assertClose(c.nodes.B.reaction![2], (P * a) / L, 'R_B');
    const m = c.members.M;
    const [before, after] = stationsAt(m, a);
    assert.ok(before && after, 'two stations at the load');
    assertClose(before.Vz, (-P * b) / L, 'Vz before');
    assertClose(after.Vz, (P * a) / L, 'Vz after');
    assertClose(before.My, (-P * a * b) / L, 'My at load');
    assertClose(after.My, (-P * a * b) / L, 'My continuous');
    assertClose(before.dz, (-P * a * a * b * b) / (3 * EI * L), 'δ at load');
    // Tenths plus the load position (2.2 is not a tenth of 7), the load doubled.
    assert.equal(m.stations.length, 13);
    assert.deepEqual(
      m.stations.map((s) => s.x).filter((x, k, xs) => k > 0 && x < xs[k - 1]),
      [],
      'stations in order',
    );
    assertClose(m.extremes!.My.min, (-P * a * b) / L, 'max moment');
    assertClose(m.extremes!.My.xMin, a, 'at the load');
  });

  it('simply supported beam, point moment: M jumps by C at the load (Roark 8.1 case 3c)', () => {
    // Reactions ∓C/L; for x < a: My = Cx/L; My(a⁺) = −Cb/L.
    const L = 6;
    const a = 2;
    const b = L - a;
    const C = 9e3;
    const model = simpleBeam(L)
      .loadCase('C', [{ kind: 'point', member: 'M', local: false, values: six({ ry: C }), at: { fraction: a / L } }])
      .build();
    const c = solveOk(model).case('C');
    assertClose(c.nodes.B.reaction![2], C / L, 'R_B');
    const [before, after] = stationsAt(c.members.M, a);
    assertClose(before.My, (C * a) / L, 'My before');
    assertClose(after.My, (-C * b) / L, 'My after');
    assertClose(before.Vz, C / L, 'Vz');
    // Deflection at the load: EI w″ = −My with w(0) = w(L) = 0, solved with the simple beam's
    // Green's function, gives w(a) = C a b (a − b)/(3 E I L) (Roark 8.1 case 3c in magnitude).
    assertClose(before.dz, (C * a * b * (a - b)) / (3 * EI * L), 'dz at the moment');
  });

  it('simply supported beam, partial UDL from a to b: reactions, max moment and its position (Roark 8.1 case 2c, wa = wl)', () => {
    // Statics: R_A = w c (L − a − c/2)/L (c = b − a); shear vanishes at x = a + R_A/w, where
    // M = R_A x − w (x − a)²/2.
    const L = 8;
    const a = 2;
    const b = 5;
    const w = 4e3;
    const cLen = b - a;
    const model = simpleBeam(L)
      .loadCase('C', [{ kind: 'uniform', member: 'M', local: false, values: six({ z: -w }), from: { distance: a }, to: { distance: b } }])
      .build();
    const c = solveOk(model).case('C');
    const RA = (w * cLen * (L - a - cLen / 2)) / L;
    assertClose(c.nodes.A.reaction![2], RA, 'R_A');
    assertClose(c.nodes.B.reaction![2], w * cLen - RA, 'R_B');
    const xm = a + RA / w;
    const m = c.members.M;
    assertClose(m.extremes!.My.min, -(RA * xm - (w * (xm - a) ** 2) / 2), 'max moment');
    assertClose(m.extremes!.My.xMin, xm, 'its position');
    // Load start and end are stations, with one station each (no jump).
    assert.equal(stationsAt(m, a).length, 1);
    assert.equal(stationsAt(m, b).length, 1);
    // Macaulay: EI v″ = M (v up) with M = R_A x − w⟨x−a⟩²/2 + w⟨x−b⟩²/2 (sagging positive), so
    // EI v = R_A x³/6 − w⟨x−a⟩⁴/24 + w⟨x−b⟩⁴/24 + C₁x, and v(L) = 0 fixes C₁.
    const mac = (x: number, p: number) => Math.max(0, x - p);
    const C1 = -((RA * L ** 3) / 6 - (w * mac(L, a) ** 4) / 24 + (w * mac(L, b) ** 4) / 24) / L;
    const v = (x: number) => ((RA * x ** 3) / 6 - (w * mac(x, a) ** 4) / 24 + (w * mac(x, b) ** 4) / 24 + C1 * x) / EI;
    assertClose(stationAt(m, L / 2).dz, v(L / 2), 'dz(L/2)');
    assertClose(stationAt(m, b).dz, v(b), 'dz at the load end');
    assertClose(stationAt(m, 0.9 * L).dz, v(0.9 * L), 'dz(0.9L)');
  });

  it('simply supported beam, triangular load 0 → w: R = wL/6, wL/3; M_max = wL²/(9√3) at L/√3; δ(L/2) = 5wL⁴/768EI', () => {
    // M(x) = wLx/6 − wx³/(6L); EI w″ = −M gives w(x) = −w x (7L⁴ − 10L²x² + 3x⁴)/(360 EI L)
    // (AISC Manual Table 3-23 case 2; Roark 8.1 case 2c with wa = 0).
    const L = 6;
    const w = 9e3;
    const model = simpleBeam(L)
      .loadCase('C', [{ kind: 'trapezoid', member: 'M', local: false, start: six({}), end: six({ z: -w }) }])
      .build();
    const c = solveOk(model).case('C');
    assertClose(c.nodes.A.reaction![2], (w * L) / 6, 'R_A');
    assertClose(c.nodes.B.reaction![2], (w * L) / 3, 'R_B');
    const m = c.members.M;
    assertClose(m.extremes!.My.min, (-w * L * L) / (9 * Math.sqrt(3)), 'max moment');
    assertClose(m.extremes!.My.xMin, L / Math.sqrt(3), 'its position');
    assertClose(stationAt(m, L / 2).dz, (-5 * w * L ** 4) / (768 * EI), 'δ(L/2)');
    const x = 0.3 * L;
    assertClose(stationAt(m, x).dz, (-w * x * (7 * L ** 4 - 10 * L * L * x * x + 3 * x ** 4)) / (360 * EI * L), 'δ(0.3L)');
  });

  it('two-span continuous beam: UDL plus a settlement of the middle support (three-moment equation)', () => {
    // Spans L1, L2, EI constant, supports A, B, C. Removing B leaves a simple beam of span
    // L = L1 + L2: under the UDL, B drops δw = w L1 (L³ − 2L L1² + L1³)/(24EI) (Roark 8.1
    // case 2c); an upward R_B lifts it by R_B L1² L2²/(3EIL) (case 1c). Compatibility with a
    // settlement Δ (downwards): δw − R_B L1² L2²/(3EIL) = Δ. Then M_B = R_A L1 − wL1²/2 with
    // R_A from moments about C. The same M_B (sagging positive) follows from Clapeyron's
    // three-moment equation 2M_B(L1 + L2) = −w(L1³ + L2³)/4 + 6EIΔ(1/L1 + 1/L2) (a settled
    // middle support relieves the hogging moment; e.g. Hibbeler, Structural Analysis).
    const L1 = 5;
    const L2 = 7;
    const L = L1 + L2;
    const w = 10e3;
    const delta = 0.01;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L1, 0, 0)
      .node('C', L, 0, 0)
      .member('AB', 'A', 'B')
      .member('BC', 'B', 'C')
      .support('A', ['x', 'y', 'z', 'rx'])
      .support('B', ['y', 'z'])
      .support('C', ['y', 'z'])
      .loadCase('UDL', [
        { kind: 'uniform', member: 'AB', local: false, values: six({ z: -w }) },
        { kind: 'uniform', member: 'BC', local: false, values: six({ z: -w }) },
      ])
      .loadCase('SETTLE', [{ kind: 'displacement', node: 'B', values: [null, null, -delta, null, null, null] }])
      .combination('BOTH', [
        ['UDL', 1],
        ['SETTLE', 1],
      ])
      .build();
    const out = solveOk(model);
    const deltaW = (w * L1 * (L ** 3 - 2 * L * L1 * L1 + L1 ** 3)) / (24 * EI);
    const RB = ((deltaW - delta) * 3 * EI * L) / (L1 * L1 * L2 * L2);
    const RA = (w * L * (L / 2) - RB * L2) / L; // moments about C
    const MB = RA * L1 - (w * L1 * L1) / 2; // sagging-positive bending moment at B
    const both = out.case('BOTH');
    assertClose(both.nodes.B.reaction![2], RB, 'R_B');
    assertClose(both.nodes.A.reaction![2], RA, 'R_A');
    assertClose(both.nodes.B.u[2], -delta, 'B settles');
    // My is sagging-negative: My = −M.
    assertClose(stationAt(both.members.AB, L1).My, -MB, 'M_B from AB');
    assertClose(stationAt(both.members.BC, 0).My, -MB, 'M_B from BC');
    // Three-moment equation (sagging-positive M_B):
    const MB3 = (-(w * (L1 ** 3 + L2 ** 3)) / 4 + 6 * EI * delta * (1 / L1 + 1 / L2)) / (2 * (L1 + L2));
    assertClose(MB, MB3, 'compatibility and three-moment agree');
    // The settlement alone: R_B = −3EIΔL/(L1²L2²).
    const settle = out.case('SETTLE');
    assertClose(settle.nodes.B.reaction![2], (-delta * 3 * EI * L) / (L1 * L1 * L2 * L2), 'R_B settlement only');
    assertClose(settle.nodes.B.u[2], -delta, 'prescribed value reported');
  });

  it('Gerber beam: two cantilevers joined by a hinge share a load by stiffness (hinge=j)', () => {
    // Fixed at A (x = 0) and C (x = L1 + L2), AB hinged at B: B's load P splits in proportion to
    // the cantilevers' tip stiffnesses 3EI/L³ (Roark 8.1 case 1a): δ = P/(3EI/L1³ + 3EI/L2³).
    const L1 = 3;
    const L2 = 4;
    const P = 20e3;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L1, 0, 0)
      .node('C', L1 + L2, 0, 0)
      .member('AB', 'A', 'B', { releaseJ: releases('My', 'Mz') })
      .member('BC', 'B', 'C')
      .support('A', 'fixed')
      .support('C', 'fixed')
      .loadCase('C', [{ kind: 'nodal', node: 'B', values: six({ z: -P }) }])
      .build();
    const c = solveOk(model).case('C');
    const k1 = (3 * EI) / L1 ** 3;
    const k2 = (3 * EI) / L2 ** 3;
    const d = P / (k1 + k2);
    assertClose(c.nodes.B.u[2], -d, 'δ_B');
    assertClose(c.nodes.A.reaction![2], k1 * d, 'R_A');
    assertClose(c.nodes.A.reaction![4], -k1 * d * L1, 'M_A');
    assertClose(c.nodes.C.reaction![4], k2 * d * L2, 'M_C');
    assertClose(c.members.AB.end_forces[10], 0, 'no moment through the hinge', 0, 1e-9);
    // AB's own end rotation at B is its cantilever tip slope, not the node's.
    const ab = c.members.AB;
    assertClose(stationAt(ab, L1).dz, -d, 'AB reaches B');
    assertClose(stationAt(c.members.BC, 0).dz, -d, 'BC starts at B');
    assertClose(c.nodes.B.u[4], -(k2 * d * L2 * L2) / (2 * EI), 'node B turns with BC (tip slope of BC, fixed at its far end)');
  });

  it('release_i=My: hinged in x–z at i, fixed in x–y; UDLs in z and y (Roark 8.1 cases 2d, 2e)', () => {
    const L = 6;
    const wz = 5e3;
    const wy = 3e3;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .member('M', 'A', 'B', { releaseI: releases('My') })
      .support('A', 'fixed')
      .support('B', 'fixed')
      .loadCase('C', [{ kind: 'uniform', member: 'M', local: false, values: six({ y: wy, z: -wz }) }])
      .build();
    const m = solveOk(model).case('C').members.M;
    // x–z: propped cantilever with the prop at A: R_A = 3wL/8, M_B = wL²/8 (hogging).
    assertClose(m.end_forces[2], (3 * wz * L) / 8, 'Fz_i');
    assertClose(m.end_forces[4], 0, 'My_i released', 0, 1e-9);
    assertClose(stationAt(m, L).My, (wz * L * L) / 8, 'My(L)');
    // x–y: fixed-fixed: Mz ends wL²/12. Load +y: node i pulls −y, Fy_i = −wL/2; Mz = EIz v″,
    // so the ends (v″ > 0) have Mz = +wL²/12 and dMz/dx = −Vy takes it to −wL²/24 at midspan.
    assertClose(m.end_forces[1], (-wy * L) / 2, 'Fy_i');
    assertClose(stationAt(m, 0).Mz, (wy * L * L) / 12, 'Mz(0)');
    assertClose(stationAt(m, L / 2).Mz, (-wy * L * L) / 24, 'Mz(L/2)');
    assertClose(stationAt(m, L / 2).dy, (wy * L ** 4) / (384 * E * STEEL.Iz), 'dy(L/2)');
  });

  it('Timoshenko cantilever and fixed–fixed beam: shear deflection PL/GA and wL²/8GA added (Timoshenko & Gere, Mechanics of Materials, §9.11)', () => {
    // Shear strain γ = V/(G·Av) adds ∫γ dx: a cantilever tip moves PL/(G Av) more; a fixed–fixed
    // beam's midspan moves ∫₀^{L/2} w(L/2 − x)/(G Av) dx = wL²/(8 G Av) more (its moments are
    // unchanged by symmetry).
    const L = 2;
    const P = 50e3;
    const Av = 20e-4;
    const G = STEEL.G;
    const props = { Avy: Av, Avz: Av };
    const cant = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .member('M', 'A', 'B', props)
      .support('A', 'fixed')
      .loadCase('C', [{ kind: 'nodal', node: 'B', values: six({ z: -P }) }])
      .build();
    const c1 = solveOk(cant, { shearDeformation: true }).case('C');
    assertClose(c1.nodes.B.u[2], -(P * L ** 3) / (3 * EI) - (P * L) / (G * Av), 'tip with shear');
    assertClose(c1.nodes.B.u[4], (P * L * L) / (2 * EI), 'tip rotation (bending only)');
    assertClose(stationAt(c1.members.M, L / 2).dz, -(P * (L / 2) ** 2 * (3 * L - L / 2)) / (6 * EI) - (P * L) / (2 * G * Av), 'mid');
    const c0 = solveOk(cant).case('C');
    assertClose(c0.nodes.B.u[2], -(P * L ** 3) / (3 * EI), 'off by default');
    const w = 30e3;
    const ff = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .member('M', 'A', 'B', props)
      .support('A', 'fixed')
      .support('B', 'fixed')
      .loadCase('C', [{ kind: 'uniform', member: 'M', local: false, values: six({ z: -w }) }])
      .build();
    const m = solveOk(ff, { shearDeformation: true }).case('C').members.M;
    assertClose(stationAt(m, L / 2).dz, -(w * L ** 4) / (384 * EI) - (w * L * L) / (8 * G * Av), 'mid with shear');
    assertClose(stationAt(m, 0).My, (w * L * L) / 12, 'end moment unchanged');
  });

  it('selfweight: weightPerLength along −Z on an inclined member acts per unit length of the axis', () => {
    // Simply supported inclined member (rise h over run a): total weight wL, L the true length.
    // Vertical reactions wL/2 each (symmetric); the transverse load w·cosα gives
    // M_mid = (w cosα) L²/8 (Roark 8.1 case 2c).
    const a = 4;
    const h = 3;
    const L = 5;
    const wpl = 1.2e3;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', a, 0, h)
      .member('M', 'A', 'B', { weightPerLength: wpl })
      .support('A', ['x', 'y', 'z', 'rx'])
      .support('B', ['x', 'y', 'z'])
      .loadCase('SW', [{ kind: 'selfweight', factor: 1.5 }])
      .build();
    const c = solveOk(model).case('SW');
    const w = 1.5 * wpl;
    assertClose(c.nodes.A.reaction![2] + c.nodes.B.reaction![2], w * L, 'ΣRz = wL');
    const cos = a / L;
    assertClose(stationAt(c.members.M, L / 2).My, -(w * cos * L * L) / 8, 'M_mid');
  });
});
