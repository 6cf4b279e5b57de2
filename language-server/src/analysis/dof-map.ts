// Numbering of the free DOFs. Each node has six slots (x y z rx ry rz). A slot is
//   free        (≥ 0: its equation number),
//   RESTRAINED  (held by a support; a load case may prescribe its value),
//   ABSENT      (no such DOF: rotations of a node reached only by truss members, and every
//                DOF of a node that nothing uses).
// A node takes part when a member, a support or a load reaches it; an isolated node that is
// loaded but not held keeps its translations, so it shows up as a mechanism.
import type { AnalysisModel } from './model-input';

export const RESTRAINED = -1;
export const ABSENT = -2;
export const DOF_NAMES = ['x', 'y', 'z', 'rx', 'ry', 'rz'] as const;
export type DofName = (typeof DOF_NAMES)[number];

export interface DofMap {
  nodeCount: number;
  /** Free equations. */
  nFree: number;
  /** node*6 + k → equation (≥ 0), RESTRAINED or ABSENT. */
  slot: Int32Array;
  /** equation → node*6 + k. */
  freeSlot: Int32Array;
  /** Nodes that carry a support entry (restraints or springs): they report reactions. */
  supported: Uint8Array;
  /** Nodes reached by at least one frame (non-truss) member. */
  hasRotation: Uint8Array;
  /** Spring stiffness per slot (only on free slots). */
  springs: Float64Array;
}

export function buildDofMap(model: AnalysisModel, usableMember: (m: number) => boolean): DofMap {
  const n = model.nodes.length;
  const used = new Uint8Array(n);
  const hasRotation = new Uint8Array(n);
  model.members.forEach((m, k) => {
    if (!usableMember(k)) return;
    used[m.i] = used[m.j] = 1;
    if (!m.truss) hasRotation[m.i] = hasRotation[m.j] = 1;
  });
  const restrained = new Uint8Array(n * 6);
  const springs = new Float64Array(n * 6);
  const supported = new Uint8Array(n);
  for (const s of model.supports) {
    supported[s.node] = 1;
    used[s.node] = 1;
    for (let k = 0; k < 6; k++) {
      if (s.restrained[k]) restrained[s.node * 6 + k] = 1;
      else springs[s.node * 6 + k] += s.springs[k] ?? 0;
    }
  }
  for (const c of model.loadCases) {
    for (const l of c.loads) {
      if ((l.kind === 'nodal' || l.kind === 'displacement') && l.node >= 0 && l.node < n) used[l.node] = 1;
    }
  }
  const slot = new Int32Array(n * 6).fill(ABSENT);
  const free: number[] = [];
  for (let node = 0; node < n; node++) {
    if (!used[node]) continue;
    const dofs = hasRotation[node] ? 6 : 3;
    for (let k = 0; k < dofs; k++) {
      const s = node * 6 + k;
      if (restrained[s]) slot[s] = RESTRAINED;
      else {
        slot[s] = free.length;
        free.push(s);
      }
    }
  }
  for (let s = 0; s < n * 6; s++) if (slot[s] < 0) springs[s] = 0;
  return { nodeCount: n, nFree: free.length, slot, freeSlot: Int32Array.from(free), supported, hasRotation, springs };
}
