// Fixed-end forces (forces the held nodes exert on the member) against textbook closed forms,
// and their condensation for releases. Loads here are in local y and about local z (x–y plane),
// plus one x–z check for the sign of θy; the element code treats both planes alike.
import { strict as assert } from 'node:assert';
import { fixedEndForces } from '../../../language-server/src/analysis/fixed-end-forces';
import { Condensation } from '../../../language-server/src/analysis/releases';
import { frameStiffnessLocal, sectionStiffness } from '../../../language-server/src/analysis/frame-element';
import type { Local6, MemberLoads } from '../../../language-server/src/analysis/member-loads';
import { assertClose, releases } from './model-builder';

const y = (v: number): Local6 => [0, v, 0, 0, 0, 0];

/** Gauss–Legendre, 5 points: exact for polynomials up to degree 9 (Abramowitz & Stegun 25.4.29). */
function gauss5(f: (x: number) => number, a: number, b: number): number {
  const t = [0, 0.5384693101056831, -0.5384693101056831, 0.906179845938664, -0.906179845938664];
  const w = [0.5688888888888889, 0.4786286704993665, 0.4786286704993665, 0.2369268850561891, 0.2369268850561891];
  const h = (b - a) / 2;
  const m = (a + b) / 2;
  return t.reduce((s, tk, k) => s + w[k] * f(m + h * tk), 0) * h;
}

/** Roark 8.1 case 1e (fixed–fixed, concentrated load P at s): the reactions and moments, as
 * forces the supports exert, in the x–y plane for a load in +y: node i pushes −y etc. */
function pointFef(L: number, s: number): number[] {
  const a = s;
  const b = L - s;
  return [
    (-b * b * (3 * a + b)) / L ** 3, // Fy_i
    (-a * b * b) / L ** 2, // Mz_i
    (-a * a * (a + 3 * b)) / L ** 3, // Fy_j
    (a * a * b) / L ** 2, // Mz_j
  ];
}

function integratedFef(L: number, a: number, b: number, q: (x: number) => number): number[] {
  return [0, 1, 2, 3].map((k) => gauss5((s) => q(s) * pointFef(L, s)[k], a, b));
}

function loads(partial: Partial<MemberLoads>): MemberLoads {
  return { linear: [], points: [], ...partial };
}

const pick = (R: Float64Array) => [R[1], R[5], R[7], R[11]];

describe('analysis: fixed-end forces', () => {
  it('full UDL: wL/2 and wL²/12 (Roark 8.1 case 2e)', () => {
    const L = 5;
    const w = 7;
    const R = fixedEndForces(L, 0, 0, loads({ linear: [{ a: 0, b: L, qa: y(w), qb: y(w) }] }));
    [(-w * L) / 2, (-w * L * L) / 12, (-w * L) / 2, (w * L * L) / 12].forEach((v, k) => assertClose(pick(R)[k], v, `R${k}`));
  });

  it('full triangular load 0 → w: 3wL/20, wL²/30 at the light end; 7wL/20, wL²/20 (Roark 8.1 case 2e, wa = 0)', () => {
    const L = 4;
    const w = 10;
    const R = fixedEndForces(L, 0, 0, loads({ linear: [{ a: 0, b: L, qa: y(0), qb: y(w) }] }));
    [(-3 * w * L) / 20, (-w * L * L) / 30, (-7 * w * L) / 20, (w * L * L) / 20].forEach((v, k) => assertClose(pick(R)[k], v, `R${k}`));
  });

  it('point load: Pb²(3a+b)/L³, Pab²/L² (Roark 8.1 case 1e)', () => {
    const L = 6;
    const a = 1.7;
    const P = 3;
    const R = fixedEndForces(L, 0, 0, loads({ points: [{ x: a, p: y(P) }] }));
    pointFef(L, a).forEach((v, k) => assertClose(pick(R)[k], P * v, `R${k}`));
  });

  it('point moment: 6Cab/L³ and C b(2a − b)/L² (Roark 8.1 case 3e)', () => {
    // Moment C about local z at a (b = L − a): the held ends react with Fy_i = 6Cab/L³,
    // Mz_i = C b (2a − b)/L², Fy_j = −6Cab/L³, Mz_j = C a (2b − a)/L².
    const L = 5;
    const a = 1.5;
    const b = L - a;
    const C = 2;
    const R = fixedEndForces(L, 0, 0, loads({ points: [{ x: a, p: [0, 0, 0, 0, 0, C] }] }));
    [(6 * C * a * b) / L ** 3, (C * b * (2 * a - b)) / L ** 2, (-6 * C * a * b) / L ** 3, (C * a * (2 * b - a)) / L ** 2].forEach((v, k) =>
      assertClose(pick(R)[k], v, `R${k}`),
    );
  });

  it('partial UDL and partial trapezoid: Roark 8.1 case 1e integrated over the loaded length', () => {
    const L = 8;
    const [a, b] = [1.5, 6.2];
    const w = 4;
    const Ru = fixedEndForces(L, 0, 0, loads({ linear: [{ a, b, qa: y(w), qb: y(w) }] }));
    integratedFef(L, a, b, () => w).forEach((v, k) => assertClose(pick(Ru)[k], v, `uniform R${k}`));
    const [qa, qb] = [2, -5];
    const Rt = fixedEndForces(L, 0, 0, loads({ linear: [{ a, b, qa: y(qa), qb: y(qb) }] }));
    integratedFef(L, a, b, (s) => qa + ((qb - qa) * (s - a)) / (b - a)).forEach((v, k) => assertClose(pick(Rt)[k], v, `trapezoid R${k}`));
  });

  it('x–z plane: a load in −z gives Fz_i = +wL/2 and My_i = −wL²/12 (θy = −w′)', () => {
    const L = 3;
    const w = 5;
    const R = fixedEndForces(L, 0, 0, loads({ linear: [{ a: 0, b: L, qa: [0, 0, -w, 0, 0, 0], qb: [0, 0, -w, 0, 0, 0] }] }));
    assertClose(R[2], (w * L) / 2, 'Fz_i');
    assertClose(R[4], (-w * L * L) / 12, 'My_i');
    assertClose(R[10], (w * L * L) / 12, 'My_j');
  });

  it('axial and torsional loads split by the lever rule of a bar held at both ends', () => {
    const L = 4;
    const R = fixedEndForces(L, 0, 0, loads({ points: [{ x: 1, p: [8, 0, 0, 4, 0, 0] }], linear: [{ a: 0, b: L, qa: [2, 0, 0, 0, 0, 0], qb: [2, 0, 0, 0, 0, 0] }] }));
    assertClose(R[0], -8 * 0.75 - 4, 'Fx_i');
    assertClose(R[6], -8 * 0.25 - 4, 'Fx_j');
    assertClose(R[3], -4 * 0.75, 'Mx_i');
    assertClose(R[9], -4 * 0.25, 'Mx_j');
  });

  it('Timoshenko point load: equals the flexibility method with the shear-flexible cantilever', () => {
    // Cut end j: under P at a the cantilever (fixed at i) tip moves v = P a²(3L − a)/6EI + Pa/GA
    // (bending, Roark 8.1 case 1a, plus shear γ = P/GA over [0, a]) and turns θ = Pa²/2EI. The
    // redundant tip force F and moment M undo both through the tip flexibility
    // [[L³/3EI + L/GA, L²/2EI], [L²/2EI, L/EI]].
    const L = 3;
    const a = 1.1;
    const P = 10;
    const m = { E: 200e9, G: 40e9, A: 0.01, Iy: 3e-5, Iz: 2e-5, J: 1e-5, Avy: 3e-3, Avz: 3e-3 };
    const s = sectionStiffness(L, m, true);
    assert.ok(s.phiY > 0.01, 'shear flexibility matters here');
    const EI = s.EIz;
    const GA = s.GAy;
    const v = (P * a * a * (3 * L - a)) / (6 * EI) + (P * a) / GA;
    const th = (P * a * a) / (2 * EI);
    const f11 = L ** 3 / (3 * EI) + L / GA;
    const f12 = (L * L) / (2 * EI);
    const f22 = L / EI;
    const det = f11 * f22 - f12 * f12;
    const Fj = -(f22 * v - f12 * th) / det;
    const Mj = -(-f12 * v + f11 * th) / det;
    const Fi = -P - Fj;
    const Mi = -Mj - Fj * L - P * a; // moments about end i: Mi + Mj + L·Fj + a·P = 0
    const R = fixedEndForces(L, s.phiY, s.phiZ, loads({ points: [{ x: a, p: y(P) }] }));
    [Fi, Mi, Fj, Mj].forEach((val, k) => assertClose(pick(R)[k], val, `R${k}`));
  });

  it('condensation: a hinge at j turns fixed-end forces into those of a propped cantilever (Roark 8.1 case 2d)', () => {
    const L = 5;
    const w = 3;
    const s = sectionStiffness(L, { E: 1e9, G: 4e8, A: 1e-2, Iy: 2e-5, Iz: 1e-5, J: 1e-5 }, false);
    const c = new Condensation(frameStiffnessLocal(s), releases(), releases('My', 'Mz'));
    assert.deepEqual(c.zeroModes, []);
    const F = c.condenseLoad(fixedEndForces(L, 0, 0, loads({ linear: [{ a: 0, b: L, qa: y(w), qb: y(w) }] }))).F;
    // Fixed at i, propped at j: R_i = 5wL/8, M_i = wL²/8, R_j = 3wL/8.
    [(-5 * w * L) / 8, (-w * L * L) / 8, (-3 * w * L) / 8, 0].forEach((v, k) => assertClose(pick(F)[k], v, `F${k}`, 1e-9, 1e-12));
    // Condensed stiffness: the propped member's end stiffness 3EI/L at i.
    assertClose(c.K[5 * 12 + 5], (3 * s.EIz) / L, 'k_θθ');
  });

  it('condensation reports free internal motions (T both ends; N both ends; Mz both ends with Vy)', () => {
    const s = sectionStiffness(4, { E: 1e9, G: 4e8, A: 1e-2, Iy: 2e-5, Iz: 1e-5, J: 1e-5 }, false);
    const K = frameStiffnessLocal(s);
    assert.deepEqual(new Condensation(K, releases('T'), releases('T')).zeroModes, [9]);
    assert.deepEqual(new Condensation(K, releases('N'), releases('N')).zeroModes, [6]);
    assert.deepEqual(new Condensation(K, releases('Vy', 'Mz'), releases('Mz')).zeroModes, [11]);
    assert.deepEqual(new Condensation(K, releases('My', 'Mz'), releases('My', 'Mz')).zeroModes, [], 'hinge=both is a stable pin-ended bar');
    assert.deepEqual(new Condensation(K, releases('Vz'), releases('My')).zeroModes, [], 'a sliding end with a hinged far end is stable');
  });
});
