// Member local axes (spec "Conventions"): x from node i to node j; for a member that is not
// vertical, z lies in the vertical plane through x with a positive global Z component and
// y = z × x; a vertical member (horizontal projection < 1e-6·L) has y = global +Y, z = x × y.
// `roll` then turns y and z about x, positive from y towards z.
import type { Vec3 } from './model-input';

/** Rows are the local axes in global components: local = R · global. Row-major 3×3. */
export type Rotation = Float64Array;

export interface MemberGeometry {
  length: number;
  /** Local x, y, z as global unit vectors. */
  ex: Vec3;
  ey: Vec3;
  ez: Vec3;
  R: Rotation;
}

export const VERTICAL_TOLERANCE = 1e-6;

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function norm(a: Vec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

function unit(a: Vec3): Vec3 {
  const n = norm(a);
  return [a[0] / n, a[1] / n, a[2] / n];
}

/** Local axes of the member from `a` (node i) to `b` (node j); length 0 gives length 0 and
 * identity axes (the caller reports the member). */
export function memberGeometry(a: Vec3, b: Vec3, roll: number): MemberGeometry {
  const d: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const length = norm(d);
  if (!(length > 0)) return fromAxes(0, [1, 0, 0], [0, 1, 0], [0, 0, 1]);
  const ex = unit(d);
  let ey: Vec3;
  let ez: Vec3;
  if (Math.hypot(d[0], d[1]) < VERTICAL_TOLERANCE * length) {
    ey = [0, 1, 0];
    ez = unit(cross(ex, ey));
  } else {
    // z = Z − (Z·x) x, normalised: the vertical plane through x, pointing up.
    ez = unit([-ex[2] * ex[0], -ex[2] * ex[1], 1 - ex[2] * ex[2]]);
    ey = cross(ez, ex);
  }
  if (roll !== 0) {
    const c = Math.cos(roll);
    const s = Math.sin(roll);
    const y2: Vec3 = [c * ey[0] + s * ez[0], c * ey[1] + s * ez[1], c * ey[2] + s * ez[2]];
    const z2: Vec3 = [-s * ey[0] + c * ez[0], -s * ey[1] + c * ez[1], -s * ey[2] + c * ez[2]];
    ey = y2;
    ez = z2;
  }
  return fromAxes(length, ex, ey, ez);
}

function fromAxes(length: number, ex: Vec3, ey: Vec3, ez: Vec3): MemberGeometry {
  const R = new Float64Array([...ex, ...ey, ...ez]);
  return { length, ex, ey, ez, R };
}

/** local = R · g for a 3-vector. */
export function toLocal3(R: Rotation, g: ArrayLike<number>, offset = 0): Vec3 {
  const x = g[offset];
  const y = g[offset + 1];
  const z = g[offset + 2];
  return [R[0] * x + R[1] * y + R[2] * z, R[3] * x + R[4] * y + R[5] * z, R[6] * x + R[7] * y + R[8] * z];
}

/** global = Rᵀ · l for a 3-vector. */
export function toGlobal3(R: Rotation, l: ArrayLike<number>, offset = 0): Vec3 {
  const x = l[offset];
  const y = l[offset + 1];
  const z = l[offset + 2];
  return [R[0] * x + R[3] * y + R[6] * z, R[1] * x + R[4] * y + R[7] * z, R[2] * x + R[5] * y + R[8] * z];
}

/** Applies R (toLocal) or Rᵀ (toGlobal) to each 3-block of a vector of length 3k. */
export function transformBlocks(R: Rotation, v: ArrayLike<number>, toLocal: boolean): Float64Array {
  const out = new Float64Array(v.length);
  for (let o = 0; o < v.length; o += 3) {
    const r = toLocal ? toLocal3(R, v, o) : toGlobal3(R, v, o);
    out[o] = r[0];
    out[o + 1] = r[1];
    out[o + 2] = r[2];
  }
  return out;
}

/** transformBlocks without allocating: out[oo..oo+n) = R (toLocal) or Rᵀ applied to each 3-block
 * of v[vo..vo+n), with toLocal3/toGlobal3's arithmetic. v and out may not overlap. */
export function transformBlocksInto(R: Rotation, v: ArrayLike<number>, vo: number, n: number, toLocal: boolean, out: Float64Array, oo: number): void {
  for (let o = 0; o < n; o += 3) {
    const x = v[vo + o];
    const y = v[vo + o + 1];
    const z = v[vo + o + 2];
    if (toLocal) {
      out[oo + o] = R[0] * x + R[1] * y + R[2] * z;
      out[oo + o + 1] = R[3] * x + R[4] * y + R[5] * z;
      out[oo + o + 2] = R[6] * x + R[7] * y + R[8] * z;
    } else {
      out[oo + o] = R[0] * x + R[3] * y + R[6] * z;
      out[oo + o + 1] = R[1] * x + R[4] * y + R[7] * z;
      out[oo + o + 2] = R[2] * x + R[5] * y + R[8] * z;
    }
  }
}

/** Tᵀ K T for a square matrix of size 3k (row-major), T = blockdiag(R, …, R): the global
 * stiffness from a local one. */
export function rotateMatrixToGlobal(R: Rotation, K: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  const tmp = new Float64Array(9);
  for (let bi = 0; bi < n; bi += 3) {
    for (let bj = 0; bj < n; bj += 3) {
      // tmp = K_block · R
      let zero = true;
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 3; c++) {
          let s = 0;
          for (let k = 0; k < 3; k++) s += K[(bi + r) * n + bj + k] * R[k * 3 + c];
          tmp[r * 3 + c] = s;
          if (s !== 0) zero = false;
        }
      }
      if (zero) continue;
      // out_block = Rᵀ · tmp
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 3; c++) {
          let s = 0;
          for (let k = 0; k < 3; k++) s += R[k * 3 + r] * tmp[k * 3 + c];
          out[(bi + r) * n + bj + c] = s;
        }
      }
    }
  }
  return out;
}
