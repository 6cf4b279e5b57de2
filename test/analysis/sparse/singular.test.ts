import { strict as assert } from 'node:assert';
import { factorize, multiply, residualNorm, TripletBuilder, type SymmetricCsc, type ZeroPivot } from '../../../language-server/src/analysis/sparse';
import { assembleFrame, gridFrame, type FrameModel } from './fixtures/frame-stiffness';
import { matrixMaxAbs, maxAbs, randomVector, rng } from './fixtures/generators';

/** ||A x||∞ / (max |A_ij| · ||x||∞): how far x is from a null vector, independent of scaling. */
function nullResidual(A: SymmetricCsc, x: Float64Array): number {
  return maxAbs(multiply(A, x)) / (matrixMaxAbs(A) * maxAbs(x));
}

/** Numerical rank of a set of vectors (modified Gram–Schmidt). */
function rank(vectors: Float64Array[], tol = 1e-8): number {
  const basis: Float64Array[] = [];
  for (const v of vectors) {
    const w = v.slice();
    for (const q of basis) {
      let d = 0;
      for (let i = 0; i < w.length; i++) d += q[i] * w[i];
      for (let i = 0; i < w.length; i++) w[i] -= d * q[i];
    }
    const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
    if (norm > tol * Math.sqrt(v.reduce((s, x) => s + x * x, 0))) basis.push(w.map((x) => x / norm));
  }
  return basis.length;
}

function checkNormalised(z: ZeroPivot): void {
  const x = z.nullVector;
  assert.equal(maxAbs(x), 1);
  assert.ok(x.includes(1), 'largest entry is +1');
  assert.ok(x.every(Number.isFinite));
}

/** Scalar springs in a row: k between i and i+1 unless the link is broken; ground springs where asked. */
function springChain(n: number, broken: number[], grounded: number[]): SymmetricCsc {
  const t = new TripletBuilder(n);
  for (let i = 0; i + 1 < n; i++) {
    if (broken.includes(i)) continue;
    t.add(i, i, 1000);
    t.add(i + 1, i + 1, 1000);
    t.add(i + 1, i, -1000);
  }
  for (const g of grounded) t.add(g, g, 500);
  for (let i = 0; i < n; i++) t.add(i, i, 0); // every DOF has a (possibly zero) diagonal
  return t.toCsc();
}

describe('sparse: zero pivots and mechanisms', () => {
  it('finds the six rigid-body modes of an unsupported frame, in one factorization', () => {
    for (const [nx, ny, nz] of [[2, 2, 2], [4, 3, 4]]) {
      const { A } = assembleFrame(gridFrame(nx, ny, nz, { supports: false }));
      for (const supernodal of [true, false]) {
        const f = factorize(A, { supernodal });
        assert.equal(f.zeroPivots.length, 6, `supernodal=${supernodal}`);
        for (const z of f.zeroPivots) {
          checkNormalised(z);
          assert.ok(nullResidual(A, z.nullVector) < 1e-10, `residual ${nullResidual(A, z.nullVector)}`);
          assert.equal(z.nullVector[z.column] !== 0, true, 'the pivot column moves in its own mode');
        }
        assert.equal(rank(f.zeroPivots.map((z) => z.nullVector)), 6);
      }
    }
  });

  it('flags the same columns in the supernodal and the reference factorization', () => {
    const { A } = assembleFrame(gridFrame(3, 4, 3, { supports: false }));
    const a = factorize(A, { supernodal: true }).zeroPivots.map((z) => z.column);
    const b = factorize(A, { supernodal: false }).zeroPivots.map((z) => z.column);
    assert.deepEqual(a, b);
  });

  it('still solves consistent loads on a free structure (self-equilibrated forces)', () => {
    const { A } = assembleFrame(gridFrame(3, 3, 3, { supports: false }));
    const b = multiply(A, randomVector(A.n, rng(12))); // in the range of A
    const f = factorize(A);
    const x = f.solve(b);
    assert.ok(residualNorm(A, x, b) < 1e-8, `residual ${residualNorm(A, x, b)}`);
  });

  it('finds two independent mechanisms with exact null vectors', () => {
    // Pieces 0–4 (grounded at 0), 5–8 and 9–11 (both free to translate).
    const A = springChain(12, [4, 8], [0]);
    for (const ordering of ['amd', 'natural'] as const) {
      for (const supernodal of [true, false]) {
        const f = factorize(A, { ordering, supernodal });
        assert.equal(f.zeroPivots.length, 2);
        const modes = f.zeroPivots.map((z) => Array.from(z.nullVector)).sort((u, v) => v[5] - u[5]);
        assert.deepEqual(modes[0], [0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0]);
        assert.deepEqual(modes[1], [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
        for (const z of f.zeroPivots) assert.ok(nullResidual(A, z.nullVector) < 1e-14);
      }
    }
  });

  it('finds the free rotations of a truss-only node as unit modes', () => {
    const model: FrameModel = gridFrame(3, 3, 2);
    const hub = model.nodes.length;
    model.nodes.push([3, 3, 6]);
    model.fixed.push(false);
    // Three non-coplanar bars hold the hub's translations; nothing holds its rotations.
    for (const target of [9, 11, 15]) model.members.push({ i: target, j: hub, truss: true });
    const { A, dof } = assembleFrame(model);
    const f = factorize(A);
    assert.equal(f.zeroPivots.length, 3);
    const rotations = [3, 4, 5].map((d) => dof[6 * hub + d]);
    assert.deepEqual(f.zeroPivots.map((z) => z.column).sort((a, b) => a - b), rotations);
    for (const z of f.zeroPivots) {
      const nonzero = Array.from(z.nullVector.keys()).filter((i) => z.nullVector[i] !== 0);
      assert.deepEqual(nonzero, [z.column]);
      assert.equal(z.pivot, 0);
    }
  });

  it('finds a floating sub-frame next to a supported one', () => {
    const left = gridFrame(2, 2, 3); // supported
    const right = gridFrame(2, 2, 2, { supports: false });
    const offset = left.nodes.length;
    const model: FrameModel = {
      nodes: [...left.nodes, ...right.nodes.map(([x, y, z]): [number, number, number] => [x + 20, y, z + 1])],
      members: [...left.members, ...right.members.map((m) => ({ i: m.i + offset, j: m.j + offset }))],
      fixed: [...left.fixed, ...right.fixed],
    };
    const { A, dof } = assembleFrame(model);
    const f = factorize(A);
    assert.equal(f.zeroPivots.length, 6);
    const firstRight = dof[6 * offset];
    for (const z of f.zeroPivots) {
      assert.ok(z.column >= firstRight, 'the supported part has no mechanism');
      for (let i = 0; i < firstRight; i++) assert.ok(Math.abs(z.nullVector[i]) < 1e-9, 'the supported part stays still');
      assert.ok(nullResidual(A, z.nullVector) < 1e-10);
    }
    assert.equal(rank(f.zeroPivots.map((z) => z.nullVector)), 6);
  });

  it('zero pivots survive structuredClone (leaving a worker thread) with their null vectors', () => {
    const f = factorize(springChain(6, [2], [0]));
    assert.equal(f.zeroPivots.length, 1);
    const copy = structuredClone(f.zeroPivots);
    assert.deepEqual(Object.keys(copy[0]).sort(), ['column', 'nullVector', 'pivot']);
    assert.deepEqual(Array.from(copy[0].nullVector), [0, 0, 0, 1, 1, 1]);
    assert.equal(f.zeroPivots[0].nullVector, f.zeroPivots[0].nullVector, 'computed once');
  });

  it('treats empty columns and an all-zero matrix as mechanisms', () => {
    const t = new TripletBuilder(4);
    t.add(0, 0, 2);
    t.add(3, 3, 5);
    t.add(3, 0, 1); // columns 1 and 2 are empty
    const A = t.toCsc();
    const f = factorize(A);
    assert.deepEqual(f.zeroPivots.map((z) => z.column).sort(), [1, 2]);
    for (const z of f.zeroPivots) assert.deepEqual(Array.from(z.nullVector), [0, 1, 2, 3].map((i) => (i === z.column ? 1 : 0)));
    const x = f.solve(Float64Array.from([1, 0, 0, 2]));
    assert.ok(x.every(Number.isFinite));
    assert.ok(Math.abs(2 * x[0] + x[3] - 1) < 1e-14 && Math.abs(x[0] + 5 * x[3] - 2) < 1e-14);
    const zero = new TripletBuilder(3).toCsc();
    const fz = factorize(zero);
    assert.equal(fz.zeroPivots.length, 3);
    assert.deepEqual(Array.from(fz.solve(new Float64Array(3))), [0, 0, 0]);
  });

  it('reports negative pivots of an indefinite matrix', () => {
    const t = new TripletBuilder(2);
    t.add(0, 0, 1);
    t.add(1, 1, 1);
    t.add(1, 0, 2);
    const f = factorize(t.toCsc(), { ordering: 'natural' });
    assert.equal(f.zeroPivots.length, 1);
    assert.equal(f.zeroPivots[0].column, 1);
    assert.equal(f.zeroPivots[0].pivot, -3);
  });

  it('measures pivots relative to their own diagonal, with a configurable tolerance', () => {
    const t = new TripletBuilder(3);
    t.add(0, 0, 1);
    t.add(1, 0, 1);
    t.add(1, 1, 1 + 1e-12); // pivot 1e-12: singular at 1e-10, regular at 1e-14
    t.add(2, 2, 1e-30); // tiny but not singular: relative to itself
    const A = t.toCsc();
    assert.deepEqual(factorize(A, { ordering: 'natural' }).zeroPivots.map((z) => z.column), [1]);
    assert.deepEqual(factorize(A, { ordering: 'natural', pivotTolerance: 1e-14 }).zeroPivots, []);
    assert.throws(() => factorize(A, { pivotTolerance: -1 }), RangeError);
    assert.throws(() => factorize(A, { pivotTolerance: Number.NaN }), RangeError);
  });
});
