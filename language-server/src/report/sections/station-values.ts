// Stress resultants at any x from a member's stations: N linear, My and Mz as cubic Hermite
// curves whose slopes are the shear forces (My′ = Vz, Mz′ = −Vy). Between stations the loads
// are at most linear, so this reproduces the analysis' polynomials for every load the language
// has except distributed moments and linearly varying axial loads (then it is a close
// interpolation); at a station it returns the station.
import type { Station } from '../../analysis/results';

export interface Resultants {
  N: number;
  My: number;
  Mz: number;
  Vy: number;
  Vz: number;
}

const pick = (s: Station): Resultants => ({ N: s.N, My: s.My, Mz: s.Mz, Vy: s.Vy, Vz: s.Vz });

/** The values at x; at a jump, both sides ("before", then "after"). */
export function resultantsAt(stations: Station[], x: number, L: number): Resultants[] {
  const eps = 1e-9 * Math.max(L, 1e-9);
  const at = stations.filter((s) => Math.abs(s.x - x) <= eps);
  if (at.length) return at.map(pick);
  let k = 0;
  while (k + 1 < stations.length && stations[k + 1].x < x) k++;
  const a = stations[k];
  const b = stations[k + 1] ?? a;
  const h = b.x - a.x;
  if (h <= eps) return [pick(a)];
  const t = (x - a.x) / h;
  const h00 = 2 * t ** 3 - 3 * t ** 2 + 1;
  const h10 = t ** 3 - 2 * t ** 2 + t;
  const h01 = -2 * t ** 3 + 3 * t ** 2;
  const h11 = t ** 3 - t ** 2;
  const herm = (pa: number, pb: number, da: number, db: number) => h00 * pa + h10 * h * da + h01 * pb + h11 * h * db;
  const lin = (pa: number, pb: number) => pa + (pb - pa) * t;
  return [{
    N: lin(a.N, b.N),
    Vy: lin(a.Vy, b.Vy),
    Vz: lin(a.Vz, b.Vz),
    My: herm(a.My, b.My, a.Vz, b.Vz),
    Mz: herm(a.Mz, b.Mz, -a.Vy, -b.Vy),
  }];
}
