// Dense block kernels of the supernodal factorization, on row-major blocks inside one big
// Float64Array. Row-major because every kernel then reduces to dot products of contiguous rows,
// the fastest inner loop V8 produces: two loads and one multiply-add per step, accumulating in a
// register, no stores. Rows are processed two at a time so each loaded value is used twice.

/**
 * Update of a target supernode by a descendant d: for rows a ≥ b of d (positions from p0),
 *   T[map(row a), col(row b)] −= Σ_c L_d[a,c] · D_c · L_d[b,c],
 * for the |R1| = q − p0 rows b that fall into the target's columns and all |R| = nrd − p0 rows a.
 * scaled holds D·L_d[b,:] for those rows (|R1| × ncd), targetRowOff[a'] the value offset of the
 * target row receiving d's row p0 + a', targetCol[b'] the target column of d's row p0 + b'.
 */
export function updateFromDescendant(
  L: Float64Array,
  srcOff: number, // offset of d's row p0
  ncd: number,
  m: number, // |R|
  m1: number, // |R1|
  scaled: Float64Array,
  targetRowOff: Int32Array | Float64Array,
  targetCol: Int32Array,
): void {
  let a = 0;
  for (; a + 1 < m; a += 2) {
    const ra = srcOff + a * ncd;
    const rb = ra + ncd;
    const t0 = targetRowOff[a];
    const t1 = targetRowOff[a + 1];
    // Row a updates target columns b ≤ a (lower triangle only when a is inside R1).
    const bEnd0 = a < m1 ? a + 1 : m1;
    const bEnd1 = a + 1 < m1 ? a + 2 : m1;
    let b = 0;
    for (; b + 1 < bEnd0; b += 2) {
      const s0 = b * ncd;
      const s1 = s0 + ncd;
      let x00 = 0;
      let x01 = 0;
      let x10 = 0;
      let x11 = 0;
      for (let c = 0; c < ncd; c++) {
        const u = L[ra + c];
        const v = L[rb + c];
        const p = scaled[s0 + c];
        const q = scaled[s1 + c];
        x00 += u * p;
        x01 += u * q;
        x10 += v * p;
        x11 += v * q;
      }
      const c0 = targetCol[b];
      const c1 = targetCol[b + 1];
      L[t0 + c0] -= x00;
      L[t0 + c1] -= x01;
      L[t1 + c0] -= x10;
      L[t1 + c1] -= x11;
    }
    for (; b < bEnd1; b++) {
      const s0 = b * ncd;
      let x0 = 0;
      let x1 = 0;
      for (let c = 0; c < ncd; c++) {
        const p = scaled[s0 + c];
        x0 += L[ra + c] * p;
        x1 += L[rb + c] * p;
      }
      const cb = targetCol[b];
      if (b < bEnd0) L[t0 + cb] -= x0;
      L[t1 + cb] -= x1;
    }
  }
  for (; a < m; a++) {
    const ra = srcOff + a * ncd;
    const t0 = targetRowOff[a];
    const bEnd = a < m1 ? a + 1 : m1;
    for (let b = 0; b < bEnd; b++) {
      const s0 = b * ncd;
      let x = 0;
      for (let c = 0; c < ncd; c++) x += L[ra + c] * scaled[s0 + c];
      L[t0 + targetCol[b]] -= x;
    }
  }
}

/**
 * Solves rows r0 .. r1−1 of a supernode's block against its factored diagonal block:
 *   L[a, j] = (A[a, j] − Σ_{c<j} L[a, c] · DL[j, c]) / D_j,
 * where DL[j, c] = D_c · L[j, c] (nc × nc, row-major) is precomputed once per supernode. This is
 * the off-diagonal part L21 = A21 · L11⁻ᵀ · D⁻¹, one row at a time.
 */
export function solveRowsAgainstDiagonal(
  L: Float64Array,
  blockOff: number,
  nc: number,
  r0: number,
  r1: number,
  DL: Float64Array,
  D: Float64Array,
  dOff: number,
): void {
  let a = r0;
  for (; a + 1 < r1; a += 2) {
    const ra = blockOff + a * nc;
    const rb = ra + nc;
    for (let j = 0; j < nc; j++) {
      const dj = j * nc;
      let s0 = L[ra + j];
      let s1 = L[rb + j];
      for (let c = 0; c < j; c++) {
        const t = DL[dj + c];
        s0 -= L[ra + c] * t;
        s1 -= L[rb + c] * t;
      }
      const inv = 1 / D[dOff + j];
      L[ra + j] = s0 * inv;
      L[rb + j] = s1 * inv;
    }
  }
  for (; a < r1; a++) {
    const ra = blockOff + a * nc;
    for (let j = 0; j < nc; j++) {
      const dj = j * nc;
      let s = L[ra + j];
      for (let c = 0; c < j; c++) s -= L[ra + c] * DL[dj + c];
      L[ra + j] = s / D[dOff + j];
    }
  }
}
