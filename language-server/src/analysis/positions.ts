// Station and break positions along a member, deduplicated within a tolerance, worked in place
// in reusable buffers (this runs for every member of every load case).
import { POSITION_TOLERANCE } from './diagram-store';

/** A reusable buffer that grows on demand (its contents are not kept when it grows). */
export class Scratch {
  private buf: Float64Array;
  constructor(size = 64) {
    this.buf = new Float64Array(size);
  }
  get(size: number): Float64Array {
    if (this.buf.length < size) this.buf = new Float64Array(Math.max(size, 2 * this.buf.length));
    return this.buf;
  }
}

/** Above this many values the built-in sort beats insertion sort. */
const INSERTION_SORT_MAX = 48;

/** −0 sorts before +0, as in Float64Array.prototype.sort. */
function before(x: number, y: number): boolean {
  return x < y || (x === 0 && y === 0 && Object.is(x, -0) && !Object.is(y, -0));
}

/**
 * buf[0..n) sorted ascending, non-finite values dropped, and every value within
 * POSITION_TOLERANCE·L of the last one kept dropped too; returns how many remain in buf[0..).
 */
export function uniqueInPlace(buf: Float64Array, n: number, L: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(buf[i])) buf[m++] = buf[i];
  if (m > INSERTION_SORT_MAX) buf.subarray(0, m).sort();
  else {
    for (let i = 1; i < m; i++) {
      const x = buf[i];
      let j = i - 1;
      while (j >= 0 && before(x, buf[j])) {
        buf[j + 1] = buf[j];
        j--;
      }
      buf[j + 1] = x;
    }
  }
  const eps = POSITION_TOLERANCE * L;
  let kept = 0;
  for (let i = 0; i < m; i++) {
    const x = buf[i];
    if (kept === 0 || x - buf[kept - 1] > eps) buf[kept++] = x;
  }
  return kept;
}
