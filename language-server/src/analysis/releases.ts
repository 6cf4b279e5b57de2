// End releases by static condensation. A released end force is zero, so its DOF is an internal
// DOF of the member: K* = Kaa − Kab Kbb⁻¹ Kba and F0* = F0a − Kab Kbb⁻¹ F0b. Eliminating one
// released DOF at a time keeps what is needed to recover the member's own end displacement at
// that DOF afterwards (for its diagrams). A zero pivot means the releases let the member move
// with its nodes held: it is unstable by itself.
import type { ReleaseFlags } from './model-input';

/** Local DOF index of release component c (N Vy Vz T My Mz) at end i (0) or j (1). */
export function releaseDof(end: 0 | 1, component: number): number {
  return end * 6 + component;
}

export const RESULTANT_NAMES = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz'] as const;

interface Step {
  dof: number;
  /** Row of the partly condensed matrix when this DOF was eliminated. */
  row: Float64Array;
  pivot: number;
}

export class Condensation {
  /** The condensed 12×12 stiffness; rows and columns of released DOFs are zero. */
  readonly K: Float64Array;
  readonly released: number[];
  /** Released DOFs whose pivot vanished: free internal motions of the member. */
  readonly zeroModes: number[] = [];
  private readonly steps: Step[] = [];

  constructor(K: Float64Array, releaseI: ReleaseFlags, releaseJ: ReleaseFlags, relativeTolerance = 1e-9) {
    this.released = [];
    for (let c = 0; c < 6; c++) if (releaseI[c]) this.released.push(releaseDof(0, c));
    for (let c = 0; c < 6; c++) if (releaseJ[c]) this.released.push(releaseDof(1, c));
    const A = Float64Array.from(K);
    for (const r of this.released) {
      const pivot = A[r * 13];
      // The member is positive semi-definite, so a pivot that has vanished relative to the
      // DOF's own original stiffness leaves a row that vanishes too.
      if (!(pivot > relativeTolerance * Math.abs(K[r * 13]))) {
        this.zeroModes.push(r);
        for (let k = 0; k < 12; k++) {
          A[r * 12 + k] = 0;
          A[k * 12 + r] = 0;
        }
        continue;
      }
      const row = A.slice(r * 12, r * 12 + 12);
      this.steps.push({ dof: r, row, pivot });
      for (let i = 0; i < 12; i++) {
        const f = row[i] / pivot;
        if (f === 0) continue;
        for (let j = 0; j < 12; j++) A[i * 12 + j] -= f * row[j];
      }
      for (let k = 0; k < 12; k++) {
        A[r * 12 + k] = 0;
        A[k * 12 + r] = 0;
      }
    }
    this.K = A;
  }

  /** Condenses fixed-end forces F0 (forces the nodes exert on the fully fixed member). Returns
   * the condensed forces and the released DOFs' values at their elimination, for `recover`. */
  condenseLoad(F0: ArrayLike<number>): { F: Float64Array; eliminated: Float64Array } {
    const F = Float64Array.from(F0);
    const eliminated = new Float64Array(this.steps.length);
    this.steps.forEach((s, k) => {
      const fr = F[s.dof];
      eliminated[k] = fr;
      if (fr !== 0) for (let i = 0; i < 12; i++) F[i] -= (s.row[i] / s.pivot) * fr;
      F[s.dof] = 0;
    });
    for (const r of this.zeroModes) F[r] = 0;
    return { F, eliminated };
  }

  /** Fills the released DOFs of the member's local end displacements d from the others: the
   * released end force is zero, row·d + F_r = 0, back-substituted in reverse order. */
  recover(d: Float64Array, eliminated: Float64Array): void {
    for (const r of this.zeroModes) d[r] = 0;
    for (let k = this.steps.length - 1; k >= 0; k--) {
      const s = this.steps[k];
      let sum = eliminated[k];
      for (let j = 0; j < 12; j++) if (j !== s.dof) sum += s.row[j] * d[j];
      d[s.dof] = -sum / s.pivot;
    }
  }
}

/** Describes a member's free internal motions for a 'member-unstable' message. */
export function describeZeroModes(zeroModes: number[]): string {
  const comps = new Set(zeroModes.map((d) => d % 6));
  const parts: string[] = [];
  if (comps.has(0)) parts.push('slide along its axis (N released at both ends)');
  if (comps.has(3)) parts.push('spin about its own axis (T released at both ends)');
  if (comps.has(1) || comps.has(5)) parts.push('move in its local y (the Vy and Mz releases leave nothing to carry shear)');
  if (comps.has(2) || comps.has(4)) parts.push('move in its local z (the Vz and My releases leave nothing to carry shear)');
  return parts.join(', and ');
}
