import { strict as assert } from 'node:assert';
import { denseSolve, factorize, residualNorm, TripletBuilder, type SymmetricCsc } from '../../../language-server/src/analysis/sparse';

function csc(n: number, colPtr: number[], rowIdx: number[], values: number[]): SymmetricCsc {
  return { n, colPtr: Int32Array.from(colPtr), rowIdx: Int32Array.from(rowIdx), values: Float64Array.from(values) };
}

describe('sparse: edge cases', () => {
  it('handles n = 0', () => {
    for (const supernodal of [true, false]) {
      const f = factorize(csc(0, [0], [], []), { supernodal });
      assert.equal(f.n, 0);
      assert.equal(f.stats.nnzL, 0);
      assert.deepEqual(f.zeroPivots, []);
      assert.equal(f.solve(new Float64Array(0)).length, 0);
      assert.deepEqual(f.solveMany([new Float64Array(0), new Float64Array(0)]).map((x) => x.length), [0, 0]);
    }
  });

  it('handles n = 1', () => {
    for (const supernodal of [true, false]) {
      const f = factorize(csc(1, [0, 1], [0], [4]), { supernodal });
      assert.deepEqual(Array.from(f.solve(Float64Array.from([2]))), [0.5]);
      const singular = factorize(csc(1, [0, 0], [], []), { supernodal });
      assert.equal(singular.zeroPivots.length, 1);
      assert.deepEqual(Array.from(singular.zeroPivots[0].nullVector), [1]);
    }
  });

  it('sums duplicate triplets before factorizing', () => {
    const t = new TripletBuilder(2);
    t.add(0, 0, 1);
    t.add(0, 0, 1); // 2
    t.add(1, 0, -0.5);
    t.add(0, 1, -0.5); // mirrored and summed: -1
    t.add(1, 1, 3);
    const A = t.toCsc();
    const x = factorize(A).solve(Float64Array.from([1, 2]));
    const expected = denseSolve(2, Float64Array.from([2, -1, -1, 3]), Float64Array.from([1, 2]));
    assert.ok(Math.abs(x[0] - expected[0]) < 1e-15 && Math.abs(x[1] - expected[1]) < 1e-15);
    assert.ok(residualNorm(A, x, Float64Array.from([1, 2])) < 1e-15);
  });

  it('solves diagonal and block-diagonal matrices with empty off-diagonal structure', () => {
    const A = csc(3, [0, 1, 2, 3], [0, 1, 2], [2, 4, 8]);
    for (const supernodal of [true, false]) assert.deepEqual(Array.from(factorize(A, { supernodal }).solve(Float64Array.from([2, 4, 8]))), [1, 1, 1]);
  });

  it('rejects bad input instead of producing NaN', () => {
    const A = csc(2, [0, 2, 3], [0, 1, 1], [2, -1, 2]);
    const f = factorize(A);
    assert.throws(() => f.solve(new Float64Array(3)), /length/);
    assert.throws(() => f.solve(Float64Array.from([1, Number.NaN])), /NaN/);
    assert.throws(() => f.solveMany([Float64Array.from([1, 1]), Float64Array.from([Infinity, 1])]), /Infinity/);
    assert.throws(() => factorize(csc(2, [0, 2, 3], [0, 1, 1], [2, Number.NaN, 2])), /NaN/);
    assert.throws(() => factorize(csc(2, [0, 1, 2], [1, 0], [1, 1])), /lower triangle/);
    assert.throws(() => factorize(A, { ordering: 'metis' as never }), /ordering/);
  });

  it('throws on overflow rather than returning non-finite numbers', () => {
    const tiny = csc(1, [0, 1], [0], [1e-300]);
    assert.throws(() => factorize(tiny).solve(Float64Array.from([1e300])), /overflow/);
    const wild = csc(2, [0, 2, 3], [0, 1, 1], [1e-300, 1e300, 1]);
    for (const supernodal of [true, false]) {
      assert.throws(() => factorize(wild, { supernodal, ordering: 'natural' }).solve(Float64Array.from([1, 1])), /overflow|Infinity|NaN/);
    }
  });

  it('denseSolve refuses a zero pivot', () => {
    assert.throws(() => denseSolve(2, Float64Array.from([0, 1, 1, 0]), Float64Array.from([1, 1])), RangeError);
    assert.throws(() => denseSolve(2, new Float64Array(3), new Float64Array(2)), RangeError);
  });
});
