// The loads of one load case on the structure: line loads as rows of arrows whose lengths follow
// the intensity, point and nodal forces as single arrows, moments as arcs, imposed
// displacements as labelled arrows, self-weight in grey. Values are written beside them.
import type { Flow } from '../layout/flow';
import type { Rgb } from '../layout/display-list';
import { MUTED, RULE } from '../layout/display-list';
import type { Decl, LoadCaseEntity, LoadEntry, Model, Position } from '../../language/semantic/model';
import { expandMembers } from '../../language/semantic/validate-model';
import type { Formatter } from '../format';
import type { ReportMember, ReportModel } from '../report-model';
import { along } from '../report-model';
import { arrow, LabelPlacer, line, momentArc } from './draw';
import type { Box } from './figure';
import { drawFrame } from './frame-figure';
import type { Vec3, ViewKind, Viewport } from './projection';

export const LOAD_COLOR: Rgb = [0.78, 0.33, 0.04];
const G = 9.80665;
const DIST_LEN = 20;
const POINT_LEN = 26;
const AXES = ['x', 'y', 'z'];

function positionOf(p: Position | undefined, L: number, fallback: number): number {
  if (!p) return fallback;
  return 'distance' in p ? p.distance : p.fraction * L;
}

function toGlobal(m: ReportMember, v: readonly number[], local: boolean): Vec3 {
  if (!local) return [v[0], v[1], v[2]];
  return [0, 1, 2].map((k) => m.ex[k] * v[0] + m.ey[k] * v[1] + m.ez[k] * v[2]) as unknown as Vec3;
}

const mag = (v: readonly number[]) => Math.hypot(v[0], v[1], v[2]);

/** "Fz −6.00 kN/m" for one component, "|F| 7.21 kN/m" for several. */
function forceLabel(fmt: Formatter, v: readonly number[], kind: 'force' | 'lineLoad', local: boolean): string {
  const nz = [0, 1, 2].filter((k) => v[k] !== 0);
  if (nz.length === 1) return `F${AXES[nz[0]]}${local ? ' (local)' : ''} ${fmt.q(kind, v[nz[0]])}`;
  return `|F| ${fmt.q(kind, mag(v))}`;
}

function momentLabel(fmt: Formatter, v: readonly number[], kind: 'moment' | 'lineLoad'): string | undefined {
  const nz = [3, 4, 5].filter((k) => v[k] !== 0);
  if (!nz.length) return undefined;
  const unit = kind === 'moment' ? fmt.unit('moment') : `${fmt.unit('moment')}/${fmt.unit('length')}`;
  return nz.map((k) => `M${AXES[k - 3]} ${fmt.num('moment', v[k])} ${unit}`).join(', ');
}

interface Dist {
  member: ReportMember;
  a: number;
  b: number;
  qa: Vec3;
  qb: Vec3;
  label: string;
  color: Rgb;
}

export function membersOf(model: Model, rm: ReportModel, target: Decl | undefined): ReportMember[] {
  return expandMembers(model, [target]).map((m) => rm.memberByName.get(m.decl.name)).filter((m): m is ReportMember => !!m);
}

/** Line loads of a case, self-weight included, in global components (N/m). */
export function distributedLoads(model: Model, rm: ReportModel, lc: LoadCaseEntity, fmt: Formatter): Dist[] {
  const out: Dist[] = [];
  for (const l of lc.loads) {
    if (l.kind === 'selfweight') {
      for (const m of rm.members) {
        const mat = m.material;
        const A = m.sectionEntity?.properties?.A;
        const gamma = mat?.weight ?? (mat?.density !== undefined ? mat.density * G : undefined);
        if (!A || gamma === undefined) continue;
        const w = -gamma * A * l.factor;
        out.push({ member: m, a: 0, b: m.length, qa: [0, 0, w], qb: [0, 0, w], label: 'self-weight', color: MUTED });
      }
    } else if (l.kind === 'uniform' || l.kind === 'trapezoid') {
      const start = l.kind === 'uniform' ? l.values : l.start;
      const end = l.kind === 'uniform' ? l.values : l.end;
      for (const m of membersOf(model, rm, l.target)) {
        const a = positionOf(l.from, m.length, 0);
        const b = positionOf(l.to, m.length, m.length);
        const label = l.kind === 'uniform'
          ? forceLabel(fmt, start, 'lineLoad', l.local)
          : `${forceLabel(fmt, start, 'lineLoad', l.local)} … ${fmt.num('lineLoad', mag(end) * Math.sign(end.slice(0, 3).find((v) => v !== 0) ?? 1))}`;
        out.push({ member: m, a, b, qa: toGlobal(m, start, l.local), qb: toGlobal(m, end, l.local), label: momentLabel(fmt, start, 'lineLoad') ? `${label}; ${momentLabel(fmt, start, 'lineLoad')}` : label, color: LOAD_COLOR });
      }
    }
  }
  return out;
}

export function drawLoadCase(flow: Flow, model: Model, rm: ReportModel, lc: LoadCaseEntity, view: ViewKind, box: Box, fmt: Formatter): void {
  const placer = new LabelPlacer(flow, { x0: box.x + 2, y0: box.y + 2, x1: box.x + box.w - 2, y1: box.y + box.h - 2 });
  const vp = drawFrame(flow, rm, view, box, { color: RULE, width: 0.9, margin: 40, memberLabels: false, nodeLabels: false, hinges: false }, placer);
  const dists = distributedLoads(model, rm, lc, fmt);
  const manyMembers = rm.members.length > 150;
  const qMax = Math.max(1e-12, ...dists.map((d) => Math.max(mag(d.qa), mag(d.qb))));
  let selfLabelled = false;
  // Several line loads on one member are stacked, each beyond the one before.
  const stacked = new Map<string, number>();
  for (const d of dists) {
    if (d.label === 'self-weight' && manyMembers) continue;
    const base = stacked.get(d.member.name) ?? 0;
    const len = Math.max(3, (DIST_LEN * Math.max(mag(d.qa), mag(d.qb))) / qMax);
    stacked.set(d.member.name, base + len + 5);
    const labelled = drawDistributed(flow, vp, d, qMax, placer, d.label !== 'self-weight' || !selfLabelled, base);
    if (d.label === 'self-weight' && labelled) selfLabelled = true;
  }
  for (const l of lc.loads) drawConcentrated(flow, model, rm, vp, l, fmt, placer);
}

function screenDir(vp: Viewport, v: Vec3): [number, number] | undefined {
  const n = mag(v);
  if (n === 0) return undefined;
  const [dx, dy] = vp.dir([v[0] / n, v[1] / n, v[2] / n]);
  const l = Math.hypot(dx, dy);
  return l < 1e-6 * vp.scale ? undefined : [dx / l, dy / l];
}

function drawDistributed(flow: Flow, vp: Viewport, d: Dist, qMax: number, placer: LabelPlacer, label: boolean, base: number): boolean {
  const pa = vp.at(along(d.member, d.a));
  const pb = vp.at(along(d.member, d.b));
  const screenLen = Math.hypot(pb[0] - pa[0], pb[1] - pa[1]);
  const n = Math.max(2, Math.min(40, Math.round(screenLen / 12)));
  const tails: number[] = [];
  let labelAt: [number, number] | undefined;
  for (let k = 0; k <= n; k++) {
    const t = k / n;
    const x = d.a + (d.b - d.a) * t;
    const q: Vec3 = [0, 1, 2].map((c) => d.qa[c] + (d.qb[c] - d.qa[c]) * t) as unknown as Vec3;
    const dir = screenDir(vp, q);
    const [qx, qy] = vp.at(along(d.member, x));
    if (!dir) continue;
    const px = qx - dir[0] * base;
    const py = qy - dir[1] * base;
    const len = Math.max(3, (DIST_LEN * mag(q)) / qMax);
    const tx = px - dir[0] * len;
    const ty = py - dir[1] * len;
    tails.push(tx, ty);
    arrow(flow, tx, ty, px - dir[0] * 0.8, py - dir[1] * 0.8, d.color, 0.45, 3);
    if (k === Math.floor(n / 2)) labelAt = [tx - dir[0] * 2, ty - dir[1] * 2];
  }
  if (tails.length >= 4) flow.push({ t: 'path', pts: tails, stroke: d.color, width: 0.6 });
  if (label && labelAt) return placer.place(d.label, labelAt[0] + 2, labelAt[1] + 1, { size: 5.8, color: d.color });
  return false;
}

function drawForce(flow: Flow, vp: Viewport, at: Vec3, f: Vec3, text: string, placer: LabelPlacer): void {
  const [px, py] = vp.at(at);
  const dir = screenDir(vp, f);
  if (!dir) {
    // Along the line of sight: a circle with a dot (towards the viewer) or a cross.
    flow.push({ t: 'circle', x: px, y: py, r: 3.2, stroke: LOAD_COLOR, width: 0.7 });
    placer.place(text, px + 5, py + 3, { size: 5.8, color: LOAD_COLOR });
    return;
  }
  const tx = px - dir[0] * POINT_LEN;
  const ty = py - dir[1] * POINT_LEN;
  arrow(flow, tx, ty, px - dir[0] * 1.5, py - dir[1] * 1.5, LOAD_COLOR, 0.9, 4.5);
  placer.place(text, tx + (dir[0] > 0 ? -2 : 2), ty + (dir[1] > 0 ? -7 : 2), { size: 5.8, color: LOAD_COLOR, align: dir[0] > 0.3 ? 'right' : 'left' });
}

function drawConcentrated(flow: Flow, model: Model, rm: ReportModel, vp: Viewport, l: LoadEntry, fmt: Formatter, placer: LabelPlacer): void {
  if (l.kind === 'nodal' && l.node) {
    const p = rm.nodes.get(l.node.name);
    if (!p) return;
    const f: Vec3 = [l.values[0], l.values[1], l.values[2]];
    if (mag(f) > 0) drawForce(flow, vp, p, f, forceLabel(fmt, l.values, 'force', false), placer);
    const ml = momentLabel(fmt, l.values, 'moment');
    if (ml) {
      const [px, py] = vp.at(p);
      momentArc(flow, px, py, 9, true, LOAD_COLOR);
      placer.place(ml, px + 11, py - 9, { size: 5.8, color: LOAD_COLOR });
    }
  } else if (l.kind === 'point') {
    for (const m of membersOf(model, rm, l.target)) {
      const x = positionOf(l.at, m.length, 0);
      const p = along(m, x);
      const f = toGlobal(m, l.values, l.local);
      if (mag(f) > 0) drawForce(flow, vp, p, f, forceLabel(fmt, l.values, 'force', l.local), placer);
      const ml = momentLabel(fmt, l.values, 'moment');
      if (ml) {
        const [px, py] = vp.at(p);
        momentArc(flow, px, py, 8, true, LOAD_COLOR);
        placer.place(ml, px + 10, py - 8, { size: 5.8, color: LOAD_COLOR });
      }
    }
  } else if (l.kind === 'displacement' && l.node) {
    const p = rm.nodes.get(l.node.name);
    if (!p) return;
    const [px, py] = vp.at(p);
    const names = ['Δx', 'Δy', 'Δz', 'θx', 'θy', 'θz'];
    const parts = l.values.map((v, k) => (v === null ? '' : `${names[k]} ${k < 3 ? fmt.q('displacement', v) : fmt.q('rotation', v)}`)).filter(Boolean);
    const v: Vec3 = [l.values[0] ?? 0, l.values[1] ?? 0, l.values[2] ?? 0];
    const dir = screenDir(vp, v);
    if (dir) {
      arrow(flow, px + 14, py, px + 14 + dir[0] * 12, py + dir[1] * 12, LOAD_COLOR, 0.7, 3.2);
      line(flow, px + 2, py, px + 14, py, LOAD_COLOR, 0.4, [1.5, 1.5]);
    }
    placer.place(parts.join(', '), px + 18, py - 2, { size: 5.8, color: LOAD_COLOR });
  }
}
