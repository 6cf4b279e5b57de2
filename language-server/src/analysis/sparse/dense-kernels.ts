// The panel solve of the in-supernode factorization, on row-major blocks inside one big
// Float64Array. Row-major because it then reduces to dot products of contiguous rows, the
// fastest inner loop V8 produces: loads and multiply-adds accumulating in a register, no
// stores. Rows are processed two at a time so each loaded value is used twice. (The update
// kernel, where the flops are, is in update-kernel.ts.)

/**
 * Solves rows r0 .. r1−1 of a supernode's block (row stride nc) against the factored diagonal
 * block of panel columns k0 .. k1−1:
 *   L[a, j] = (L[a, j] − Σ_{k0≤c<j} L[a, c] · DL[j, c]) / D_j,
 * where DL[(j−k0)·nb + (c−k0)] = D_c · L[j, c] is precomputed for the panel. This is the
 * off-diagonal part L21 = A21 · L11⁻ᵀ · D⁻¹ restricted to the panel, a row at a time.
 */
export function solveRowsAgainstPanel(
  L: Float64Array,
  blockOff: number,
  nc: number,
  r0: number,
  r1: number,
  k0: number,
  k1: number,
  DL: Float64Array,
  nb: number,
  D: Float64Array,
  dOff: number,
): void {
  let a = r0;
  for (; a + 1 < r1; a += 2) {
    const ra = blockOff + a * nc;
    const rb = ra + nc;
    for (let j = k0; j < k1; j++) {
      const dj = (j - k0) * nb - k0;
      let s0 = L[ra + j];
      let s1 = L[rb + j];
      for (let c = k0; c < j; c++) {
        const t = DL[dj + c];
        s0 -= L[ra + c] * t;
        s1 -= L[rb + c] * t;
      }
      const dj0 = D[dOff + j];
      L[ra + j] = s0 / dj0;
      L[rb + j] = s1 / dj0;
    }
  }
  for (; a < r1; a++) {
    const ra = blockOff + a * nc;
    for (let j = k0; j < k1; j++) {
      const dj = (j - k0) * nb - k0;
      let s = L[ra + j];
      for (let c = k0; c < j; c++) s -= L[ra + c] * DL[dj + c];
      L[ra + j] = s / D[dOff + j];
    }
  }
}
