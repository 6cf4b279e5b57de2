// Storage of member diagrams (stations.ts describes what a diagram is). A load case has one
// diagram per member, and a big model has thousands of members times tens of cases, so the
// diagrams of one case share a single growable Float64Array: no per-member objects or arrays
// to allocate, keep alive and collect. One member's record, at `at[m]`:
//
//   L, segments S, shape, jumps J, marks K,
//   start[8], end[8], breaks[S + 1], jumps[J], marks[K],
//   coefficients[S · Q_COUNT · STRIDE]   (segment k, quantity q, tⁱ at (k·Q_COUNT + q)·STRIDE + i)
//
// Each quantity's polynomial has STRIDE slots, zero-padded above its length (a padded zero
// changes no evaluation, degree, root or extremum). Its length — the one the arithmetic uses,
// so that results stay bit-identical to the plain-array code — follows from the shape.

export const QUANTITIES = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz', 'dy', 'dz'] as const;
export type Quantity = (typeof QUANTITIES)[number];
export const Q_COUNT = 8;
/** Coefficients per quantity and segment: dy, dz of a frame member are quintics. */
export const STRIDE = 6;
export const SEGMENT_SIZE = Q_COUNT * STRIDE;

/** What the polynomials are made of, hence their lengths: EMPTY for a combination of nothing
 * (every polynomial is zero), TRUSS (dy and dz linear), FRAME. */
export type Shape = 0 | 1 | 2;
export const EMPTY: Shape = 0;
export const TRUSS: Shape = 1;
export const FRAME: Shape = 2;

/** Positions closer than this fraction of L are the same station. */
export const POSITION_TOLERANCE = 1e-9;

/** Per shape, per quantity (N Vy Vz T My Mz dy dz). */
const LENGTHS = Int8Array.from([
  ...[0, 0, 0, 0, 0, 0, 0, 0],
  ...[3, 3, 3, 3, 4, 4, 2, 2],
  ...[3, 3, 3, 3, 4, 4, 6, 6],
]);

/** The number of coefficients of quantity q in a diagram of this shape. */
export function polyLength(shape: Shape, q: number): number {
  return LENGTHS[shape * Q_COUNT + q];
}

const HEADER = 5;
const NONE = -1;

/** The diagrams of every member in one load case or combination. */
export class CaseDiagrams {
  /** Offset of each member's record in `data`; −1: the member has no diagram. */
  readonly at: Int32Array;
  data: Float64Array;
  private used = 0;

  constructor(memberCount: number, expectedSize = memberCount * (HEADER + 2 * Q_COUNT + 2 + SEGMENT_SIZE)) {
    this.at = new Int32Array(memberCount).fill(NONE);
    this.data = new Float64Array(Math.max(64, expectedSize));
  }

  /** The doubles in use (a size hint for a combination of this case). */
  get size(): number {
    return this.used;
  }

  has(m: number): boolean {
    return this.at[m] !== NONE;
  }

  /** Reserves member m's record (zero-filled) and returns a view on it for writing. */
  add(m: number, L: number, segments: number, shape: Shape, jumps: number, marks: number, view: DiagramView): DiagramView {
    const size = HEADER + 2 * Q_COUNT + segments + 1 + jumps + marks + segments * SEGMENT_SIZE;
    if (this.used + size > this.data.length) {
      const grown = new Float64Array(Math.max(this.used + size, Math.ceil(this.data.length * 1.5)));
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    const o = this.used;
    this.used += size;
    this.at[m] = o;
    const d = this.data;
    d[o] = L;
    d[o + 1] = segments;
    d[o + 2] = shape;
    d[o + 3] = jumps;
    d[o + 4] = marks;
    return view.on(this, m);
  }
}

/**
 * A cursor on one member's diagram: offsets into `data` of each part. Reused across members
 * (`on` re-aims it), so reading thousands of diagrams allocates nothing.
 */
export class DiagramView {
  data: Float64Array = new Float64Array(0);
  L = 0;
  segments = 0;
  shape: Shape = EMPTY;
  /** Offsets in `data`. */
  start = 0;
  end = 0;
  breaks = 0;
  jumps = 0;
  jumpCount = 0;
  marks = 0;
  markCount = 0;
  coef = 0;

  on(set: CaseDiagrams, m: number): this {
    const o = set.at[m];
    const d = set.data;
    this.data = d;
    this.L = d[o];
    this.segments = d[o + 1];
    this.shape = d[o + 2] as Shape;
    this.jumpCount = d[o + 3];
    this.markCount = d[o + 4];
    this.start = o + HEADER;
    this.end = this.start + Q_COUNT;
    this.breaks = this.end + Q_COUNT;
    this.jumps = this.breaks + this.segments + 1;
    this.marks = this.jumps + this.jumpCount;
    this.coef = this.marks + this.markCount;
    return this;
  }

  /** Start and end of segment k. */
  a(k: number): number {
    return this.data[this.breaks + k];
  }

  b(k: number): number {
    return this.data[this.breaks + k + 1];
  }

  /** Offset in `data` of quantity q's coefficients on segment k. */
  poly(k: number, q: number): number {
    return this.coef + (k * Q_COUNT + q) * STRIDE;
  }

  /** The segment whose [a, b] contains x (the first one when x is a shared end). */
  segmentAt(x: number): number {
    const eps = POSITION_TOLERANCE * this.L;
    let lo = 0;
    let hi = this.segments - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.b(mid) < x - eps) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
