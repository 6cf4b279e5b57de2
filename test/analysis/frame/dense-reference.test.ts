// The dense LDLᵀ reference: solves SPD systems, and on singular ones reports each independent
// zero pivot with a null vector A·v ≈ 0.
import { strict as assert } from 'node:assert';
import { denseFactorize } from '../../../language-server/src/analysis/dense-reference';
import { TripletBuilder, symmetricMultiply, relativeResidual } from '../../../language-server/src/analysis/solver';
import { factorize } from '../../../language-server/src/analysis/sparse';
import { prng } from './random-frames';

function springChain(n: number, grounded: boolean) {
  // n masses on a line joined by unit springs; grounded: the first also held by a spring.
  const tb = new TripletBuilder(n);
  for (let k = 0; k + 1 < n; k++) {
    tb.add(k, k, 1);
    tb.add(k + 1, k + 1, 1);
    tb.add(k + 1, k, -1);
  }
  if (grounded) tb.add(0, 0, 1);
  return tb.toCsc();
}

describe('analysis: dense LDLᵀ reference', () => {
  it('solves a random SPD system like the sparse solver does', () => {
    const r = prng(3);
    const n = 40;
    const tb = new TripletBuilder(n);
    for (let k = 0; k < n; k++) tb.add(k, k, n);
    for (let e = 0; e < 120; e++) {
      const i = Math.floor(r() * n);
      const j = Math.floor(r() * n);
      if (i !== j) tb.add(i, j, r() - 0.5);
    }
    const A = tb.toCsc();
    const b = Float64Array.from({ length: n }, () => r() - 0.5);
    const x = denseFactorize(A).solve(b);
    assert.ok(relativeResidual(A, x, b) < 1e-14);
    const y = factorize(A).solve(b);
    x.forEach((v, k) => assert.ok(Math.abs(v - y[k]) < 1e-12));
  });

  it('reports the rigid motion of a free spring chain as a zero pivot with a null vector', () => {
    const A = springChain(5, false);
    const f = denseFactorize(A);
    assert.equal(f.zeroPivots.length, 1);
    const v = f.zeroPivots[0].nullVector;
    const Av = symmetricMultiply(A, v);
    assert.ok(Math.max(...Av.map(Math.abs)) < 1e-12);
    assert.ok(v.every((c) => Math.abs(c - v[0]) < 1e-12), 'all masses move together');
    assert.equal(denseFactorize(springChain(5, true)).zeroPivots.length, 0);
  });
});
