// The public factor object: wraps a numeric factor of C = P A Pᵀ, translating between original
// and permuted numbering, guarding against non-finite input and output, and exposing zero
// pivots with lazily computed null vectors.
import type { NumericFactor } from './numeric-factor';
import { NullVectorSolver } from './null-vectors';

export interface FactorStats {
  orderingMs: number;
  symbolicMs: number;
  numericMs: number;
  /** Stored entries of A's lower triangle. */
  nnzA: number;
  /** Structural nonzeros of L, unit diagonal included. */
  nnzL: number;
  /** Supernodes of the supernodal factor; n for the column-by-column reference factor. */
  supernodes: number;
  /** Update kernel of the supernodal factor (absent for the reference factor). */
  denseKernel?: 'wasm' | 'js';
}

export interface ZeroPivot {
  /** Original (unpermuted) index. */
  column: number;
  /** The pivot met (≤ tolerance · |A_kk|), before it was replaced. */
  pivot: number;
  /** Original numbering, normalised to max |x| = 1 (the largest entry is +1), with A·x ≈ 0. */
  nullVector: Float64Array;
}

export interface LdlFactor {
  n: number;
  stats: FactorStats;
  /** Zero or negative pivots met (relative to the column's original diagonal); empty for an SPD matrix. */
  zeroPivots: ZeroPivot[];
  solve(b: Float64Array): Float64Array;
  solveMany(B: Float64Array[]): Float64Array[];
}

/**
 * A zero pivot whose null vector is computed on first access and then kept. Models with many
 * zero pivots (say, free rotations at every node of a truss) would otherwise need n doubles per
 * pivot up front; consumers that only count or list pivots never pay for the vectors. The
 * getter is an own, enumerable property and the factor is reachable only through its closure,
 * so spreading, structuredClone and postMessage (to leave a worker thread) copy the vector and
 * nothing else.
 */
function lazyZeroPivot(column: number, pivot: number, permutedColumn: number, solver: NullVectorSolver): ZeroPivot {
  let vector: Float64Array | undefined;
  const z = { column, pivot } as ZeroPivot;
  return Object.defineProperty(z, 'nullVector', {
    enumerable: true,
    get: () => (vector ??= solver.compute(permutedColumn)),
  });
}

/** Right-hand sides solved together: enough to amortise reading L, small enough for cache. */
const BLOCK = 32;

export class SparseLdlFactor implements LdlFactor {
  readonly n: number;
  readonly zeroPivots: ZeroPivot[];

  constructor(
    readonly numeric: NumericFactor,
    readonly perm: Int32Array,
    readonly stats: FactorStats,
  ) {
    this.n = numeric.n;
    const solver = new NullVectorSolver(numeric, perm);
    this.zeroPivots = numeric.zeroPivots.map((z) => lazyZeroPivot(perm[z.column], z.pivot, z.column, solver));
  }

  solve(b: Float64Array): Float64Array {
    const { n, perm } = this;
    checkVector(b, n, 'solve');
    const x = new Float64Array(n);
    for (let k = 0; k < n; k++) x[k] = b[perm[k]];
    this.numeric.solveInPlace(x);
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[perm[k]] = x[k];
    checkResult(out);
    return out;
  }

  solveMany(B: Float64Array[]): Float64Array[] {
    const { n, perm } = this;
    B.forEach((b, r) => checkVector(b, n, `solveMany (case ${r})`));
    const out: Float64Array[] = B.map(() => new Float64Array(n));
    for (let r0 = 0; r0 < B.length; r0 += BLOCK) {
      const m = Math.min(BLOCK, B.length - r0);
      if (m === 1) {
        out[r0] = this.solve(B[r0]);
        continue;
      }
      const X = new Float64Array(n * m);
      for (let r = 0; r < m; r++) {
        const b = B[r0 + r];
        for (let k = 0; k < n; k++) X[k * m + r] = b[perm[k]];
      }
      this.numeric.solveManyInPlace(X, m);
      for (let r = 0; r < m; r++) {
        const o = out[r0 + r];
        for (let k = 0; k < n; k++) o[perm[k]] = X[k * m + r];
        checkResult(o);
      }
    }
    return out;
  }
}

function checkVector(b: Float64Array, n: number, what: string): void {
  if (b.length !== n) throw new RangeError(`sparse ${what}: right-hand side has length ${b.length}, expected ${n}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(b[i])) throw new RangeError(`sparse ${what}: right-hand side entry ${i} is ${b[i]}`);
  }
}

function checkResult(x: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new RangeError(`sparse solve: solution entry ${i} overflowed to ${x[i]} (check the matrix scaling)`);
  }
}
