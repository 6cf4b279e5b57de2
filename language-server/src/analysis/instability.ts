// Mechanisms from the zero pivots of the stiffness factorization. Each zero pivot comes with a
// null vector: a motion of the free DOFs that strains nothing. We name the nodes that move most
// in it and the DOFs they move in, and say whether the motion is a rigid-body motion (the
// supports do not hold the structure) or a mechanism formed by releases and pin joints.
import type { AnalysisModel } from './model-input';
import type { DofMap, DofName } from './dof-map';
import { DOF_NAMES } from './dof-map';
import type { PreparedMember } from './member-model';
import type { AnalysisProblem } from './problems';
import type { ZeroPivot } from './solver';

type Mechanism = Extract<AnalysisProblem, { kind: 'mechanism' }>;

/** Nodes below this weight (relative to the node that moves most) are not listed. */
const LISTED = 0.01;
/** A node's DOF is named when it moves at least this fraction of that node's largest motion. */
const DOF_SHARE = 0.1;

export function describeMechanisms(
  model: AnalysisModel,
  dofs: DofMap,
  members: PreparedMember[],
  zeroPivots: ZeroPivot[],
): Mechanism[] {
  const usable = members.filter((m) => m.usable);
  // Rotations are weighed as the motion they cause half a typical member length away.
  const lc = usable.length > 0 ? usable.reduce((s, m) => s + m.geometry.length, 0) / usable.length : 1;
  const out: Mechanism[] = [];
  for (const zp of zeroPivots) {
    const full = new Float64Array(dofs.nodeCount * 6);
    for (let e = 0; e < dofs.nFree; e++) full[dofs.freeSlot[e]] = zp.nullVector[e];
    const weightOf = (s: number) => Math.abs(full[s]) * (s % 6 < 3 ? 1 : 0.5 * lc);
    let top = 0;
    const nodeWeight = new Float64Array(dofs.nodeCount);
    for (let n = 0; n < dofs.nodeCount; n++) {
      let w = 0;
      for (let k = 0; k < 6; k++) w = Math.max(w, weightOf(n * 6 + k));
      nodeWeight[n] = w;
      top = Math.max(top, w);
    }
    if (!(top > 0)) continue;
    const nodes: Mechanism['nodes'] = [];
    for (let n = 0; n < dofs.nodeCount; n++) {
      const w = nodeWeight[n] / top;
      if (w < LISTED) continue;
      const names: DofName[] = [];
      for (let k = 0; k < 6; k++) if (weightOf(n * 6 + k) >= DOF_SHARE * nodeWeight[n]) names.push(DOF_NAMES[k]);
      nodes.push({ node: n, dofs: names, weight: w });
    }
    nodes.sort((a, b) => b.weight - a.weight || a.node - b.node);
    const moving = new Set(nodes.map((n) => n.node));
    const involved = usable.filter((m) => moving.has(m.input.i) || moving.has(m.input.j)).map((m) => m.index);
    out.push({ kind: 'mechanism', nodes, members: involved, message: '' });
    const mech = out[out.length - 1];
    // Rigid means rigid together with the still nodes of the members involved: a sway
    // mechanism moves its beam rigidly, but not together with the held column feet.
    const ends = new Set(moving);
    for (const k of involved) {
      ends.add(members[k].input.i);
      ends.add(members[k].input.j);
    }
    mech.message = message(model, mech, isRigid(model, dofs, full, lc, ends));
  }
  return mergeSingleNode(model, out);
}

function motionWords(dofs: DofName[]): string {
  const t = dofs.filter((d) => !d.startsWith('r'));
  const r = dofs.filter((d) => d.startsWith('r')).map((d) => d.slice(1));
  const parts: string[] = [];
  if (t.length) parts.push(`move freely in ${list(t)}`);
  if (r.length) parts.push(`rotate freely about ${list(r)}`);
  return parts.join(' and ');
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function names(items: string[], max = 6): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

function message(model: AnalysisModel, m: Mechanism, rigid: boolean): string {
  const nodeName = (n: number) => model.nodes[n].name;
  const lead = m.nodes[0];
  if (m.nodes.length === 1) {
    return `${nodeName(lead.node)} can ${motionWords(lead.dofs)}: no member or support resists it`;
  }
  const leadDofs = lead.dofs.filter((d) => !d.startsWith('r'));
  const leadMotion = leadDofs.length ? `moves most, in ${list(leadDofs)}` : `turns most, about ${list(lead.dofs.map((d) => d.slice(1)))}`;
  if (rigid) {
    return `${names(m.nodes.map((n) => nodeName(n.node)))} can move together as a rigid body (${nodeName(lead.node)} ${leadMotion}): the supports do not hold the structure`;
  }
  const memberNames = m.members.map((k) => model.members[k].name);
  return `Members ${names(memberNames)} form a mechanism: ${nodeName(lead.node)} can ${motionWords(lead.dofs)}` +
    (m.nodes.length > 1 ? ` (with ${names(m.nodes.slice(1).map((n) => nodeName(n.node)), 4)})` : '');
}

/** Whether the motion is one rigid-body motion (t + ω × r, rotations ω) of the moving nodes. */
function isRigid(model: AnalysisModel, dofs: DofMap, full: Float64Array, lc: number, moving: Set<number>): boolean {
  const nodes = [...moving];
  const c = [0, 0, 0];
  for (const n of nodes) for (let k = 0; k < 3; k++) c[k] += model.nodes[n].xyz[k] / nodes.length;
  // Least squares for p = (t, ω): rows u = t + ω × r, and λ·θ = λ·ω where rotations exist.
  const M = new Float64Array(36);
  const rhs = new Float64Array(6);
  const rows: { a: number[]; b: number }[] = [];
  for (const n of nodes) {
    const r = model.nodes[n].xyz.map((v, k) => v - c[k]);
    // ω × r = (ωy rz − ωz ry, ωz rx − ωx rz, ωx ry − ωy rx)
    rows.push({ a: [1, 0, 0, 0, r[2], -r[1]], b: full[n * 6] });
    rows.push({ a: [0, 1, 0, -r[2], 0, r[0]], b: full[n * 6 + 1] });
    rows.push({ a: [0, 0, 1, r[1], -r[0], 0], b: full[n * 6 + 2] });
    if (dofs.hasRotation[n]) for (let k = 0; k < 3; k++) rows.push({ a: [0, 0, 0, ...[0, 1, 2].map((q) => (q === k ? lc : 0))], b: lc * full[n * 6 + 3 + k] });
  }
  for (const row of rows) {
    for (let i = 0; i < 6; i++) {
      rhs[i] += row.a[i] * row.b;
      for (let j = 0; j < 6; j++) M[i * 6 + j] += row.a[i] * row.a[j];
    }
  }
  let trace = 0;
  for (let i = 0; i < 6; i++) trace += M[i * 7];
  for (let i = 0; i < 6; i++) M[i * 7] += 1e-12 * trace + 1e-300;
  const p = solveSmall(M, rhs, 6);
  let res = 0;
  let scale = 0;
  for (const row of rows) {
    let v = 0;
    for (let i = 0; i < 6; i++) v += row.a[i] * p[i];
    res = Math.max(res, Math.abs(v - row.b));
    scale = Math.max(scale, Math.abs(row.b));
  }
  return res <= 1e-6 * scale;
}

/** Gaussian elimination with partial pivoting on a small dense system (row-major). */
export function solveSmall(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const M = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i * n + k]) > Math.abs(M[p * n + k])) p = i;
    if (p !== k) {
      for (let j = 0; j < n; j++) [M[k * n + j], M[p * n + j]] = [M[p * n + j], M[k * n + j]];
      [x[k], x[p]] = [x[p], x[k]];
    }
    const d = M[k * n + k];
    if (d === 0) continue;
    for (let i = k + 1; i < n; i++) {
      const f = M[i * n + k] / d;
      if (f === 0) continue;
      for (let j = k; j < n; j++) M[i * n + j] -= f * M[k * n + j];
      x[i] -= f * x[k];
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    let s = x[k];
    for (let j = k + 1; j < n; j++) s -= M[k * n + j] * x[j];
    x[k] = M[k * n + k] !== 0 ? s / M[k * n + k] : 0;
  }
  return x;
}

/** Mechanisms that move one and the same single node become one problem listing all its DOFs
 * ("N7 can move freely in x, y and z"). */
function mergeSingleNode(model: AnalysisModel, list: Mechanism[]): Mechanism[] {
  const out: Mechanism[] = [];
  const byNode = new Map<number, Mechanism>();
  for (const m of list) {
    if (m.nodes.length !== 1) {
      out.push(m);
      continue;
    }
    const n = m.nodes[0].node;
    const prev = byNode.get(n);
    if (!prev) {
      byNode.set(n, m);
      out.push(m);
      continue;
    }
    const merged = new Set([...prev.nodes[0].dofs, ...m.nodes[0].dofs]);
    prev.nodes[0].dofs = DOF_NAMES.filter((d) => merged.has(d));
    prev.members = [...new Set([...prev.members, ...m.members])].sort((a, b) => a - b);
    prev.message = message(model, prev, false);
  }
  return out;
}
