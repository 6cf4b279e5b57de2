// The min/max envelope of a member diagram over several cases. The cases do not share stations
// (a point load in one case adds two stations at its position, only in the cases that have it),
// so the envelope is built on the union of the stations, evaluating each case as the polyline
// its stations draw: at a jump the value just before and just after are both kept, and between
// stations the upper envelope of the straight pieces gets a corner wherever two cases cross.
// The result is exactly max/min over the cases of the piecewise-linear diagrams. Pure: no DOM.
import type { Station } from '../../language-server/src/shared/protocol';
import type { DiagramQuantity } from '../../language-server/src/shared/dashboard-messages';

export interface Point {
  x: number;
  y: number;
}

/** A polyline in x order; a jump is two points with the same x (before, then after). */
export type Polyline = Point[];

export interface Envelope {
  max: Polyline;
  min: Polyline;
}

export function diagramOf(stations: Station[], q: DiagramQuantity | 'dy' | 'dz'): Polyline {
  return stations.map((s) => ({ x: s.x, y: s[q] }));
}

/** Distinct positions of all polylines, sorted; positions closer than `eps` are one. */
function unionPositions(lines: Polyline[], eps: number): number[] {
  const xs = lines.flatMap((l) => l.map((p) => p.x)).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of xs) if (!out.length || x - out[out.length - 1] > eps) out.push(x);
  return out;
}

/** Value of a polyline just before (side -1) or just after (side +1) x; constant outside its range. */
export function valueAt(line: Polyline, x: number, side: -1 | 1, eps = 0): number {
  const n = line.length;
  if (!n) return NaN;
  if (x < line[0].x - eps) return line[0].y;
  if (x > line[n - 1].x + eps) return line[n - 1].y;
  // First index with p.x >= x - eps (binary search).
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (line[mid].x < x - eps) lo = mid + 1;
    else hi = mid;
  }
  if (Math.abs(line[lo].x - x) <= eps) {
    if (side < 0) return line[lo].y;
    let k = lo;
    while (k + 1 < n && Math.abs(line[k + 1].x - x) <= eps) k++;
    return line[k].y;
  }
  const a = line[lo - 1];
  const b = line[lo];
  return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
}

/** Upper envelope of straight pieces y_i(t) = a_i + (b_i − a_i)·t on t ∈ (0, 1): the interior
 * corners, as [t, value]. */
function interiorCorners(a: number[], b: number[]): [number, number][] {
  const corners: [number, number][] = [];
  // The top line at t = 0 (ties: the one rising fastest).
  let cur = 0;
  for (let i = 1; i < a.length; i++) if (a[i] > a[cur] || (a[i] === a[cur] && b[i] - a[i] > b[cur] - a[cur])) cur = i;
  let t = 0;
  for (let guard = 0; guard < a.length; guard++) {
    const sc = b[cur] - a[cur];
    let next = -1;
    let tNext = 1;
    for (let i = 0; i < a.length; i++) {
      const si = b[i] - a[i];
      if (si <= sc) continue;
      const tc = (a[cur] - a[i]) / (si - sc);
      if (tc > t && tc < tNext) {
        tNext = tc;
        next = i;
      }
    }
    if (next < 0 || tNext >= 1) break;
    corners.push([tNext, a[cur] + sc * tNext]);
    cur = next;
    t = tNext;
  }
  return corners;
}

function upper(lines: Polyline[], xs: number[], eps: number): Polyline {
  const out: Polyline = [];
  const push = (x: number, y: number) => {
    const last = out[out.length - 1];
    // A repeated point adds nothing; a repeated x with a new value is a jump and stays.
    if (last && Math.abs(last.x - x) <= eps && last.y === y) return;
    out.push({ x, y });
  };
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    const left = lines.map((l) => valueAt(l, x, -1, eps));
    const right = lines.map((l) => valueAt(l, x, 1, eps));
    push(x, Math.max(...left));
    push(x, Math.max(...right));
    if (k + 1 < xs.length) {
      const x1 = xs[k + 1];
      const ends = lines.map((l) => valueAt(l, x1, -1, eps));
      for (const [t, y] of interiorCorners(right, ends)) push(x + t * (x1 - x), y);
    }
  }
  return out;
}

/** max and min over the diagrams of `lines` (polylines of the same member in several cases). */
export function envelope(lines: Polyline[]): Envelope {
  const usable = lines.filter((l) => l.length > 0);
  if (!usable.length) return { max: [], min: [] };
  const span = Math.max(...usable.map((l) => Math.abs(l[l.length - 1].x)), 1e-12);
  const eps = 1e-9 * span;
  const xs = unionPositions(usable, eps);
  const max = upper(usable, xs, eps);
  const negated = usable.map((l) => l.map((p) => ({ x: p.x, y: -p.y })));
  const min = upper(negated, xs, eps).map((p) => ({ x: p.x, y: -p.y }));
  return { max, min };
}

/** The largest and smallest value of a polyline with their positions. */
export function extremesOf(line: Polyline): { max: Point; min: Point } | null {
  if (!line.length) return null;
  let max = line[0];
  let min = line[0];
  for (const p of line) {
    if (p.y > max.y) max = p;
    if (p.y < min.y) min = p;
  }
  return { max, min };
}
