// Section outlines in the member's local y–z plane (m), for extruding members as solids.
// An I-section's web lies along local z (Iy is the strong axis, as the language spec says), so
// `h` runs along z and `b` along y. Sections without a shape are drawn as the solid rectangle
// with the same radii of gyration (h = √(12·Iy/A), b = √(12·Iz/A)), so they read at about the
// right size with the strong axis where it is.
import type { SectionView } from '../../language-server/src/shared/model-view';

export type Point2 = [number, number];

export interface Outline {
  /** Counter-clockwise outer boundary, (y, z). */
  outer: Point2[];
  /** Clockwise holes (pipe, box). */
  holes: Point2[][];
  /** True when the outline is an equivalent rectangle, not the section's real shape. */
  approximate: boolean;
}

const CIRCLE_SEGMENTS = 20;

export function sectionOutline(s: SectionView): Outline | undefined {
  const d = s.dimensions ?? {};
  const pos = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && v > 0;
  switch (s.shape) {
    case 'i':
      if (pos(d.h) && pos(d.b) && pos(d.tw) && pos(d.tf)) return exact(iShape(d.h, d.b, d.tw, d.tf));
      break;
    case 'channel':
      if (pos(d.h) && pos(d.b) && pos(d.tw) && pos(d.tf)) return exact(channel(d.h, d.b, d.tw, d.tf));
      break;
    case 'pipe': {
      const D = d.d ?? d.h;
      if (pos(D)) {
        const t = pos(d.t) && d.t < D / 2 ? d.t : undefined;
        return { outer: circle(D / 2, false), holes: t ? [circle(D / 2 - t, true)] : [], approximate: false };
      }
      break;
    }
    case 'box':
      if (pos(d.h) && pos(d.b)) {
        const t = pos(d.t) && d.t < Math.min(d.h, d.b) / 2 ? d.t : undefined;
        return { outer: rect(d.b, d.h), holes: t ? [rect(d.b - 2 * t, d.h - 2 * t).reverse()] : [], approximate: false };
      }
      break;
    case 'rect':
      if (pos(d.h) && pos(d.b)) return exact(rect(d.b, d.h));
      break;
  }
  return equivalentRectangle(s);
}

function exact(outer: Point2[]): Outline {
  return { outer, holes: [], approximate: false };
}

function equivalentRectangle(s: SectionView): Outline | undefined {
  const A = s.A;
  if (!(A !== undefined && A > 0)) return undefined;
  const h = s.Iy && s.Iy > 0 ? Math.sqrt((12 * s.Iy) / A) : Math.sqrt(A);
  const b = s.Iz && s.Iz > 0 ? Math.sqrt((12 * s.Iz) / A) : A / h;
  return { outer: rect(b, h), holes: [], approximate: true };
}

/** A rectangle b (along y) by h (along z), centred, counter-clockwise. */
function rect(b: number, h: number): Point2[] {
  return [[-b / 2, -h / 2], [b / 2, -h / 2], [b / 2, h / 2], [-b / 2, h / 2]];
}

function iShape(h: number, b: number, tw: number, tf: number): Point2[] {
  const y = b / 2, z = h / 2, w = tw / 2, f = z - tf;
  return [
    [-y, -z], [y, -z], [y, -f], [w, -f], [w, f], [y, f], [y, z],
    [-y, z], [-y, f], [-w, f], [-w, -f], [-y, -f],
  ];
}

/** A channel with its web on the −y side and the flanges pointing to +y, centred on its box. */
function channel(h: number, b: number, tw: number, tf: number): Point2[] {
  const y0 = -b / 2, y1 = b / 2, z = h / 2, f = z - tf, w = y0 + tw;
  return [[y0, -z], [y1, -z], [y1, -f], [w, -f], [w, f], [y1, f], [y1, z], [y0, z]];
}

function circle(r: number, clockwise: boolean): Point2[] {
  const out: Point2[] = [];
  for (let k = 0; k < CIRCLE_SEGMENTS; k++) {
    const a = ((clockwise ? -k : k) / CIRCLE_SEGMENTS) * 2 * Math.PI;
    out.push([r * Math.cos(a), r * Math.sin(a)]);
  }
  return out;
}

/** Signed area (positive when counter-clockwise), for tests and sanity checks. */
export function signedArea(p: Point2[]): number {
  let a = 0;
  for (let k = 0; k < p.length; k++) {
    const [y0, z0] = p[k];
    const [y1, z1] = p[(k + 1) % p.length];
    a += y0 * z1 - y1 * z0;
  }
  return a / 2;
}
