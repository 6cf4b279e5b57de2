// Stress-resultant diagrams of one case on the whole structure. Moments are drawn on the tension
// side (results spec): σ = My·z/Iy − Mz·y/Iz, so My is plotted towards +z·sign(My) and Mz towards
// −y·sign(Mz). Shear forces are plotted along the axis they act on (Vz along z, Vy along y);
// axial forces perpendicular to the member on the page, tension on the upper or left side.
// Positive and negative parts of N and V are told apart by colour.
import type { Flow } from '../layout/flow';
import { INK, RULE, type Rgb } from '../layout/display-list';
import type { CaseResult, Station } from '../../analysis/results';
import type { Formatter } from '../format';
import type { ReportMember, ReportModel } from '../report-model';
import { along } from '../report-model';
import { LabelPlacer } from './draw';
import type { Box } from './figure';
import { drawFrame } from './frame-figure';
import type { Vec3, ViewKind, Viewport } from './projection';

export type DiagramKind = 'N' | 'V' | 'M';

export const DIAGRAM_TITLES: Record<DiagramKind, string> = { N: 'Axial force N', V: 'Shear forces Vz, Vy', M: 'Bending moments My, Mz' };

const POS_FILL: Rgb = [0.8, 0.87, 0.97];
const POS_LINE: Rgb = [0.13, 0.33, 0.66];
const NEG_FILL: Rgb = [0.98, 0.84, 0.82];
const NEG_LINE: Rgb = [0.72, 0.16, 0.12];
const MY_FILL: Rgb = [0.82, 0.86, 0.96];
const MY_LINE: Rgb = [0.16, 0.27, 0.6];
const MZ_FILL: Rgb = [0.8, 0.93, 0.9];
const MZ_LINE: Rgb = [0.05, 0.45, 0.4];

interface Component {
  key: 'N' | 'Vy' | 'Vz' | 'My' | 'Mz';
  /** The 3D direction of a positive value, or 'screen' for the page normal of the member. */
  dir: (m: ReportMember) => Vec3 | 'screen';
  signed: boolean;
  fill?: Rgb;
  stroke?: Rgb;
}

const neg = (v: Vec3): Vec3 => [-v[0], -v[1], -v[2]];

const COMPONENTS: Record<DiagramKind, Component[]> = {
  N: [{ key: 'N', dir: () => 'screen', signed: true }],
  V: [
    { key: 'Vz', dir: (m) => m.ez, signed: true },
    { key: 'Vy', dir: (m) => m.ey, signed: true },
  ],
  M: [
    { key: 'My', dir: (m) => m.ez, signed: false, fill: MY_FILL, stroke: MY_LINE },
    { key: 'Mz', dir: (m) => neg(m.ey), signed: false, fill: MZ_FILL, stroke: MZ_LINE },
  ],
};

/** The largest |value| of a diagram's components in a case (0 when all vanish). */
export function diagramMax(c: CaseResult, kind: DiagramKind): number {
  let max = 0;
  for (const r of Object.values(c.members)) for (const s of r.stations) for (const comp of COMPONENTS[kind]) max = Math.max(max, Math.abs(s[comp.key]));
  return max;
}

function offsetDir(vp: Viewport, m: ReportMember, comp: Component): [number, number] | undefined {
  const a = vp.at(m.xi);
  const b = vp.at(m.xj);
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (len < 3) return undefined;
  const d = comp.dir(m);
  if (d === 'screen') {
    let nx = -(b[1] - a[1]) / len;
    let ny = (b[0] - a[0]) / len;
    if (ny < -1e-9 || (Math.abs(ny) <= 1e-9 && nx > 0)) {
      nx = -nx;
      ny = -ny;
    }
    return [nx, ny];
  }
  const [dx, dy] = vp.dir(d);
  const k = 1 / vp.scale;
  // Foreshortened as the view shows the direction; nearly edge-on it is not drawn.
  if (Math.hypot(dx * k, dy * k) < 0.15) return undefined;
  return [dx * k, dy * k];
}

export function drawDiagram(flow: Flow, rm: ReportModel, c: CaseResult, kind: DiagramKind, view: ViewKind, box: Box, fmt: Formatter): void {
  const placer = new LabelPlacer(flow, { x0: box.x + 2, y0: box.y + 2, x1: box.x + box.w - 2, y1: box.y + box.h - 14 });
  const vp = drawFrame(flow, rm, view, box, { color: RULE, width: 0.8, margin: 42, memberLabels: false, nodeLabels: false, hinges: false, supports: true }, placer);
  const max = diagramMax(c, kind);
  const unit = kind === 'M' ? 'moment' : 'force';
  const maxLen = Math.min(34, box.h * 0.09);
  const labels: { v: number; x: number; y: number; color: Rgb }[] = [];
  if (max > 0) {
    for (const m of rm.members) {
      const r = c.members[m.name];
      if (!r) continue;
      for (const comp of COMPONENTS[kind]) {
        const dir = offsetDir(vp, m, comp);
        if (!dir) continue;
        const stations = r.stations;
        if (!stations.some((s) => Math.abs(s[comp.key]) > 1e-9 * max)) continue;
        const k = maxLen / max;
        const pts = stations.map((s) => {
          const [bx, by] = vp.at(along(m, s.x));
          const v = s[comp.key];
          return { bx, by, ox: bx + dir[0] * v * k, oy: by + dir[1] * v * k, v };
        });
        fillDiagram(flow, pts, comp);
        // The curve itself, darker.
        const curve: number[] = [];
        for (const p of pts) curve.push(p.ox, p.oy);
        flow.push({ t: 'path', pts: curve, stroke: comp.stroke ?? INK, width: 0.6 });
        // Label the member's largest value, and the other extreme when it has the other sign.
        const best = extremeStations(stations, comp.key);
        for (const s of best) {
          const p = pts[stations.indexOf(s)];
          const color = comp.signed ? (s[comp.key] >= 0 ? POS_LINE : NEG_LINE) : comp.stroke ?? INK;
          labels.push({ v: s[comp.key], x: p.ox, y: p.oy, color });
        }
      }
    }
  }
  // The members again, over the fills, so the axis stays visible under the diagram.
  for (const m of rm.members) {
    const [x1, y1] = vp.at(m.xi);
    const [x2, y2] = vp.at(m.xj);
    flow.push({ t: 'path', pts: [x1, y1, x2, y2], stroke: [0.55, 0.58, 0.62], width: 0.7 });
  }
  labels.sort((a, b) => Math.abs(b.v) - Math.abs(a.v));
  const limit = view !== 'iso' && rm.members.length <= 60 ? 120 : 14;
  for (const l of labels.slice(0, limit)) {
    if (Math.abs(l.v) < 0.02 * max) continue;
    placer.place(fmt.num(unit, l.v), l.x + 1.5, l.y + 1.5, { size: 5.6, color: l.color });
  }
  legend(flow, box, kind, max, fmt);
}

function extremeStations(stations: Station[], key: Component['key']): Station[] {
  let hi = stations[0];
  let lo = stations[0];
  for (const s of stations) {
    if (s[key] > hi[key]) hi = s;
    if (s[key] < lo[key]) lo = s;
  }
  const out: Station[] = [];
  if (hi[key] > 0) out.push(hi);
  if (lo[key] < 0) out.push(lo);
  return out;
}

type Pt = { bx: number; by: number; ox: number; oy: number; v: number };

/** Fills between the member and the curve; signed components are split where they cross zero. */
function fillDiagram(flow: Flow, pts: Pt[], comp: Component): void {
  if (!comp.signed) {
    const poly: number[] = [pts[0].bx, pts[0].by];
    for (const p of pts) poly.push(p.ox, p.oy);
    poly.push(pts[pts.length - 1].bx, pts[pts.length - 1].by);
    flow.push({ t: 'path', pts: poly, close: true, fill: comp.fill });
    return;
  }
  // Runs of one sign, each one polygon.
  let run: Pt[] = [];
  const flush = (sign: number) => {
    if (run.length < 2) return;
    const poly: number[] = [];
    for (const p of run) poly.push(p.bx, p.by);
    for (let k = run.length - 1; k >= 0; k--) poly.push(run[k].ox, run[k].oy);
    flow.push({ t: 'path', pts: poly, close: true, fill: sign >= 0 ? POS_FILL : NEG_FILL });
  };
  let sign = Math.sign(pts.find((p) => p.v !== 0)?.v ?? 1);
  for (let k = 0; k < pts.length; k++) {
    const p = pts[k];
    const s = Math.sign(p.v);
    if (s !== 0 && s !== sign && run.length) {
      const q = run[run.length - 1];
      const t = q.v / (q.v - p.v);
      const z = { bx: q.bx + (p.bx - q.bx) * t, by: q.by + (p.by - q.by) * t, ox: 0, oy: 0, v: 0 };
      z.ox = z.bx;
      z.oy = z.by;
      run.push(z);
      flush(sign);
      run = [z];
      sign = s;
    }
    run.push(p);
  }
  flush(sign);
}

function legend(flow: Flow, box: Box, kind: DiagramKind, max: number, fmt: Formatter): void {
  const y = box.y + 5;
  let x = box.x + 6;
  const size = 6;
  const item = (fill: Rgb, text: string) => {
    flow.push({ t: 'rect', x, y: y - 0.5, w: 7, h: 5.5, fill });
    flow.text(x + 9, y, text, 'regular', size);
    x += 14 + flow.measure.width(text, 'regular', size);
  };
  if (kind === 'M') {
    item(MY_FILL, 'My (tension side)');
    item(MZ_FILL, 'Mz (tension side)');
  } else {
    item(POS_FILL, kind === 'N' ? 'tension' : 'positive');
    item(NEG_FILL, kind === 'N' ? 'compression' : 'negative');
  }
  const unit = kind === 'M' ? 'moment' : 'force';
  const text = `max |${kind === 'M' ? 'M' : kind}| = ${fmt.q(unit, max)}; values in ${fmt.unit(unit)}`;
  flow.textRight(box.x + box.w - 6, y, text, 'regular', size);
}
