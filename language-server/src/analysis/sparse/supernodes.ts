// Supernodes: runs of consecutive columns of L that share one row structure, so each run can be
// stored as a dense block and updated with dense kernels (all the speed of the factorization
// comes from there). Needs a postordered elimination tree, where such runs are contiguous.
import type { SymmetricCsc } from './csc';

/**
 * Fundamental supernodes: column j+1 continues j's supernode when j+1 is j's parent, j is its
 * only child, and the structures nest exactly (count(j) = count(j+1) + 1). Returns superStart
 * (first column of each supernode, plus n at the end).
 */
export function fundamentalSupernodes(parent: Int32Array, colCount: Int32Array): Int32Array {
  const n = parent.length;
  const nChildren = new Int32Array(n);
  for (let j = 0; j < n; j++) if (parent[j] !== -1) nChildren[parent[j]]++;
  const starts: number[] = [];
  for (let j = 0; j < n; j++) {
    const continues =
      j > 0 && parent[j - 1] === j && nChildren[j] === 1 && colCount[j - 1] === colCount[j] + 1;
    if (!continues) starts.push(j);
  }
  starts.push(n);
  return Int32Array.from(starts);
}

/** CHOLMOD's defaults: merge freely while tiny, then accept fewer explicit zeros as blocks grow. */
export interface RelaxOptions {
  /** Column-count thresholds [a, b, c]. */
  nrelax: [number, number, number];
  /** Allowed fraction of explicit zeros below b, c and beyond c columns. */
  zrelax: [number, number, number];
}

export const DEFAULT_RELAX: RelaxOptions = { nrelax: [4, 16, 48], zrelax: [0.8, 0.1, 0.05] };

/** Entries of a trapezoid of k columns and r rows (column t holds r − t entries). */
function trapezoid(k: number, r: number): number {
  return k * r - (k * (k - 1)) / 2;
}

/**
 * Relaxed amalgamation: merges a supernode into the group of its parent when they are adjacent
 * and the merged block would carry few explicit zeros. Fewer, wider supernodes mean longer
 * inner loops and fewer scatter steps in the numeric phase; the zeros cost a little memory.
 */
export function relaxSupernodes(
  superStart: Int32Array,
  parent: Int32Array,
  colCount: Int32Array,
  options: RelaxOptions = DEFAULT_RELAX,
): Int32Array {
  const ns = superStart.length - 1;
  if (ns <= 1) return superStart;
  const n = parent.length;
  const colToSuper = new Int32Array(n);
  for (let s = 0; s < ns; s++) for (let j = superStart[s]; j < superStart[s + 1]; j++) colToSuper[j] = s;
  const top = new Int32Array(ns); // group of each supernode, named by its highest supernode
  const groupFirst = new Int32Array(ns);
  const groupCols = new Float64Array(ns);
  const groupTrue = new Float64Array(ns);
  const rowsBelow = new Float64Array(ns);
  const [n0, n1, n2] = options.nrelax;
  const [z0, z1, z2] = options.zrelax;
  for (let s = ns - 1; s >= 0; s--) {
    const f = superStart[s];
    const l = superStart[s + 1] - 1;
    let trueNnz = 0;
    for (let j = f; j <= l; j++) trueNnz += colCount[j];
    top[s] = s;
    groupFirst[s] = s;
    groupCols[s] = l - f + 1;
    groupTrue[s] = trueNnz;
    rowsBelow[s] = colCount[l] - 1;
    const pcol = parent[l];
    if (pcol === -1) continue;
    const g = top[colToSuper[pcol]];
    if (groupFirst[g] !== s + 1) continue; // not adjacent: merging would break contiguity
    const k = groupCols[g] + (l - f + 1);
    const stored = trapezoid(k, k + rowsBelow[g]);
    const zeros = stored - (groupTrue[g] + trueNnz);
    const frac = stored > 0 ? zeros / stored : 0;
    const merge = k <= n0 || (k <= n1 && frac < z0) || (k <= n2 && frac < z1) || frac < z2;
    if (!merge) continue;
    top[s] = g;
    groupFirst[g] = s;
    groupCols[g] = k;
    groupTrue[g] += trueNnz;
  }
  const starts: number[] = [];
  for (let s = 0; s < ns; s++) if (top[s] === s) starts.push(superStart[groupFirst[s]]);
  starts.push(n);
  return Int32Array.from(starts);
}

/** Row structure and storage layout of every supernode. */
export interface SupernodalStructure {
  n: number;
  nsuper: number;
  /** First column of each supernode; superStart[nsuper] = n. */
  superStart: Int32Array;
  colToSuper: Int32Array;
  /** Supernode s owns rows[rowPtr[s] .. rowPtr[s+1]): its own columns first, then the rows below, ascending. */
  rowPtr: Int32Array;
  rows: Int32Array;
  /** Offset of s's dense block (row-major, nrows × ncols) in the value array. */
  valPtr: Float64Array;
  /** Parent supernode in the supernodal elimination tree, −1 for a root. */
  superParent: Int32Array;
  maxRows: number;
  maxCols: number;
}

/**
 * Rows of each supernode = its columns ∪ the rows of its columns in C below it ∪ the rows of its
 * child supernodes below it. Sizes are known in advance from the column counts (the rows below a
 * supernode are those of its last column), which doubles as a consistency check.
 */
export function supernodalStructure(C: SymmetricCsc, parent: Int32Array, colCount: Int32Array, superStart: Int32Array): SupernodalStructure {
  const n = C.n;
  const nsuper = superStart.length - 1;
  const colToSuper = new Int32Array(n);
  for (let s = 0; s < nsuper; s++) for (let j = superStart[s]; j < superStart[s + 1]; j++) colToSuper[j] = s;
  const superParent = new Int32Array(nsuper).fill(-1);
  const rowPtr = new Int32Array(nsuper + 1);
  const valPtr = new Float64Array(nsuper + 1);
  let maxRows = 0;
  let maxCols = 0;
  for (let s = 0; s < nsuper; s++) {
    const f = superStart[s];
    const l = superStart[s + 1] - 1;
    const nc = l - f + 1;
    const nr = nc + colCount[l] - 1;
    if (rowPtr[s] + nr > 0x7fffffff) throw new RangeError('sparse: factor too large (row index storage exceeds 2^31)');
    rowPtr[s + 1] = rowPtr[s] + nr;
    valPtr[s + 1] = valPtr[s] + nr * nc;
    if (nr > maxRows) maxRows = nr;
    if (nc > maxCols) maxCols = nc;
    if (parent[l] !== -1) superParent[s] = colToSuper[parent[l]];
  }
  // Children of each supernode, to pull their structures up.
  const childHead = new Int32Array(nsuper).fill(-1);
  const childNext = new Int32Array(nsuper).fill(-1);
  for (let s = nsuper - 1; s >= 0; s--) {
    const p = superParent[s];
    if (p !== -1) {
      childNext[s] = childHead[p];
      childHead[p] = s;
    }
  }
  const rows = new Int32Array(rowPtr[nsuper]);
  const mark = new Int32Array(n).fill(-1);
  const { colPtr, rowIdx } = C;
  for (let s = 0; s < nsuper; s++) {
    const f = superStart[s];
    const l = superStart[s + 1] - 1;
    const rp = rowPtr[s];
    let pos = rp;
    for (let j = f; j <= l; j++) {
      rows[pos++] = j;
      mark[j] = s;
    }
    const belowStart = pos;
    for (let j = f; j <= l; j++) {
      for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
        const i = rowIdx[p];
        if (i > l && mark[i] !== s) {
          mark[i] = s;
          rows[pos++] = i;
        }
      }
    }
    for (let c = childHead[s]; c !== -1; c = childNext[c]) {
      const cnc = superStart[c + 1] - superStart[c];
      for (let q = rowPtr[c] + cnc; q < rowPtr[c + 1]; q++) {
        const i = rows[q];
        if (i > l && mark[i] !== s) {
          mark[i] = s;
          rows[pos++] = i;
        }
      }
    }
    if (pos !== rowPtr[s + 1]) {
      throw new Error(`sparse: internal error, supernode ${s} has ${pos - rp} rows, column counts say ${rowPtr[s + 1] - rp}`);
    }
    rows.subarray(belowStart, pos).sort();
  }
  return { n, nsuper, superStart, colToSuper, rowPtr, rows, valPtr, superParent, maxRows, maxCols };
}
