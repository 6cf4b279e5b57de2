// Sparse direct solver for symmetric systems (LDLᵀ), the engine under the frame analysis.
// Pipeline: AMD ordering → elimination tree, postorder, column counts, supernodes → numeric
// factorization (supernodal by default; the column-by-column reference on request) → solves.
// TypeScript on typed arrays, plus one hand-written WebAssembly SIMD kernel for the dense
// updates (update-kernel.ts, assembled at load time; TypeScript fallback with the same
// semantics); no editor or language imports.
import { diagonalOf, maxAbsDiagonal, validateSymmetricCsc, type SymmetricCsc } from './csc';
import { SparseLdlFactor, type LdlFactor } from './factor';
import { simpleLdl } from './ldl-numeric';
import type { NumericFactor } from './numeric-factor';
import { pivotPolicy } from './pivots';
import { SupernodalFactor, supernodalLdl } from './supernodal';
import { analyse, computeOrdering } from './symbolic';
import type { KernelChoice } from './workspace';

export type { SymmetricCsc } from './csc';
export { multiply, residualNorm } from './csc';
export { TripletBuilder } from './triplets';
export type { FactorStats, LdlFactor, ZeroPivot } from './factor';
export { denseSolve } from './dense';
export type { KernelChoice } from './workspace';

export interface FactorOptions {
  /** Fill-reducing ordering (default 'amd'). */
  ordering?: 'amd' | 'natural';
  /** Supernodal numeric factorization (default true); false selects the simple reference. */
  supernodal?: boolean;
  /** A pivot d_k ≤ pivotTolerance · |A_kk| is a zero pivot (default 1e-10). */
  pivotTolerance?: number;
  /**
   * Dense update kernel of the supernodal factorization: 'wasm' (hand-assembled WebAssembly
   * SIMD), 'js' (the TypeScript reference) or 'auto' (default: wasm for all but small factors,
   * where a WebAssembly memory is not worth creating). Both give the same factor up to rounding.
   */
  denseKernel?: KernelChoice;
  /**
   * Optional group of each unknown (any non-negative integers), e.g. the node of each DOF: AMD
   * then orders groups, which on frame stiffness matrices (whose assembly drops exact zeros)
   * gives much less fill than ordering single DOFs. Ignored by the natural ordering.
   */
  groups?: Int32Array;
}

/**
 * Factors a symmetric matrix as P A Pᵀ = L D Lᵀ. Zero or negative pivots do not stop the
 * factorization: each is recorded (with its null vector) and replaced by a large positive value,
 * so one call finds every independent mechanism. Throws on malformed input or on overflow;
 * never returns NaN silently.
 */
export function factorize(A: SymmetricCsc, options: FactorOptions = {}): LdlFactor {
  const ordering = options.ordering ?? 'amd';
  if (ordering !== 'amd' && ordering !== 'natural') throw new RangeError(`factorize: unknown ordering '${String(ordering)}'`);
  const supernodal = options.supernodal ?? true;
  const kernel = options.denseKernel ?? 'auto';
  if (kernel !== 'auto' && kernel !== 'wasm' && kernel !== 'js') throw new RangeError(`factorize: unknown denseKernel '${String(kernel)}'`);
  validateSymmetricCsc(A);
  const policy = pivotPolicy(options.pivotTolerance ?? 1e-10, maxAbsDiagonal(A));

  const t0 = performance.now();
  const order = computeOrdering(A, ordering, options.groups);
  const t1 = performance.now();
  const sym = analyse(A, order, { supernodal });
  const t2 = performance.now();
  const diag = diagonalOf(sym.C.lower);
  const numeric: NumericFactor = sym.supernodes
    ? supernodalLdl(sym.C.lower, sym.supernodes, sym.parent, sym.nnzL, diag, policy, kernel)
    : simpleLdl(sym.C.upper, sym.parent, sym.colCount, diag, policy);
  const t3 = performance.now();

  return new SparseLdlFactor(numeric, sym.perm, {
    orderingMs: t1 - t0,
    symbolicMs: t2 - t1,
    numericMs: t3 - t2,
    nnzA: A.colPtr[A.n],
    nnzL: sym.nnzL,
    supernodes: numeric.supernodes,
    denseKernel: numeric instanceof SupernodalFactor ? numeric.kernel : undefined,
  });
}
