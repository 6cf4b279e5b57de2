// Merging of indistinguishable vertices (identical closed neighbourhoods) before ordering.
// A frame stiffness matrix couples all six DOFs of a node to the same set of DOFs, so its graph
// is the node graph with every vertex repeated six times and 36 edges per node pair. Ordering
// the compressed graph (vertex weights = group sizes) gives the same minimum-degree result while
// touching ~36× fewer edges; this is the main reason ordering stays fast at 300k DOFs.
import type { Graph } from './adjacency';

export interface CompressedGraph {
  graph: Graph;
  /** Number of original vertices in each compressed vertex. */
  weight: Int32Array;
  /** Original vertices of compressed vertex c: members[memberPtr[c] .. memberPtr[c+1]). */
  memberPtr: Int32Array;
  members: Int32Array;
}

export function compressIndistinguishable(g: Graph): CompressedGraph {
  const { n, ptr, adj } = g;
  // Hash of the closed neighbourhood; equal sets give equal hashes and equal degrees.
  const hash = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = i;
    for (let p = ptr[i]; p < ptr[i + 1]; p++) h = (h + adj[p]) | 0;
    hash[i] = h;
  }
  const head = new Int32Array(Math.max(n, 1)).fill(-1);
  const next = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const key = (hash[i] >>> 0) % n;
    next[i] = head[key];
    head[key] = i;
  }
  const rep = new Int32Array(n).fill(-1);
  const mark = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (rep[i] !== -1) continue;
    rep[i] = i;
    const degI = ptr[i + 1] - ptr[i];
    if (degI === 0) continue;
    let marked = false;
    for (let j = head[(hash[i] >>> 0) % n]; j !== -1; j = next[j]) {
      if (j <= i || rep[j] !== -1 || hash[j] !== hash[i] || ptr[j + 1] - ptr[j] !== degI) continue;
      if (!marked) {
        mark[i] = i;
        for (let p = ptr[i]; p < ptr[i + 1]; p++) mark[adj[p]] = i;
        marked = true;
      }
      if (mark[j] !== i) continue; // j must be a neighbour of i to share its closed neighbourhood
      let same = true;
      for (let p = ptr[j]; p < ptr[j + 1]; p++) {
        if (mark[adj[p]] !== i) {
          same = false;
          break;
        }
      }
      if (same) rep[j] = i;
    }
  }
  const cidx = new Int32Array(n).fill(-1);
  let nc = 0;
  for (let i = 0; i < n; i++) if (rep[i] === i) cidx[i] = nc++;
  const weight = new Int32Array(nc);
  for (let i = 0; i < n; i++) weight[cidx[rep[i]]]++;
  const memberPtr = new Int32Array(nc + 1);
  for (let c = 0; c < nc; c++) memberPtr[c + 1] = memberPtr[c] + weight[c];
  const members = new Int32Array(n);
  const fill = memberPtr.slice(0, nc);
  for (let i = 0; i < n; i++) members[fill[cidx[rep[i]]]++] = i;

  // Edges between representatives only: a vertex adjacent to one member of a group is adjacent
  // to all of them, including the representative, so nothing is lost.
  const cptr = new Int32Array(nc + 1);
  for (let i = 0; i < n; i++) {
    if (rep[i] !== i) continue;
    let d = 0;
    for (let p = ptr[i]; p < ptr[i + 1]; p++) if (rep[adj[p]] === adj[p]) d++;
    cptr[cidx[i] + 1] = d;
  }
  for (let c = 0; c < nc; c++) cptr[c + 1] += cptr[c];
  const cadj = new Int32Array(cptr[nc]);
  for (let i = 0; i < n; i++) {
    if (rep[i] !== i) continue;
    let q = cptr[cidx[i]];
    for (let p = ptr[i]; p < ptr[i + 1]; p++) {
      const j = adj[p];
      if (rep[j] === j) cadj[q++] = cidx[j];
    }
  }
  return { graph: { n: nc, ptr: cptr, adj: cadj }, weight, memberPtr, members };
}
