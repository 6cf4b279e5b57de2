// Small 3-vector helpers on plain tuples for the pure scene code (three's classes stay in the
// browser layer, so the geometry can be unit-tested in Node without a DOM).
import type { XYZ } from '../../language-server/src/shared/model-view';

export type { XYZ };

export const add = (a: XYZ, b: XYZ): XYZ => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: XYZ, b: XYZ): XYZ => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: XYZ, s: number): XYZ => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: XYZ, b: XYZ): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: XYZ, b: XYZ): XYZ => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const length = (a: XYZ): number => Math.hypot(a[0], a[1], a[2]);
export const lerp = (a: XYZ, b: XYZ, t: number): XYZ => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

export function normalize(a: XYZ): XYZ {
  const l = length(a);
  return l > 0 ? [a[0] / l, a[1] / l, a[2] / l] : [0, 0, 0];
}

/** a + b·s + c·t, the workhorse of drawing in a member's local axes. */
export function combine(a: XYZ, b: XYZ, s: number, c?: XYZ, t = 0): XYZ {
  return c
    ? [a[0] + b[0] * s + c[0] * t, a[1] + b[1] * s + c[1] * t, a[2] + b[2] * s + c[2] * t]
    : [a[0] + b[0] * s, a[1] + b[1] * s, a[2] + b[2] * s];
}

/** Any unit vector perpendicular to `a` (for glyphs that need a second direction). */
export function perpendicular(a: XYZ): XYZ {
  const n = normalize(a);
  const helper: XYZ = Math.abs(n[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  return normalize(cross(n, helper));
}
