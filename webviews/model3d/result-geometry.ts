// Results of one case drawn on the structure: the deformed shape, a stress-resultant diagram in
// the members' local planes, reactions as arrows, and utilisation per member. Sign conventions
// are docs/results.md's: stations are the resultants on the cut face with outward normal +x, so
// σ = N/A + My·z/Iy − Mz·y/Iz and positive My stretches the +z fibre, positive Mz the −y fibre.
// Moment diagrams are drawn on the tension side. Pure: no DOM, no three.
import type { CaseResult, Station } from '../../language-server/src/shared/protocol';
import type { ViewCheck } from '../../language-server/src/shared/case-view';
import type { ModelView } from '../../language-server/src/shared/model-view';
import { formatQuantity, type DisplayUnits, type Quantity } from './display-units';
import { emptyRibbons, type Arrow, type Label, type Ribbons } from './glyph-types';
import { clamp, local, niceNumber, type ModelFrame } from './model-frame';
import { pointOnMember } from './structure-geometry';
import { combine, dot, type XYZ } from './vec';

export type DiagramQuantity = 'N' | 'Vy' | 'Vz' | 'T' | 'My' | 'Mz';
export const DIAGRAM_QUANTITIES: DiagramQuantity[] = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz'];

/** Which local axis a diagram's ordinates run along, and with what sign. Shear and moment pair
 * up in the plane where they act (Vz with My in x–z, Vy with Mz in x–y); N and T go in x–z. */
export const DIAGRAM_DIRECTION: Record<DiagramQuantity, { axis: 'y' | 'z'; sign: 1 | -1 }> = {
  N: { axis: 'z', sign: 1 },
  T: { axis: 'z', sign: 1 },
  Vz: { axis: 'z', sign: 1 },
  My: { axis: 'z', sign: 1 }, // My > 0 stretches +z: tension side
  Vy: { axis: 'y', sign: 1 },
  Mz: { axis: 'y', sign: -1 }, // Mz > 0 stretches −y: tension side
};

export const QUANTITY_KIND: Record<DiagramQuantity, Quantity> = { N: 'force', Vy: 'force', Vz: 'force', T: 'moment', My: 'moment', Mz: 'moment' };

/** Where the checks come from: the results index (or a whole results document, in tests). */
export type CheckSource = { checks: readonly ViewCheck[] } | null | undefined;

const ZERO6 = [0, 0, 0, 0, 0, 0];

// --- deformed shape ----------------------------------------------------------------------------

/** The largest translation of any node or member station in the case, m. */
export function maxDisplacement(view: ModelView, result: CaseResult): number {
  let max = 0;
  for (const n of view.nodes) {
    const u = result.nodes[n.name]?.u;
    if (u) max = Math.max(max, Math.hypot(u[0], u[1], u[2]));
  }
  for (const m of view.members) {
    for (const s of result.members[m.name]?.stations ?? []) max = Math.max(max, Math.hypot(s.dy, s.dz));
  }
  return max;
}

/** A round scale factor that makes the largest displacement about 6% of the model's size. */
export function autoDeformScale(frame: ModelFrame, maxU: number): number {
  if (!(maxU > 0)) return 1;
  return niceNumber((0.06 * frame.diagonal) / maxU);
}

/** Global displacement of a member's axis at a station: the axial part interpolated between the
 * end nodes (no axial load is drawn finer than that), the transverse part from dy, dz. */
export function stationDisplacement(view: ModelView, result: CaseResult, m: number, s: Station): XYZ {
  const mv = view.members[m];
  const ui = (result.nodes[view.nodes[mv.i].name]?.u ?? ZERO6).slice(0, 3) as XYZ;
  const uj = (result.nodes[view.nodes[mv.j].name]?.u ?? ZERO6).slice(0, 3) as XYZ;
  const t = mv.length > 0 ? clamp(s.x / mv.length, 0, 1) : 0;
  const axial = dot(ui, mv.axes.x) * (1 - t) + dot(uj, mv.axes.x) * t;
  return combine(combine([0, 0, 0], mv.axes.x, axial), mv.axes.y, s.dy, mv.axes.z, s.dz);
}

export interface DeformedGeometry {
  /** Line segments along each member's displaced stations (6 floats per segment). */
  lines: Float32Array;
  /** Displaced nodes (3 floats per node, in the view's node order). */
  nodes: Float32Array;
  /** Member m's segments are [segments[m], segments[m+1]) of `lines`. */
  segments: Uint32Array;
}

export function deformedGeometry(view: ModelView, frame: ModelFrame, result: CaseResult, factor: number): DeformedGeometry {
  const nodes = new Float32Array(view.nodes.length * 3);
  view.nodes.forEach((n, k) => {
    const u = result.nodes[n.name]?.u ?? ZERO6;
    nodes.set(combine(local(frame, n.xyz), [u[0], u[1], u[2]], factor), k * 3);
  });
  const segments = new Uint32Array(view.members.length + 1);
  view.members.forEach((mv, m) => {
    const st = result.members[mv.name]?.stations;
    segments[m + 1] = segments[m] + (st && st.length > 1 ? st.length - 1 : 1);
  });
  const lines = new Float32Array(segments[view.members.length] * 6);
  let o = 0;
  view.members.forEach((mv, m) => {
    const st = result.members[mv.name]?.stations;
    if (!st || st.length < 2) {
      lines.set(nodes.subarray(mv.i * 3, mv.i * 3 + 3), o);
      lines.set(nodes.subarray(mv.j * 3, mv.j * 3 + 3), o + 3);
      o += 6;
      return;
    }
    let prev = combine(pointOnMember(view, frame, m, st[0].x), stationDisplacement(view, result, m, st[0]), factor);
    for (let k = 1; k < st.length; k++) {
      const next = combine(pointOnMember(view, frame, m, st[k].x), stationDisplacement(view, result, m, st[k]), factor);
      lines.set(prev, o);
      lines.set(next, o + 3);
      o += 6;
      prev = next;
    }
  });
  return { lines, nodes, segments };
}

// --- diagrams ----------------------------------------------------------------------------------

export function maxAbs(view: ModelView, result: CaseResult, q: DiagramQuantity): number {
  let max = 0;
  for (const m of view.members) {
    const r = result.members[m.name];
    if (!r) continue;
    for (const s of r.stations) max = Math.max(max, Math.abs(s[q]));
    const e = r.extremes?.[q];
    if (e) max = Math.max(max, Math.abs(e.min), Math.abs(e.max));
  }
  return max;
}

/** Metres of ordinate per unit of the quantity: the largest value of the case gets a fixed
 * share of a typical member, so diagrams stay readable whatever the load level. */
export function diagramScale(frame: ModelFrame, max: number): number {
  if (!(max > 0)) return 0;
  return clamp(0.3 * frame.typicalLength, 2 * frame.glyph, 0.12 * frame.diagonal) / max;
}

export interface DiagramGeometry extends Ribbons {
  labels: Label[];
}

/** Filled diagram (positive and negative parts in their own role, split at zero crossings),
 * its outline and the extreme values of each member as labels. */
export function diagramGeometry(view: ModelView, frame: ModelFrame, units: DisplayUnits, result: CaseResult, q: DiagramQuantity, scaleFactor: number): DiagramGeometry {
  const out: DiagramGeometry = { ...emptyRibbons(), labels: [] };
  const { axis, sign } = DIAGRAM_DIRECTION[q];
  const global = maxAbs(view, result, q);
  if (!(global > 0) || !(scaleFactor > 0)) return out;
  const kind = QUANTITY_KIND[q];
  view.members.forEach((mv, m) => {
    const st = result.members[mv.name]?.stations;
    if (!st || st.length < 2) return;
    const dir = mv.axes[axis];
    const base = (x: number) => pointOnMember(view, frame, m, x);
    const tip = (x: number, v: number) => combine(base(x), dir, sign * v * scaleFactor);
    for (let k = 0; k + 1 < st.length; k++) {
      const a = st[k], b = st[k + 1];
      const va = a[q], vb = b[q];
      if (b.x - a.x <= 0) {
        // A jump at a point load: the ordinate line closes both sides.
        out.outline.push(...tip(a.x, va), ...tip(b.x, vb));
        out.outlineRoles.push(vb >= 0 ? 'positive' : 'negative');
        continue;
      }
      if (va * vb < 0) {
        const xz = a.x + ((b.x - a.x) * va) / (va - vb);
        fill(out, base(a.x), base(xz), tip(a.x, va), base(xz), va);
        fill(out, base(xz), base(b.x), base(xz), tip(b.x, vb), vb);
      } else fill(out, base(a.x), base(b.x), tip(a.x, va), tip(b.x, vb), va + vb);
      out.outline.push(...tip(a.x, va), ...tip(b.x, vb));
      out.outlineRoles.push(va + vb >= 0 ? 'positive' : 'negative');
    }
    const first = st[0], last = st[st.length - 1];
    out.outline.push(...base(first.x), ...tip(first.x, first[q]), ...base(last.x), ...tip(last.x, last[q]));
    out.outlineRoles.push(first[q] >= 0 ? 'positive' : 'negative', last[q] >= 0 ? 'positive' : 'negative');

    // Labels at the member's extremes (exact ones when the results carry them).
    const ext = result.members[mv.name]?.extremes?.[q];
    let hi = { v: -Infinity, x: 0 }, lo = { v: Infinity, x: 0 };
    for (const s of st) {
      if (s[q] > hi.v) hi = { v: s[q], x: s.x };
      if (s[q] < lo.v) lo = { v: s[q], x: s.x };
    }
    if (ext) {
      hi = { v: ext.max, x: ext.xMax };
      lo = { v: ext.min, x: ext.xMin };
    }
    const label = (e: { v: number; x: number }) => {
      if (Math.abs(e.v) < 0.02 * global) return;
      out.labels.push({ at: tip(e.x, e.v), text: formatQuantity(units, kind, e.v), role: e.v >= 0 ? 'positive' : 'negative', priority: 1 + Math.abs(e.v) / global });
    };
    label(hi);
    if (Math.abs(lo.v - hi.v) > 1e-9 * global && !(Math.abs(lo.x - hi.x) < 1e-9 && lo.v === hi.v)) label(lo);
  });
  return out;
}

function fill(out: Ribbons, a: XYZ, b: XYZ, ta: XYZ, tb: XYZ, signOf: number): void {
  const role = signOf >= 0 ? 'positive' : 'negative';
  out.triangles.push(...a, ...b, ...tb, ...a, ...tb, ...ta);
  out.triangleRoles.push(role, role);
}

// --- reactions ---------------------------------------------------------------------------------

/** Reaction components as arrows pointing at the node (from the support's side), forces scaled
 * to the largest, moments as double arrows; each with its value. */
export function reactionGeometry(view: ModelView, frame: ModelFrame, units: DisplayUnits, result: CaseResult, depthBelow: Map<number, number>): { arrows: Arrow[]; labels: Label[] } {
  const arrows: Arrow[] = [];
  const labels: Label[] = [];
  const g = frame.glyph;
  const reactions: { node: number; r: number[] }[] = [];
  let maxF = 0;
  let maxM = 0;
  view.nodes.forEach((n, k) => {
    const r = result.nodes[n.name]?.reaction;
    if (!r) return;
    reactions.push({ node: k, r });
    for (let c = 0; c < 3; c++) maxF = Math.max(maxF, Math.abs(r[c]));
    for (let c = 3; c < 6; c++) maxM = Math.max(maxM, Math.abs(r[c]));
  });
  const full = clamp(0.3 * frame.typicalLength, 3 * g, 0.25 * frame.diagonal);
  // Components below a thousandth of the largest are round-off of the solution, not reactions.
  const forceFloor = 1e-3 * maxF;
  const momentFloor = 1e-3 * Math.max(maxM, maxF * frame.typicalLength);
  for (const { node, r } of reactions) {
    const p = local(frame, view.nodes[node].xyz);
    for (let c = 0; c < 3; c++) {
      const v = r[c];
      if (!(Math.abs(v) > forceFloor)) continue;
      const d: XYZ = [0, 0, 0];
      d[c] = Math.sign(v);
      // An upward reaction ends under the support glyph; others end a little off the node.
      const gap = c === 2 && v > 0 ? (depthBelow.get(node) ?? 0) + 0.2 * g : 0.35 * g;
      const tip = combine(p, d, -gap);
      const len = full * Math.max(0.35, Math.abs(v) / maxF);
      const tail = combine(tip, d, -len);
      arrows.push({ tail, tip, double: false, role: 'reaction', head: 1 });
      labels.push({ at: tail, text: `R${'xyz'[c]} ${formatQuantity(units, 'force', v)}`, role: 'reaction', priority: 5 + Math.abs(v) / maxF });
    }
    for (let c = 3; c < 6; c++) {
      const v = r[c];
      if (!(Math.abs(v) > momentFloor)) continue;
      const d: XYZ = [0, 0, 0];
      d[c - 3] = Math.sign(v);
      const tail = combine(p, d, 0.5 * g);
      const tip = combine(tail, d, 2.2 * g);
      arrows.push({ tail, tip, double: true, role: 'reaction', head: 0.8 });
      labels.push({ at: tip, text: `M${'xyz'[c - 3]} ${formatQuantity(units, 'moment', v)}`, role: 'reaction', priority: 4.5 });
    }
  }
  return { arrows, labels };
}

// --- utilisation -------------------------------------------------------------------------------

/** The governing check ratio of each member (NaN without a check): of the selected
 * combination when it has checks, otherwise over every check. */
export function memberUtilisation(view: ModelView, results: CheckSource, caseName?: string): { ratio: Float32Array; basis: string; max: number } {
  const ratio = new Float32Array(view.members.length).fill(NaN);
  const checks = results?.checks ?? [];
  const own = caseName ? checks.filter((c) => c.combination === caseName) : [];
  const used: readonly ViewCheck[] = own.length ? own : checks;
  const index = new Map(view.members.map((m, k) => [m.name, k] as const));
  let max = 0;
  for (const c of used) {
    const k = index.get(c.member);
    if (k === undefined || !Number.isFinite(c.ratio)) continue;
    const previous = ratio[k];
    if (Number.isNaN(previous) || c.ratio > previous) ratio[k] = c.ratio;
    max = Math.max(max, c.ratio);
  }
  return { ratio, basis: own.length ? `checks of ${caseName}` : checks.length ? 'governing check' : 'no checks', max };
}
