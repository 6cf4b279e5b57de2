import { strict as assert } from 'node:assert';
import { factorize, residualNorm, type SymmetricCsc } from '../../../language-server/src/analysis/sparse';
import { assembleFrame, gridFrame } from './fixtures/frame-stiffness';
import { randomVector, rng } from './fixtures/generators';

/** The matrix without its explicit zeros, as the analysis assembles it. */
function dropZeros(A: SymmetricCsc): SymmetricCsc {
  const colPtr = new Int32Array(A.n + 1);
  const rowIdx: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < A.n; j++) {
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
      if (A.values[p] !== 0) {
        rowIdx.push(A.rowIdx[p]);
        values.push(A.values[p]);
      }
    }
    colPtr[j + 1] = rowIdx.length;
  }
  return { n: A.n, colPtr, rowIdx: Int32Array.from(rowIdx), values: Float64Array.from(values) };
}

describe('sparse: ordering by groups of unknowns', () => {
  it('orders the nodes of a frame whose zeros were dropped: less fill, same solution', () => {
    const full = assembleFrame(gridFrame(6, 6, 8)).A;
    const A = dropZeros(full);
    assert.ok(A.colPtr[A.n] < full.colPtr[full.n], 'the frame matrix has explicit zeros to drop');
    const groups = new Int32Array(A.n);
    for (let i = 0; i < A.n; i++) groups[i] = Math.floor(i / 6); // six DOFs per node, numbered node by node
    const plain = factorize(A);
    const grouped = factorize(A, { groups });
    assert.ok(grouped.stats.nnzL < 0.9 * plain.stats.nnzL, `grouped ${grouped.stats.nnzL} vs plain ${plain.stats.nnzL}`);
    const b = randomVector(A.n, rng(4));
    assert.ok(residualNorm(A, grouped.solve(b), b) < 1e-12);
  });

  it('accepts any non-negative ids (not 0-based, not dense) and returns a permutation', () => {
    const A = dropZeros(assembleFrame(gridFrame(3, 3, 4)).A);
    const groups = new Int32Array(A.n);
    for (let i = 0; i < A.n; i++) groups[i] = 1000 + 7 * Math.floor(i / 6);
    const perm = (factorize(A, { groups, supernodal: false }) as unknown as { perm: Int32Array }).perm;
    assert.deepEqual([...perm].sort((a, b) => a - b), Array.from({ length: A.n }, (_, i) => i));
    const b = randomVector(A.n, rng(9));
    assert.ok(residualNorm(A, factorize(A, { groups }).solve(b), b) < 1e-12);
  });

  it('rejects groups of the wrong length or with invalid ids', () => {
    const A = dropZeros(assembleFrame(gridFrame(2, 2, 3)).A);
    assert.throws(() => factorize(A, { groups: new Int32Array(A.n - 1) }), /groups has length/);
    const bad = new Int32Array(A.n);
    bad[3] = -2;
    assert.throws(() => factorize(A, { groups: bad }), /groups\[3\] = -2 is not a non-negative integer/);
  });
});
