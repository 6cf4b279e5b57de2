// Assembly of a symmetric matrix from (i, j, v) contributions, the natural output of looping over
// elements. Entries are kept in growable typed arrays (no per-entry objects, so millions of
// contributions stay cheap) and compressed once, in linear time, by two bucket passes.
import type { SymmetricCsc } from './csc';

/** Accumulates entries (i, j, v); entries with i < j are mirrored to the lower triangle; duplicates are summed. */
export class TripletBuilder {
  readonly n: number;
  private rows: Int32Array;
  private cols: Int32Array;
  private vals: Float64Array;
  private count = 0;

  constructor(n: number, capacityHint = 0) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`TripletBuilder: n must be a non-negative integer, got ${n}`);
    this.n = n;
    const cap = Math.max(16, Math.floor(capacityHint) || 0);
    this.rows = new Int32Array(cap);
    this.cols = new Int32Array(cap);
    this.vals = new Float64Array(cap);
  }

  /** Number of contributions added so far (before duplicates are summed). */
  get size(): number {
    return this.count;
  }

  add(i: number, j: number, v: number): void {
    const n = this.n;
    // `>>> 0` rejects negatives and fractions in one comparison without a slow Number.isInteger.
    if (i !== i >>> 0 || j !== j >>> 0 || i >= n || j >= n) {
      throw new RangeError(`TripletBuilder.add: index (${i}, ${j}) outside a ${n}×${n} matrix`);
    }
    if (!Number.isFinite(v)) throw new RangeError(`TripletBuilder.add: value at (${i}, ${j}) is ${v}`);
    if (this.count === this.rows.length) this.grow();
    const k = this.count++;
    if (i >= j) {
      this.rows[k] = i;
      this.cols[k] = j;
    } else {
      this.rows[k] = j;
      this.cols[k] = i;
    }
    this.vals[k] = v;
  }

  private grow(): void {
    const cap = this.rows.length * 2;
    const r = new Int32Array(cap);
    const c = new Int32Array(cap);
    const v = new Float64Array(cap);
    r.set(this.rows);
    c.set(this.cols);
    v.set(this.vals);
    this.rows = r;
    this.cols = c;
    this.vals = v;
  }

  /**
   * Compresses to lower CSC. Pass one buckets contributions by row; pass two walks rows in
   * ascending order and appends to columns, so every column comes out sorted and duplicates
   * land next to each other, where they are summed. Explicit zeros are kept: they are part of
   * the structure the caller described.
   */
  toCsc(): SymmetricCsc {
    const { n, count, rows, cols, vals } = this;
    const rowPtr = new Int32Array(n + 1);
    for (let k = 0; k < count; k++) rowPtr[rows[k] + 1]++;
    for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i];
    const byRowCol = new Int32Array(count);
    const byRowVal = new Float64Array(count);
    const fill = rowPtr.slice(0, n);
    for (let k = 0; k < count; k++) {
      const q = fill[rows[k]]++;
      byRowCol[q] = cols[k];
      byRowVal[q] = vals[k];
    }
    // Upper bound on column sizes (before summing duplicates).
    const colCount = new Int32Array(n + 1);
    for (let k = 0; k < count; k++) colCount[cols[k] + 1]++;
    for (let j = 0; j < n; j++) colCount[j + 1] += colCount[j];
    const start = colCount; // start[j] of the (possibly over-long) slot for column j
    const len = new Int32Array(n);
    const tmpIdx = new Int32Array(count);
    const tmpVal = new Float64Array(count);
    for (let i = 0; i < n; i++) {
      for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
        const j = byRowCol[q];
        const s = start[j];
        const l = len[j];
        if (l > 0 && tmpIdx[s + l - 1] === i) {
          tmpVal[s + l - 1] += byRowVal[q];
        } else {
          tmpIdx[s + l] = i;
          tmpVal[s + l] = byRowVal[q];
          len[j] = l + 1;
        }
      }
    }
    const colPtr = new Int32Array(n + 1);
    for (let j = 0; j < n; j++) colPtr[j + 1] = colPtr[j] + len[j];
    const nnz = colPtr[n];
    const rowIdx = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    for (let j = 0; j < n; j++) {
      rowIdx.set(tmpIdx.subarray(start[j], start[j] + len[j]), colPtr[j]);
      values.set(tmpVal.subarray(start[j], start[j] + len[j]), colPtr[j]);
    }
    return { n, colPtr, rowIdx, values };
  }
}
