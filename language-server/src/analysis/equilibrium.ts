// Global equilibrium of a solved case, for the dashboard and the report's equilibrium check: the
// resultant of the applied loads and of the reactions, each as ΣFx ΣFy ΣFz (N) and ΣMx ΣMy ΣMz
// (N·m) about the global origin. The two are computed independently (loads from the load
// assembly, reactions from node equilibrium), so applied + reactions ≈ 0 is a real check.
import type { CaseLoads } from './assembly';
import { cross, toGlobal3 } from './local-axes';
import { loadResultantAboutI } from './member-loads';
import type { PreparedMember } from './member-model';
import type { Vec3 } from './model-input';

export type Resultant = Float64Array; // length 6

/** Adds force `f` and moment `m` acting at point `p` to `r` (moments taken about the origin). */
function addAt(r: Resultant, p: Vec3, f: Vec3, m: Vec3): void {
  const pxf = cross(p, f);
  for (let k = 0; k < 3; k++) {
    r[k] += f[k];
    r[3 + k] += m[k] + pxf[k];
  }
}

/** The resultant of everything applied in a load case: nodal loads and member loads (self-weight
 * included). Imposed displacements apply no load. */
export function appliedResultant(c: CaseLoads, members: PreparedMember[], nodes: Vec3[]): Resultant {
  const r = new Float64Array(6);
  nodes.forEach((xyz, n) => {
    const o = n * 6;
    const f: Vec3 = [c.nodal[o], c.nodal[o + 1], c.nodal[o + 2]];
    const m: Vec3 = [c.nodal[o + 3], c.nodal[o + 4], c.nodal[o + 5]];
    if (f.some((v) => v !== 0) || m.some((v) => v !== 0)) addAt(r, xyz, f, m);
  });
  for (const pm of members) {
    const load = c.memberLoads[pm.index];
    if (!load || !pm.usable) continue;
    const local = loadResultantAboutI(load.loads);
    const R = pm.geometry.R;
    addAt(r, nodes[pm.input.i], toGlobal3(R, local, 0), toGlobal3(R, local, 3));
  }
  return r;
}

/** The resultant of the support and spring reactions. */
export function reactionResultant(reaction: Float64Array, supported: Uint8Array, nodes: Vec3[]): Resultant {
  const r = new Float64Array(6);
  nodes.forEach((xyz, n) => {
    if (!supported[n]) return;
    const o = n * 6;
    addAt(r, xyz, [reaction[o], reaction[o + 1], reaction[o + 2]], [reaction[o + 3], reaction[o + 4], reaction[o + 5]]);
  });
  return r;
}
