// Drawing helpers for the figures: arrows, support symbols, hinges, moment arcs and labels that
// do not overlap each other.
import type { Flow } from '../layout/flow';
import { INK, MUTED, type Rgb } from '../layout/display-list';
import type { FontFace } from '../fonts';

export function line(flow: Flow, x1: number, y1: number, x2: number, y2: number, color: Rgb = INK, width = 0.8, dash?: number[]): void {
  flow.push({ t: 'path', pts: [x1, y1, x2, y2], stroke: color, width, dash });
}

/** An arrow from (x1, y1) to its tip (x2, y2). */
export function arrow(flow: Flow, x1: number, y1: number, x2: number, y2: number, color: Rgb, width = 0.7, head = 4.2): void {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  if (len < 1e-6) return;
  const ux = dx / len;
  const uy = dy / len;
  const h = Math.min(head, len * 0.6);
  const bx = x2 - ux * h;
  const by = y2 - uy * h;
  flow.push({ t: 'path', pts: [x1, y1, bx, by], stroke: color, width });
  flow.push({ t: 'path', pts: [x2, y2, bx - uy * h * 0.38, by + ux * h * 0.38, bx + uy * h * 0.38, by - ux * h * 0.38], close: true, fill: color });
}

/** A moment: three quarters of a circle around (x, y) with an arrowhead, counter-clockwise on
 * the page when `ccw`. */
export function momentArc(flow: Flow, x: number, y: number, r: number, ccw: boolean, color: Rgb): void {
  const pts: number[] = [];
  const a0 = -Math.PI * 0.65;
  const a1 = Math.PI * 0.85;
  const n = 16;
  for (let k = 0; k <= n; k++) {
    const a = ccw ? a0 + ((a1 - a0) * k) / n : a1 - ((a1 - a0) * k) / n;
    pts.push(x + r * Math.cos(a), y + r * Math.sin(a));
  }
  flow.push({ t: 'path', pts, stroke: color, width: 0.7 });
  const m = pts.length;
  arrow(flow, pts[m - 4], pts[m - 3], pts[m - 2], pts[m - 1], color, 0.7, 3.6);
}

/** Support symbols below the node (in elevations and the isometric), or around it in plan. */
export function supportSymbol(flow: Flow, x: number, y: number, restrained: readonly boolean[], springs: readonly number[], plan: boolean): void {
  const nT = restrained.slice(0, 3).filter(Boolean).length;
  const nR = restrained.slice(3).filter(Boolean).length;
  const hasSpring = springs.some((k) => k > 0);
  const color = INK;
  if (plan) {
    if (nT === 3 && nR === 3) flow.push({ t: 'rect', x: x - 4, y: y - 4, w: 8, h: 8, stroke: color, width: 0.8 });
    else flow.push({ t: 'path', pts: [x, y + 4.8, x - 4.2, y - 2.6, x + 4.2, y - 2.6], close: true, stroke: color, width: 0.8 });
    if (hasSpring) flow.push({ t: 'circle', x, y, r: 6.5, stroke: MUTED, width: 0.5 });
    return;
  }
  if (nT === 3 && nR === 3) {
    // Fixed: a ground line with hatching.
    line(flow, x - 8, y, x + 8, y, color, 1.2);
    for (let k = -8; k <= 6; k += 3.5) line(flow, x + k, y, x + k - 3, y - 3.5, color, 0.45);
    return;
  }
  if (nT > 0) {
    // Pinned or partly restrained: a triangle; a roller (not all of x y z) gets a gap line.
    flow.push({ t: 'path', pts: [x, y, x - 5, y - 7.5, x + 5, y - 7.5], close: true, stroke: color, width: 0.8 });
    const base = nT < 3 ? y - 10.5 : y - 7.5;
    if (nT < 3) line(flow, x - 6.5, y - 9, x + 6.5, y - 9, color, 0.6);
    line(flow, x - 7.5, base, x + 7.5, base, color, 0.9);
    for (let k = -7.5; k <= 5; k += 3.5) line(flow, x + k, base, x + k - 2.6, base - 3, color, 0.4);
    if (nR > 0) flow.push({ t: 'rect', x: x - 2.2, y: y - 2.2, w: 4.4, h: 4.4, fill: color });
  }
  if (hasSpring) {
    // A zigzag spring under the node (beside it when the node also has restraints).
    const sx = nT > 0 ? x + 11 : x;
    const pts = [sx, y, sx, y - 2];
    for (let k = 0; k < 5; k++) pts.push(sx + (k % 2 === 0 ? 3 : -3), y - 3.5 - k * 2.2);
    pts.push(sx, y - 15, sx, y - 17);
    flow.push({ t: 'path', pts, stroke: color, width: 0.6 });
    line(flow, sx - 5, y - 17, sx + 5, y - 17, color, 0.9);
  }
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Places labels where they do not cover one another (a label that would is dropped). */
export class LabelPlacer {
  private readonly boxes: Box[] = [];
  constructor(private readonly flow: Flow, private readonly clip?: Box) {}

  /** Reserves an area (a symbol or a line end) that labels must avoid. */
  block(x0: number, y0: number, x1: number, y1: number): void {
    this.boxes.push({ x0, y0, x1, y1 });
  }

  /** Tries the text at (x, y) and at a few nearby places; returns whether it was drawn. */
  place(text: string, x: number, y: number, options: { size?: number; color?: Rgb; face?: FontFace; align?: 'left' | 'center' | 'right' } = {}): boolean {
    const size = options.size ?? 6;
    const w = this.flow.measure.width(text, options.face ?? 'regular', size);
    const dx0 = options.align === 'center' ? -w / 2 : options.align === 'right' ? -w : 0;
    const tries: [number, number][] = [[0, 0], [0, -size - 1], [0, size + 1], [-w - 4, 0], [w / 2 + 4, 0], [0, -2 * size - 2]];
    for (const [ox, oy] of tries) {
      const b = { x0: x + dx0 + ox - 0.8, y0: y + oy - size * 0.25, x1: x + dx0 + ox + w + 0.8, y1: y + oy + size * 0.8 };
      if (this.clip && (b.x0 < this.clip.x0 || b.x1 > this.clip.x1 || b.y0 < this.clip.y0 || b.y1 > this.clip.y1)) continue;
      if (this.boxes.some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0)) continue;
      this.boxes.push(b);
      this.flow.text(b.x0 + 0.8, y + oy, text, options.face ?? 'regular', size, options.color ?? INK);
      return true;
    }
    return false;
  }
}
