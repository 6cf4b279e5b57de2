// Symmetric matrices stored as their lower triangle in compressed sparse column form, and the
// few operations every other module needs on them: validation, y = A·x, residuals, and
// symmetric permutation. Storing one triangle halves memory; every routine here therefore
// treats an off-diagonal entry (i, j) as standing for both (i, j) and (j, i).

/** Symmetric matrix, lower triangle (row >= col) in compressed sparse column form, 0-based, rows sorted within each column, no duplicates. */
export interface SymmetricCsc {
  n: number;
  colPtr: Int32Array;
  rowIdx: Int32Array;
  values: Float64Array;
}

/** Pattern of a square matrix by columns (values optional), used for intermediate forms. */
export interface CscPattern {
  n: number;
  colPtr: Int32Array;
  rowIdx: Int32Array;
}

/**
 * Checks the storage invariants the factorization relies on. A malformed matrix would otherwise
 * surface much later as an out-of-range read or a silent NaN, far from its cause.
 */
export function validateSymmetricCsc(A: SymmetricCsc): void {
  const { n, colPtr, rowIdx, values } = A;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sparse: n must be a non-negative integer, got ${n}`);
  if (colPtr.length !== n + 1) throw new RangeError(`sparse: colPtr has length ${colPtr.length}, expected n + 1 = ${n + 1}`);
  if (colPtr[0] !== 0) throw new RangeError('sparse: colPtr[0] must be 0');
  const nnz = colPtr[n];
  if (rowIdx.length < nnz || values.length < nnz) {
    throw new RangeError(`sparse: colPtr[n] = ${nnz} but rowIdx/values hold ${rowIdx.length}/${values.length} entries`);
  }
  for (let j = 0; j < n; j++) {
    const p0 = colPtr[j];
    const p1 = colPtr[j + 1];
    if (p1 < p0) throw new RangeError(`sparse: colPtr decreases at column ${j}`);
    let prev = j - 1;
    for (let p = p0; p < p1; p++) {
      const i = rowIdx[p];
      if (i < j || i >= n) throw new RangeError(`sparse: entry (${i}, ${j}) is not in the lower triangle of a ${n}×${n} matrix`);
      if (i <= prev) throw new RangeError(`sparse: rows of column ${j} are not strictly increasing (row ${i})`);
      prev = i;
      if (!Number.isFinite(values[p])) throw new RangeError(`sparse: entry (${i}, ${j}) is ${values[p]}`);
    }
  }
}

/** y = A x using the symmetric storage: each off-diagonal entry contributes twice. */
export function multiply(A: SymmetricCsc, x: Float64Array): Float64Array {
  const { n, colPtr, rowIdx, values } = A;
  if (x.length !== n) throw new RangeError(`sparse: multiply expects a vector of length ${n}, got ${x.length}`);
  const y = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const xj = x[j];
    let yj = 0;
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      const v = values[p];
      if (i === j) {
        yj += v * xj;
      } else {
        y[i] += v * xj;
        yj += v * x[i];
      }
    }
    y[j] += yj;
  }
  return y;
}

/**
 * ||A x − b||₂ / ||b||₂. When b = 0 there is nothing to be relative to, so the absolute norm
 * ||A x||₂ is returned: 0 for the exact solution x = 0, and visibly non-zero otherwise.
 */
export function residualNorm(A: SymmetricCsc, x: Float64Array, b: Float64Array): number {
  if (b.length !== A.n) throw new RangeError(`sparse: residualNorm expects b of length ${A.n}, got ${b.length}`);
  const y = multiply(A, x);
  const r = norm2Diff(y, b);
  const nb = norm2Diff(b, undefined);
  return nb === 0 ? r : r / nb;
}

/** ||u − v||₂ (or ||u||₂), scaled to avoid overflow and underflow on extreme magnitudes. */
function norm2Diff(u: Float64Array, v: Float64Array | undefined): number {
  let scale = 0;
  for (let i = 0; i < u.length; i++) {
    const d = Math.abs(v ? u[i] - v[i] : u[i]);
    if (d > scale) scale = d;
  }
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < u.length; i++) {
    const d = (v ? u[i] - v[i] : u[i]) / scale;
    s += d * d;
  }
  return scale * Math.sqrt(s);
}

/** Largest |A_ii|; 0 for an empty matrix. */
export function maxAbsDiagonal(A: SymmetricCsc): number {
  let m = 0;
  for (let j = 0; j < A.n; j++) {
    const p = A.colPtr[j];
    if (p < A.colPtr[j + 1] && A.rowIdx[p] === j) m = Math.max(m, Math.abs(A.values[p]));
  }
  return m;
}

/** The diagonal of A as a dense vector (0 where the diagonal entry is not stored). */
export function diagonalOf(A: SymmetricCsc): Float64Array {
  const d = new Float64Array(A.n);
  for (let j = 0; j < A.n; j++) {
    const p = A.colPtr[j];
    if (p < A.colPtr[j + 1] && A.rowIdx[p] === j) d[j] = A.values[p];
  }
  return d;
}

/** A symmetric matrix under a permutation: lower form for column methods, upper form for row methods. */
export interface PermutedMatrix {
  /** Lower triangle of C = P A Pᵀ by columns, rows sorted. */
  lower: SymmetricCsc;
  /** Upper triangle of C by columns (column k holds rows i <= k), rows sorted. */
  upper: SymmetricCsc;
}

/**
 * C = P A Pᵀ with C[k][k'] = A[perm[k]][perm[k']], i.e. perm maps new index → old index and
 * pinv old → new. Built by two bucket passes (no sorting): the first pass buckets by row,
 * which yields the upper form; transposing that back by ascending row gives sorted columns.
 */
export function permuteSymmetric(A: SymmetricCsc, pinv: Int32Array, wantUpper: boolean): PermutedMatrix {
  const { n, colPtr, rowIdx, values } = A;
  const nnz = colPtr[n];
  // Upper form of C: column r (new, the larger index) holds the smaller index c.
  const upPtr = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    const pj = pinv[j];
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const pi = pinv[rowIdx[p]];
      upPtr[(pi > pj ? pi : pj) + 1]++;
    }
  }
  for (let k = 0; k < n; k++) upPtr[k + 1] += upPtr[k];
  const upIdx = new Int32Array(nnz);
  const upVal = new Float64Array(nnz);
  const next = upPtr.slice(0, n);
  for (let j = 0; j < n; j++) {
    const pj = pinv[j];
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const pi = pinv[rowIdx[p]];
      const r = pi > pj ? pi : pj;
      const c = pi > pj ? pj : pi;
      const q = next[r]++;
      upIdx[q] = c;
      upVal[q] = values[p];
    }
  }
  const unsortedUpper: SymmetricCsc = { n, colPtr: upPtr, rowIdx: upIdx, values: upVal };
  const lower = transposeSorted(unsortedUpper);
  // Transposing twice sorts the upper form too; only the reference factorization needs it.
  const upper = wantUpper ? transposeSorted(lower) : unsortedUpper;
  return { lower, upper };
}

/** Transpose by a bucket pass over ascending columns, which leaves every output column sorted. */
export function transposeSorted(M: SymmetricCsc): SymmetricCsc {
  const { n, colPtr, rowIdx, values } = M;
  const nnz = colPtr[n];
  const tPtr = new Int32Array(n + 1);
  for (let p = 0; p < nnz; p++) tPtr[rowIdx[p] + 1]++;
  for (let k = 0; k < n; k++) tPtr[k + 1] += tPtr[k];
  const next = tPtr.slice(0, n);
  const tIdx = new Int32Array(nnz);
  const tVal = new Float64Array(nnz);
  for (let j = 0; j < n; j++) {
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const q = next[rowIdx[p]]++;
      tIdx[q] = j;
      tVal[q] = values[p];
    }
  }
  return { n, colPtr: tPtr, rowIdx: tIdx, values: tVal };
}
