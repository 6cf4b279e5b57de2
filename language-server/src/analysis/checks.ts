// Design checks on member diagrams, with the maximum along the member found exactly.
//   stress:     σ(x) = |N|/A + |My|/Wy + |Mz|/Wz; ratio = max σ / fy.
//   deflection: δ(x) = |(dy, dz) − chord(x)|, the chord joining the displaced ends of the axis;
//               ratio = max δ / allowed, allowed = L/ratio or an absolute length.
// In each result `ok` is ratio ≤ limit: for stress the limit is the check's utilisation limit,
// for deflection the ratio is already a utilisation, so the limit is 1.
import type { Poly } from './polynomial';
import { polyAddScaledInPlace, polyEval, polyExtremes, polyMul, polyRealRoots } from './polynomial';
import type { MemberDiagram } from './stations';

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

/** max over x of |N|/A + |My|/Wy + |Mz|/Wz (Pa), both sides of every jump included. */
export function maxStress(diagram: MemberDiagram, A: number, Wy: number, Wz: number): Maximum {
  const w = [1 / A, 0, 0, 0, 1 / Wy, 1 / Wz];
  const pointValue = (v: number[]) => Math.abs(v[0]) * w[0] + Math.abs(v[4]) * w[4] + Math.abs(v[5]) * w[5];
  const m: Maximum = { value: pointValue(diagram.start), x: 0 };
  for (const s of diagram.segments) {
    const len = s.b - s.a;
    const parts = [s.polys[0], s.polys[4], s.polys[5]];
    const weights = [w[0], w[4], w[5]];
    // Within pieces where no resultant changes sign, σ is a polynomial.
    const cuts = [0, len, ...parts.flatMap((p) => polyRealRoots(p, 0, len))].sort((p, q) => p - q);
    for (let k = 0; k + 1 < cuts.length; k++) {
      const u = cuts[k];
      const v = cuts[k + 1];
      if (!(v > u)) continue;
      const mid = 0.5 * (u + v);
      const sigma: Poly = [];
      parts.forEach((p, i) => polyAddScaledInPlace(sigma, p, Math.sign(polyEval(p, mid)) * weights[i]));
      const e = polyExtremes(sigma, u, v);
      better(m, e.max, s.a + e.tMax);
    }
  }
  better(m, pointValue(diagram.end), diagram.L);
  return m;
}

/** max over x of the transverse deflection relative to the chord between the displaced ends. */
export function maxDeflection(diagram: MemberDiagram): Maximum {
  const L = diagram.L;
  const y0 = diagram.start[6];
  const z0 = diagram.start[7];
  const sy = (diagram.end[6] - y0) / L;
  const sz = (diagram.end[7] - z0) / L;
  const m: Maximum = { value: 0, x: 0 };
  for (const s of diagram.segments) {
    const ry = s.polys[6].slice();
    polyAddScaledInPlace(ry, [y0 + sy * s.a, sy], -1);
    const rz = s.polys[7].slice();
    polyAddScaledInPlace(rz, [z0 + sz * s.a, sz], -1);
    const g = polyMul(ry, ry);
    polyAddScaledInPlace(g, polyMul(rz, rz), 1);
    const e = polyExtremes(g, 0, s.b - s.a);
    better(m, Math.sqrt(Math.max(0, e.max)), s.a + e.tMax);
  }
  return m;
}
