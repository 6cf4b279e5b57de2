// The diagram of one member in one load case (stations.ts says what it holds), written straight
// into the case's CaseDiagrams: no arrays per polynomial, per segment or per member.
//
// From the free body [0, x] with S(0) = −F_i:
//   N′ = −qx, Vy′ = −qy, Vz′ = −qz, T′ = −mx, My′ = Vz − my, Mz′ = −Vy − mz,
// a point load P (forces and moments) makes S jump by −P. Displacements integrate the
// curvatures from the member's own end-i displacement (released DOFs recovered):
//   θz′ = Mz/EIz, θy′ = My/EIy, v′ = θz + Vy/GAy, w′ = −θy + Vz/GAz.
// A truss member's own bending is not modelled: its dy, dz are linear between its ends.
//
// The arithmetic is that of the plain polynomial code it replaces (polyScale, polyIntegrate,
// polyAddScaledInPlace, polyEval), operation for operation, so results do not change by a bit:
// e.g. "∫ −q" is written (−q₁)/2, as polyIntegrate(polyScale(q, −1)) computes it.
import type { MemberLoads } from './member-loads';
import { CaseDiagrams, DiagramView, FRAME, POSITION_TOLERANCE, TRUSS, polyLength, type Shape } from './diagram-store';
import { evalAt } from './poly-kernels';
import { Scratch, uniqueInPlace } from './positions';

export interface DiagramSection {
  EIy: number;
  EIz: number;
  GAy: number;
  GAz: number;
}

const jumpBuf = new Scratch();
const markBuf = new Scratch();
const breakBuf = new Scratch();
const snapBuf = new Scratch();
/** Resultants S (6), the load intensity q of each component (value at the segment start, slope),
 * and the slopes θz, θy as polynomials (5 coefficients each). */
const S = new Float64Array(6);
const q0 = new Float64Array(6);
const q1 = new Float64Array(6);
const tz = new Float64Array(5);
const ty = new Float64Array(5);
const view = new DiagramView();

/**
 * Writes member m's diagram into `set`. `F` holds the local end forces (forces the nodes exert on
 * the member) at F[fo..fo+12), `d` the member's own local end displacements, `bending` false
 * for a truss member.
 */
export function buildDiagram(
  set: CaseDiagrams,
  m: number,
  L: number,
  F: Float64Array,
  fo: number,
  d: Float64Array,
  loads: MemberLoads | undefined,
  section: DiagramSection,
  bending: boolean,
): void {
  const eps = POSITION_TOLERANCE * L;
  const nPoints = loads ? loads.points.length : 0;
  const nLinear = loads ? loads.linear.length : 0;
  const nBreaks = nPoints === 0 && nLinear === 0 ? unloadedBreaks(L) : loadBreaks(loads!, L);
  const jumps = jumpBuf.get(0);
  const marks = markBuf.get(0);
  const breaks = breakBuf.get(0);
  const snapped = snapBuf.get(0);

  const shape: Shape = bending ? FRAME : TRUSS;
  const segments = nBreaks - 1;
  const v = set.add(m, L, segments, shape, nJumps, nMarks, view);
  const out = v.data;
  for (let k = 0; k < nBreaks; k++) out[v.breaks + k] = breaks[k];
  for (let k = 0; k < nJumps; k++) out[v.jumps + k] = jumps[k];
  for (let k = 0; k < nMarks; k++) out[v.marks + k] = marks[k];

  for (let c = 0; c < 6; c++) S[c] = -F[fo + c];
  let thY = d[4];
  let thZ = d[5];
  let dyEnd = d[1];
  let dzEnd = d[2];
  for (let c = 0; c < 6; c++) out[v.start + c] = S[c];
  out[v.start + 6] = dyEnd;
  out[v.start + 7] = dzEnd;
  applyJumps(loads, snapped, nPoints, breaks[0]);
  const invEIy = section.EIy > 0 ? 1 / section.EIy : 0;
  const invEIz = section.EIz > 0 ? 1 / section.EIz : 0;
  const invGAy = 1 / section.GAy;
  const invGAz = 1 / section.GAz;

  for (let k = 0; k < segments; k++) {
    const a = breaks[k];
    const b = breaks[k + 1];
    const len = b - a;
    q0.fill(0);
    q1.fill(0);
    for (let l = 0; l < nLinear; l++) {
      const load = loads!.linear[l];
      if (load.a > a + eps || load.b < b - eps) continue;
      const span = load.b - load.a;
      for (let c = 0; c < 6; c++) {
        const slope = (load.qb[c] - load.qa[c]) / span;
        q0[c] += load.qa[c] + slope * (a - load.a);
        q1[c] += slope;
      }
    }
    const pVy = v.poly(k, 1);
    const pVz = v.poly(k, 2);
    const pMy = v.poly(k, 4);
    const pMz = v.poly(k, 5);
    const pdy = v.poly(k, 6);
    const pdz = v.poly(k, 7);
    // N, Vy, Vz, T = S − ∫q.
    for (let c = 0; c < 4; c++) {
      const p = v.poly(k, c);
      out[p] = S[c];
      out[p + 1] = -q0[c];
      out[p + 2] = -q1[c] / 2;
    }
    // My = S4 + ∫(Vz − my), Mz = S5 + ∫(−Vy − mz).
    out[pMy] = S[4];
    out[pMy + 1] = out[pVz] + -q0[4];
    out[pMy + 2] = (out[pVz + 1] + -q1[4]) / 2;
    out[pMy + 3] = out[pVz + 2] / 3;
    out[pMz] = S[5];
    out[pMz + 1] = -out[pVy] + -q0[5];
    out[pMz + 2] = (-out[pVy + 1] + -q1[5]) / 2;
    out[pMz + 3] = -out[pVy + 2] / 3;
    if (bending) {
      // θz = θz(a) + ∫Mz/EIz, θy likewise; v′ = θz + Vy/GAy, w′ = −θy + Vz/GAz.
      tz[0] = thZ;
      ty[0] = thY;
      for (let i = 0; i < 4; i++) {
        tz[i + 1] = (out[pMz + i] * invEIz) / (i + 1);
        ty[i + 1] = (out[pMy + i] * invEIy) / (i + 1);
      }
      out[pdy] = dyEnd;
      out[pdz] = dzEnd;
      for (let i = 0; i < 5; i++) {
        let dv = tz[i];
        let dw = -ty[i];
        if (i < 3 && invGAy !== 0) dv += invGAy * out[pVy + i];
        if (i < 3 && invGAz !== 0) dw += invGAz * out[pVz + i];
        out[pdy + i + 1] = dv / (i + 1);
        out[pdz + i + 1] = dw / (i + 1);
      }
      thZ = evalAt(tz, 0, 5, len);
      thY = evalAt(ty, 0, 5, len);
    } else {
      out[pdy] = d[1] + ((d[7] - d[1]) * a) / L;
      out[pdy + 1] = (d[7] - d[1]) / L;
      out[pdz] = d[2] + ((d[8] - d[2]) * a) / L;
      out[pdz + 1] = (d[8] - d[2]) / L;
    }
    for (let c = 0; c < 6; c++) S[c] = evalAt(out, v.poly(k, c), polyLength(shape, c), len);
    dyEnd = evalAt(out, pdy, polyLength(shape, 6), len);
    dzEnd = evalAt(out, pdz, polyLength(shape, 7), len);
    applyJumps(loads, snapped, nPoints, b);
  }
  for (let c = 0; c < 6; c++) out[v.end + c] = S[c];
  out[v.end + 6] = dyEnd;
  out[v.end + 7] = dzEnd;
}

let nJumps = 0;
let nMarks = 0;

/** Breaks of an unloaded member: [0, L] (what loadBreaks gives without loads). */
function unloadedBreaks(L: number): number {
  nJumps = 0;
  nMarks = 0;
  const breaks = breakBuf.get(2);
  breaks[0] = 0;
  breaks[1] = L;
  return uniqueInPlace(breaks, 2, L);
}

/**
 * The point-load positions (two stations each) into jumpBuf, the load starts and ends into
 * markBuf, the segment ends into breakBuf, and each point load's position snapped to the break it
 * falls on into snapBuf. Returns the number of breaks.
 */
function loadBreaks(loads: MemberLoads, L: number): number {
  const eps = POSITION_TOLERANCE * L;
  const nPoints = loads.points.length;
  const nLinear = loads.linear.length;
  const jumps = jumpBuf.get(nPoints);
  for (let k = 0; k < nPoints; k++) jumps[k] = loads.points[k].x;
  nJumps = uniqueInPlace(jumps, nPoints, L);
  const marks = markBuf.get(2 * nLinear);
  for (let k = 0; k < nLinear; k++) {
    marks[2 * k] = loads.linear[k].a;
    marks[2 * k + 1] = loads.linear[k].b;
  }
  nMarks = uniqueInPlace(marks, 2 * nLinear, L);
  const breaks = breakBuf.get(2 + nJumps + nMarks);
  breaks[0] = 0;
  breaks[1] = L;
  for (let k = 0; k < nJumps; k++) breaks[2 + k] = jumps[k];
  for (let k = 0; k < nMarks; k++) breaks[2 + nJumps + k] = marks[k];
  const nBreaks = uniqueInPlace(breaks, 2 + nJumps + nMarks, L);
  const snapped = snapBuf.get(nPoints);
  for (let k = 0; k < nPoints; k++) {
    const x = loads.points[k].x;
    snapped[k] = x;
    for (let b = 0; b < nBreaks; b++) {
      if (Math.abs(breaks[b] - x) <= eps) {
        snapped[k] = breaks[b];
        break;
      }
    }
  }
  return nBreaks;
}

/** S −= every point load acting at x (in the order given). */
function applyJumps(loads: MemberLoads | undefined, snapped: Float64Array, nPoints: number, x: number): void {
  for (let k = 0; k < nPoints; k++) {
    if (snapped[k] !== x) continue;
    const p = loads!.points[k].p;
    for (let c = 0; c < 6; c++) S[c] -= p[c];
  }
}
