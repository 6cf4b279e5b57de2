// Allocation-free versions of the polynomial.ts operations the per-case work needs, on
// coefficient blocks inside a Float64Array (`c[o + i]` is the coefficient of tⁱ, `len` of them).
// They run once per member, quantity and load case, so they must not allocate: the scratch
// buffers live here and are reused (the engine is single-threaded; nothing here re-enters).
//
// Every kernel performs the same floating-point operations in the same order as its
// polynomial.ts counterpart, so the results documents do not change by a bit;
// test/analysis/frame/poly-kernels.test.ts compares the two with Object.is.

/** The highest number of coefficients any kernel here accepts: the deflection check squares a
 * quintic (11 coefficients); diagrams themselves have at most 6. */
export const MAX_COEFFS = 16;

export function evalAt(c: Float64Array, o: number, len: number, t: number): number {
  let v = 0;
  for (let k = o + len - 1; k >= o; k--) v = v * t + c[k];
  return v;
}

/** Degree ignoring exact-zero leading coefficients; −1 for the zero polynomial. */
export function degreeOf(c: Float64Array, o: number, len: number): number {
  for (let k = len - 1; k >= 0; k--) if (c[o + k] !== 0) return k;
  return -1;
}

/** out[oo..] = the coefficients of s ↦ p(s + h) (polyShift). */
export function shiftInto(c: Float64Array, o: number, len: number, h: number, out: Float64Array, oo: number): void {
  for (let k = 0; k < len; k++) out[oo + k] = c[o + k];
  if (h === 0) return;
  for (let i = 0; i < len - 1; i++) for (let k = len - 2; k >= i; k--) out[oo + k] += h * out[oo + k + 1];
}

// One scratch level per recursion depth of realRoots: the trimmed derivative, its roots, and
// the bracketing points. Depth ≤ degree < MAX_COEFFS.
const derivs: Float64Array[] = [];
const rootBufs: Float64Array[] = [];
const pointBufs: Float64Array[] = [];
for (let level = 0; level <= MAX_COEFFS; level++) {
  derivs.push(new Float64Array(MAX_COEFFS));
  rootBufs.push(new Float64Array(MAX_COEFFS));
  pointBufs.push(new Float64Array(MAX_COEFFS + 2));
}

/**
 * polyRealRoots: the real roots of the polynomial in [lo, hi], ascending, written to
 * out[oo..]; returns how many. `level` picks the scratch (callers pass 0, or 1 when level 0
 * holds their own data, as `extremesOf` does).
 */
export function realRoots(c: Float64Array, o: number, len: number, lo: number, hi: number, out: Float64Array, oo: number, level: number): number {
  const n = degreeOf(c, o, len);
  if (n <= 0 || !(hi >= lo)) return 0;
  if (len > MAX_COEFFS) throw new Error(`polynomial of ${len} coefficients: at most ${MAX_COEFFS} supported`);
  if (n === 1) {
    const t = -c[o] / c[o + 1];
    if (t >= lo && t <= hi) {
      out[oo] = t;
      return 1;
    }
    return 0;
  }
  if (n === 2) return quadraticRoots(c[o], c[o + 1], c[o + 2], lo, hi, out, oo);
  // The derivative of p trimmed to its degree (n coefficients).
  const dp = derivs[level];
  for (let k = 1; k <= n; k++) dp[k - 1] = k * c[o + k];
  const pts = pointBufs[level];
  const dRoots = rootBufs[level];
  const nd = realRoots(dp, 0, n, lo, hi, dRoots, 0, level + 1);
  let np = 0;
  pts[np++] = lo;
  for (let k = 0; k < nd; k++) if (dRoots[k] > lo && dRoots[k] < hi) pts[np++] = dRoots[k];
  pts[np++] = hi;
  let count = 0;
  for (let k = 0; k + 1 < np; k++) {
    const u = pts[k];
    const v = pts[k + 1];
    const fu = evalAt(c, o, len, u);
    const fv = evalAt(c, o, len, v);
    let t = NaN;
    if (fu === 0) t = u;
    else if (fv !== 0 && fu > 0 !== fv > 0) t = refineRoot(c, o, len, dp, n, u, v, fu);
    if (t === t && (count === 0 || out[oo + count - 1] !== t)) out[oo + count++] = t;
  }
  if (evalAt(c, o, len, hi) === 0 && (count === 0 || out[oo + count - 1] !== hi)) out[oo + count++] = hi;
  return count;
}

/** Roots of a t² + b t + c in [lo, hi] (polynomial.ts quadraticRoots). */
function quadraticRoots(c: number, b: number, a: number, lo: number, hi: number, out: Float64Array, oo: number): number {
  const disc = b * b - 4 * a * c;
  if (disc < 0) return 0;
  const q = -0.5 * (b + (b >= 0 ? Math.sqrt(disc) : -Math.sqrt(disc)));
  const r1 = q / a;
  const r2 = q !== 0 ? c / q : r1;
  const first = r1 <= r2 ? r1 : r2;
  const second = r1 <= r2 ? r2 : r1;
  let count = 0;
  if (first >= lo && first <= hi) out[oo + count++] = first;
  if (second >= lo && second <= hi && (count === 0 || out[oo + count - 1] !== second)) out[oo + count++] = second;
  return count;
}

/** polynomial.ts refineRoot: safeguarded Newton in (u, v), p(u) and p(v) of opposite signs. */
function refineRoot(c: Float64Array, o: number, len: number, dp: Float64Array, nd: number, u: number, v: number, fu: number): number {
  let a = u;
  let b = v;
  const sa = fu > 0;
  let t = 0.5 * (a + b);
  for (let it = 0; it < 200; it++) {
    const f = evalAt(c, o, len, t);
    if (f === 0) return t;
    if (f > 0 === sa) a = t;
    else b = t;
    const d = evalAt(dp, 0, nd, t);
    let next = d !== 0 ? t - f / d : NaN;
    if (!(next > a && next < b)) next = 0.5 * (a + b);
    if (next === t || b - a <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b))) return next;
    t = next;
  }
  return t;
}

/** The result of `extremesOf`, reused by each caller. */
export interface ExtremesOut {
  min: number;
  tMin: number;
  max: number;
  tMax: number;
}

const topDeriv = new Float64Array(MAX_COEFFS);
const topRoots = new Float64Array(MAX_COEFFS);

/** polyExtremes: exact minimum and maximum on [lo, hi] (at an end or where p′ = 0), into r. */
export function extremesOf(c: Float64Array, o: number, len: number, lo: number, hi: number, r: ExtremesOut): void {
  // Candidates in polyExtremes' order: lo, hi, then the roots of the (untrimmed) derivative.
  for (let k = 1; k < len; k++) topDeriv[k - 1] = k * c[o + k];
  const nr = len > 1 ? realRoots(topDeriv, 0, len - 1, lo, hi, topRoots, 0, 0) : 0;
  r.min = Infinity;
  r.tMin = lo;
  r.max = -Infinity;
  r.tMax = lo;
  for (let k = -2; k < nr; k++) {
    const t = k === -2 ? lo : k === -1 ? hi : topRoots[k];
    const v = evalAt(c, o, len, t);
    if (v < r.min) {
      r.min = v;
      r.tMin = t;
    }
    if (v > r.max) {
      r.max = v;
      r.tMax = t;
    }
  }
}
