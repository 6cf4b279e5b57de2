import { strict as assert } from 'node:assert';
import { denseSolve, factorize, multiply, residualNorm, type FactorOptions, type SymmetricCsc } from '../../../language-server/src/analysis/sparse';
import type { SparseLdlFactor } from '../../../language-server/src/analysis/sparse/factor';
import type { SimpleLdlFactor } from '../../../language-server/src/analysis/sparse/ldl-numeric';
import type { SupernodalFactor } from '../../../language-server/src/analysis/sparse/supernodal';
import { assembleFrame, gridFrame } from './fixtures/frame-stiffness';
import { laplacian2d, laplacian3d, maxAbs, maxAbsDiff, randomSpd, randomVector, rng, toDense } from './fixtures/generators';

const VARIANTS: FactorOptions[] = [
  { ordering: 'amd', supernodal: true },
  { ordering: 'amd', supernodal: false },
  { ordering: 'natural', supernodal: true },
  { ordering: 'natural', supernodal: false },
];

function relDiff(x: Float64Array, y: Float64Array): number {
  return maxAbsDiff(x, y) / Math.max(maxAbs(y), Number.MIN_VALUE);
}

describe('sparse: factorize and solve', () => {
  it('matches the dense reference on random SPD matrices', () => {
    const random = rng(2024);
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + Math.floor(random() * 90);
      const A = randomSpd(n, 1 + Math.floor(random() * 4), random);
      const b = randomVector(n, random);
      const expected = denseSolve(n, toDense(A), b);
      for (const options of VARIANTS) {
        const f = factorize(A, options);
        assert.equal(f.zeroPivots.length, 0);
        const x = f.solve(b);
        assert.ok(relDiff(x, expected) < 1e-10, `trial ${trial} ${JSON.stringify(options)}: ${relDiff(x, expected)}`);
      }
    }
  });

  it('solves 2D and 3D Laplacians to a small residual', () => {
    const random = rng(9);
    for (const A of [laplacian2d(40, 30), laplacian3d(11, 10, 9)]) {
      const b = randomVector(A.n, random);
      for (const options of VARIANTS) {
        const x = factorize(A, options).solve(b);
        assert.ok(residualNorm(A, x, b) < 1e-13, `${JSON.stringify(options)}: ${residualNorm(A, x, b)}`);
      }
    }
  });

  it('solves a 3D frame stiffness matrix (dense 12×12 member blocks)', () => {
    const { A } = assembleFrame(gridFrame(4, 4, 4));
    const b = randomVector(A.n, rng(4));
    const expected = denseSolve(A.n, toDense(A), b);
    for (const options of VARIANTS) {
      const f = factorize(A, options);
      assert.equal(f.zeroPivots.length, 0);
      const x = f.solve(b);
      assert.ok(residualNorm(A, x, b) < 1e-11, `${JSON.stringify(options)}: ${residualNorm(A, x, b)}`);
      assert.ok(relDiff(x, expected) < 1e-8, `${JSON.stringify(options)}: ${relDiff(x, expected)}`);
    }
  });

  it('AMD and natural ordering give the same solution, AMD with less fill (30×30 grid)', () => {
    const A = laplacian2d(30, 30);
    const b = randomVector(A.n, rng(30));
    const amd = factorize(A, { ordering: 'amd' });
    const natural = factorize(A, { ordering: 'natural' });
    assert.ok(amd.stats.nnzL < natural.stats.nnzL, `${amd.stats.nnzL} vs ${natural.stats.nnzL}`);
    assert.ok(relDiff(amd.solve(b), natural.solve(b)) < 1e-13);
  });

  it('supernodal and reference factors agree to ~1e-12, including multi-panel supernodes', () => {
    for (const A of [assembleFrame(gridFrame(5, 4, 6)).A, laplacian3d(9, 9, 9), randomSpd(300, 4, rng(77))]) {
      const sn = factorize(A, { supernodal: true }) as SparseLdlFactor;
      const ref = factorize(A, { supernodal: false }) as SparseLdlFactor;
      assert.deepEqual(Array.from(sn.perm), Array.from(ref.perm), 'same permutation');
      assert.equal(sn.stats.nnzL, ref.stats.nnzL);
      assert.ok(sn.stats.supernodes < ref.stats.supernodes);
      const Dsn = (sn.numeric as SupernodalFactor).D;
      const Dref = (ref.numeric as SimpleLdlFactor).D;
      assert.ok(relDiff(Dsn, Dref) < 1e-12, `D differs by ${relDiff(Dsn, Dref)}`);
      const b = randomVector(A.n, rng(5));
      assert.ok(relDiff(sn.solve(b), ref.solve(b)) < 1e-12);
    }
    // The frame case must actually exercise supernodes wider than one panel.
    const sn = factorize(assembleFrame(gridFrame(5, 4, 6)).A) as SparseLdlFactor;
    assert.ok((sn.numeric as SupernodalFactor).S.maxCols > 64);
  });

  it('solveMany equals repeated solve, across block boundaries', () => {
    const { A } = assembleFrame(gridFrame(3, 3, 4));
    const random = rng(31);
    const B = Array.from({ length: 33 }, () => randomVector(A.n, random));
    for (const supernodal of [true, false]) {
      const f = factorize(A, { supernodal });
      const many = f.solveMany(B);
      assert.equal(many.length, 33);
      B.forEach((b, r) => assert.ok(relDiff(many[r], f.solve(b)) < 1e-13, `case ${r}`));
      assert.deepEqual(f.solveMany([]), []);
    }
  });

  it('reports statistics', () => {
    const A = laplacian2d(20, 20);
    const f = factorize(A);
    assert.equal(f.n, 400);
    assert.equal(f.stats.nnzA, A.colPtr[A.n]);
    assert.ok(f.stats.nnzL >= f.stats.nnzA);
    assert.ok(f.stats.supernodes > 0 && f.stats.supernodes < 400);
    for (const t of [f.stats.orderingMs, f.stats.symbolicMs, f.stats.numericMs]) assert.ok(t >= 0 && Number.isFinite(t));
    assert.equal(factorize(A, { supernodal: false }).stats.supernodes, 400);
  });

  it('leaves the input matrix untouched', () => {
    const A = randomSpd(50, 3, rng(8));
    const copy: SymmetricCsc = { n: A.n, colPtr: A.colPtr.slice(), rowIdx: A.rowIdx.slice(), values: A.values.slice() };
    const b = randomVector(50, rng(1));
    const bCopy = b.slice();
    factorize(A).solve(b);
    assert.deepEqual(A, copy);
    assert.deepEqual(b, bCopy);
    assert.ok(maxAbsDiff(multiply(A, factorize(A).solve(b)), b) < 1e-10 * maxAbs(b));
  });
});
