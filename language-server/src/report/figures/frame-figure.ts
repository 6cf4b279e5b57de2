// The structure in one view: members (truss members thinner), nodes, hinges, supports and, for
// models small enough to read them, node and member names.
import type { Flow } from '../layout/flow';
import { ACCENT, INK, MUTED, type Rgb } from '../layout/display-list';
import type { ReportModel } from '../report-model';
import { along } from '../report-model';
import { LabelPlacer, line, supportSymbol } from './draw';
import type { Box } from './figure';
import { Viewport, type ViewKind } from './projection';

export interface FrameStyle {
  color?: Rgb;
  width?: number;
  nodeLabels?: boolean;
  memberLabels?: boolean;
  supports?: boolean;
  hinges?: boolean;
  /** Space kept free around the drawing for symbols, labels or diagrams (points). */
  margin?: number;
}

export const LABEL_LIMIT = { nodes: 70, members: 90 };

export function drawFrame(flow: Flow, rm: ReportModel, view: ViewKind, box: Box, style: FrameStyle = {}, labels?: LabelPlacer): Viewport {
  const vp = new Viewport(view, rm.points, box.x, box.y, box.w, box.h, style.margin ?? 28);
  const placer = labels ?? new LabelPlacer(flow, { x0: box.x + 2, y0: box.y + 2, x1: box.x + box.w - 2, y1: box.y + box.h - 2 });
  const color = style.color ?? INK;
  for (const m of rm.members) {
    const [x1, y1] = vp.at(m.xi);
    const [x2, y2] = vp.at(m.xj);
    line(flow, x1, y1, x2, y2, color, m.truss ? (style.width ?? 1) * 0.6 : style.width ?? 1);
  }
  for (const p of rm.nodes.values()) {
    const [x, y] = vp.at(p);
    flow.push({ t: 'circle', x, y, r: 1.1, fill: color });
  }
  if (style.hinges !== false) {
    for (const m of rm.members) {
      const [x1, y1] = vp.at(m.xi);
      const [x2, y2] = vp.at(m.xj);
      const len = Math.hypot(x2 - x1, y2 - y1);
      if (len < 12) continue;
      const ux = (x2 - x1) / len;
      const uy = (y2 - y1) / len;
      if (!m.truss && (m.releaseI[4] || m.releaseI[5])) flow.push({ t: 'circle', x: x1 + ux * 4.5, y: y1 + uy * 4.5, r: 2.1, fill: [1, 1, 1], stroke: color, width: 0.6 });
      if (!m.truss && (m.releaseJ[4] || m.releaseJ[5])) flow.push({ t: 'circle', x: x2 - ux * 4.5, y: y2 - uy * 4.5, r: 2.1, fill: [1, 1, 1], stroke: color, width: 0.6 });
    }
  }
  if (style.supports !== false) {
    for (const s of rm.supports) {
      const [x, y] = vp.at(s.xyz);
      supportSymbol(flow, x, y, s.restrained, s.springs, view === 'plan');
      placer.block(x - 8, y - 18, x + 8, y + 1);
    }
  }
  // The isometric crowds sooner than the orthographic views.
  const k = view === 'iso' ? 0.5 : 1;
  const showNodes = style.nodeLabels ?? rm.nodes.size <= LABEL_LIMIT.nodes * k;
  const showMembers = style.memberLabels ?? rm.members.length <= LABEL_LIMIT.members * k;
  if (showMembers) {
    for (const m of rm.members) {
      const [x1, y1] = vp.at(m.xi);
      const [x2, y2] = vp.at(m.xj);
      const len = Math.hypot(x2 - x1, y2 - y1);
      if (len < 14) continue;
      const [mx, my] = vp.at(along(m, m.length / 2));
      // Beside the line, on its upper or left side.
      let nx = -(y2 - y1) / len;
      let ny = (x2 - x1) / len;
      if (ny < 0 || (Math.abs(ny) < 1e-6 && nx > 0)) {
        nx = -nx;
        ny = -ny;
      }
      placer.place(m.name, mx + nx * 3, my + ny * 3, { size: 5.8, color: ACCENT, align: nx < -0.3 ? 'right' : nx > 0.3 ? 'left' : 'center' });
    }
  }
  if (showNodes) {
    const done: [number, number][] = [];
    for (const [name, p] of rm.nodes) {
      const [x, y] = vp.at(p);
      if (done.some(([a, b]) => Math.abs(a - x) < 2 && Math.abs(b - y) < 2)) continue;
      done.push([x, y]);
      placer.place(name, x + 2.5, y + 2.5, { size: 5.6, color: MUTED });
    }
  }
  return vp;
}
