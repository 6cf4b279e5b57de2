// Design checks on member diagrams, with the maximum along the member found exactly.
//   stress:     σ(x) = |N|/A + |My|/Wy + |Mz|/Wz; ratio = max σ / fy.
//   deflection: δ(x) = |(dy, dz) − chord(x)|, the chord joining the displaced ends of the axis;
//               ratio = max δ / allowed, allowed = L/ratio or an absolute length.
// In each result `ok` is ratio ≤ limit: for stress the limit is the check's utilisation limit,
// for deflection the ratio is already a utilisation, so the limit is 1.
//
// They run for every member and checked combination, on the diagrams' packed coefficients with
// reused scratch (poly-kernels.ts); the arithmetic is that of the plain polynomial code
// (polyAddScaledInPlace, polyMul, polyExtremes), so ratios do not change by a bit.
import type { DiagramView } from './diagram-store';
import { polyLength } from './diagram-store';
import { MAX_COEFFS, evalAt, extremesOf, realRoots, type ExtremesOut } from './poly-kernels';
import { Scratch } from './positions';

export interface Maximum {
  value: number;
  x: number;
}

function better(m: Maximum, value: number, x: number): void {
  if (value > m.value) {
    m.value = value;
    m.x = x;
  }
}

const ex: ExtremesOut = { min: 0, tMin: 0, max: 0, tMax: 0 };
const cutBuf = new Scratch();
const sigma = new Float64Array(MAX_COEFFS);
/** The resultants in σ: N, My, Mz. */
const STRESS_PARTS = [0, 4, 5];

/** max over x of |N|/A + |My|/Wy + |Mz|/Wz (Pa), both sides of every jump included. */
export function maxStress(v: DiagramView, A: number, Wy: number, Wz: number): Maximum {
  const d = v.data;
  const w0 = 1 / A;
  const w4 = 1 / Wy;
  const w5 = 1 / Wz;
  const weights = [w0, w4, w5];
  const m: Maximum = { value: Math.abs(d[v.start]) * w0 + Math.abs(d[v.start + 4]) * w4 + Math.abs(d[v.start + 5]) * w5, x: 0 };
  const sigmaLength = Math.max(polyLength(v.shape, 0), polyLength(v.shape, 4), polyLength(v.shape, 5));
  for (let k = 0; k < v.segments; k++) {
    const a = v.a(k);
    const len = v.b(k) - a;
    // Within pieces where no resultant changes sign, σ is a polynomial.
    const cuts = cutBuf.get(2 + 3 * MAX_COEFFS);
    let n = 0;
    cuts[n++] = 0;
    cuts[n++] = len;
    for (const q of STRESS_PARTS) n += realRoots(d, v.poly(k, q), polyLength(v.shape, q), 0, len, cuts, n, 0);
    sortAscending(cuts, n);
    for (let c = 0; c + 1 < n; c++) {
      const u = cuts[c];
      const w = cuts[c + 1];
      if (!(w > u)) continue;
      const mid = 0.5 * (u + w);
      sigma.fill(0, 0, sigmaLength);
      for (let i = 0; i < 3; i++) {
        const p = v.poly(k, STRESS_PARTS[i]);
        const plen = polyLength(v.shape, STRESS_PARTS[i]);
        const s = Math.sign(evalAt(d, p, plen, mid)) * weights[i];
        for (let j = 0; j < plen; j++) sigma[j] += s * d[p + j];
      }
      extremesOf(sigma, 0, sigmaLength, u, w, ex);
      better(m, ex.max, a + ex.tMax);
    }
  }
  better(m, Math.abs(d[v.end]) * w0 + Math.abs(d[v.end + 4]) * w4 + Math.abs(d[v.end + 5]) * w5, v.L);
  return m;
}

/** Stable ascending insertion sort of buf[0..n) (as Array.prototype.sort with (p, q) => p − q). */
function sortAscending(buf: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = buf[i];
    let j = i - 1;
    while (j >= 0 && buf[j] - x > 0) {
      buf[j + 1] = buf[j];
      j--;
    }
    buf[j + 1] = x;
  }
}

const ry = new Float64Array(MAX_COEFFS);
const rz = new Float64Array(MAX_COEFFS);
const g = new Float64Array(MAX_COEFFS);
const h = new Float64Array(MAX_COEFFS);

/** max over x of the transverse deflection relative to the chord between the displaced ends. */
export function maxDeflection(v: DiagramView): Maximum {
  const d = v.data;
  const L = v.L;
  const y0 = d[v.start + 6];
  const z0 = d[v.start + 7];
  const sy = (d[v.end + 6] - y0) / L;
  const sz = (d[v.end + 7] - z0) / L;
  const m: Maximum = { value: 0, x: 0 };
  // r = the displacement minus the chord, at least linear; g = ry² + rz².
  const rLength = Math.max(polyLength(v.shape, 6), 2);
  const gLength = 2 * rLength - 1;
  for (let k = 0; k < v.segments; k++) {
    const a = v.a(k);
    const py = v.poly(k, 6);
    const pz = v.poly(k, 7);
    for (let i = 0; i < rLength; i++) {
      ry[i] = i < polyLength(v.shape, 6) ? d[py + i] : 0;
      rz[i] = i < polyLength(v.shape, 7) ? d[pz + i] : 0;
    }
    ry[0] += -1 * (y0 + sy * a);
    ry[1] += -1 * sy;
    rz[0] += -1 * (z0 + sz * a);
    rz[1] += -1 * sz;
    square(ry, rLength, g);
    square(rz, rLength, h);
    for (let i = 0; i < gLength; i++) g[i] += 1 * h[i];
    extremesOf(g, 0, gLength, 0, v.b(k) - a, ex);
    better(m, Math.sqrt(Math.max(0, ex.max)), a + ex.tMax);
  }
  return m;
}

/** out = p·p (polyMul's loop order), p of n coefficients, out of 2n − 1. */
function square(p: Float64Array, n: number, out: Float64Array): void {
  out.fill(0, 0, 2 * n - 1);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i + j] += p[i] * p[j];
}
