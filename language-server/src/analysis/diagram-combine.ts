// Σ factor·diagram for one member, exactly: segments split at the union of all break points,
// each case's polynomial re-expanded about the new segment's start (Taylor shift) and added.
// Same arithmetic, in the same order, as the plain-array version it replaces (polyShift,
// polyAddScaledInPlace), so combination results do not change by a bit.
import { CaseDiagrams, DiagramView, EMPTY, Q_COUNT, polyLength, type Shape } from './diagram-store';
import { MAX_COEFFS, shiftInto } from './poly-kernels';
import { Scratch, uniqueInPlace } from './positions';

/** One term of a combination for the member being combined: its diagram and factor. */
export interface DiagramTerm {
  /** Aimed at the member's diagram in the term's case (DiagramView.on). */
  view: DiagramView;
  factor: number;
}

const breakBuf = new Scratch();
const jumpBuf = new Scratch();
const markBuf = new Scratch();
const shifted = new Float64Array(MAX_COEFFS);
const view = new DiagramView();

/** Writes Σ factor·diagram into `out` as member m's diagram (length L). */
export function combineDiagrams(terms: readonly DiagramTerm[], m: number, L: number, out: CaseDiagrams): void {
  // Terms with a zero factor add nothing but their (zero) end values.
  let nb = 2;
  let nj = 0;
  let nm = 0;
  for (const { view: t, factor } of terms) {
    if (factor === 0) continue;
    nb += 2 * t.segments;
    nj += t.jumpCount;
    nm += t.markCount;
  }
  const breaks = breakBuf.get(nb);
  const jumps = jumpBuf.get(nj);
  const marks = markBuf.get(nm);
  nb = 0;
  nj = 0;
  nm = 0;
  breaks[nb++] = 0;
  breaks[nb++] = L;
  let shape: Shape = EMPTY;
  for (const { view: t, factor } of terms) {
    if (factor === 0) continue;
    const d = t.data;
    for (let k = 0; k < t.segments; k++) {
      breaks[nb++] = t.a(k);
      breaks[nb++] = t.b(k);
    }
    for (let k = 0; k < t.jumpCount; k++) jumps[nj++] = d[t.jumps + k];
    for (let k = 0; k < t.markCount; k++) marks[nm++] = d[t.marks + k];
    if (t.segments > 0 && t.shape > shape) shape = t.shape;
  }
  nb = uniqueInPlace(breaks, nb, L);
  nj = uniqueInPlace(jumps, nj, L);
  nm = uniqueInPlace(marks, nm, L);

  const v = out.add(m, L, nb - 1, shape, nj, nm, view);
  const o = v.data;
  for (let k = 0; k < nb; k++) o[v.breaks + k] = breaks[k];
  for (let k = 0; k < nj; k++) o[v.jumps + k] = jumps[k];
  for (let k = 0; k < nm; k++) o[v.marks + k] = marks[k];
  for (const { view: t, factor } of terms) {
    for (let q = 0; q < Q_COUNT; q++) {
      o[v.start + q] += factor * t.data[t.start + q];
      o[v.end + q] += factor * t.data[t.end + q];
    }
  }
  for (let k = 0; k + 1 < nb; k++) {
    const a = breaks[k];
    const mid = 0.5 * (a + breaks[k + 1]);
    for (const { view: t, factor } of terms) {
      if (factor === 0 || t.segments === 0) continue;
      const s = t.segmentAt(mid);
      const h = a - t.a(s);
      for (let q = 0; q < Q_COUNT; q++) {
        const len = polyLength(t.shape, q);
        shiftInto(t.data, t.poly(s, q), len, h, shifted, 0);
        const p = v.poly(k, q);
        for (let i = 0; i < len; i++) o[p + i] += factor * shifted[i];
      }
    }
  }
}
