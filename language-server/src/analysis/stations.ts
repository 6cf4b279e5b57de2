// Member diagrams: the resultants N Vy Vz T My Mz (on the cut face with outward normal +x,
// local axes) and the axis displacements dy dz, as exact piecewise polynomials of x, and the
// stations sampled from them (results spec "stations").
//
// From the free body [0, x] with S(0) = −F_i:
//   N′ = −qx, Vy′ = −qy, Vz′ = −qz, T′ = −mx, My′ = Vz − my, Mz′ = −Vy − mz,
// a point load P (forces and moments) makes S jump by −P. Displacements integrate the
// curvatures from the member's own end-i displacement (released DOFs recovered):
//   θz′ = Mz/EIz, θy′ = My/EIy, v′ = θz + Vy/GAy, w′ = −θy + Vz/GAz.
// A truss member's own bending is not modelled: its dy, dz are linear between its ends.
import type { Station } from './results';
import type { Poly } from './polynomial';
import { polyAddScaledInPlace, polyEval, polyExtremes, polyIntegrate, polyScale, polyShift } from './polynomial';
import type { MemberLoads } from './member-loads';

export const QUANTITIES = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz', 'dy', 'dz'] as const;
export type Quantity = (typeof QUANTITIES)[number];
export const Q_COUNT = 8;

export interface DiagramSegment {
  a: number;
  b: number;
  /** One polynomial per quantity, in t = x − a. */
  polys: Poly[];
}

export interface MemberDiagram {
  L: number;
  segments: DiagramSegment[];
  /** Values at x = 0 before any jump there (resultants −F_i) and at x = L after every jump. */
  start: number[];
  end: number[];
  /** Point-load positions: two stations each (before, then after). */
  jumps: number[];
  /** Load starts and ends. */
  marks: number[];
}

export interface DiagramSection {
  EIy: number;
  EIz: number;
  GAy: number;
  GAz: number;
}

/** Positions closer than this fraction of L are the same station. */
export const POSITION_TOLERANCE = 1e-9;

export function uniquePositions(xs: number[], L: number): number[] {
  const eps = POSITION_TOLERANCE * L;
  const sorted = Float64Array.from(xs).sort();
  const out: number[] = [];
  for (const x of sorted) {
    if (Number.isFinite(x) && (out.length === 0 || x - out[out.length - 1] > eps)) out.push(x);
  }
  return out;
}

function snap(x: number, positions: number[], L: number): number {
  const eps = POSITION_TOLERANCE * L;
  for (const p of positions) if (Math.abs(p - x) <= eps) return p;
  return x;
}

/**
 * The diagram of one member in one load case. `F` are the local end forces (forces the nodes
 * exert on the member), `d` the member's own local end displacements, `bending` false for a
 * truss member.
 */
export function buildDiagram(
  L: number,
  F: ArrayLike<number>,
  d: ArrayLike<number>,
  loads: MemberLoads | undefined,
  section: DiagramSection,
  bending: boolean,
): MemberDiagram {
  const linear = loads?.linear ?? [];
  const points = loads?.points ?? [];
  const jumps = uniquePositions(points.map((p) => p.x), L);
  const marks = uniquePositions(linear.flatMap((l) => [l.a, l.b]), L);
  const breaks = uniquePositions([0, L, ...jumps, ...marks], L);
  const snapped = points.map((p) => ({ x: snap(p.x, breaks, L), p: p.p }));
  const S = [-F[0], -F[1], -F[2], -F[3], -F[4], -F[5]];
  let thY = d[4];
  let thZ = d[5];
  let v = d[1];
  let w = d[2];
  const start = [...S, v, w];
  const applyJumps = (x: number) => {
    for (const p of snapped) if (p.x === x) for (let c = 0; c < 6; c++) S[c] -= p.p[c];
  };
  applyJumps(breaks[0]);
  const invEIy = section.EIy > 0 ? 1 / section.EIy : 0;
  const invEIz = section.EIz > 0 ? 1 / section.EIz : 0;
  const invGAy = 1 / section.GAy;
  const invGAz = 1 / section.GAz;
  const segments: DiagramSegment[] = [];
  for (let k = 0; k + 1 < breaks.length; k++) {
    const a = breaks[k];
    const b = breaks[k + 1];
    const len = b - a;
    const q: Poly[] = [0, 1, 2, 3, 4, 5].map(() => [0, 0]);
    for (const l of linear) {
      if (l.a > a + POSITION_TOLERANCE * L || l.b < b - POSITION_TOLERANCE * L) continue;
      const span = l.b - l.a;
      for (let c = 0; c < 6; c++) {
        const slope = (l.qb[c] - l.qa[c]) / span;
        q[c][0] += l.qa[c] + slope * (a - l.a);
        q[c][1] += slope;
      }
    }
    const N = polyIntegrate(polyScale(q[0], -1), S[0]);
    const Vy = polyIntegrate(polyScale(q[1], -1), S[1]);
    const Vz = polyIntegrate(polyScale(q[2], -1), S[2]);
    const T = polyIntegrate(polyScale(q[3], -1), S[3]);
    const dMy = Vz.slice();
    polyAddScaledInPlace(dMy, q[4], -1);
    const My = polyIntegrate(dMy, S[4]);
    const dMz = polyScale(Vy, -1);
    polyAddScaledInPlace(dMz, q[5], -1);
    const Mz = polyIntegrate(dMz, S[5]);
    let dy: Poly;
    let dz: Poly;
    if (bending) {
      const tz = polyIntegrate(polyScale(Mz, invEIz), thZ);
      const ty = polyIntegrate(polyScale(My, invEIy), thY);
      const dv = tz.slice();
      if (invGAy !== 0) polyAddScaledInPlace(dv, Vy, invGAy);
      const dw = polyScale(ty, -1);
      if (invGAz !== 0) polyAddScaledInPlace(dw, Vz, invGAz);
      dy = polyIntegrate(dv, v);
      dz = polyIntegrate(dw, w);
      thZ = polyEval(tz, len);
      thY = polyEval(ty, len);
    } else {
      dy = [d[1] + ((d[7] - d[1]) * a) / L, (d[7] - d[1]) / L];
      dz = [d[2] + ((d[8] - d[2]) * a) / L, (d[8] - d[2]) / L];
    }
    const polys = [N, Vy, Vz, T, My, Mz, dy, dz];
    segments.push({ a, b, polys });
    for (let c = 0; c < 6; c++) S[c] = polyEval(polys[c], len);
    v = polyEval(dy, len);
    w = polyEval(dz, len);
    applyJumps(b);
  }
  return { L, segments, start, end: [...S, v, w], jumps, marks };
}

/** The segment index whose [a, b] contains x (the first one when x is a shared end). */
function segmentAt(diagram: MemberDiagram, x: number): number {
  const segs = diagram.segments;
  const eps = POSITION_TOLERANCE * diagram.L;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].b < x - eps) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Values at x; side 'before' or 'after' matters only at a jump (or an end). */
export function evaluateDiagram(diagram: MemberDiagram, x: number, side: 'before' | 'after'): number[] {
  const eps = POSITION_TOLERANCE * diagram.L;
  const segs = diagram.segments;
  if (segs.length === 0) return side === 'before' ? diagram.start.slice() : diagram.end.slice();
  if (side === 'before' && x <= eps) return diagram.start.slice();
  if (side === 'after' && x >= diagram.L - eps) return diagram.end.slice();
  let k = segmentAt(diagram, x);
  // At a shared end, 'after' takes the next segment.
  if (side === 'after' && k + 1 < segs.length && Math.abs(segs[k].b - x) <= eps) k++;
  const s = segs[k];
  const t = Math.min(Math.max(x - s.a, 0), s.b - s.a);
  return s.polys.map((p) => polyEval(p, t));
}

/** (`+ 0` turns −0 into 0, so documents never show "-0".) */
function station(x: number, v: number[]): Station {
  return { x: x + 0, N: v[0] + 0, Vy: v[1] + 0, Vz: v[2] + 0, T: v[3] + 0, My: v[4] + 0, Mz: v[5] + 0, dy: v[6] + 0, dz: v[7] + 0 };
}

/** Station positions: every tenth, every segment end, point load and load start/end. */
export function stationPositions(diagram: MemberDiagram): number[] {
  const L = diagram.L;
  const xs: number[] = [];
  for (let k = 0; k <= 10; k++) xs.push(k === 10 ? L : (k * L) / 10);
  for (const s of diagram.segments) xs.push(s.a, s.b);
  xs.push(...diagram.jumps, ...diagram.marks);
  return uniquePositions(xs, L);
}

export function stationsOf(diagram: MemberDiagram): Station[] {
  const eps = POSITION_TOLERANCE * diagram.L;
  const out: Station[] = [];
  for (const x of stationPositions(diagram)) {
    const isJump = diagram.jumps.some((p) => Math.abs(p - x) <= eps);
    if (isJump) {
      out.push(station(x, evaluateDiagram(diagram, x, 'before')));
      out.push(station(x, evaluateDiagram(diagram, x, 'after')));
    } else {
      // Without a jump both sides agree; at x = L take the segment (its value is the end's).
      out.push(station(x, evaluateDiagram(diagram, x, x >= diagram.L - eps ? 'before' : 'after')));
    }
  }
  return out;
}

export interface QuantityExtremes {
  min: number;
  xMin: number;
  max: number;
  xMax: number;
}

/** Exact extremes of every quantity along the member (both sides of every jump included). */
export function diagramExtremes(diagram: MemberDiagram): Record<Quantity, QuantityExtremes> {
  const out = {} as Record<Quantity, QuantityExtremes>;
  QUANTITIES.forEach((name, q) => {
    const r: QuantityExtremes = { min: diagram.start[q], xMin: 0, max: diagram.start[q], xMax: 0 };
    const consider = (v: number, x: number) => {
      if (v < r.min) {
        r.min = v;
        r.xMin = x;
      }
      if (v > r.max) {
        r.max = v;
        r.xMax = x;
      }
    };
    for (const s of diagram.segments) {
      const e = polyExtremes(s.polys[q], 0, s.b - s.a);
      consider(e.min, s.a + e.tMin);
      consider(e.max, s.a + e.tMax);
    }
    consider(diagram.end[q], diagram.L);
    out[name] = { min: r.min + 0, xMin: r.xMin + 0, max: r.max + 0, xMax: r.xMax + 0 };
  });
  return out;
}

/** Σ factor·diagram, exactly: segments split at the union of all break points, each case's
 * polynomial re-expanded about the new segment's start. */
export function combineDiagrams(terms: { diagram: MemberDiagram; factor: number }[], L: number): MemberDiagram {
  const used = terms.filter((t) => t.factor !== 0);
  const breaks = uniquePositions([0, L, ...used.flatMap((t) => t.diagram.segments.flatMap((s) => [s.a, s.b]))], L);
  const start = new Array<number>(Q_COUNT).fill(0);
  const end = new Array<number>(Q_COUNT).fill(0);
  for (const { diagram, factor } of terms) {
    for (let q = 0; q < Q_COUNT; q++) {
      start[q] += factor * diagram.start[q];
      end[q] += factor * diagram.end[q];
    }
  }
  const segments: DiagramSegment[] = [];
  for (let k = 0; k + 1 < breaks.length; k++) {
    const a = breaks[k];
    const b = breaks[k + 1];
    const mid = 0.5 * (a + b);
    const polys: Poly[] = Array.from({ length: Q_COUNT }, () => []);
    for (const { diagram, factor } of used) {
      if (diagram.segments.length === 0) continue;
      const s = diagram.segments[segmentAt(diagram, mid)];
      for (let q = 0; q < Q_COUNT; q++) polyAddScaledInPlace(polys[q], polyShift(s.polys[q], a - s.a), factor);
    }
    segments.push({ a, b, polys });
  }
  return {
    L,
    segments,
    start,
    end,
    jumps: uniquePositions(used.flatMap((t) => t.diagram.jumps), L),
    marks: uniquePositions(used.flatMap((t) => t.diagram.marks), L),
  };
}
