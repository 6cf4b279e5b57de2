// Properties of a taper-flange channel (UPN, DIN 1026-1 geometry) by integrating its outline
// (straight edges exactly, fillet arcs as fine polygons). Only the torsion constant is taken
// from the published table: it has no closed form for tapered flanges.
//
// Geometry: web of thickness tw along the back (x = 0 … tw); flanges whose inner face slopes
// by 8 % up to UPN 300 and 5 % above; root radius r1 between web and flange, toe radius r2 at
// the flange tip; outer corners sharp. The nominal flange thickness tf is measured at half the
// flange width from the back of the web (UPN ≤ 300) or half-way along the free flange,
// (b + tw)/2 (UPN > 300): with these the derived A and Iy agree with the published tables to
// 0.4 % over the whole series.

export interface ChannelDimensions {
  h: number;
  b: number;
  tw: number;
  tf: number;
  r1: number;
  r2: number;
  /** Inner flange face slope (rise over run), 0.08 or 0.05. */
  slope: number;
  /** Distance from the back of the web at which tf is measured. */
  tfAt: number;
}

export interface ChannelProperties {
  A: number;
  /** Strong axis (parallel to the flanges). */
  Iy: number;
  Iz: number;
  Wy: number;
  /** Iz over the larger distance from the centroid, the flange tips. */
  Wz: number;
  Wply: number;
  Wplz: number;
  /** Centroid distance from the back of the web. */
  ys: number;
}

/** DIN 1026-1 flange slope and tf position for a UPN of depth h (m). */
export function upnChannel(h: number, b: number, tw: number, tf: number, r1: number, r2: number): ChannelDimensions {
  const deep = h > 0.3 + 1e-9;
  return { h, b, tw, tf, r1, r2, slope: deep ? 0.05 : 0.08, tfAt: deep ? (b + tw) / 2 : b / 2 };
}

type Pt = [number, number];

const ARC_SEGMENTS = 90;

function arc(cx: number, cy: number, r: number, from: number, to: number): Pt[] {
  const pts: Pt[] = [];
  for (let i = 0; i <= ARC_SEGMENTS; i++) {
    const a = from + ((to - from) * i) / ARC_SEGMENTS;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return pts;
}

/** The half of the outline above the axis of symmetry (y ≥ 0), counter-clockwise. */
export function upperHalfOutline(c: ChannelDimensions): Pt[] {
  const { h, b, tw, tf, r1, r2, slope: s, tfAt } = c;
  // Inner flange face: y = s·x + c0, thickness tf at x = tfAt.
  const c0 = h / 2 - tf - s * tfAt;
  const k = Math.sqrt(1 + s * s);
  const up = Math.atan2(1, -s); // direction of the face's normal pointing into the flange
  // Root fillet: centre at distance r1 from the web face and below the flange face.
  const x1 = tw + r1;
  const y1 = s * x1 + c0 - r1 * k;
  // Toe fillet: centre inside the flange, r2 from the tip and above the flange face.
  const x2 = b - r2;
  const y2 = s * x2 + c0 + r2 * k;
  return [
    [tw, 0],
    ...arc(x1, y1, r1, Math.PI, up),
    ...arc(x2, y2, r2, up - Math.PI, 0),
    [b, h / 2],
    [0, h / 2],
    [0, 0],
  ];
}

interface Moments {
  A: number;
  Sx: number; // ∫x dA
  Sy: number; // ∫y dA
  Ixx: number; // ∫x² dA
  Iyy: number; // ∫y² dA
}

function moments(p: Pt[]): Moments {
  const m: Moments = { A: 0, Sx: 0, Sy: 0, Ixx: 0, Iyy: 0 };
  for (let i = 0; i < p.length; i++) {
    const [x0, y0] = p[i];
    const [x1, y1] = p[(i + 1) % p.length];
    const cr = x0 * y1 - x1 * y0;
    m.A += cr / 2;
    m.Sx += ((x0 + x1) * cr) / 6;
    m.Sy += ((y0 + y1) * cr) / 6;
    m.Ixx += ((x0 * x0 + x0 * x1 + x1 * x1) * cr) / 12;
    m.Iyy += ((y0 * y0 + y0 * y1 + y1 * y1) * cr) / 12;
  }
  return m;
}

/** The part of the polygon with x ≤ c (Sutherland–Hodgman against one half-plane). */
function clipLeft(p: Pt[], c: number): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < p.length; i++) {
    const a = p[i];
    const b = p[(i + 1) % p.length];
    const ain = a[0] <= c;
    const bin = b[0] <= c;
    if (ain) out.push(a);
    if (ain !== bin) {
      const f = (c - a[0]) / (b[0] - a[0]);
      out.push([c, a[1] + f * (b[1] - a[1])]);
    }
  }
  return out;
}

export function channelProperties(c: ChannelDimensions): ChannelProperties {
  const half = upperHalfOutline(c);
  const m = moments(half);
  const A = 2 * m.A;
  const ys = m.Sx / m.A;
  const Iy = 2 * m.Iyy;
  const Iz = 2 * m.Ixx - A * ys * ys;
  // Plastic neutral axis parallel to the web: bisect for the line halving the area.
  let lo = 0;
  let hi = c.b;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (moments(clipLeft(half, mid)).A < m.A / 2) lo = mid;
    else hi = mid;
  }
  const xp = (lo + hi) / 2;
  const left = moments(clipLeft(half, xp));
  // ∫|x − xp| dA over the half, doubled.
  const Wplz = 2 * (xp * left.A - left.Sx + (m.Sx - left.Sx) - xp * (m.A - left.A));
  return {
    A,
    Iy,
    Iz,
    Wy: Iy / (c.h / 2),
    Wz: Iz / (c.b - ys),
    Wply: 2 * m.Sy,
    Wplz,
    ys,
  };
}
