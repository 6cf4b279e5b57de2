// Dense LDLᵀ without pivoting: the independent reference the sparse code is tested against, and
// good enough for systems of a few dozen unknowns. O(n³).

/**
 * Solves A x = b for a symmetric A given row-major and full (only the lower triangle is read).
 * Throws on a zero or non-finite pivot: a reference must not guess.
 */
export function denseSolve(n: number, a: Float64Array, b: Float64Array): Float64Array {
  if (a.length < n * n) throw new RangeError(`denseSolve: matrix has ${a.length} entries, expected ${n * n}`);
  if (b.length !== n) throw new RangeError(`denseSolve: right-hand side has length ${b.length}, expected ${n}`);
  // L (unit lower, row-major) and D.
  const L = new Float64Array(n * n);
  const D = new Float64Array(n);
  const w = new Float64Array(n); // w[c] = L[k][c]·D[c] for the current row
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < k; j++) {
      let s = a[k * n + j];
      for (let c = 0; c < j; c++) s -= w[c] * L[j * n + c];
      w[j] = s;
      L[k * n + j] = s / D[j];
    }
    let d = a[k * n + k];
    for (let c = 0; c < k; c++) d -= w[c] * L[k * n + c];
    if (d === 0 || !Number.isFinite(d)) throw new RangeError(`denseSolve: pivot ${k} is ${d}`);
    D[k] = d;
    L[k * n + k] = 1;
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let c = 0; c < i; c++) s -= L[i * n + c] * x[c];
    x[i] = s;
  }
  for (let i = 0; i < n; i++) x[i] /= D[i];
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let r = i + 1; r < n; r++) s -= L[r * n + i] * x[r];
    x[i] = s;
  }
  return x;
}
