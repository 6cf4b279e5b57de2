// The polynomial kernel under every diagram: evaluation, Taylor shift, roots and extremes,
// checked against polynomials built from known roots.
import { strict as assert } from 'node:assert';
import { polyEval, polyExtremes, polyMul, polyRealRoots, polyShift, polyDefiniteIntegral } from '../../../language-server/src/analysis/polynomial';
import { prng } from './random-frames';
import { assertClose } from './model-builder';

const fromRoots = (roots: number[], lead = 1) => roots.reduce((p, r) => polyMul(p, [-r, 1]), [lead]);

describe('analysis: polynomials', () => {
  it('finds every simple real root in an interval (degrees 1–9, random roots)', () => {
    const r = prng(7);
    for (let trial = 0; trial < 300; trial++) {
      const deg = 1 + Math.floor(r() * 9);
      const roots = Array.from({ length: deg }, () => -3 + 6 * r()).sort((a, b) => a - b);
      if (roots.some((x, k) => k > 0 && x - roots[k - 1] < 1e-3)) continue;
      const p = fromRoots(roots, 0.1 + 10 * r());
      const found = polyRealRoots(p, -2, 2.5);
      const expected = roots.filter((x) => x >= -2 && x <= 2.5);
      assert.equal(found.length, expected.length, `degree ${deg}: ${found} vs ${expected}`);
      found.forEach((x, k) => assertClose(x, expected[k], 'root', 1e-9, 1e-9));
    }
  });

  it('ignores complex pairs and finds the extremes of a quartic exactly', () => {
    // p = (t² + 1)(t − 1)(t − 2): real roots 1 and 2 only.
    const p = polyMul([1, 0, 1], fromRoots([1, 2]));
    assert.deepEqual(polyRealRoots(p, -5, 5).map((x) => Math.round(x * 1e12) / 1e12), [1, 2]);
    // q = −(t − 0.3)² + 4 on [0, 1]: max 4 at 0.3, min at 1: 4 − 0.49.
    const e = polyExtremes([4 - 0.09, 0.6, -1], 0, 1);
    assertClose(e.max, 4, 'max');
    assertClose(e.tMax, 0.3, 'tMax');
    assertClose(e.min, 4 - 0.49, 'min');
    assert.equal(e.tMin, 1);
  });

  it('shifts and integrates exactly', () => {
    const p = [1, -2, 0.5, 3];
    const q = polyShift(p, 0.7);
    for (const s of [-1, 0, 0.3, 2]) assertClose(polyEval(q, s), polyEval(p, s + 0.7), 'shift');
    // ∫₀² (1 − 2t + t²/2 + 3t³) dt = 2 − 4 + 4/3 + 12
    assertClose(polyDefiniteIntegral(p, 0, 2), 2 - 4 + 4 / 3 + 12, 'integral');
  });
});
