// Dense polynomials p(t) = c[0] + c[1] t + c[2] t² + … on one segment of a member. Every
// diagram between two stations is such a polynomial in t = x − a (a = the segment's start), so
// values, superposition and extremes are exact up to rounding, never sampled.

export type Poly = number[];

export function polyEval(p: Poly, t: number): number {
  let v = 0;
  for (let k = p.length - 1; k >= 0; k--) v = v * t + p[k];
  return v;
}

/** Degree, ignoring exact-zero leading coefficients; −1 for the zero polynomial. */
export function polyDegree(p: Poly): number {
  for (let k = p.length - 1; k >= 0; k--) if (p[k] !== 0) return k;
  return -1;
}

export function polyAdd(p: Poly, q: Poly): Poly {
  const r = new Array<number>(Math.max(p.length, q.length)).fill(0);
  for (let k = 0; k < p.length; k++) r[k] += p[k];
  for (let k = 0; k < q.length; k++) r[k] += q[k];
  return r;
}

/** acc += s·p, growing acc as needed. */
export function polyAddScaledInPlace(acc: Poly, p: Poly, s: number): void {
  while (acc.length < p.length) acc.push(0);
  for (let k = 0; k < p.length; k++) acc[k] += s * p[k];
}

export function polyScale(p: Poly, s: number): Poly {
  return p.map((c) => c * s);
}

export function polyMul(p: Poly, q: Poly): Poly {
  if (p.length === 0 || q.length === 0) return [];
  const r = new Array<number>(p.length + q.length - 1).fill(0);
  for (let i = 0; i < p.length; i++) for (let j = 0; j < q.length; j++) r[i + j] += p[i] * q[j];
  return r;
}

/** ∫₀ᵗ p + c0. */
export function polyIntegrate(p: Poly, c0 = 0): Poly {
  const r = new Array<number>(p.length + 1);
  r[0] = c0;
  for (let k = 0; k < p.length; k++) r[k + 1] = p[k] / (k + 1);
  return r;
}

export function polyDerivative(p: Poly): Poly {
  const r: Poly = [];
  for (let k = 1; k < p.length; k++) r.push(k * p[k]);
  return r;
}

/** The coefficients of s ↦ p(s + h) (Taylor shift by repeated synthetic division). */
export function polyShift(p: Poly, h: number): Poly {
  const r = p.slice();
  if (h === 0) return r;
  const n = r.length;
  for (let i = 0; i < n - 1; i++) for (let k = n - 2; k >= i; k--) r[k] += h * r[k + 1];
  return r;
}

/** ∫ₐᵇ p(t) dt, exactly from the antiderivative. */
export function polyDefiniteIntegral(p: Poly, a: number, b: number): number {
  const P = polyIntegrate(p);
  return polyEval(P, b) - polyEval(P, a);
}

/** Real roots of p in [lo, hi], ascending. Crossings are bracketed between consecutive critical
 * points (found recursively from p′), then refined by safeguarded Newton; a root where p only
 * touches zero is found when it is a critical point with p = 0 exactly. */
export function polyRealRoots(p: Poly, lo: number, hi: number): number[] {
  const n = polyDegree(p);
  if (n <= 0 || !(hi >= lo)) return [];
  if (n === 1) {
    const t = -p[0] / p[1];
    return t >= lo && t <= hi ? [t] : [];
  }
  if (n === 2) return quadraticRoots(p[0], p[1], p[2], lo, hi);
  const dp = polyDerivative(p.slice(0, n + 1));
  const pts = [lo, ...polyRealRoots(dp, lo, hi).filter((t) => t > lo && t < hi), hi];
  const roots: number[] = [];
  for (let k = 0; k + 1 < pts.length; k++) {
    const u = pts[k];
    const v = pts[k + 1];
    const fu = polyEval(p, u);
    const fv = polyEval(p, v);
    if (fu === 0) pushUnique(roots, u);
    else if (fv !== 0 && fu > 0 !== fv > 0) pushUnique(roots, refineRoot(p, dp, u, v, fu));
  }
  if (polyEval(p, hi) === 0) pushUnique(roots, hi);
  return roots;
}

/** Roots of a t² + b t + c in [lo, hi] by the cancellation-free formula. A double root lost
 * to a slightly negative discriminant is a point where the polynomial only touches zero, which
 * no caller needs (it is neither a sign change nor, for a derivative, an extremum). */
function quadraticRoots(c: number, b: number, a: number, lo: number, hi: number): number[] {
  const disc = b * b - 4 * a * c;
  if (disc < 0) return [];
  const q = -0.5 * (b + (b >= 0 ? Math.sqrt(disc) : -Math.sqrt(disc)));
  const r1 = q / a;
  const r2 = q !== 0 ? c / q : r1;
  const out: number[] = [];
  for (const t of r1 <= r2 ? [r1, r2] : [r2, r1]) if (t >= lo && t <= hi) pushUnique(out, t);
  return out;
}

function pushUnique(list: number[], t: number): void {
  if (list.length === 0 || list[list.length - 1] !== t) list.push(t);
}

/** A root of p in (u, v) where p(u) and p(v) have opposite signs. */
function refineRoot(p: Poly, dp: Poly, u: number, v: number, fu: number): number {
  let a = u;
  let b = v;
  const sa = fu > 0;
  let t = 0.5 * (a + b);
  for (let it = 0; it < 200; it++) {
    const f = polyEval(p, t);
    if (f === 0) return t;
    if (f > 0 === sa) a = t;
    else b = t;
    const d = polyEval(dp, t);
    let next = d !== 0 ? t - f / d : NaN;
    if (!(next > a && next < b)) next = 0.5 * (a + b);
    if (next === t || b - a <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b))) return next;
    t = next;
  }
  return t;
}

export interface Extremes {
  min: number;
  tMin: number;
  max: number;
  tMax: number;
}

/** Exact minimum and maximum of p on [lo, hi]: at an end or where p′ = 0. */
export function polyExtremes(p: Poly, lo: number, hi: number): Extremes {
  const candidates = [lo, hi, ...polyRealRoots(polyDerivative(p), lo, hi)];
  const r: Extremes = { min: Infinity, tMin: lo, max: -Infinity, tMax: lo };
  for (const t of candidates) {
    const v = polyEval(p, t);
    if (v < r.min) {
      r.min = v;
      r.tMin = t;
    }
    if (v > r.max) {
      r.max = v;
      r.tMax = t;
    }
  }
  return r;
}
