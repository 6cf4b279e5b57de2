// Reference LDLᵀ: the up-looking, one-row-at-a-time algorithm (as in Davis's LDL package,
// described in "Direct Methods for Sparse Linear Systems", §4.7), written here afresh. Row k of
// L comes from a sparse triangular solve whose pattern is the etree reach of row k of C. Simple
// enough to trust, so the supernodal code is tested against it; slow on large fronts because
// every update is a scalar scatter.
import type { SymmetricCsc } from './csc';
import type { NumericFactor } from './numeric-factor';
import { checkFinitePivot, isZeroPivot, type PivotPolicy, type RawZeroPivot } from './pivots';

export class SimpleLdlFactor implements NumericFactor {
  readonly supernodes: number;
  readonly nnzL: number;

  constructor(
    readonly n: number,
    readonly parent: Int32Array,
    readonly colPtr: Int32Array,
    readonly rowIdx: Int32Array,
    readonly values: Float64Array,
    readonly D: Float64Array,
    readonly zeroPivots: RawZeroPivot[],
  ) {
    this.supernodes = n;
    this.nnzL = colPtr[n] + n;
  }

  solveInPlace(x: Float64Array): void {
    const { n, colPtr, rowIdx, values, D } = this;
    for (let j = 0; j < n; j++) {
      const xj = x[j];
      if (xj !== 0) for (let p = colPtr[j]; p < colPtr[j + 1]; p++) x[rowIdx[p]] -= values[p] * xj;
    }
    for (let j = 0; j < n; j++) x[j] /= D[j];
    for (let j = n - 1; j >= 0; j--) {
      let s = x[j];
      for (let p = colPtr[j]; p < colPtr[j + 1]; p++) s -= values[p] * x[rowIdx[p]];
      x[j] = s;
    }
  }

  solveManyInPlace(X: Float64Array, m: number): void {
    const { n, colPtr, rowIdx, values, D } = this;
    for (let j = 0; j < n; j++) {
      const oj = j * m;
      for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
        const l = values[p];
        const oi = rowIdx[p] * m;
        for (let r = 0; r < m; r++) X[oi + r] -= l * X[oj + r];
      }
    }
    for (let j = 0; j < n; j++) {
      const d = D[j];
      for (let r = 0; r < m; r++) X[j * m + r] /= d;
    }
    for (let j = n - 1; j >= 0; j--) {
      const oj = j * m;
      for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
        const l = values[p];
        const oi = rowIdx[p] * m;
        for (let r = 0; r < m; r++) X[oj + r] -= l * X[oi + r];
      }
    }
  }

  columnDot(j: number, x: Float64Array, limit: number): number {
    let s = 0;
    for (let p = this.colPtr[j]; p < this.colPtr[j + 1]; p++) {
      const i = this.rowIdx[p];
      if (i > limit) break; // rows are appended in increasing order
      s += this.values[p] * x[i];
    }
    return s;
  }
}

/**
 * Factors C given the upper form (column k = row k of the lower triangle), its elimination tree
 * and column counts (diagonal included), which size L exactly.
 */
export function simpleLdl(
  upper: SymmetricCsc,
  parent: Int32Array,
  colCount: Int32Array,
  diag: Float64Array,
  policy: PivotPolicy,
): SimpleLdlFactor {
  const n = upper.n;
  const Lp = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) Lp[j + 1] = Lp[j] + colCount[j] - 1;
  const Li = new Int32Array(Lp[n]);
  const Lx = new Float64Array(Lp[n]);
  const D = new Float64Array(n);
  const Lnz = new Int32Array(n);
  const flag = new Int32Array(n).fill(-1);
  const pattern = new Int32Array(n);
  const y = new Float64Array(n);
  const zeroPivots: RawZeroPivot[] = [];
  const { colPtr, rowIdx, values } = upper;

  for (let k = 0; k < n; k++) {
    // Scatter row k of C into y and find the pattern of row k of L: the nodes on the etree
    // paths from each nonzero up to k, stacked so that descendants come first.
    let top = n;
    flag[k] = k;
    for (let p = colPtr[k]; p < colPtr[k + 1]; p++) {
      let i = rowIdx[p];
      y[i] += values[p];
      let len = 0;
      for (; flag[i] !== k; i = parent[i]) {
        pattern[len++] = i;
        flag[i] = k;
      }
      while (len > 0) pattern[--top] = pattern[--len];
    }
    let d = y[k];
    y[k] = 0;
    for (let t = top; t < n; t++) {
      const j = pattern[t];
      const yj = y[j];
      y[j] = 0;
      const p0 = Lp[j];
      const p1 = p0 + Lnz[j];
      for (let p = p0; p < p1; p++) y[Li[p]] -= Lx[p] * yj;
      const lkj = yj / D[j];
      d -= lkj * yj;
      Li[p1] = k;
      Lx[p1] = lkj;
      Lnz[j]++;
    }
    checkFinitePivot(d, k);
    if (isZeroPivot(d, diag[k], policy)) {
      zeroPivots.push({ column: k, pivot: d });
      d = policy.replacement;
    }
    D[k] = d;
  }
  for (let j = 0; j < n; j++) {
    if (Lnz[j] !== Lp[j + 1] - Lp[j]) throw new Error(`sparse: internal error, column ${j} of L has ${Lnz[j]} entries, counted ${Lp[j + 1] - Lp[j]}`);
  }
  return new SimpleLdlFactor(n, parent, Lp, Li, Lx, D, zeroPivots);
}
