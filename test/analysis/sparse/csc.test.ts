import { strict as assert } from 'node:assert';
import { multiply, residualNorm, type SymmetricCsc } from '../../../language-server/src/analysis/sparse';
import { permuteSymmetric, validateSymmetricCsc } from '../../../language-server/src/analysis/sparse/csc';
import { maxAbsDiff, randomSpd, randomVector, rng, toDense } from './fixtures/generators';

function denseMultiply(n: number, a: Float64Array, x: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[i] += a[i * n + j] * x[j];
  return y;
}

describe('sparse: symmetric CSC', () => {
  const random = rng(11);
  const A = randomSpd(40, 3, random);

  it('multiplies with both triangles', () => {
    const x = randomVector(40, random);
    const y = multiply(A, x);
    const yd = denseMultiply(40, toDense(A), x);
    assert.ok(maxAbsDiff(y, yd) < 1e-12 * Math.max(1, Math.max(...yd.map(Math.abs))));
  });

  it('computes relative residuals, and the absolute one when b = 0', () => {
    const x = randomVector(40, random);
    const b = multiply(A, x);
    assert.ok(residualNorm(A, x, b) < 1e-15);
    const zero = new Float64Array(40);
    assert.equal(residualNorm(A, zero, zero), 0);
    assert.ok(residualNorm(A, x, zero) > 0);
    b[0] += 1;
    assert.ok(residualNorm(A, x, b) > 0);
  });

  it('permutes symmetrically into sorted lower and upper forms', () => {
    const n = A.n;
    const perm = Int32Array.from({ length: n }, (_, k) => (k * 17) % n); // 17 is coprime to 40
    const pinv = new Int32Array(n);
    perm.forEach((old, k) => (pinv[old] = k));
    const { lower, upper } = permuteSymmetric(A, pinv, true);
    validateSymmetricCsc(lower);
    const a = toDense(A);
    const c = toDense(lower);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) assert.equal(c[i * n + j], a[perm[i] * n + perm[j]]);
    for (let k = 0; k < n; k++) {
      for (let p = upper.colPtr[k]; p < upper.colPtr[k + 1]; p++) {
        assert.ok(upper.rowIdx[p] <= k);
        if (p > upper.colPtr[k]) assert.ok(upper.rowIdx[p] > upper.rowIdx[p - 1]);
        assert.equal(upper.values[p], c[k * n + upper.rowIdx[p]]);
      }
    }
  });

  it('rejects malformed matrices', () => {
    const base = (): SymmetricCsc => ({
      n: 2,
      colPtr: Int32Array.from([0, 2, 3]),
      rowIdx: Int32Array.from([0, 1, 1]),
      values: Float64Array.from([2, -1, 2]),
    });
    validateSymmetricCsc(base());
    const upperEntry = base();
    upperEntry.rowIdx[2] = 0; // (0, 1) is above the diagonal
    assert.throws(() => validateSymmetricCsc(upperEntry), /lower triangle/);
    const unsorted = base();
    unsorted.rowIdx[0] = 1;
    unsorted.rowIdx[1] = 0;
    assert.throws(() => validateSymmetricCsc(unsorted), /lower triangle|increasing/);
    const duplicate = base();
    duplicate.rowIdx[0] = 1;
    assert.throws(() => validateSymmetricCsc(duplicate), /increasing/);
    const nan = base();
    nan.values[1] = Number.NaN;
    assert.throws(() => validateSymmetricCsc(nan), /NaN/);
    const shortPtr = base();
    shortPtr.colPtr = Int32Array.from([0, 2]);
    assert.throws(() => validateSymmetricCsc(shortPtr), /colPtr/);
    assert.throws(() => multiply(base(), new Float64Array(3)), RangeError);
  });
});
