import { strict as assert } from 'node:assert';
import type { SymmetricCsc } from '../../../language-server/src/analysis/sparse';
import { adjacencyOf } from '../../../language-server/src/analysis/sparse/adjacency';
import { amdOrder } from '../../../language-server/src/analysis/sparse/amd';
import { columnCounts } from '../../../language-server/src/analysis/sparse/column-counts';
import { compressIndistinguishable } from '../../../language-server/src/analysis/sparse/compress';
import { permuteSymmetric } from '../../../language-server/src/analysis/sparse/csc';
import { eliminationTree, inversePermutation, postorder } from '../../../language-server/src/analysis/sparse/etree';
import { fundamentalSupernodes } from '../../../language-server/src/analysis/sparse/supernodes';
import { analyse, computeOrdering } from '../../../language-server/src/analysis/sparse/symbolic';
import { TripletBuilder } from '../../../language-server/src/analysis/sparse/triplets';
import { assembleFrame, gridFrame } from './fixtures/frame-stiffness';
import { laplacian2d, laplacian3d, randomSpd, rng } from './fixtures/generators';

/** Pattern of L by dense symbolic elimination: the definition the fast algorithms must match. */
function bruteForceFactorPattern(C: SymmetricCsc): { parent: Int32Array; count: Int32Array } {
  const n = C.n;
  const P = new Uint8Array(n * n);
  for (let j = 0; j < n; j++) for (let p = C.colPtr[j]; p < C.colPtr[j + 1]; p++) P[C.rowIdx[p] * n + j] = 1;
  for (let k = 0; k < n; k++) {
    for (let i = k + 1; i < n; i++) {
      if (!P[i * n + k]) continue;
      for (let j = k + 1; j <= i; j++) if (P[j * n + k]) P[i * n + j] = 1;
    }
  }
  const parent = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    count[j] = 1;
    for (let i = j + 1; i < n; i++) {
      if (P[i * n + j]) {
        count[j]++;
        if (parent[j] === -1) parent[j] = i;
      }
    }
  }
  return { parent, count };
}

function assertPermutation(p: Int32Array, n: number): void {
  assert.equal(p.length, n);
  const seen = new Uint8Array(n);
  for (const v of p) {
    assert.ok(v >= 0 && v < n && !seen[v], `not a permutation at ${v}`);
    seen[v] = 1;
  }
}

describe('sparse: ordering and symbolic analysis', () => {
  it('finds the elimination tree and column counts of random patterns', () => {
    const random = rng(3);
    for (let trial = 0; trial < 12; trial++) {
      const n = 5 + Math.floor(random() * 60);
      const A = randomSpd(n, 1 + Math.floor(random() * 3), random);
      const g = adjacencyOf(A);
      const parent = eliminationTree(n, g.ptr, g.adj);
      const post = postorder(parent);
      assertPermutation(post, n);
      const counts = columnCounts(A, parent, post);
      const expected = bruteForceFactorPattern(A);
      assert.deepEqual(Array.from(parent), Array.from(expected.parent));
      assert.deepEqual(Array.from(counts), Array.from(expected.count));
    }
  });

  it('postorders so that every subtree is a contiguous range ending at its root', () => {
    const A = laplacian2d(9, 7);
    const g = adjacencyOf(A);
    const parent = eliminationTree(A.n, g.ptr, g.adj);
    const post = postorder(parent);
    const pinv = inversePermutation(post);
    const size = new Int32Array(A.n).fill(1);
    for (const j of post) if (parent[j] !== -1) size[parent[j]] += size[j];
    for (let j = 0; j < A.n; j++) {
      if (parent[j] === -1) continue;
      // A child's range lies inside its parent's range.
      const pj = pinv[parent[j]];
      assert.ok(pinv[j] < pj && pinv[j] - size[j] + 1 >= pj - size[parent[j]] + 1);
    }
  });

  it('AMD returns a permutation, also with dense rows, isolated and disconnected vertices', () => {
    const random = rng(5);
    const n = 400;
    const t = new TripletBuilder(n);
    for (let i = 0; i < n; i++) t.add(i, i, 1);
    for (let k = 0; k < 600; k++) t.add(Math.floor(random() * 300), Math.floor(random() * 300), 1);
    for (let i = 0; i < n; i += 2) t.add(i, 7, 1); // vertex 7: dense row
    for (let i = 350; i < 399; i++) t.add(i + 1, i, 1); // a separate chain; 300..349 isolated
    const A = t.toCsc();
    const perm = amdOrder(adjacencyOf(A));
    assertPermutation(perm, n);
    assert.equal(perm[n - 1], 7, 'the dense row is ordered last');
    for (const [nx, ny, nz] of [[1, 1, 1], [2, 1, 1], [30, 1, 1], [5, 5, 5]]) {
      assertPermutation(amdOrder(adjacencyOf(laplacian3d(nx, ny, nz))), nx * ny * nz);
    }
    assert.equal(amdOrder(adjacencyOf(new TripletBuilder(0).toCsc())).length, 0);
  });

  it('AMD gives less fill than the natural order on a 30×30 grid', () => {
    const A = laplacian2d(30, 30);
    const amd = analyse(A, computeOrdering(A, 'amd'), { supernodal: false });
    const natural = analyse(A, computeOrdering(A, 'natural'), { supernodal: false });
    assert.ok(amd.nnzL < natural.nnzL, `amd ${amd.nnzL} vs natural ${natural.nnzL}`);
    assert.ok(amd.nnzL < 0.5 * natural.nnzL, `amd ${amd.nnzL} should be well under half of natural ${natural.nnzL}`);
  });

  it('AMD also cuts fill on a 3D grid', () => {
    const A = laplacian3d(12, 12, 12);
    const amd = analyse(A, computeOrdering(A, 'amd'), { supernodal: false });
    const natural = analyse(A, computeOrdering(A, 'natural'), { supernodal: false });
    assert.ok(amd.nnzL < 0.45 * natural.nnzL, `amd ${amd.nnzL} vs natural ${natural.nnzL}`);
  });

  it('merges the six DOFs of each frame node before ordering', () => {
    const { A } = assembleFrame(gridFrame(3, 3, 3));
    const cg = compressIndistinguishable(adjacencyOf(A));
    assert.equal(cg.graph.n, A.n / 6);
    assert.ok(Array.from(cg.weight).every((w) => w === 6));
  });

  it('supernodes follow the elimination tree and the column counts', () => {
    const { A } = assembleFrame(gridFrame(3, 3, 4));
    const sym = analyse(A, computeOrdering(A, 'amd'), { supernodal: true });
    const S = sym.supernodes!;
    const fundamental = fundamentalSupernodes(sym.parent, sym.colCount);
    assert.ok(S.nsuper <= fundamental.length - 1);
    for (let j = 0; j < sym.n; j++) assert.ok(sym.parent[j] === -1 || sym.parent[j] > j, 'postordered');
    // Each supernode holds its columns first and then strictly increasing rows below.
    for (let s = 0; s < S.nsuper; s++) {
      const f = S.superStart[s];
      const nc = S.superStart[s + 1] - f;
      for (let a = 0; a < S.rowPtr[s + 1] - S.rowPtr[s]; a++) {
        const r = S.rows[S.rowPtr[s] + a];
        if (a < nc) assert.equal(r, f + a);
        else assert.ok(r > S.rows[S.rowPtr[s] + a - 1]);
      }
    }
    // The factor's structure contains the permuted matrix.
    const { lower } = permuteSymmetric(A, sym.pinv, false);
    for (let j = 0; j < sym.n; j++) {
      const s = S.colToSuper[j];
      const rows = new Set(S.rows.subarray(S.rowPtr[s], S.rowPtr[s + 1]));
      for (let p = lower.colPtr[j]; p < lower.colPtr[j + 1]; p++) assert.ok(rows.has(lower.rowIdx[p]));
    }
  });
});
