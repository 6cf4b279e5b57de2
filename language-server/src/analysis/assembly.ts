// Assembly of the global stiffness (free DOFs only, springs on the diagonal) and of each load
// case's right-hand side: nodal loads, minus the members' condensed fixed-end forces in global
// axes, minus the stiffness times prescribed displacements of restrained DOFs (settlement).
import type { AnalysisModel, LoadCaseInput } from './model-input';
import type { DofMap } from './dof-map';
import { DOF_NAMES, RESTRAINED } from './dof-map';
import type { PreparedMember } from './member-model';
import type { MemberLoads } from './member-loads';
import { collectMemberLoads } from './member-loads';
import { fieldTable, fixedEndForces } from './fixed-end-forces';
import { trussEndLoadForces } from './truss';
import { transformBlocks } from './local-axes';
import type { SymmetricCsc } from './solver';
import { TripletBuilder } from './solver';
import type { AnalysisProblem } from './problems';

export function assembleStiffness(members: PreparedMember[], dofs: DofMap): SymmetricCsc {
  const tb = new TripletBuilder(dofs.nFree);
  const eq = new Int32Array(12);
  for (const m of members) {
    if (!m.usable) continue;
    for (let a = 0; a < 12; a++) eq[a] = dofs.slot[m.slots[a]];
    for (let a = 0; a < 12; a++) {
      if (eq[a] < 0) continue;
      for (let b = 0; b <= a; b++) {
        if (eq[b] < 0) continue;
        const v = m.Kglobal[a * 12 + b];
        if (v !== 0) tb.add(eq[a], eq[b], v);
      }
    }
  }
  for (let s = 0; s < dofs.springs.length; s++) {
    const e = dofs.slot[s];
    if (e >= 0 && dofs.springs[s] !== 0) tb.add(e, e, dofs.springs[s]);
  }
  return tb.toCsc();
}

export interface MemberCaseLoad {
  loads: MemberLoads;
  /** Condensed fixed-end forces, local (forces the held nodes exert on the loaded member). */
  F0: Float64Array;
  /** Released DOFs' load values at their elimination (for Condensation.recover). */
  eliminated: Float64Array | null;
}

export interface CaseLoads {
  name: string;
  nodal: Float64Array;
  /** Prescribed values on restrained slots (0 elsewhere). */
  prescribed: Float64Array;
  hasPrescribed: boolean;
  memberLoads: (MemberCaseLoad | null)[];
  rhs: Float64Array;
}

export function assembleCase(
  model: AnalysisModel,
  loadCase: LoadCaseInput,
  members: PreparedMember[],
  dofs: DofMap,
  problems: AnalysisProblem[],
  missingWeight: Set<number>,
): CaseLoads {
  const nSlots = dofs.nodeCount * 6;
  const nodal = new Float64Array(nSlots);
  const prescribed = new Float64Array(nSlots);
  let hasPrescribed = false;
  const invalid = (message: string, where: { node?: number; member?: number }) =>
    problems.push({ kind: 'invalid-load', loadCase: loadCase.name, ...where, message });
  for (const l of loadCase.loads) {
    if (l.kind === 'nodal') {
      for (let k = 0; k < 6; k++) {
        const v = l.values[k];
        if (v === 0) continue;
        if (dofs.slot[l.node * 6 + k] < RESTRAINED) {
          invalid(`${model.nodes[l.node].name} has no ${DOF_NAMES[k]} DOF (it is reached only by truss members), so the load ${loadCase.name} cannot act on it`, { node: l.node });
          continue;
        }
        nodal[l.node * 6 + k] += v;
      }
    } else if (l.kind === 'displacement') {
      for (let k = 0; k < 6; k++) {
        const v = l.values[k];
        if (v === null || v === undefined) continue;
        const s = l.node * 6 + k;
        if (dofs.slot[s] !== RESTRAINED) {
          if (v !== 0) invalid(`${model.nodes[l.node].name}: a displacement in ${DOF_NAMES[k]} can only be prescribed where a support restrains it`, { node: l.node });
          continue;
        }
        // Two prescriptions of one DOF in a case add up, as their separate cases would.
        prescribed[s] += v;
        if (v !== 0) hasPrescribed = true;
      }
    }
  }
  const collected = collectMemberLoads(
    model,
    loadCase.loads,
    members.map((m) => m.geometry),
  );
  for (const m of collected.missingWeight) missingWeight.add(m);
  const memberLoads: (MemberCaseLoad | null)[] = members.map(() => null);
  const rhs = new Float64Array(dofs.nFree);
  for (const [index, loads] of collected.byMember) {
    const m = members[index];
    if (!m.usable) continue;
    let F0: Float64Array;
    let eliminated: Float64Array | null = null;
    if (m.truss) {
      const t = trussEndLoadForces(m.geometry.length, loads);
      F0 = t.F;
      if (Math.abs(t.torsion) > 0) invalid(`${m.input.name} is a truss member: it cannot carry the torsion of ${loadCase.name}`, { member: index });
    } else {
      m.fields ??= fieldTable(m.geometry.length, m.section.phiY, m.section.phiZ);
      const full = fixedEndForces(m.geometry.length, m.section.phiY, m.section.phiZ, loads, m.fields);
      const c = m.condensation!.condenseLoad(full);
      F0 = c.F;
      eliminated = c.eliminated;
    }
    memberLoads[index] = { loads, F0, eliminated };
    const g = transformBlocks(m.geometry.R, F0, false);
    for (let a = 0; a < 12; a++) {
      const e = dofs.slot[m.slots[a]];
      if (e >= 0) rhs[e] -= g[a];
    }
  }
  for (let s = 0; s < nSlots; s++) {
    const e = dofs.slot[s];
    if (e >= 0) rhs[e] += nodal[s];
  }
  if (hasPrescribed) {
    const d = new Float64Array(12);
    for (const m of members) {
      if (!m.usable) continue;
      let any = false;
      for (let a = 0; a < 12; a++) {
        d[a] = prescribed[m.slots[a]];
        if (d[a] !== 0) any = true;
      }
      if (!any) continue;
      for (let a = 0; a < 12; a++) {
        const e = dofs.slot[m.slots[a]];
        if (e < 0) continue;
        let s = 0;
        for (let b = 0; b < 12; b++) s += m.Kglobal[a * 12 + b] * d[b];
        rhs[e] -= s;
      }
    }
  }
  return { name: loadCase.name, nodal, prescribed, hasPrescribed, memberLoads, rhs };
}
