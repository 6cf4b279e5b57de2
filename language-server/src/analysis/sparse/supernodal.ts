// Supernodal left-looking LDLᵀ. Each supernode is a dense row-major block (its rows × its
// columns) in one Float64Array (a view of the workspace memory, see workspace.ts). Processing
// supernodes in order, a supernode is
//   1. assembled from C's columns,
//   2. updated by every descendant whose rows reach into its columns: the update kernel
//      computes the dense product and scatters it straight into the block through relative
//      indices (no temporary) — the step where most flops are spent,
//   3. factored: dense LDLᵀ of its diagonal block, then L21 = A21·L11⁻ᵀ·D⁻¹, blocked so that
//      most of its flops also go through the update kernel.
// Descendants are queued on linked lists keyed by the next supernode they must update, so the
// whole pass costs nothing beyond the flops and the scatters (the scheme of Ng & Peyton and of
// CHOLMOD's supernodal code, re-derived here for LDLᵀ and row-major storage).
import type { SymmetricCsc } from './csc';
import { solveRowsAgainstPanel } from './dense-kernels';
import type { NumericFactor } from './numeric-factor';
import { checkFinitePivot, isZeroPivot, type PivotPolicy, type RawZeroPivot } from './pivots';
import type { SupernodalStructure } from './supernodes';
import { applyUpdate, createWorkspace, type FactorWorkspace, type KernelChoice } from './workspace';

export class SupernodalFactor implements NumericFactor {
  readonly n: number;
  readonly supernodes: number;

  constructor(
    readonly S: SupernodalStructure,
    readonly parent: Int32Array,
    readonly L: Float64Array,
    readonly D: Float64Array,
    readonly zeroPivots: RawZeroPivot[],
    readonly nnzL: number,
    /** Which update kernel produced the factor. */
    readonly kernel: 'wasm' | 'js',
  ) {
    this.n = S.n;
    this.supernodes = S.nsuper;
  }

  /** Values stored, including the explicit zeros of relaxed supernodes and the unused upper halves of diagonal blocks. */
  get storedEntries(): number {
    return this.L.length;
  }

  solveInPlace(x: Float64Array): void {
    const { nsuper, superStart, rowPtr, rows, valPtr } = this.S;
    const { L, D } = this;
    // Forward: L y = b.
    for (let s = 0; s < nsuper; s++) {
      const f = superStart[s];
      const nc = superStart[s + 1] - f;
      const rp = rowPtr[s];
      const nr = rowPtr[s + 1] - rp;
      const vp = valPtr[s];
      for (let a = 1; a < nc; a++) {
        const ra = vp + a * nc;
        let t = x[f + a];
        for (let c = 0; c < a; c++) t -= L[ra + c] * x[f + c];
        x[f + a] = t;
      }
      for (let a = nc; a < nr; a++) {
        const ra = vp + a * nc;
        let t = 0;
        for (let c = 0; c < nc; c++) t += L[ra + c] * x[f + c];
        x[rows[rp + a]] -= t;
      }
    }
    for (let j = 0; j < this.n; j++) x[j] /= D[j];
    // Backward: Lᵀ x = y.
    for (let s = nsuper - 1; s >= 0; s--) {
      const f = superStart[s];
      const nc = superStart[s + 1] - f;
      const rp = rowPtr[s];
      const nr = rowPtr[s + 1] - rp;
      const vp = valPtr[s];
      for (let a = nc; a < nr; a++) {
        const ra = vp + a * nc;
        const t = x[rows[rp + a]];
        if (t !== 0) for (let c = 0; c < nc; c++) x[f + c] -= L[ra + c] * t;
      }
      for (let a = nc - 1; a > 0; a--) {
        const ra = vp + a * nc;
        const t = x[f + a];
        if (t !== 0) for (let c = 0; c < a; c++) x[f + c] -= L[ra + c] * t;
      }
    }
  }

  /**
   * Forward and backward substitution for m right-hand sides at once (X row-major, n × m).
   * Four rows of X are combined per pass over a target row, so each target value is loaded and
   * stored once per four multiply-adds, and L is read once for all m cases — the point of
   * solving load cases together.
   */
  solveManyInPlace(X: Float64Array, m: number): void {
    const { nsuper, superStart, rowPtr, rows, valPtr } = this.S;
    const { L, D } = this;
    for (let s = 0; s < nsuper; s++) {
      const f = superStart[s];
      const nc = superStart[s + 1] - f;
      const rp = rowPtr[s];
      const nr = rowPtr[s + 1] - rp;
      const vp = valPtr[s];
      // Row a of the block: X[target] −= Σ_{c < cEnd} L[a, c] · X[f + c].
      for (let a = 1; a < nc && a < nr; a++) subtractRowCombination(X, m, (f + a) * m, L, vp + a * nc, 1, a, f * m, m);
      // Below the diagonal block two rows at a time: they share their sources.
      let a = nc;
      for (; a + 1 < nr; a += 2) subtractTwoRowCombinations(X, m, rows[rp + a] * m, rows[rp + a + 1] * m, L, vp + a * nc, vp + (a + 1) * nc, nc, f * m);
      if (a < nr) subtractRowCombination(X, m, rows[rp + a] * m, L, vp + a * nc, 1, nc, f * m, m);
    }
    for (let j = 0; j < this.n; j++) {
      const inv = 1 / D[j];
      for (let r = 0; r < m; r++) X[j * m + r] *= inv;
    }
    for (let s = nsuper - 1; s >= 0; s--) {
      const f = superStart[s];
      const nc = superStart[s + 1] - f;
      const rp = rowPtr[s];
      const nr = rowPtr[s + 1] - rp;
      const vp = valPtr[s];
      // Column c of the block, below the diagonal block: X[f + c] −= Σ_a L[a, c] · X[row a].
      if (nr > nc) {
        // Two columns at a time: they share their gathered sources.
        let c = 0;
        for (; c + 1 < nc; c += 2) subtractTwoGatheredCombinations(X, m, (f + c) * m, L, vp + nc * nc + c, nc, nr - nc, rows, rp + nc);
        if (c < nc) subtractGatheredCombination(X, m, (f + c) * m, L, vp + nc * nc + c, nc, nr - nc, rows, rp + nc);
      }
      // Inside the diagonal block, columns from last to first so each source is final.
      for (let c = nc - 2; c >= 0; c--) {
        subtractRowCombination(X, m, (f + c) * m, L, vp + (c + 1) * nc + c, nc, nc - c - 1, (f + c + 1) * m, m);
      }
    }
  }

  columnDot(j: number, x: Float64Array, limit: number): number {
    const { superStart, colToSuper, rowPtr, rows, valPtr } = this.S;
    const s = colToSuper[j];
    const f = superStart[s];
    const nc = superStart[s + 1] - f;
    const rp = rowPtr[s];
    const nr = rowPtr[s + 1] - rp;
    const vp = valPtr[s];
    let sum = 0;
    for (let a = j - f + 1; a < nr; a++) {
      const i = rows[rp + a];
      if (i > limit) break;
      sum += this.L[vp + a * nc + (j - f)] * x[i];
    }
    return sum;
  }
}

/**
 * X[target + r] −= Σ_{k < count} L[lOff + k·lStride] · X[src + k·srcStride + r] for r < m,
 * four terms at a time.
 */
function subtractRowCombination(
  X: Float64Array,
  m: number,
  target: number,
  L: Float64Array,
  lOff: number,
  lStride: number,
  count: number,
  src: number,
  srcStride: number,
): void {
  let k = 0;
  for (; k + 3 < count; k += 4) {
    const l0 = L[lOff + k * lStride];
    const l1 = L[lOff + (k + 1) * lStride];
    const l2 = L[lOff + (k + 2) * lStride];
    const l3 = L[lOff + (k + 3) * lStride];
    const s0 = src + k * srcStride;
    const s1 = s0 + srcStride;
    const s2 = s1 + srcStride;
    const s3 = s2 + srcStride;
    for (let r = 0; r < m; r++) X[target + r] -= l0 * X[s0 + r] + l1 * X[s1 + r] + l2 * X[s2 + r] + l3 * X[s3 + r];
  }
  for (; k < count; k++) {
    const l0 = L[lOff + k * lStride];
    if (l0 === 0) continue;
    const s0 = src + k * srcStride;
    for (let r = 0; r < m; r++) X[target + r] -= l0 * X[s0 + r];
  }
}

/** Like subtractRowCombination, with source rows X[rows[rowOff + k]] scattered over X. */
function subtractGatheredCombination(
  X: Float64Array,
  m: number,
  target: number,
  L: Float64Array,
  lOff: number,
  lStride: number,
  count: number,
  rows: Int32Array,
  rowOff: number,
): void {
  let k = 0;
  for (; k + 3 < count; k += 4) {
    const l0 = L[lOff + k * lStride];
    const l1 = L[lOff + (k + 1) * lStride];
    const l2 = L[lOff + (k + 2) * lStride];
    const l3 = L[lOff + (k + 3) * lStride];
    const s0 = rows[rowOff + k] * m;
    const s1 = rows[rowOff + k + 1] * m;
    const s2 = rows[rowOff + k + 2] * m;
    const s3 = rows[rowOff + k + 3] * m;
    for (let r = 0; r < m; r++) X[target + r] -= l0 * X[s0 + r] + l1 * X[s1 + r] + l2 * X[s2 + r] + l3 * X[s3 + r];
  }
  for (; k < count; k++) {
    const l0 = L[lOff + k * lStride];
    if (l0 === 0) continue;
    const s0 = rows[rowOff + k] * m;
    for (let r = 0; r < m; r++) X[target + r] -= l0 * X[s0 + r];
  }
}

/**
 * subtractRowCombination (lStride 1, srcStride m) for two target rows with coefficients at
 * lA and lB, sharing each load of the sources. Each target gets exactly the operations, in the
 * same order, that two separate calls would give it, so the solution is the same to the bit.
 */
function subtractTwoRowCombinations(X: Float64Array, m: number, tA: number, tB: number, L: Float64Array, lA: number, lB: number, count: number, src: number): void {
  let k = 0;
  for (; k + 3 < count; k += 4) {
    const a0 = L[lA + k];
    const a1 = L[lA + k + 1];
    const a2 = L[lA + k + 2];
    const a3 = L[lA + k + 3];
    const b0 = L[lB + k];
    const b1 = L[lB + k + 1];
    const b2 = L[lB + k + 2];
    const b3 = L[lB + k + 3];
    const s0 = src + k * m;
    const s1 = s0 + m;
    const s2 = s1 + m;
    const s3 = s2 + m;
    for (let r = 0; r < m; r++) {
      const x0 = X[s0 + r];
      const x1 = X[s1 + r];
      const x2 = X[s2 + r];
      const x3 = X[s3 + r];
      X[tA + r] -= a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
      X[tB + r] -= b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
    }
  }
  for (; k < count; k++) {
    const a0 = L[lA + k];
    const b0 = L[lB + k];
    const s0 = src + k * m;
    if (a0 !== 0 && b0 !== 0) {
      for (let r = 0; r < m; r++) {
        const x0 = X[s0 + r];
        X[tA + r] -= a0 * x0;
        X[tB + r] -= b0 * x0;
      }
    } else if (a0 !== 0) {
      for (let r = 0; r < m; r++) X[tA + r] -= a0 * X[s0 + r];
    } else if (b0 !== 0) {
      for (let r = 0; r < m; r++) X[tB + r] -= b0 * X[s0 + r];
    }
  }
}

/** subtractGatheredCombination for the two adjacent columns at lOff and lOff + 1 (targets t and
 * t + m), sharing each gathered source; the same operations per target, in the same order. */
function subtractTwoGatheredCombinations(X: Float64Array, m: number, t: number, L: Float64Array, lOff: number, lStride: number, count: number, rows: Int32Array, rowOff: number): void {
  const u = t + m;
  let k = 0;
  for (; k + 3 < count; k += 4) {
    const p0 = lOff + k * lStride;
    const p1 = p0 + lStride;
    const p2 = p1 + lStride;
    const p3 = p2 + lStride;
    const a0 = L[p0];
    const a1 = L[p1];
    const a2 = L[p2];
    const a3 = L[p3];
    const b0 = L[p0 + 1];
    const b1 = L[p1 + 1];
    const b2 = L[p2 + 1];
    const b3 = L[p3 + 1];
    const s0 = rows[rowOff + k] * m;
    const s1 = rows[rowOff + k + 1] * m;
    const s2 = rows[rowOff + k + 2] * m;
    const s3 = rows[rowOff + k + 3] * m;
    for (let r = 0; r < m; r++) {
      const x0 = X[s0 + r];
      const x1 = X[s1 + r];
      const x2 = X[s2 + r];
      const x3 = X[s3 + r];
      X[t + r] -= a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
      X[u + r] -= b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
    }
  }
  for (; k < count; k++) {
    const p0 = lOff + k * lStride;
    const a0 = L[p0];
    const b0 = L[p0 + 1];
    const s0 = rows[rowOff + k] * m;
    if (a0 !== 0 && b0 !== 0) {
      for (let r = 0; r < m; r++) {
        const x0 = X[s0 + r];
        X[t + r] -= a0 * x0;
        X[u + r] -= b0 * x0;
      }
    } else if (a0 !== 0) {
      for (let r = 0; r < m; r++) X[t + r] -= a0 * X[s0 + r];
    } else if (b0 !== 0) {
      for (let r = 0; r < m; r++) X[u + r] -= b0 * X[s0 + r];
    }
  }
}

/** Numeric factorization of C (lower form, postordered) over a precomputed supernodal structure. */
export function supernodalLdl(
  C: SymmetricCsc,
  S: SupernodalStructure,
  parent: Int32Array,
  nnzL: number,
  diag: Float64Array,
  policy: PivotPolicy,
  kernel: KernelChoice = 'auto',
): SupernodalFactor {
  const { n, nsuper, superStart, colToSuper, rowPtr, rows, valPtr, maxRows, maxCols } = S;
  const total = valPtr[nsuper];
  if (total > 2 ** 31) throw new RangeError(`sparse: factor needs ${total} values, more than this solver supports`);
  const ws = createWorkspace(total, maxRows, maxCols, kernel);
  const { M: L, I, rowOffAt, colOffAt } = ws;
  const unit = ws.kernel.unit;
  const D = new Float64Array(n);
  const zeroPivots: RawZeroPivot[] = [];
  const map = new Int32Array(n); // row → local row of the current target supernode
  const linkHead = new Int32Array(nsuper).fill(-1);
  const linkNext = new Int32Array(nsuper).fill(-1);
  const cursor = new Int32Array(nsuper); // position of each descendant's next unused row
  const panelDL = new Float64Array(PANEL * PANEL);
  const { colPtr, rowIdx, values } = C;

  for (let s = 0; s < nsuper; s++) {
    const f = superStart[s];
    const l = superStart[s + 1] - 1;
    const nc = l - f + 1;
    const rp = rowPtr[s];
    const nr = rowPtr[s + 1] - rp;
    const vp = valPtr[s];
    for (let a = 0; a < nr; a++) map[rows[rp + a]] = a;

    // 1. Assemble.
    for (let j = f; j <= l; j++) {
      const cj = vp + (j - f);
      for (let p = colPtr[j]; p < colPtr[j + 1]; p++) L[cj + map[rowIdx[p]] * nc] += values[p];
    }

    // 2. Updates from queued descendants.
    let d = linkHead[s];
    linkHead[s] = -1;
    while (d !== -1) {
      const dNext = linkNext[d];
      const fd = superStart[d];
      const ncd = superStart[d + 1] - fd;
      const rpd = rowPtr[d];
      const nrd = rowPtr[d + 1] - rpd;
      const p0 = cursor[d];
      let q = p0;
      while (q < nrd && rows[rpd + q] <= l) q++;
      const m = nrd - p0;
      // Relative indices: where each of d's remaining rows lands in s's block.
      for (let a = 0; a < m; a++) {
        const row = rows[rpd + p0 + a];
        I[rowOffAt + a] = (vp + map[row] * nc) * unit;
        if (a < q - p0) I[colOffAt + a] = (row - f) * unit;
      }
      applyUpdate(ws, valPtr[d] + p0 * ncd, ncd, ncd, m, q - p0, D, fd);
      cursor[d] = q;
      if (q < nrd) {
        const t = colToSuper[rows[rpd + q]];
        linkNext[d] = linkHead[t];
        linkHead[t] = d;
      }
      d = dNext;
    }

    // 3. Factor the block in place.
    factorBlock(ws, vp, nc, nr, f, D, diag, policy, zeroPivots, panelDL);
    if (nr > nc) {
      cursor[s] = nc;
      const t = colToSuper[rows[rp + nc]];
      linkNext[s] = linkHead[t];
      linkHead[t] = s;
    }
  }
  return new SupernodalFactor(S, parent, L.subarray(0, total), D, zeroPivots, nnzL, unit === 8 ? 'wasm' : 'js');
}

/**
 * Blocking of the in-supernode factorization, on two levels. A panel of PANEL columns is
 * factored in TypeScript (a dependent recurrence, no use for the kernel); everything else is
 * kernel work: the panel's update of the rest of its OUTER-column group, and the group's update
 * of all later columns. The second level exists because the kernel is slowest on short dot
 * products: with one level, 40 % of a large model's flops would run at width PANEL.
 */
const PANEL = 16;
const OUTER = 128;

/**
 * Dense LDLᵀ of one supernode's block (nr × nc, row-major at vp), right-looking: for each group
 * of OUTER columns, factor its panels (diagonal part row by row, then the rows below solved
 * against it, then the group's remaining columns updated), then update the trailing columns
 * with the whole group at once.
 */
function factorBlock(
  ws: FactorWorkspace,
  vp: number,
  nc: number,
  nr: number,
  f: number,
  D: Float64Array,
  diag: Float64Array,
  policy: PivotPolicy,
  zeroPivots: RawZeroPivot[],
  DL: Float64Array,
): void {
  const L = ws.M;
  for (let g0 = 0; g0 < nc; g0 += OUTER) {
    const g1 = Math.min(g0 + OUTER, nc);
    for (let k0 = g0; k0 < g1; k0 += PANEL) {
      const k1 = Math.min(k0 + PANEL, g1);
      for (let k = k0; k < k1; k++) {
        const rk = vp + k * nc;
        for (let j = k0; j < k; j++) {
          const dj = (j - k0) * PANEL - k0;
          let t = L[rk + j];
          for (let c = k0; c < j; c++) t -= L[rk + c] * DL[dj + c];
          L[rk + j] = t / D[f + j];
        }
        const dk = (k - k0) * PANEL - k0;
        let piv = L[rk + k];
        for (let c = k0; c < k; c++) {
          const lkc = L[rk + c];
          const v = lkc * D[f + c];
          DL[dk + c] = v;
          piv -= lkc * v;
        }
        checkFinitePivot(piv, f + k);
        if (isZeroPivot(piv, diag[f + k], policy)) {
          zeroPivots.push({ column: f + k, pivot: piv });
          piv = policy.replacement;
        }
        D[f + k] = piv;
        L[rk + k] = 1;
      }
      if (k1 < nr) solveRowsAgainstPanel(L, vp, nc, k1, nr, k0, k1, DL, PANEL, D, f);
      if (k1 < g1) updateTrailing(ws, vp, nc, nr, f, D, k0, k1, g1);
    }
    if (g1 < nc) updateTrailing(ws, vp, nc, nr, f, D, g0, g1, nc);
  }
}

/** Columns c1 .. c2−1 (rows from c1 down) of a supernode's block −= the contribution of its factored columns c0 .. c1−1. */
function updateTrailing(ws: FactorWorkspace, vp: number, nc: number, nr: number, f: number, D: Float64Array, c0: number, c1: number, c2: number): void {
  const { I, rowOffAt, colOffAt } = ws;
  const unit = ws.kernel.unit;
  const m = nr - c1;
  for (let a = 0; a < m; a++) I[rowOffAt + a] = (vp + (c1 + a) * nc) * unit;
  for (let b = 0; b < c2 - c1; b++) I[colOffAt + b] = (c1 + b) * unit;
  applyUpdate(ws, vp + c1 * nc + c0, nc, c1 - c0, m, c2 - c1, D, f + c0);
}
