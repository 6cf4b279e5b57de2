// The contract between the two numeric factorizations (reference and supernodal) and the
// public factor object, which adds permutation, input checks and null vectors on top.
import type { RawZeroPivot } from './pivots';

/** L D Lᵀ of the permuted matrix C = P A Pᵀ; everything here is in the permuted numbering. */
export interface NumericFactor {
  readonly n: number;
  /** Elimination tree of C (null vectors live on the subtree of their pivot). */
  readonly parent: Int32Array;
  readonly zeroPivots: RawZeroPivot[];
  /** Number of structural nonzeros of L, diagonal included. */
  readonly nnzL: number;
  readonly supernodes: number;
  /** x ← C⁻¹ x. */
  solveInPlace(x: Float64Array): void;
  /** Same for m right-hand sides stored interleaved: X[i·m + r] is row i of case r. */
  solveManyInPlace(X: Float64Array, m: number): void;
  /** Σ L(i, j)·x[i] over the stored rows j < i ≤ limit of column j. */
  columnDot(j: number, x: Float64Array, limit: number): number;
}
