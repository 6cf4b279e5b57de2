// Supernodal left-looking LDLᵀ. Each supernode is a dense row-major block (its rows × its
// columns) in one Float64Array. Processing supernodes in order, a supernode is
//   1. assembled from C's columns,
//   2. updated by every descendant whose rows reach into its columns (dense products, then one
//      scatter per entry — the step where nearly all flops are spent),
//   3. factored: dense LDLᵀ of its diagonal block, then L21 = A21·L11⁻ᵀ·D⁻¹.
// Descendants are queued on linked lists keyed by the next supernode they must update, so the
// whole pass costs nothing beyond the flops and the scatters (the scheme of Ng & Peyton and of
// CHOLMOD's supernodal code, re-derived here for LDLᵀ and row-major storage).
import type { SymmetricCsc } from './csc';
import { solveRowsAgainstPanel, updateFromDescendant } from './dense-kernels';
import type { NumericFactor } from './numeric-factor';
import { checkFinitePivot, isZeroPivot, type PivotPolicy, type RawZeroPivot } from './pivots';
import type { SupernodalStructure } from './supernodes';

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
      for (let a = 1; a < nr; a++) {
        const target = (a < nc ? f + a : rows[rp + a]) * m;
        subtractRowCombination(X, m, target, L, vp + a * nc, 1, a < nc ? a : nc, f * m, m);
      }
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
        for (let c = 0; c < nc; c++) subtractGatheredCombination(X, m, (f + c) * m, L, vp + nc * nc + c, nc, nr - nc, rows, rp + nc);
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

/** Numeric factorization of C (lower form, postordered) over a precomputed supernodal structure. */
export function supernodalLdl(
  C: SymmetricCsc,
  S: SupernodalStructure,
  parent: Int32Array,
  nnzL: number,
  diag: Float64Array,
  policy: PivotPolicy,
): SupernodalFactor {
  const { n, nsuper, superStart, colToSuper, rowPtr, rows, valPtr, maxRows, maxCols } = S;
  const total = valPtr[nsuper];
  if (total > 2 ** 31) throw new RangeError(`sparse: factor needs ${total} values, more than this solver supports`);
  const L = new Float64Array(total);
  const D = new Float64Array(n);
  const zeroPivots: RawZeroPivot[] = [];
  const map = new Int32Array(n); // row → local row of the current target supernode
  const linkHead = new Int32Array(nsuper).fill(-1);
  const linkNext = new Int32Array(nsuper).fill(-1);
  const cursor = new Int32Array(nsuper); // position of each descendant's next unused row
  const panelDL = new Float64Array(PANEL * PANEL);
  let scaled = new Float64Array(Math.max(16, maxCols * 8));
  const targetRowOff = new Float64Array(maxRows);
  const targetCol = new Int32Array(maxCols);
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
      const vpd = valPtr[d];
      const p0 = cursor[d];
      let q = p0;
      while (q < nrd && rows[rpd + q] <= l) q++;
      const m1 = q - p0;
      const m = nrd - p0;
      if (scaled.length < m1 * ncd) scaled = new Float64Array(Math.max(m1 * ncd, scaled.length * 2));
      for (let b = 0; b < m1; b++) {
        const src = vpd + (p0 + b) * ncd;
        const dst = b * ncd;
        for (let c = 0; c < ncd; c++) scaled[dst + c] = L[src + c] * D[fd + c];
        targetCol[b] = rows[rpd + p0 + b] - f;
      }
      for (let a = 0; a < m; a++) targetRowOff[a] = vp + map[rows[rpd + p0 + a]] * nc;
      updateFromDescendant(L, vpd + p0 * ncd, ncd, ncd, m, m1, scaled, targetRowOff, targetCol);
      cursor[d] = q;
      if (q < nrd) {
        const t = colToSuper[rows[rpd + q]];
        linkNext[d] = linkHead[t];
        linkHead[t] = d;
      }
      d = dNext;
    }

    // 3. Factor the block in place.
    if (scaled.length < Math.min(nc, PANEL) * nc) scaled = new Float64Array(Math.min(nc, PANEL) * nc);
    factorBlock(L, vp, nc, nr, f, D, diag, policy, zeroPivots, panelDL, scaled, targetRowOff, targetCol);
    if (nr > nc) {
      cursor[s] = nc;
      const t = colToSuper[rows[rp + nc]];
      linkNext[s] = linkHead[t];
      linkHead[t] = s;
    }
  }
  return new SupernodalFactor(S, parent, L, D, zeroPivots, nnzL);
}

/** Panel width of the blocked in-supernode factorization. */
const PANEL = 32;

/**
 * Dense LDLᵀ of one supernode's block (nr × nc, row-major at vp), right-looking by panels of
 * PANEL columns: factor the panel's diagonal part row by row, solve the rows below against it,
 * then update the trailing columns with the same register-blocked kernel as descendant
 * updates. A plain row-by-row factorization spends its time in a single dependent
 * accumulation per dot product; on the large separator supernodes this is several times slower.
 */
function factorBlock(
  L: Float64Array,
  vp: number,
  nc: number,
  nr: number,
  f: number,
  D: Float64Array,
  diag: Float64Array,
  policy: PivotPolicy,
  zeroPivots: RawZeroPivot[],
  DL: Float64Array,
  scaled: Float64Array,
  targetRowOff: Float64Array,
  targetCol: Int32Array,
): void {
  for (let k0 = 0; k0 < nc; k0 += PANEL) {
    const k1 = Math.min(k0 + PANEL, nc);
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
    if (k1 < nc) {
      const w = k1 - k0;
      const m1 = nc - k1;
      const m = nr - k1;
      for (let b = 0; b < m1; b++) {
        const src = vp + (k1 + b) * nc + k0;
        const dst = b * w;
        for (let c = 0; c < w; c++) scaled[dst + c] = L[src + c] * D[f + k0 + c];
        targetCol[b] = k1 + b;
      }
      for (let a = 0; a < m; a++) targetRowOff[a] = vp + (k1 + a) * nc;
      updateFromDescendant(L, vp + k1 * nc + k0, nc, w, m, m1, scaled, targetRowOff, targetCol);
    }
  }
}
