// Views of the 3D model on the page: the south-west isometric (X to the right and up, Y to the
// left and up, Z up — as the 3D view opens), the plan (looking down −Z) and the two elevations
// (looking along +Y and along −X). A view maps model coordinates to 2D, and a Viewport fits
// that 2D box into a rectangle on the page.
export type Vec3 = readonly [number, number, number];

export type ViewKind = 'iso' | 'plan' | 'front' | 'side';

export const VIEW_TITLES: Record<ViewKind, string> = {
  iso: 'isometric view',
  plan: 'plan (X–Y)',
  front: 'elevation (X–Z)',
  side: 'elevation (Y–Z)',
};

const C30 = Math.cos(Math.PI / 6);
const S30 = Math.sin(Math.PI / 6);

export function project(view: ViewKind, p: Vec3): [number, number] {
  switch (view) {
    case 'iso':
      return [(p[0] - p[1]) * C30, p[2] + (p[0] + p[1]) * S30];
    case 'plan':
      return [p[0], p[1]];
    case 'front':
      return [p[0], p[2]];
    case 'side':
      return [p[1], p[2]];
  }
}

/** The view of a direction (no translation): how a unit vector looks on the page. */
export function projectDir(view: ViewKind, d: Vec3): [number, number] {
  return project(view, d);
}

/** Which views show a model: a planar model its own plane, a 3D one the isometric and three
 * orthographic views. */
export function viewsFor(points: Vec3[]): ViewKind[] {
  const span = [0, 1, 2].map((k) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) {
      lo = Math.min(lo, p[k]);
      hi = Math.max(hi, p[k]);
    }
    return points.length ? hi - lo : 0;
  });
  const size = Math.max(...span, 1e-9);
  const flat = span.map((s) => s <= 1e-6 * size);
  if (flat[1]) return ['front'];
  if (flat[0]) return ['side'];
  if (flat[2]) return ['plan'];
  return ['iso', 'plan', 'front', 'side'];
}

/** The one view for diagrams and loads: the plane of a planar model, else the isometric. */
export function mainView(points: Vec3[]): ViewKind {
  const v = viewsFor(points);
  return v.length === 1 ? v[0] : 'iso';
}

export class Viewport {
  readonly scale: number;
  private readonly ox: number;
  private readonly oy: number;

  /** Fits the projected points into the rectangle (x, y, w, h) with `margin` on each side. */
  constructor(
    readonly view: ViewKind,
    points: Vec3[],
    readonly x: number,
    readonly y: number,
    readonly w: number,
    readonly h: number,
    margin: number,
  ) {
    const b = bounds(view, points);
    const du = Math.max(b.maxU - b.minU, 1e-9);
    const dv = Math.max(b.maxV - b.minV, 1e-9);
    const sx = (w - 2 * margin) / du;
    const sy = (h - 2 * margin) / dv;
    this.scale = Math.min(b.maxU - b.minU > 1e-9 ? sx : Infinity, b.maxV - b.minV > 1e-9 ? sy : Infinity);
    if (!Number.isFinite(this.scale)) this.scale = 1;
    this.ox = x + w / 2 - ((b.minU + b.maxU) / 2) * this.scale;
    this.oy = y + h / 2 - ((b.minV + b.maxV) / 2) * this.scale;
  }

  /** Page coordinates of a model point. */
  at(p: Vec3): [number, number] {
    const [u, v] = project(this.view, p);
    return [this.ox + u * this.scale, this.oy + v * this.scale];
  }

  /** Page length of a model direction scaled by `len` (model units). */
  dir(d: Vec3, len = 1): [number, number] {
    const [u, v] = projectDir(this.view, d);
    return [u * this.scale * len, v * this.scale * len];
  }
}

export function bounds(view: ViewKind, points: Vec3[]): { minU: number; maxU: number; minV: number; maxV: number } {
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (const p of points) {
    const [u, v] = project(view, p);
    minU = Math.min(minU, u);
    maxU = Math.max(maxU, u);
    minV = Math.min(minV, v);
    maxV = Math.max(maxV, v);
  }
  if (!points.length) return { minU: 0, maxU: 1, minV: 0, maxV: 1 };
  return { minU, maxU, minV, maxV };
}

/** A figure height for a view: the aspect of the model, within [minH, maxH]. */
export function figureHeight(view: ViewKind, points: Vec3[], width: number, margin: number, minH: number, maxH: number): number {
  const b = bounds(view, points);
  const du = b.maxU - b.minU;
  const dv = b.maxV - b.minV;
  if (du <= 1e-9) return maxH;
  return Math.max(minH, Math.min(maxH, (dv / du) * (width - 2 * margin) + 2 * margin));
}
