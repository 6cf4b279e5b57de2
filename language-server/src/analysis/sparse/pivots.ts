// What counts as a zero pivot and what replaces it. Shared by both numeric factorizations so
// they flag the same columns and produce the same factor.
//
// A pivot d_k is "zero" when d_k ≤ tolerance · max(|C_kk|, TINY): relative to the column's own
// diagonal, because stiffness entries span many orders of magnitude (a soft spring is not a
// mechanism). Negative pivots are caught by the same test. The replacement is a large positive
// value: it acts like a stiff spring on that unknown, so the factorization continues, later
// columns see the structure with that mode blocked, and every independent mechanism shows up as
// its own zero pivot in one pass.

/** Below this the column is treated as having no diagonal at all. */
export const TINY = 1e-300;

export interface PivotPolicy {
  tolerance: number;
  /** Value written in place of a zero pivot. */
  replacement: number;
}

export function pivotPolicy(tolerance: number, maxAbsDiag: number): PivotPolicy {
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new RangeError(`sparse: pivotTolerance must be a finite number ≥ 0, got ${tolerance}`);
  }
  // 1e12 relative: displacements on blocked modes come out ~1e-12 of the others, far below
  // engineering significance, while L's entries in that column stay well inside range.
  const scale = maxAbsDiag > 0 && Number.isFinite(maxAbsDiag) ? maxAbsDiag : 1;
  return { tolerance, replacement: 1e12 * scale };
}

/** Zero pivot met during factorization, in the permuted numbering. */
export interface RawZeroPivot {
  column: number;
  pivot: number;
}

export function isZeroPivot(d: number, originalDiagonal: number, policy: PivotPolicy): boolean {
  const ref = Math.abs(originalDiagonal);
  // `!(d > …)` also catches NaN, so a NaN can never slip through as a valid pivot.
  return !(d > policy.tolerance * (ref > TINY ? ref : TINY));
}

export function checkFinitePivot(d: number, column: number): void {
  if (!Number.isFinite(d)) {
    throw new RangeError(`sparse: pivot of column ${column} is ${d} (overflow in the factorization; check the matrix scaling)`);
  }
}
