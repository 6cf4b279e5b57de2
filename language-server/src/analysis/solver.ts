// The engine's view of a symmetric solver: the same shapes as the sparse LDLᵀ package
// (`sparse/index.ts`), so the engine can run on it or on the dense reference
// (dense-reference.ts) that the tests use to cross-check it.

/** Lower triangle (row ≥ column) of a symmetric matrix, compressed by columns. */
export interface SymmetricCsc {
  n: number;
  colPtr: Int32Array;
  rowIdx: Int32Array;
  values: Float64Array;
}

export interface ZeroPivot {
  column: number;
  pivot: number;
  /** A vector v with A·v ≈ 0 (after the DOFs of earlier zero pivots are held). */
  nullVector: Float64Array;
}

export interface LdlFactor {
  n: number;
  stats: { orderingMs: number; symbolicMs: number; numericMs: number; nnzA: number; nnzL: number; supernodes: number };
  zeroPivots: ZeroPivot[];
  solve(b: Float64Array): Float64Array;
  solveMany(B: Float64Array[]): Float64Array[];
}

export interface FactorizeOptions {
  ordering?: 'amd' | 'natural';
  supernodal?: boolean;
  pivotTolerance?: number;
  /** Group (node) of each unknown: AMD orders the groups (sparse/group-order.ts). */
  groups?: Int32Array;
}

export type Factorize = (A: SymmetricCsc, options?: FactorizeOptions) => LdlFactor;

/** Accumulates (i, j, v) entries of a symmetric matrix (either triangle; duplicates add). */
export class TripletBuilder {
  private rows: number[] = [];
  private cols: number[] = [];
  private vals: number[] = [];
  constructor(readonly n: number) {}

  add(i: number, j: number, v: number): void {
    if (v === 0) return;
    if (i < j) {
      const t = i;
      i = j;
      j = t;
    }
    this.rows.push(i);
    this.cols.push(j);
    this.vals.push(v);
  }

  toCsc(): SymmetricCsc {
    const n = this.n;
    const count = new Int32Array(n + 1);
    for (const c of this.cols) count[c + 1]++;
    for (let c = 0; c < n; c++) count[c + 1] += count[c];
    const order = new Int32Array(this.cols.length);
    const next = count.slice(0, n);
    for (let k = 0; k < this.cols.length; k++) order[next[this.cols[k]]++] = k;
    const colPtr = new Int32Array(n + 1);
    const rowIdx: number[] = [];
    const values: number[] = [];
    for (let c = 0; c < n; c++) {
      const entries: [number, number][] = [];
      for (let p = count[c]; p < count[c + 1]; p++) entries.push([this.rows[order[p]], this.vals[order[p]]]);
      entries.sort((a, b) => a[0] - b[0]);
      for (const [r, v] of entries) {
        if (rowIdx.length > colPtr[c] && rowIdx[rowIdx.length - 1] === r) values[values.length - 1] += v;
        else {
          rowIdx.push(r);
          values.push(v);
        }
      }
      colPtr[c + 1] = rowIdx.length;
    }
    return { n, colPtr, rowIdx: Int32Array.from(rowIdx), values: Float64Array.from(values) };
  }
}

/** y = A·x for the symmetric matrix stored as its lower triangle. */
export function symmetricMultiply(A: SymmetricCsc, x: Float64Array): Float64Array {
  const y = new Float64Array(A.n);
  for (let c = 0; c < A.n; c++) {
    for (let p = A.colPtr[c]; p < A.colPtr[c + 1]; p++) {
      const r = A.rowIdx[p];
      const v = A.values[p];
      y[r] += v * x[c];
      if (r !== c) y[c] += v * x[r];
    }
  }
  return y;
}

/** ‖A·x − b‖∞ / max(‖b‖∞, ‖A‖∞·‖x‖∞): a scale-free backward-error measure. Pass ‖A‖∞
 * (normInf) when checking many solutions of one matrix, so it is computed once. */
export function relativeResidual(A: SymmetricCsc, x: Float64Array, b: Float64Array, an = normInf(A)): number {
  const y = symmetricMultiply(A, x);
  // (Each loop in a function of its own: V8 would drop the code it compiles on the fly for a
  // long loop at the first statement after it that has not run yet, once per call.)
  const r = maxAbsDifference(y, b, A.n);
  const scale = Math.max(maxAbs(b, A.n), an * maxAbs(x, A.n));
  return scale > 0 ? r / scale : 0;
}

function maxAbs(v: Float64Array, n: number): number {
  let m = 0;
  for (let k = 0; k < n; k++) m = Math.max(m, Math.abs(v[k]));
  return m;
}

function maxAbsDifference(a: Float64Array, b: Float64Array, n: number): number {
  let m = 0;
  for (let k = 0; k < n; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m;
}

/** ‖A‖∞: the largest absolute row sum of the symmetric matrix (both triangles). */
export function normInf(A: SymmetricCsc): number {
  const rowSums = new Float64Array(A.n);
  for (let c = 0; c < A.n; c++) {
    for (let p = A.colPtr[c]; p < A.colPtr[c + 1]; p++) {
      const v = Math.abs(A.values[p]);
      rowSums[A.rowIdx[p]] += v;
      if (A.rowIdx[p] !== c) rowSums[c] += v;
    }
  }
  let an = 0;
  for (const s of rowSums) an = Math.max(an, s);
  return an;
}
