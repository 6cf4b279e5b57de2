// One solved load case turned into what the results need: node displacements, member end
// forces, member diagrams and support reactions. This runs once per load case over every
// member, so it works in reused scratch arrays and packed per-case storage: the only
// allocations are the case's own arrays.
import type { Vec3 } from './model-input';
import type { CaseLoads } from './assembly';
import type { PreparedMember } from './member-model';
import { RESTRAINED, type DofMap } from './dof-map';
import { transformBlocksInto } from './local-axes';
import { appliedResultant } from './equilibrium';
import { CaseDiagrams } from './diagram-store';
import { buildDiagram } from './diagram-build';

export interface CaseData {
  name: string;
  kind: 'load' | 'combination';
  type?: 'ULS' | 'SLS';
  /** Global node displacements, node*6 + k. */
  u: Float64Array;
  /** Support reactions, node*6 + k (meaningful on supported nodes). */
  reaction: Float64Array;
  /** Resultant of the applied loads about the origin (equilibrium.ts). */
  applied: Float64Array;
  /** Local end forces, member m at [12m, 12m + 12); meaningful where `diagrams.has(m)`. */
  endForces: Float64Array;
  /** Diagrams of the members analysed in this case (the others have none). */
  diagrams: CaseDiagrams;
}

const dGlobal = new Float64Array(12);
const dLocal = new Float64Array(12);
const fGlobal = new Float64Array(12);
/** Released DOFs of an unloaded member have nothing eliminated. */
const NOTHING_ELIMINATED = new Float64Array(12);
/** A truss member keeps no rotations of its own. */
const TRUSS_ROTATIONS = [3, 4, 5, 9, 10, 11];

/** The results of load case `c` from its solution `x` (free DOFs). Each loop is a function of
 * its own: V8 compiles a long loop on the fly (OSR) and would otherwise throw that code away
 * at the first statement after the loop that has not run yet. */
export function caseData(c: CaseLoads, x: Float64Array, members: PreparedMember[], dofs: DofMap, xyz: Vec3[]): CaseData {
  const u = nodeDisplacements(c, x, dofs);
  const memberForces = new Float64Array(dofs.nodeCount * 6);
  const endForces = new Float64Array(12 * members.length);
  const diagrams = new CaseDiagrams(members.length);
  for (const m of members) if (m.usable) memberResults(c, m, u, endForces, memberForces, diagrams);
  const reaction = supportReactions(c, u, memberForces, dofs);
  return { name: c.name, kind: 'load', u, reaction, applied: appliedResultant(c, members, xyz), endForces, diagrams };
}

function nodeDisplacements(c: CaseLoads, x: Float64Array, dofs: DofMap): Float64Array {
  const nSlots = dofs.nodeCount * 6;
  const u = new Float64Array(nSlots);
  for (let s = 0; s < nSlots; s++) {
    const e = dofs.slot[s];
    if (e >= 0) u[s] = x[e];
    else if (e === RESTRAINED) u[s] = c.prescribed[s];
  }
  return u;
}

/** Member m's local end forces into endForces, their global components added to memberForces
 * (node slots), and its diagram into `diagrams`. */
function memberResults(c: CaseLoads, m: PreparedMember, u: Float64Array, endForces: Float64Array, memberForces: Float64Array, diagrams: CaseDiagrams): void {
  const fo = 12 * m.index;
  const R = m.geometry.R;
  for (let a = 0; a < 12; a++) dGlobal[a] = u[m.slots[a]];
  transformBlocksInto(R, dGlobal, 0, 12, true, dLocal, 0);
  const load = c.memberLoads[m.index];
  const K = m.Klocal;
  for (let a = 0; a < 12; a++) {
    let s = load ? load.F0[a] : 0;
    for (let b = 0; b < 12; b++) s += K[a * 12 + b] * dLocal[b];
    endForces[fo + a] = s;
  }
  if (m.condensation && m.condensation.released.length > 0) {
    m.condensation.recover(dLocal, load?.eliminated ?? NOTHING_ELIMINATED);
  }
  if (m.truss) for (const a of TRUSS_ROTATIONS) dLocal[a] = 0;
  transformBlocksInto(R, endForces, fo, 12, false, fGlobal, 0);
  for (let a = 0; a < 12; a++) memberForces[m.slots[a]] += fGlobal[a];
  buildDiagram(diagrams, m.index, m.geometry.length, endForces, fo, dLocal, load?.loads, m.section, !m.truss);
}

/** Node equilibrium: applied load + reaction = Σ forces the node exerts on its members. */
function supportReactions(c: CaseLoads, u: Float64Array, memberForces: Float64Array, dofs: DofMap): Float64Array {
  const reaction = new Float64Array(dofs.nodeCount * 6);
  for (let n = 0; n < dofs.nodeCount; n++) {
    if (!dofs.supported[n]) continue;
    for (let k = 0; k < 6; k++) {
      const s = n * 6 + k;
      const e = dofs.slot[s];
      if (e === RESTRAINED) reaction[s] = memberForces[s] - c.nodal[s];
      else if (e >= 0) reaction[s] = -dofs.springs[s] * u[s];
    }
  }
  return reaction;
}
