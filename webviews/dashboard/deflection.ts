// Deflection checks as δ/L against the limit (L/300 reads better than "ratio 0.91"), and the
// largest displacement when the model has no deflection check. Pure: no DOM.
import type { CheckResult } from '../../language-server/src/shared/protocol';
import type { CaseDigest } from '../../language-server/src/shared/dashboard-messages';
import { governingRows } from './utilisation';

export interface DeflectionRow {
  member: string;
  combination: string;
  /** m from end i */
  x: number;
  /** deflection relative to the chord, m (undefined when the document does not say) */
  deflection?: number;
  /** what the check allows, m */
  allowed?: number;
  /** member length, m */
  length?: number;
  /** L/δ, e.g. 330 for "L/330" */
  spanOverDeflection?: number;
  /** L/allowed, e.g. 300 for "L/300" */
  spanOverLimit?: number;
  utilisation: number;
  ok: boolean;
}

/** The governing deflection check of each member (over the combinations), highest first. */
export function deflectionRows(checks: CheckResult[], lengths: ReadonlyMap<string, number>): DeflectionRow[] {
  const rows = governingRows(checks.filter((c) => c.check === 'deflection'));
  return rows
    .map((r) => {
      const out: DeflectionRow = { member: r.member, combination: r.combination, x: r.x, utilisation: r.utilisation, ok: r.ok };
      const L = lengths.get(r.member);
      if (L !== undefined) out.length = L;
      if (r.value !== undefined) out.deflection = r.value;
      if (r.allowed !== undefined) out.allowed = r.allowed;
      if (L !== undefined && r.value !== undefined) out.spanOverDeflection = Math.abs(r.value) > 0 ? L / Math.abs(r.value) : Infinity;
      if (L !== undefined && r.allowed !== undefined && r.allowed > 0) out.spanOverLimit = L / r.allowed;
      return out;
    })
    .sort((a, b) => b.utilisation - a.utilisation || a.member.localeCompare(b.member));
}

/** "L/330" (rounded down, so it never flatters), "L/∞" for no deflection. */
export function spanRatio(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '–';
  if (!Number.isFinite(n)) return 'L/∞';
  return `L/${Math.floor(n)}`;
}

export interface DisplacementPeak {
  case: string;
  kind: CaseDigest['kind'];
  type?: CaseDigest['type'];
  node: string;
  /** m */
  value: number;
}

/** The largest nodal translation, preferring SLS combinations (deflections are a serviceability
 * matter), then any combination, then any case. */
export function largestDisplacement(cases: CaseDigest[]): DisplacementPeak | undefined {
  const groups = [cases.filter((c) => c.kind === 'combination' && c.type === 'SLS'), cases.filter((c) => c.kind === 'combination'), cases];
  for (const group of groups) {
    let best: DisplacementPeak | undefined;
    for (const c of group) {
      const d = c.maxDisplacement;
      if (d && (!best || d.value > best.value)) best = { case: c.name, kind: c.kind, ...(c.type ? { type: c.type } : {}), node: d.node, value: d.value };
    }
    if (best) return best;
  }
  return undefined;
}
