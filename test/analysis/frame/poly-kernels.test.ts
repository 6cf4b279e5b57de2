// The allocation-free polynomial kernels used per member and case (poly-kernels.ts) must give
// exactly — bit for bit, signed zeros included — what the plain-array polynomial.ts functions
// give, because the results documents must not change when the engine is optimised. Also the
// in-place position deduplication against its list definition.
import { strict as assert } from 'node:assert';
import { polyEval, polyExtremes, polyRealRoots, polyShift } from '../../../language-server/src/analysis/polynomial';
import { evalAt, extremesOf, realRoots, shiftInto, MAX_COEFFS, type ExtremesOut } from '../../../language-server/src/analysis/poly-kernels';
import { uniqueInPlace } from '../../../language-server/src/analysis/positions';
import { POSITION_TOLERANCE } from '../../../language-server/src/analysis/diagram-store';
import { prng } from './random-frames';

function same(actual: number, expected: number, what: string): void {
  assert.ok(Object.is(actual, expected), `${what}: ${actual} vs ${expected}`);
}

/** Random polynomials as diagrams make them: random coefficients, some exact (signed) zeros,
 * leading zeros, roots in the interval, and a zero-padded copy in a larger buffer. */
function randomPoly(r: () => number): number[] {
  const len = Math.floor(r() * 11);
  const p: number[] = [];
  for (let k = 0; k < len; k++) {
    const u = r();
    p.push(u < 0.1 ? 0 : u < 0.15 ? -0 : (r() - 0.5) * 10 ** Math.floor(r() * 8 - 4));
  }
  if (len > 0 && r() < 0.2) p[len - 1] = 0;
  return p;
}

function packed(p: number[], offset: number, padTo: number): Float64Array {
  const c = new Float64Array(offset + Math.max(padTo, p.length) + 3).fill(7);
  for (let k = 0; k < Math.max(padTo, p.length); k++) c[offset + k] = k < p.length ? p[k] : 0;
  return c;
}

describe('analysis: allocation-free polynomial kernels', () => {
  it('evaluate, find roots and extremes exactly as polynomial.ts, padded or not (2000 random polynomials)', () => {
    const r = prng(11);
    const ex: ExtremesOut = { min: 0, tMin: 0, max: 0, tMax: 0 };
    const roots = new Float64Array(MAX_COEFFS);
    for (let trial = 0; trial < 2000; trial++) {
      const p = randomPoly(r);
      const lo = r() < 0.2 ? 0 : -2 * r();
      const hi = lo + 4 * r();
      const o = Math.floor(r() * 5);
      for (const len of [p.length, Math.max(p.length, 6)]) {
        const c = packed(p, o, len);
        for (const t of [lo, hi, 0.5 * (lo + hi), -0]) same(evalAt(c, o, len, t), polyEval(p, t), `eval ${p} at ${t}`);
        const expected = polyRealRoots(p, lo, hi);
        const n = realRoots(c, o, len, lo, hi, roots, 0, 0);
        assert.equal(n, expected.length, `roots of ${p}`);
        expected.forEach((x, k) => same(roots[k], x, `root ${k} of ${p}`));
        const e = polyExtremes(p, lo, hi);
        extremesOf(c, o, len, lo, hi, ex);
        same(ex.min, e.min, `min of ${p}`);
        same(ex.tMin, e.tMin, `tMin of ${p}`);
        same(ex.max, e.max, `max of ${p}`);
        same(ex.tMax, e.tMax, `tMax of ${p}`);
      }
    }
  });

  it('finds the roots of polynomials with known roots, degrees 3–10', () => {
    const r = prng(12);
    const roots = new Float64Array(MAX_COEFFS);
    for (let trial = 0; trial < 300; trial++) {
      const deg = 3 + Math.floor(r() * 8);
      const xs = Array.from({ length: deg }, () => -3 + 6 * r()).sort((a, b) => a - b);
      if (xs.some((x, k) => k > 0 && x - xs[k - 1] < 1e-2)) continue;
      let p = [1];
      // p ← p · (t − x)
      for (const x of xs) p = Array.from({ length: p.length + 1 }, (_, k) => (k > 0 ? p[k - 1] : 0) - x * (k < p.length ? p[k] : 0));
      const n = realRoots(Float64Array.from(p), 0, p.length, -2, 2.5, roots, 0, 0);
      const expected = xs.filter((x) => x >= -2 && x <= 2.5);
      assert.equal(n, expected.length, `degree ${deg}`);
      expected.forEach((x, k) => assert.ok(Math.abs(roots[k] - x) < 1e-8, `root ${roots[k]} vs ${x}`));
    }
  });

  it('shifts exactly as polyShift', () => {
    const r = prng(13);
    const out = new Float64Array(MAX_COEFFS);
    for (let trial = 0; trial < 1000; trial++) {
      const p = randomPoly(r);
      const h = r() < 0.1 ? 0 : (r() - 0.5) * 8;
      const c = packed(p, 2, p.length);
      shiftInto(c, 2, p.length, h, out, 0);
      polyShift(p, h).forEach((x, k) => same(out[k], x, `shift ${p} by ${h}, coefficient ${k}`));
    }
  });

  it('deduplicates positions as the list definition: sorted, finite, one per tolerance cluster', () => {
    const r = prng(14);
    for (let trial = 0; trial < 1000; trial++) {
      const L = 0.5 + 10 * r();
      const n = Math.floor(r() * 70);
      const xs = Array.from({ length: n }, () => {
        const u = r();
        if (u < 0.05) return NaN;
        if (u < 0.08) return Infinity;
        if (u < 0.3) return Math.round(r() * 10) * (L / 10) * (1 + (r() - 0.5) * 4 * POSITION_TOLERANCE);
        return r() * L;
      });
      const sorted = Float64Array.from(xs).sort();
      const expected: number[] = [];
      for (const x of sorted) if (Number.isFinite(x) && (expected.length === 0 || x - expected[expected.length - 1] > POSITION_TOLERANCE * L)) expected.push(x);
      const buf = Float64Array.from(xs);
      const kept = uniqueInPlace(buf, n, L);
      assert.deepEqual(Array.from(buf.subarray(0, kept)), expected);
    }
  });
});
