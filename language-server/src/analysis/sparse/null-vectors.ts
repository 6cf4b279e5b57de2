// Null vectors of zero pivots. If column k's pivot vanished, then with x = L⁻ᵀ e_k (in the
// permuted numbering) we get C x = L D Lᵀ x = L D e_k = d_k · L e_k, which is zero up to the tiny
// pivot d_k. Written out: x_k = 1, x_j = 0 for j > k, and the earlier entries follow by
// back-substitution with L's leading block — the mechanism mode of a structure. For a
// positive semidefinite C (every stiffness matrix) the rows beyond k vanish too, because
// xᵀ C x = d_k ≈ 0 forces C x ≈ 0.
//
// x_j can only be nonzero for j in the etree subtree of k (L(i, j) ≠ 0 needs i to be an ancestor
// of j), so the back-substitution walks that subtree parents-first and costs nothing elsewhere:
// hundreds of isolated zero pivots (free rotations at truss-only nodes) stay cheap.
import { childLists, type ChildLists } from './etree';
import type { NumericFactor } from './numeric-factor';

export class NullVectorSolver {
  private children: ChildLists | undefined;

  constructor(
    private readonly factor: NumericFactor,
    private readonly perm: Int32Array,
  ) {}

  /** The null vector of zero pivot k, in original numbering, scaled so that its largest entry is +1. */
  compute(k: number): Float64Array {
    const f = this.factor;
    const n = f.n;
    this.children ??= childLists(f.parent);
    const { head, next } = this.children;
    const x = new Float64Array(n);
    x[k] = 1;
    const visited: number[] = [k];
    const stack: number[] = [];
    for (let c = head[k]; c !== -1; c = next[c]) stack.push(c);
    while (stack.length > 0) {
      const j = stack.pop()!;
      x[j] = -f.columnDot(j, x, k);
      visited.push(j);
      for (let c = head[j]; c !== -1; c = next[c]) stack.push(c);
    }
    let big = 0;
    for (const j of visited) if (Math.abs(x[j]) > Math.abs(big)) big = x[j];
    const out = new Float64Array(n);
    for (const j of visited) out[this.perm[j]] = x[j] / big;
    return out;
  }
}
