// Symbolic analysis: everything about the factor that depends on the pattern only. The
// fill-reducing ordering is refined by a postorder of its elimination tree (same fill, but
// supernodes become contiguous column ranges and subtrees become index ranges), then the matrix
// is permuted once, columns are counted, and supernodes are found.
import { adjacencyOf, type Graph } from './adjacency';
import { amdOrder } from './amd';
import { groupedAmdOrder } from './group-order';
import { columnCounts } from './column-counts';
import { permuteSymmetric, type PermutedMatrix, type SymmetricCsc } from './csc';
import { eliminationTree, inversePermutation, postorder, relabelTree } from './etree';
import { DEFAULT_RELAX, fundamentalSupernodes, relaxSupernodes, supernodalStructure, type RelaxOptions, type SupernodalStructure } from './supernodes';

export type OrderingMethod = 'amd' | 'natural';

/** Fill-reducing permutation (new → old) and the graph it was computed on. */
export interface Ordering {
  perm: Int32Array;
  graph: Graph;
}

/** groups (optional) makes AMD order groups of unknowns together, see group-order.ts. */
export function computeOrdering(A: SymmetricCsc, method: OrderingMethod, groups?: Int32Array): Ordering {
  const graph = adjacencyOf(A);
  if (method === 'natural') {
    const perm = new Int32Array(A.n);
    for (let i = 0; i < A.n; i++) perm[i] = i;
    return { perm, graph };
  }
  return { perm: groups ? groupedAmdOrder(graph, groups) : amdOrder(graph), graph };
}

export interface Symbolic {
  n: number;
  /** Final permutation, new → old (the ordering refined by the etree postorder). */
  perm: Int32Array;
  pinv: Int32Array;
  /** C = P A Pᵀ with values. */
  C: PermutedMatrix;
  /** Elimination tree of C; postordered, so parent[j] > j. */
  parent: Int32Array;
  /** Nonzeros per column of L, diagonal included. */
  colCount: Int32Array;
  nnzL: number;
  /** Present when supernodes were requested. */
  supernodes?: SupernodalStructure;
}

export function analyse(A: SymmetricCsc, ordering: Ordering, options: { supernodal: boolean; relax?: RelaxOptions }): Symbolic {
  const n = A.n;
  const { perm: perm0, graph } = ordering;
  const pinv0 = inversePermutation(perm0);
  const parent0 = eliminationTree(n, graph.ptr, graph.adj, perm0, pinv0);
  const post = postorder(parent0);
  const perm = new Int32Array(n);
  for (let k = 0; k < n; k++) perm[k] = perm0[post[k]];
  const pinv = inversePermutation(perm);
  const parent = relabelTree(parent0, post, inversePermutation(post));
  const C = permuteSymmetric(A, pinv, !options.supernodal);
  const identity = new Int32Array(n);
  for (let k = 0; k < n; k++) identity[k] = k;
  const colCount = columnCounts(C.lower, parent, identity);
  let nnzL = 0;
  for (let j = 0; j < n; j++) nnzL += colCount[j];
  const result: Symbolic = { n, perm, pinv, C, parent, colCount, nnzL };
  if (options.supernodal) {
    const fundamental = fundamentalSupernodes(parent, colCount);
    const relaxed = relaxSupernodes(fundamental, parent, colCount, options.relax ?? DEFAULT_RELAX);
    result.supernodes = supernodalStructure(C.lower, parent, colCount, relaxed);
  }
  return result;
}
