// Global equilibrium of each case: the applied loads and the reactions, computed independently by
// the analysis, must cancel. The error is scaled by what it is an error of — the largest of the
// applied resultant and the sum of the reactions' magnitudes (a settlement case applies nothing
// but has large, self-balancing reactions), and for moments that force times the model's size —
// so 1e-12 means "to rounding" for any model and any units. Pure: no DOM.
import type { CaseDigest } from '../../language-server/src/shared/dashboard-messages';

export interface EquilibriumRow {
  case: string;
  kind: CaseDigest['kind'];
  /** ΣFx ΣFy ΣFz ΣMx ΣMy ΣMz of the applied loads (about the origin) */
  applied: number[];
  reactions: number[];
  /** applied + reactions, component-wise (zero in exact arithmetic) */
  residual: number[];
  /** |ΣF residual| / force scale */
  forceError: number;
  /** |ΣM residual| / moment scale */
  momentError: number;
  /** the larger of the two */
  error: number;
  status: EquilibriumStatus;
}

export type EquilibriumStatus = 'ok' | 'warning' | 'error';

/** Below: rounding. Above WARN: a modelling or solver problem worth a look; above FAIL: wrong. */
export const EQUILIBRIUM_WARN = 1e-6;
export const EQUILIBRIUM_FAIL = 1e-3;

export function equilibriumStatus(error: number): EquilibriumStatus {
  if (!(error <= EQUILIBRIUM_FAIL)) return 'error';
  return error <= EQUILIBRIUM_WARN ? 'ok' : 'warning';
}

const norm3 = (v: number[], at: number) => Math.hypot(v[at], v[at + 1], v[at + 2]);

/** Equilibrium of every case that reports it; `extent` is the model's size in m (bounding box
 * diagonal), the lever arm that turns the force scale into a moment scale. */
export function equilibriumRows(cases: CaseDigest[], extent: number): EquilibriumRow[] {
  const rows: EquilibriumRow[] = [];
  for (const c of cases) {
    if (!c.equilibrium) continue;
    const { applied, reactions } = c.equilibrium;
    const residual = applied.map((a, k) => a + (reactions[k] ?? 0));
    let reactionForces = 0;
    let reactionMoments = 0;
    for (const r of Object.values(c.reactions)) {
      reactionForces += norm3(r, 0);
      reactionMoments += norm3(r, 3);
    }
    const forceScale = Math.max(norm3(applied, 0), norm3(reactions, 0), reactionForces);
    const momentScale = Math.max(norm3(applied, 3), norm3(reactions, 3), reactionMoments, forceScale * Math.max(extent, 0));
    const forceError = ratio(norm3(residual, 0), forceScale);
    const momentError = ratio(norm3(residual, 3), momentScale);
    const error = Math.max(forceError, momentError);
    rows.push({ case: c.name, kind: c.kind, applied, reactions, residual, forceError, momentError, error, status: equilibriumStatus(error) });
  }
  return rows;
}

/** A residual against its scale; a case with nothing applied and no reactions is in equilibrium. */
function ratio(residual: number, scale: number): number {
  if (!Number.isFinite(residual) || !Number.isFinite(scale)) return NaN;
  if (scale === 0) return residual === 0 ? 0 : Infinity;
  return residual / scale;
}

/** The case with the largest equilibrium error. */
export function worstEquilibrium(rows: EquilibriumRow[]): EquilibriumRow | undefined {
  let worst: EquilibriumRow | undefined;
  // A case whose error is not a number is the worst of all.
  for (const r of rows) if (!worst || (!Number.isNaN(worst.error) && (Number.isNaN(r.error) || r.error > worst.error))) worst = r;
  return worst;
}
