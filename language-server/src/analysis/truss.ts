// `type=truss` members: axial stiffness only, between node translations. Their loads pass to
// the end nodes as on a simply supported beam (spec "Details"): the end forces are the
// statically determinate reactions, with zero end moments. The axial part is the bar's own
// fixed-end force, which for a bar is the same lever rule.
import type { MemberLoads } from './member-loads';
import { loadResultantAboutI } from './member-loads';
import { fixedEndForces } from './fixed-end-forces';
import type { Rotation } from './local-axes';

/** Global 6×6 stiffness (row-major) on [ux_i uy_i uz_i ux_j uy_j uz_j]. */
export function trussStiffnessGlobal(EA: number, L: number, R: Rotation): Float64Array {
  const k = EA / L;
  const n = [R[0], R[1], R[2]];
  const K = new Float64Array(36);
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      const v = k * n[a] * n[b];
      K[a * 6 + b] = v;
      K[(a + 3) * 6 + b + 3] = v;
      K[a * 6 + b + 3] = -v;
      K[(a + 3) * 6 + b] = -v;
    }
  }
  return K;
}

/** Forces the end nodes exert on a truss member holding its loads (local, 12 components, end
 * moments zero). `torsion` is the applied torque about the axis, which a truss cannot carry. */
export function trussEndLoadForces(L: number, loads: MemberLoads): { F: Float64Array; torsion: number } {
  const r = loadResultantAboutI(loads);
  const F = new Float64Array(12);
  const axial = fixedEndForces(L, 0, 0, { linear: loads.linear.map(axialOnly), points: loads.points.map(axialOnlyPoint) });
  F[0] = axial[0];
  F[6] = axial[6];
  // Moments about end i: M + L·eₓ × F_j = 0, so Fz_j = My/L and Fy_j = −Mz/L.
  F[8] = r[4] / L;
  F[7] = -r[5] / L;
  F[1] = -r[1] - F[7];
  F[2] = -r[2] - F[8];
  return { F, torsion: r[3] };
}

function axialOnly<T extends { qa: number[]; qb: number[] }>(l: T): T {
  return { ...l, qa: [l.qa[0], 0, 0, 0, 0, 0], qb: [l.qb[0], 0, 0, 0, 0, 0] };
}

function axialOnlyPoint<T extends { p: number[] }>(p: T): T {
  return { ...p, p: [p.p[0], 0, 0, 0, 0, 0] };
}
