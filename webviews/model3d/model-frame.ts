// The frame every drawing of a model shares: where it is (bounds, centre), how big it is and the
// size of symbols on it. Coordinates on the GPU are taken relative to the centre so a model far
// from the origin (site coordinates) keeps float32 precision.
import type { ModelView } from '../../language-server/src/shared/model-view';
import type { XYZ } from './vec';

export interface ModelFrame {
  min: XYZ;
  max: XYZ;
  /** The centre of the bounding box: the origin of every GPU buffer. */
  centre: XYZ;
  /** Diagonal of the bounding box, m (at least a small positive number). */
  diagonal: number;
  /** Median member length, m (the diagonal when there are no members). */
  typicalLength: number;
  /** Size of support glyphs, hinge markers and arrow heads, m. */
  glyph: number;
}

export function modelFrame(view: Pick<ModelView, 'nodes' | 'members'>): ModelFrame {
  const min: XYZ = [Infinity, Infinity, Infinity];
  const max: XYZ = [-Infinity, -Infinity, -Infinity];
  for (const n of view.nodes) {
    for (let k = 0; k < 3; k++) {
      if (n.xyz[k] < min[k]) min[k] = n.xyz[k];
      if (n.xyz[k] > max[k]) max[k] = n.xyz[k];
    }
  }
  if (!view.nodes.length) {
    min.fill(-0.5);
    max.fill(0.5);
  }
  const centre: XYZ = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
  const diagonal = Math.max(Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]), 1e-3);
  const typicalLength = medianLength(view.members) ?? diagonal;
  // Symbols follow the members they sit on (a support under a 3 m column, not under a 300 m
  // bridge), but never vanish in a large model nor swamp a small one.
  const glyph = clamp(0.09 * typicalLength, 0.012 * diagonal, 0.05 * diagonal);
  return { min, max, centre, diagonal, typicalLength, glyph };
}

/** Median of the member lengths (sampled for very large models: it only sets symbol sizes). */
function medianLength(members: { length: number }[]): number | undefined {
  const n = members.length;
  if (!n) return undefined;
  const step = Math.max(1, Math.floor(n / 4096));
  const sample: number[] = [];
  for (let k = 0; k < n; k += step) if (members[k].length > 0) sample.push(members[k].length);
  if (!sample.length) return undefined;
  sample.sort((a, b) => a - b);
  return sample[Math.floor(sample.length / 2)];
}

export const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);

/** A round number close to `v` (1, 2 or 5 times a power of ten), for scale factors people read. */
export function niceNumber(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  const m = v / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/** Position relative to the frame's centre, the form GPU buffers take. */
export function local(frame: ModelFrame, p: XYZ): XYZ {
  return [p[0] - frame.centre[0], p[1] - frame.centre[1], p[2] - frame.centre[2]];
}
