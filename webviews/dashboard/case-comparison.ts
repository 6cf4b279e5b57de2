// Load-case comparison: one figure per case (the largest |N|, |My|… over all members, the largest
// displacement, the total vertical load) so the engineer sees which case drives what. Pure: no DOM.
import type { CaseDigest, DiagramQuantity } from '../../language-server/src/shared/dashboard-messages';
import { QUANTITIES } from './quantities';

export type CompareQuantity = DiagramQuantity | 'displacement' | 'verticalLoad';
export const COMPARE_QUANTITIES: readonly CompareQuantity[] = [...QUANTITIES, 'displacement', 'verticalLoad'];

export function isCompareQuantity(q: unknown): q is CompareQuantity {
  return typeof q === 'string' && (COMPARE_QUANTITIES as readonly string[]).includes(q);
}

export interface CompareBar {
  case: string;
  kind: CaseDigest['kind'];
  type?: CaseDigest['type'];
  /** SI; for diagram quantities the signed value of largest magnitude */
  value: number;
  /** where: member (and x, m) or node; undefined for totals */
  member?: string;
  x?: number;
  node?: string;
}

/** The bars of one quantity, in the cases' order. A case without the figure gets NaN (drawn as
 * a gap, never as zero). */
export function compareCases(cases: CaseDigest[], q: CompareQuantity): CompareBar[] {
  return cases.map((c) => {
    const base: CompareBar = { case: c.name, kind: c.kind, value: NaN };
    if (c.type) base.type = c.type;
    if (q === 'displacement') {
      if (c.maxDisplacement) Object.assign(base, { value: c.maxDisplacement.value, node: c.maxDisplacement.node });
    } else if (q === 'verticalLoad') {
      // Downward load as a positive number: −ΣFz of the applied loads.
      if (c.equilibrium) base.value = -c.equilibrium.applied[2];
    } else {
      const p = c.peaks[q];
      if (p) Object.assign(base, { value: p.value, member: p.member, x: p.x });
    }
    return base;
  });
}
