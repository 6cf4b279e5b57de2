// The elimination tree: parent(j) = the row of the first off-diagonal nonzero in column j of L.
// It encodes the whole sparsity structure of the factor — row k of L is the set of nodes on the
// paths from the nonzeros of row k of A up to k — so symbolic analysis, column counts, the
// reference factorization and the supernode partition all work on it.

/**
 * Liu's algorithm with path compression, O(nnz · α). Row k of the (permuted) matrix is read as
 * the neighbours of vertex perm[k] in (ptr, idx), mapped through pinv; only entries below k
 * are used, so a full symmetric pattern or an upper-triangular one both work.
 */
export function eliminationTree(
  n: number,
  ptr: Int32Array,
  idx: Int32Array,
  perm?: Int32Array,
  pinv?: Int32Array,
): Int32Array {
  const parent = new Int32Array(n).fill(-1);
  // ancestor[] holds a shortcut towards the current root of each partial tree.
  const ancestor = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const v = perm ? perm[k] : k;
    for (let p = ptr[v]; p < ptr[v + 1]; p++) {
      let i = pinv ? pinv[idx[p]] : idx[p];
      while (i !== -1 && i < k) {
        const next = ancestor[i];
        ancestor[i] = k;
        if (next === -1) {
          parent[i] = k;
          break;
        }
        i = next;
      }
    }
  }
  return parent;
}

/** Children of each node as linked lists, each list in increasing order. */
export interface ChildLists {
  head: Int32Array;
  next: Int32Array;
}

export function childLists(parent: Int32Array): ChildLists {
  const n = parent.length;
  const head = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  for (let j = n - 1; j >= 0; j--) {
    const p = parent[j];
    if (p !== -1) {
      next[j] = head[p];
      head[p] = j;
    }
  }
  return { head, next };
}

/**
 * A postorder of the forest (post[k] = node visited k-th): every subtree occupies a contiguous
 * range that ends at its root. Relabelling by it leaves fill unchanged but makes supernodes
 * contiguous and subtrees addressable as index ranges. Iterative, so deep trees (a chain of
 * 300k nodes is common for banded matrices) cannot overflow the stack.
 */
export function postorder(parent: Int32Array): Int32Array {
  const n = parent.length;
  const { head, next } = childLists(parent);
  const post = new Int32Array(n);
  const stack = new Int32Array(n);
  const cursor = head.slice(); // next child still to visit, per node
  let k = 0;
  for (let root = 0; root < n; root++) {
    if (parent[root] !== -1) continue;
    let top = 0;
    stack[0] = root;
    while (top >= 0) {
      const v = stack[top];
      const c = cursor[v];
      if (c === -1) {
        post[k++] = v;
        top--;
      } else {
        cursor[v] = next[c];
        stack[++top] = c;
      }
    }
  }
  if (k !== n) throw new Error('sparse: elimination tree has a cycle');
  return post;
}

/** inverse[p[k]] = k. */
export function inversePermutation(p: Int32Array): Int32Array {
  const inv = new Int32Array(p.length);
  for (let k = 0; k < p.length; k++) inv[p[k]] = k;
  return inv;
}

/** The tree relabelled by a postorder: parent'[k] = postInv[parent[post[k]]]. */
export function relabelTree(parent: Int32Array, post: Int32Array, postInv: Int32Array): Int32Array {
  const n = parent.length;
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const p = parent[post[k]];
    out[k] = p === -1 ? -1 : postInv[p];
  }
  return out;
}
