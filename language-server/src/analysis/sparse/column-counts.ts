// Column counts of L without forming L (Gilbert, Ng & Peyton, SIAM J. Matrix Anal. Appl. 15(4),
// 1994), in O(nnz(A) · α). Needed up front to size L exactly and to find supernodes.
//
// Row k of L is the "row subtree" T_k: the union of the etree paths from each j with A(k,j) ≠ 0,
// j < k, up to k. colcount(j) = number of row subtrees containing j. Give each node a weight δ
// so that colcount(j) = Σ δ over j's subtree: every T_k adds +1 at each of its leaves, −1 at
// the least common ancestor of consecutive leaves (in postorder), and −1 at parent(k). Leaves
// and LCAs are found in one postorder sweep with a disjoint-set forest.
import type { SymmetricCsc } from './csc';

/**
 * Number of nonzeros in each column of L, diagonal included. C is the lower triangle of the
 * (already permuted) matrix, parent its elimination tree and post a postorder of that tree.
 */
export function columnCounts(C: SymmetricCsc, parent: Int32Array, post: Int32Array): Int32Array {
  const n = C.n;
  const { colPtr, rowIdx } = C;
  const delta = new Int32Array(n);
  const first = new Int32Array(n).fill(-1); // postorder index of the first descendant
  const maxFirst = new Int32Array(n).fill(-1); // per row subtree: `first` of its latest leaf
  const prevLeaf = new Int32Array(n).fill(-1); // per row subtree: its latest leaf
  const ancestor = new Int32Array(n); // disjoint sets for the LCA queries
  for (let i = 0; i < n; i++) ancestor[i] = i;

  for (let k = 0; k < n; k++) {
    let j = post[k];
    // A node met for the first time here has no descendants before it: an etree leaf, which is
    // the only leaf of its own row subtree when its row of A is empty.
    delta[j] = first[j] === -1 ? 1 : 0;
    for (; j !== -1 && first[j] === -1; j = parent[j]) first[j] = k;
  }

  for (let k = 0; k < n; k++) {
    const j = post[k];
    if (parent[j] !== -1) delta[parent[j]]--;
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (i <= j) continue;
      // j is a leaf of T_i unless an earlier leaf of T_i lies in j's subtree.
      if (first[j] <= maxFirst[i]) continue;
      maxFirst[i] = first[j];
      const jPrev = prevLeaf[i];
      prevLeaf[i] = j;
      delta[j]++;
      if (jPrev !== -1) {
        // LCA(jPrev, j): the root of jPrev's set, since every finished subtree has been
        // merged into its parent's set.
        let q = jPrev;
        while (q !== ancestor[q]) q = ancestor[q];
        let s = jPrev;
        while (s !== q) {
          const t = ancestor[s];
          ancestor[s] = q;
          s = t;
        }
        delta[q]--;
      }
    }
    if (parent[j] !== -1) ancestor[j] = parent[j];
  }

  const count = delta;
  for (let k = 0; k < n; k++) {
    const j = post[k];
    if (parent[j] !== -1) count[parent[j]] += count[j];
  }
  return count;
}
