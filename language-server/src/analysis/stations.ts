// Member diagrams: the resultants N Vy Vz T My Mz (on the cut face with outward normal +x,
// local axes) and the axis displacements dy dz, as exact piecewise polynomials of x
// (diagram-build.ts makes them, diagram-store.ts stores them), and what the results document
// takes from them: the stations (results spec "stations") and the exact extremes.
//
// A diagram holds, besides its segments, the values at x = 0 before any jump there (resultants
// −F_i) and at x = L after every jump, the point-load positions ("jumps": two stations each,
// before and after) and the load starts and ends ("marks").
//
// These run for every member of every case that goes into the document, so they allocate
// nothing but the document's own objects.
import type { ExtremeValue, Station } from './results';
import { DiagramView, POSITION_TOLERANCE, Q_COUNT, STRIDE, polyLength, type Quantity } from './diagram-store';
import { evalAt, extremesOf, type ExtremesOut } from './poly-kernels';
import { Scratch, uniqueInPlace } from './positions';

const BEFORE = 0;
const AFTER = 1;

/** Where one station's values come from: segment srcSegment at t = srcT, or (srcSegment = −1)
 * the 8 values stored at srcFixed (start or end). */
let srcSegment = 0;
let srcT = 0;
let srcFixed = 0;

/** Finds where the values at x come from; the side matters only at a jump or an end. */
function locate(v: DiagramView, x: number, side: number): void {
  const eps = POSITION_TOLERANCE * v.L;
  srcSegment = -1;
  if (v.segments === 0) {
    srcFixed = side === BEFORE ? v.start : v.end;
    return;
  }
  if (side === BEFORE && x <= eps) {
    srcFixed = v.start;
    return;
  }
  if (side === AFTER && x >= v.L - eps) {
    srcFixed = v.end;
    return;
  }
  let k = v.segmentAt(x);
  // At a shared end, 'after' takes the next segment.
  if (side === AFTER && k + 1 < v.segments && Math.abs(v.b(k) - x) <= eps) k++;
  srcSegment = k;
  srcT = Math.min(Math.max(x - v.a(k), 0), v.b(k) - v.a(k));
}

const values = new Float64Array(Q_COUNT);

/** (`+ 0` turns −0 into 0, so documents never show "-0".) */
function station(v: DiagramView, x: number, side: number): Station {
  locate(v, x, side);
  if (srcSegment < 0) {
    for (let q = 0; q < Q_COUNT; q++) values[q] = v.data[srcFixed + q];
  } else {
    const base = v.poly(srcSegment, 0);
    for (let q = 0; q < Q_COUNT; q++) values[q] = evalAt(v.data, base + q * STRIDE, polyLength(v.shape, q), srcT);
  }
  return {
    x: x + 0,
    N: values[0] + 0,
    Vy: values[1] + 0,
    Vz: values[2] + 0,
    T: values[3] + 0,
    My: values[4] + 0,
    Mz: values[5] + 0,
    dy: values[6] + 0,
    dz: values[7] + 0,
  };
}

const positionBuf = new Scratch();

/** Station positions into `positionBuf`: every tenth, every segment end, point load and load
 * start/end, sorted and unique; returns how many. */
function stationPositions(v: DiagramView): number {
  const L = v.L;
  const d = v.data;
  const xs = positionBuf.get(11 + 2 * v.segments + v.jumpCount + v.markCount);
  let n = 0;
  for (let k = 0; k <= 10; k++) xs[n++] = k === 10 ? L : (k * L) / 10;
  // One segment [0, L] and no loads: the tenths (which hold 0 and L) are already sorted and
  // unique, which is all the general path below would find.
  if (v.segments === 1 && v.jumpCount === 0 && v.markCount === 0 && v.a(0) === 0 && v.b(0) === L) return n;
  for (let k = 0; k < v.segments; k++) {
    xs[n++] = v.a(k);
    xs[n++] = v.b(k);
  }
  for (let k = 0; k < v.jumpCount; k++) xs[n++] = d[v.jumps + k];
  for (let k = 0; k < v.markCount; k++) xs[n++] = d[v.marks + k];
  return uniqueInPlace(xs, n, L);
}

export function stationsOf(v: DiagramView): Station[] {
  const eps = POSITION_TOLERANCE * v.L;
  const n = stationPositions(v);
  const xs = positionBuf.get(n);
  const out: Station[] = [];
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    let isJump = false;
    for (let k = 0; k < v.jumpCount && !isJump; k++) isJump = Math.abs(v.data[v.jumps + k] - x) <= eps;
    if (isJump) {
      out.push(station(v, x, BEFORE));
      out.push(station(v, x, AFTER));
    } else {
      // Without a jump both sides agree; at x = L take the segment (its value is the end's).
      out.push(station(v, x, x >= v.L - eps ? BEFORE : AFTER));
    }
  }
  return out;
}

const ex: ExtremesOut = { min: 0, tMin: 0, max: 0, tMax: 0 };

/** Exact extremes of quantity q along the member (both sides of every jump included). */
function extremesOfQuantity(v: DiagramView, q: number): ExtremeValue {
  const d = v.data;
  const len = polyLength(v.shape, q);
  let min = d[v.start + q];
  let max = min;
  let xMin = 0;
  let xMax = 0;
  for (let k = 0; k < v.segments; k++) {
    const a = v.a(k);
    extremesOf(d, v.poly(k, q), len, 0, v.b(k) - a, ex);
    const x1 = a + ex.tMin;
    if (ex.min < min) {
      min = ex.min;
      xMin = x1;
    }
    if (ex.min > max) {
      max = ex.min;
      xMax = x1;
    }
    const x2 = a + ex.tMax;
    if (ex.max < min) {
      min = ex.max;
      xMin = x2;
    }
    if (ex.max > max) {
      max = ex.max;
      xMax = x2;
    }
  }
  const e = d[v.end + q];
  if (e < min) {
    min = e;
    xMin = v.L;
  }
  if (e > max) {
    max = e;
    xMax = v.L;
  }
  return { min: min + 0, xMin: xMin + 0, max: max + 0, xMax: xMax + 0 };
}

export function diagramExtremes(v: DiagramView): Record<Quantity, ExtremeValue> {
  // One literal in QUANTITIES order, so every record has the same shape.
  return {
    N: extremesOfQuantity(v, 0),
    Vy: extremesOfQuantity(v, 1),
    Vz: extremesOfQuantity(v, 2),
    T: extremesOfQuantity(v, 3),
    My: extremesOfQuantity(v, 4),
    Mz: extremesOfQuantity(v, 5),
    dy: extremesOfQuantity(v, 6),
    dz: extremesOfQuantity(v, 7),
  };
}
