// The undirected graph of a symmetric matrix (both triangles, no diagonal). Orderings work on
// the graph, not on the values, and need each vertex's full neighbourhood, which the
// lower-triangle storage only gives half of.
import type { SymmetricCsc } from './csc';

export interface Graph {
  n: number;
  ptr: Int32Array;
  adj: Int32Array;
}

export function adjacencyOf(A: SymmetricCsc): Graph {
  const { n, colPtr, rowIdx } = A;
  const ptr = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (i !== j) {
        ptr[i + 1]++;
        ptr[j + 1]++;
      }
    }
  }
  for (let i = 0; i < n; i++) ptr[i + 1] += ptr[i];
  const adj = new Int32Array(ptr[n]);
  const next = ptr.slice(0, n);
  for (let j = 0; j < n; j++) {
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (i !== j) {
        adj[next[i]++] = j;
        adj[next[j]++] = i;
      }
    }
  }
  return { n, ptr, adj };
}
