// Cross-section properties from dimensions, SI throughout (m in, m², m⁴, m³ out).
// The rolled I formulas are those behind the European section tables (ArcelorMittal sales
// programme, EN 10365 sizes); the hollow-section formulas are EN 10210-2 Annex B. Each shape
// is an exact area integral except the torsion constants, which follow the cited formulas.

import type { SectionDimensions, SectionProperties } from './types';

/** Steel density used for catalogue masses, kg/m³. */
export const STEEL_DENSITY = 7850;

// A spandrel is the square r×r less the quarter disc of radius r centred on its far corner:
// the material a root fillet adds, or the material a rounded corner removes.
const SPANDREL_AREA = 1 - Math.PI / 4; // × r²
/** Distance of the spandrel's centroid from each of its two straight edges, × r. */
const SPANDREL_CENTROID = (10 - 3 * Math.PI) / (12 - 3 * Math.PI);
/** Second moment of the spandrel about one of its straight edges, × r⁴. */
const SPANDREL_I_EDGE = 1 - (5 * Math.PI) / 16;

interface Spandrel {
  area: number;
  /** Centroid distance from each straight edge. */
  e: number;
  /** Second moment about its own centroidal axis parallel to an edge. */
  Ic: number;
}

function spandrel(r: number): Spandrel {
  const area = SPANDREL_AREA * r * r;
  const e = SPANDREL_CENTROID * r;
  return { area, e, Ic: SPANDREL_I_EDGE * r ** 4 - area * e * e };
}

/**
 * Rolled (or welded, r = 0) doubly symmetric I-section: flanges b×tf, web tw, four root
 * fillets of radius r. Local y is the strong axis (parallel to the flanges).
 */
export function iSectionProperties(h: number, b: number, tw: number, tf: number, r = 0): SectionProperties {
  const hw = h - 2 * tf;
  const f = spandrel(r);
  // Fillet centroids: inward from the flange's inner face, outward from the web face.
  const fy = hw / 2 - f.e;
  const fz = tw / 2 + f.e;
  const A = 2 * b * tf + hw * tw + 4 * f.area;
  const Iy = (b * h ** 3 - (b - tw) * hw ** 3) / 12 + 4 * (f.Ic + f.area * fy * fy);
  const Iz = (2 * tf * b ** 3 + hw * tw ** 3) / 12 + 4 * (f.Ic + f.area * fz * fz);
  const Wply = b * tf * (h - tf) + (tw * hw * hw) / 4 + 4 * f.area * fy;
  const Wplz = (b * b * tf) / 2 + (hw * tw * tw) / 4 + 4 * f.area * fz;
  return {
    A,
    Iy,
    Iz,
    J: iTorsionConstant(h, b, tw, tf, r),
    Wy: Iy / (h / 2),
    Wz: Iz / (b / 2),
    Wply,
    Wplz,
    // EN 1993-1-1 6.2.6(3)(a): load parallel to the web; flanges carry shear along y.
    Avz: A - 2 * b * tf + (tw + 2 * r) * tf,
    Avy: 2 * b * tf,
  };
}

/**
 * St Venant torsion constant of a rolled I-section as computed for the ArcelorMittal tables:
 * two flanges with the tip correction 0.63·tf, the web, and the web–flange junction term
 * with the inscribed-circle diameter D. Reproduces the tabulated It to about 0.1 %.
 */
export function iTorsionConstant(h: number, b: number, tw: number, tf: number, r = 0): number {
  const D = ((r + tw / 2) ** 2 + (r + tf) ** 2 - r * r) / (2 * r + tf);
  const junction = (tw / tf) * (0.145 + (0.1 * r) / tf) * D ** 4;
  return (2 / 3) * (b - 0.63 * tf) * tf ** 3 + ((h - 2 * tf) * tw ** 3) / 3 + 2 * junction;
}

/**
 * The El Darwish & Johnston torsion constant (used for the SCI "Blue Book" tables):
 * J = 2/3·b·tf³ + 1/3·(h−2tf)·tw³ + 2α·D⁴ − 0.420·tf⁴. It differs from the ArcelorMittal
 * value by a few per cent for thin-flanged sections; kept to compare with SCI data.
 */
export function iTorsionConstantElDarwish(h: number, b: number, tw: number, tf: number, r = 0): number {
  const alpha =
    -0.042 + (0.2204 * tw) / tf + (0.1355 * r) / tf - (0.0865 * r * tw) / tf ** 2 - (0.0725 * tw ** 2) / tf ** 2;
  const D = ((tf + r) ** 2 + tw * (r + tw / 4)) / (2 * r + tf);
  return (2 / 3) * b * tf ** 3 + ((h - 2 * tf) * tw ** 3) / 3 + 2 * alpha * D ** 4 - 0.42 * tf ** 4;
}

/** Circular hollow section (annulus), outside diameter d, wall t; t = d/2 is a solid bar. */
export function circularHollowProperties(d: number, t: number): SectionProperties {
  const di = d - 2 * t;
  const A = (Math.PI / 4) * (d * d - di * di);
  const I = (Math.PI / 64) * (d ** 4 - di ** 4);
  const W = I / (d / 2);
  const Wpl = (d ** 3 - di ** 3) / 6;
  // EN 1993-1-1 6.2.6(3)(g): Av = 2A/π.
  const Av = (2 * A) / Math.PI;
  return { A, Iy: I, Iz: I, J: 2 * I, Wy: W, Wz: W, Wply: Wpl, Wplz: Wpl, Avy: Av, Avz: Av };
}

/** Second moment, about the axis parallel to width w, of a w×h rectangle with its corners rounded by radius r (centroidal). */
function roundedRectI(w: number, h: number, r: number): number {
  const s = spandrel(r);
  const d = h / 2 - s.e;
  return (w * h ** 3) / 12 - 4 * (s.Ic + s.area * d * d);
}

/** ∫|z| dA of a w×h rectangle with corners rounded by r, about its centroidal axis parallel to w. */
function roundedRectPlastic(w: number, h: number, r: number): number {
  const s = spandrel(r);
  return (w * h * h) / 4 - 4 * s.area * (h / 2 - s.e);
}

/**
 * Rectangular hollow section h×b×t with outer corner radius ro and inner radius ri
 * (EN 10210-2 hot-finished: ro = 1.5t, ri = t; a sharp-cornered box: 0, 0). Local y is
 * parallel to b, so Iy is the strong axis when h > b.
 */
export function rectangularHollowProperties(h: number, b: number, t: number, ro: number, ri: number): SectionProperties {
  const hi = h - 2 * t;
  const bi = b - 2 * t;
  const A = 2 * t * (b + h - 2 * t) - (4 - Math.PI) * (ro * ro - ri * ri);
  const Iy = roundedRectI(b, h, ro) - roundedRectI(bi, hi, ri);
  const Iz = roundedRectI(h, b, ro) - roundedRectI(hi, bi, ri);
  // EN 10210-2 B.2: mid-line perimeter hp and enclosed area Ap with the mean corner radius.
  const rc = (ro + ri) / 2;
  const hp = 2 * (b - t + (h - t)) - 2 * rc * (4 - Math.PI);
  const Ap = (b - t) * (h - t) - rc * rc * (4 - Math.PI);
  const K = (2 * Ap * t) / hp;
  const J = (t ** 3 * hp) / 3 + 2 * K * Ap;
  return {
    A,
    Iy,
    Iz,
    J,
    Wy: Iy / (h / 2),
    Wz: Iz / (b / 2),
    Wply: roundedRectPlastic(b, h, ro) - roundedRectPlastic(bi, hi, ri),
    Wplz: roundedRectPlastic(h, b, ro) - roundedRectPlastic(hi, bi, ri),
    // EN 1993-1-1 6.2.6(3)(f): Av = A·h/(b+h) for load parallel to the depth.
    Avz: (A * h) / (b + h),
    Avy: (A * b) / (b + h),
  };
}

/**
 * Hot-finished EN 10210 RHS/SHS: corner radii for calculation ro = 1.5t, ri = 1.0t
 * (EN 10210-2 Annex B).
 */
export function hotFinishedRhsProperties(h: number, b: number, t: number): SectionProperties {
  return rectangularHollowProperties(h, b, t, 1.5 * t, t);
}

/**
 * St Venant torsion constant of a solid a×b rectangle, by the exact series
 * J = a·b³/3·[1 − (192/π⁵)(b/a)·Σ_{n odd} tanh(nπa/2b)/n⁵], a ≥ b.
 */
export function rectangleTorsionConstant(width: number, depth: number): number {
  const a = Math.max(width, depth);
  const c = Math.min(width, depth);
  let sum = 0;
  for (let n = 1; n < 200; n += 2) {
    const term = Math.tanh((n * Math.PI * a) / (2 * c)) / n ** 5;
    sum += term;
    if (term < 1e-16) break;
  }
  return ((a * c ** 3) / 3) * (1 - (192 / Math.PI ** 5) * (c / a) * sum);
}

/** Solid rectangle, width b (along local y) and depth h (along local z). */
export function solidRectangleProperties(b: number, h: number): SectionProperties {
  const A = b * h;
  return {
    A,
    Iy: (b * h ** 3) / 12,
    Iz: (h * b ** 3) / 12,
    J: rectangleTorsionConstant(b, h),
    Wy: (b * h * h) / 6,
    Wz: (h * b * b) / 6,
    Wply: (b * h * h) / 4,
    Wplz: (h * b * b) / 4,
    Avy: (5 / 6) * A,
    Avz: (5 / 6) * A,
  };
}

// ---------------------------------------------------------------------------------------------
// shape= sections in a model

export type DerivableShape = 'rect' | 'pipe' | 'box' | 'i';

export type DeriveResult =
  | { ok: true; properties: SectionProperties }
  | { ok: false; message: string; missing?: string[] };

type DimensionKey = keyof SectionDimensions;

/** Which dimensions each `shape=` takes, in the order they are usually written. */
export const SHAPE_DIMENSIONS: Readonly<Record<DerivableShape, { required: DimensionKey[]; optional: DimensionKey[] }>> = {
  rect: { required: ['b', 'h'], optional: [] },
  pipe: { required: ['d', 't'], optional: [] },
  box: { required: ['h', 'b', 't'], optional: [] },
  i: { required: ['h', 'b', 'tw', 'tf'], optional: ['r'] },
};

const ALL_KEYS: DimensionKey[] = ['h', 'b', 'tw', 'tf', 'r', 'd', 't'];

function mm(v: number): string {
  return `${Number((v * 1000).toPrecision(6))} mm`;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Properties of a `shape=` section from its dimensions (m). Fails with a one-line message
 * when a dimension is missing, not positive, not used by the shape, or inconsistent.
 */
export function deriveShapeProperties(shape: DerivableShape, dims: SectionDimensions): DeriveResult {
  const spec = SHAPE_DIMENSIONS[shape];
  if (!spec) return { ok: false, message: `unknown shape '${String(shape)}'; expected rect, pipe, box or i` };
  const missing = spec.required.filter((k) => dims[k] === undefined);
  if (missing.length > 0) {
    return { ok: false, message: `shape=${shape} needs ${joinNames(spec.required)}`, missing };
  }
  const allowed = new Set<DimensionKey>([...spec.required, ...spec.optional]);
  const extra = ALL_KEYS.filter((k) => dims[k] !== undefined && !allowed.has(k));
  if (extra.length > 0) {
    const takes = joinNames([...spec.required, ...spec.optional]);
    return { ok: false, message: `shape=${shape} takes ${takes}, not ${joinNames(extra)}` };
  }
  for (const k of allowed) {
    const v = dims[k];
    if (v === undefined) continue;
    if (!Number.isFinite(v)) return { ok: false, message: `${k} must be a finite length` };
    if (k === 'r' ? v < 0 : v <= 0) return { ok: false, message: `${k} must be ${k === 'r' ? 'zero or ' : ''}positive` };
  }
  const problem = checkConsistency(shape, dims);
  if (problem) return { ok: false, message: problem };
  const d = dims as Required<SectionDimensions>;
  switch (shape) {
    case 'rect':
      return { ok: true, properties: solidRectangleProperties(d.b, d.h) };
    case 'pipe':
      return { ok: true, properties: circularHollowProperties(d.d, d.t) };
    case 'box':
      return { ok: true, properties: rectangularHollowProperties(d.h, d.b, d.t, 0, 0) };
    case 'i':
      return { ok: true, properties: iSectionProperties(d.h, d.b, d.tw, d.tf, dims.r ?? 0) };
  }
}

function checkConsistency(shape: DerivableShape, dims: SectionDimensions): string | undefined {
  const { h = 0, b = 0, t = 0, d = 0, tw = 0, tf = 0, r = 0 } = dims;
  switch (shape) {
    case 'rect':
      return undefined;
    case 'pipe':
      return t > d / 2 ? `t (${mm(t)}) must not exceed d/2 (${mm(d / 2)})` : undefined;
    case 'box':
      if (2 * t >= b) return `t (${mm(t)}) must be less than b/2 (${mm(b / 2)})`;
      if (2 * t >= h) return `t (${mm(t)}) must be less than h/2 (${mm(h / 2)})`;
      return undefined;
    case 'i':
      if (2 * tf >= h) return `2·tf (${mm(2 * tf)}) must be less than h (${mm(h)})`;
      if (tw > b) return `tw (${mm(tw)}) must not exceed b (${mm(b)})`;
      if (tw + 2 * r > b) return `tw + 2·r (${mm(tw + 2 * r)}) must not exceed b (${mm(b)})`;
      if (2 * tf + 2 * r > h) return `2·tf + 2·r (${mm(2 * tf + 2 * r)}) must not exceed h (${mm(h)})`;
      return undefined;
  }
}
