// One solved load case turned into what the results need: node displacements, member end
// forces, member diagrams and support reactions. Per load case only the displacements, the
// end forces of the members on the supports and the reactions are made at once; the rest when
// first read (CaseData). Everything works in reused scratch arrays and packed per-case storage:
// the only allocations are the case's own arrays.
import type { Vec3 } from './model-input';
import type { CaseLoads } from './assembly';
import type { PreparedMember } from './member-model';
import { RESTRAINED, type DofMap } from './dof-map';
import { transformBlocksInto } from './local-axes';
import { appliedResultant } from './equilibrium';
import { CaseDiagrams } from './diagram-store';
import { buildDiagram } from './diagram-build';

/**
 * One load case or combination, columnar: typed arrays indexed by node slot or member. What
 * only some readers need is made on first use: the end forces of the members away from the
 * supports (`endForces`) and the member diagrams (`diagrams`) — for a check, a combination, or a
 * member result that is read. A model with many load cases whose members nobody reads (the
 * editor shows one case at a time; the checks read the combinations) then pays per case for
 * the solve, the displacements and the reactions only. What is read is made from the same
 * numbers in the same order as when it was all made up front, so it does not change by a bit.
 */
export class CaseData {
  private forces: Float64Array | undefined;
  private makeForces: (() => Float64Array) | undefined;
  private built: CaseDiagrams | undefined;
  private build: (() => CaseDiagrams) | undefined;

  constructor(
    readonly name: string,
    readonly kind: 'load' | 'combination',
    readonly type: 'ULS' | 'SLS' | undefined,
    /** Global node displacements, node*6 + k. */
    readonly u: Float64Array,
    /** Support reactions, node*6 + k (meaningful on supported nodes). */
    readonly reaction: Float64Array,
    /** Resultant of the applied loads about the origin (equilibrium.ts). */
    readonly applied: Float64Array,
    /** 1 where member m has results (and a diagram) in this case; known without the diagrams. */
    readonly present: Uint8Array,
    lazy: { endForces: () => Float64Array; diagrams: () => CaseDiagrams },
  ) {
    this.makeForces = lazy.endForces;
    this.build = lazy.diagrams;
  }

  /** Local end forces, member m at [12m, 12m + 12); meaningful where `present[m]`. Made once. */
  get endForces(): Float64Array {
    if (!this.forces) {
      this.forces = this.makeForces!();
      this.makeForces = undefined;
    }
    return this.forces;
  }

  /** Diagrams of the members analysed in this case (the others have none); built once. */
  get diagrams(): CaseDiagrams {
    if (!this.built) {
      this.built = this.build!();
      this.build = undefined;
    }
    return this.built;
  }
}

const dGlobal = new Float64Array(12);
const dLocal = new Float64Array(12);
/** Released DOFs of an unloaded member have nothing eliminated. */
const NOTHING_ELIMINATED = new Float64Array(12);
/** A truss member keeps no rotations of its own. */
const TRUSS_ROTATIONS = [3, 4, 5, 9, 10, 11];

/** Which members a load case needs at once: 1 for the usable members with an end on a
 * supported node (their end forces give the reactions); the others wait until read. */
export function reactingMembers(members: PreparedMember[], dofs: DofMap): Uint8Array {
  return Uint8Array.from(members, (m) => (m.usable && (dofs.supported[m.input.i] || dofs.supported[m.input.j]) ? 1 : 0));
}

/** The results of load case `c` from its solution `x` (free DOFs). Each loop is a function of
 * its own: V8 compiles a long loop on the fly (OSR) and would otherwise throw that code away
 * at the first statement after the loop that has not run yet. */
export function caseData(c: CaseLoads, x: Float64Array, members: PreparedMember[], dofs: DofMap, xyz: Vec3[], present: Uint8Array, reacting: Uint8Array): CaseData {
  const u = nodeDisplacements(c, x, dofs);
  const memberForces = new Float64Array(dofs.nodeCount * 6);
  const endForces = new Float64Array(12 * members.length);
  // Only members on a supported node add to its slots: the sums there are the same, term by
  // term, as over every member.
  forcesOf(c, members, reacting, 1, u, endForces, memberForces);
  const reaction = supportReactions(c, u, memberForces, dofs);
  const data: CaseData = new CaseData(c.name, 'load', undefined, u, reaction, appliedResultant(c, members, xyz), present, {
    endForces: () => {
      forcesOf(c, members, reacting, 0, u, endForces, new Float64Array(dofs.nodeCount * 6));
      return endForces;
    },
    // (Through the getter: the diagrams need every member's end forces.)
    diagrams: () => caseDiagrams(c, members, u, data.endForces),
  });
  return data;
}

/** End forces of the usable members with reacting[m] === which. */
function forcesOf(c: CaseLoads, members: PreparedMember[], reacting: Uint8Array, which: number, u: Float64Array, endForces: Float64Array, memberForces: Float64Array): void {
  for (const m of members) if (m.usable && reacting[m.index] === which) memberEndForces(c, m, u, endForces, memberForces);
}

/** The diagrams of every usable member (what `present` marks) of load case c. */
function caseDiagrams(c: CaseLoads, members: PreparedMember[], u: Float64Array, endForces: Float64Array): CaseDiagrams {
  const diagrams = new CaseDiagrams(members.length);
  for (const m of members) if (m.usable) memberDiagram(c, m, u, endForces, diagrams);
  return diagrams;
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

/** The displacements of member m's ends in its local axes, into dLocal. */
function localDisplacements(m: PreparedMember, u: Float64Array): void {
  for (let a = 0; a < 12; a++) dGlobal[a] = u[m.slots[a]];
  transformBlocksInto(m.geometry.R, dGlobal, 0, 12, true, dLocal, 0);
}

/** Member m's local end forces into endForces, their global components added to memberForces
 * (node slots). This runs for every member of every case, so it is written out on locals
 * (no calls, no shared scratch), with exactly the arithmetic of localDisplacements, K·d + F0
 * and transformBlocksInto, term by term in the same order: the results do not change by a bit. */
function memberEndForces(c: CaseLoads, m: PreparedMember, u: Float64Array, endForces: Float64Array, memberForces: Float64Array): void {
  const fo = 12 * m.index;
  const R = m.geometry.R;
  const slots = m.slots;
  const d = dLocal;
  const r0 = R[0], r1 = R[1], r2 = R[2], r3 = R[3], r4 = R[4], r5 = R[5], r6 = R[6], r7 = R[7], r8 = R[8];
  for (let o = 0; o < 12; o += 3) {
    const x = u[slots[o]];
    const y = u[slots[o + 1]];
    const z = u[slots[o + 2]];
    d[o] = r0 * x + r1 * y + r2 * z;
    d[o + 1] = r3 * x + r4 * y + r5 * z;
    d[o + 2] = r6 * x + r7 * y + r8 * z;
  }
  const load = c.memberLoads[m.index];
  const F0 = load ? load.F0 : NOTHING_ELIMINATED;
  const K = m.Klocal;
  const d0 = d[0], d1 = d[1], d2 = d[2], d3 = d[3], d4 = d[4], d5 = d[5], d6 = d[6], d7 = d[7], d8 = d[8], d9 = d[9], d10 = d[10], d11 = d[11];
  for (let a = 0, k = 0; a < 12; a++, k += 12) {
    // (F0 is all zeros without a load, as the 0 it replaces: 0 + x and +0 + x are the same double.)
    let s = load ? F0[a] : 0;
    s += K[k] * d0;
    s += K[k + 1] * d1;
    s += K[k + 2] * d2;
    s += K[k + 3] * d3;
    s += K[k + 4] * d4;
    s += K[k + 5] * d5;
    s += K[k + 6] * d6;
    s += K[k + 7] * d7;
    s += K[k + 8] * d8;
    s += K[k + 9] * d9;
    s += K[k + 10] * d10;
    s += K[k + 11] * d11;
    endForces[fo + a] = s;
  }
  for (let o = 0; o < 12; o += 3) {
    const x = endForces[fo + o];
    const y = endForces[fo + o + 1];
    const z = endForces[fo + o + 2];
    memberForces[slots[o]] += r0 * x + r3 * y + r6 * z;
    memberForces[slots[o + 1]] += r1 * x + r4 * y + r7 * z;
    memberForces[slots[o + 2]] += r2 * x + r5 * y + r8 * z;
  }
}

/** Member m's diagram into `diagrams`, from its end forces and its end displacements (with
 * released DOFs recovered). */
function memberDiagram(c: CaseLoads, m: PreparedMember, u: Float64Array, endForces: Float64Array, diagrams: CaseDiagrams): void {
  localDisplacements(m, u);
  const load = c.memberLoads[m.index];
  if (m.condensation && m.condensation.released.length > 0) {
    m.condensation.recover(dLocal, load?.eliminated ?? NOTHING_ELIMINATED);
  }
  if (m.truss) for (const a of TRUSS_ROTATIONS) dLocal[a] = 0;
  buildDiagram(diagrams, m.index, m.geometry.length, endForces, 12 * m.index, dLocal, load?.loads, m.section, !m.truss);
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
