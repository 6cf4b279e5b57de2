// A dense LDLᵀ factorization with zero-pivot detection: the reference the sparse solver is
// checked against, and a fallback for small systems. Natural order, no pivoting (stiffness
// matrices are symmetric positive semi-definite). A pivot that falls below pivotTolerance times
// its column's original diagonal is a zero pivot: its null vector solves Lᵀv = e_k over the
// columns eliminated so far, so A·v = L·D·e_k ≈ 0; the DOF is then held (its column of L is
// cleared and the solve returns 0 there), so each further zero pivot is a further independent
// mechanism.
import type { FactorizeOptions, LdlFactor, SymmetricCsc, ZeroPivot } from './solver';

export const DEFAULT_PIVOT_TOLERANCE = 1e-10;

export function denseFactorize(A: SymmetricCsc, options: FactorizeOptions = {}): LdlFactor {
  const t0 = performance.now();
  const n = A.n;
  const tol = options.pivotTolerance ?? DEFAULT_PIVOT_TOLERANCE;
  // Column-major lower triangle, L overwrites it; D separately.
  const M = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    for (let p = A.colPtr[c]; p < A.colPtr[c + 1]; p++) M[c * n + A.rowIdx[p]] = A.values[p];
  }
  const diag0 = new Float64Array(n);
  for (let k = 0; k < n; k++) diag0[k] = M[k * n + k];
  const D = new Float64Array(n);
  const held = new Uint8Array(n);
  const zeroPivots: ZeroPivot[] = [];
  for (let k = 0; k < n; k++) {
    // Left-looking: column k of the Schur complement, minus contributions of columns j < k.
    const col = k * n;
    for (let j = 0; j < k; j++) {
      if (held[j]) continue;
      const ljk = M[j * n + k];
      if (ljk === 0) continue;
      const f = ljk * D[j];
      const cj = j * n;
      for (let i = k; i < n; i++) M[col + i] -= f * M[cj + i];
    }
    const d = M[col + k];
    if (!(Math.abs(d) > tol * Math.abs(diag0[k])) || diag0[k] === 0) {
      zeroPivots.push({ column: k, pivot: d, nullVector: nullVector(M, held, n, k) });
      held[k] = 1;
      D[k] = 0;
      for (let i = k; i < n; i++) M[col + i] = 0;
      continue;
    }
    D[k] = d;
    M[col + k] = 1;
    for (let i = k + 1; i < n; i++) M[col + i] /= d;
  }
  const numericMs = performance.now() - t0;
  const solve = (b: Float64Array): Float64Array => {
    const x = Float64Array.from(b);
    for (let k = 0; k < n; k++) {
      if (held[k]) {
        x[k] = 0;
        continue;
      }
      const xk = x[k];
      if (xk === 0) continue;
      const col = k * n;
      for (let i = k + 1; i < n; i++) x[i] -= M[col + i] * xk;
    }
    for (let k = 0; k < n; k++) x[k] = held[k] ? 0 : x[k] / D[k];
    for (let k = n - 1; k >= 0; k--) {
      if (held[k]) continue;
      const col = k * n;
      let s = x[k];
      for (let i = k + 1; i < n; i++) s -= M[col + i] * x[i];
      x[k] = s;
    }
    return x;
  };
  let nnzL = 0;
  for (let k = 0; k < n; k++) for (let i = k + 1; i < n; i++) if (M[k * n + i] !== 0) nnzL++;
  return {
    n,
    stats: { orderingMs: 0, symbolicMs: 0, numericMs, nnzA: A.rowIdx.length, nnzL, supernodes: 0 },
    zeroPivots,
    solve,
    solveMany: (B) => B.map(solve),
  };
}

/** v with v_k = 1 and Lᵀv = e_k on columns 0…k (held columns stay 0). */
function nullVector(M: Float64Array, held: Uint8Array, n: number, k: number): Float64Array {
  const v = new Float64Array(n);
  v[k] = 1;
  for (let j = k - 1; j >= 0; j--) {
    if (held[j]) continue;
    let s = 0;
    const cj = j * n;
    for (let i = j + 1; i <= k; i++) if (v[i] !== 0) s += M[cj + i] * v[i];
    v[j] = -s;
  }
  return v;
}
