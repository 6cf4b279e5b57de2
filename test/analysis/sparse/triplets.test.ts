import { strict as assert } from 'node:assert';
import { TripletBuilder } from '../../../language-server/src/analysis/sparse';
import { validateSymmetricCsc } from '../../../language-server/src/analysis/sparse/csc';
import { rng, toDense } from './fixtures/generators';

describe('sparse: TripletBuilder', () => {
  it('mirrors upper entries, sums duplicates and sorts rows', () => {
    const t = new TripletBuilder(3, 1);
    t.add(0, 0, 1);
    t.add(2, 0, 5);
    t.add(0, 2, 2); // mirrored onto (2, 0)
    t.add(1, 0, 3);
    t.add(1, 1, 4);
    t.add(1, 1, 0.5);
    t.add(2, 2, 7);
    const A = t.toCsc();
    validateSymmetricCsc(A);
    assert.deepEqual(Array.from(A.colPtr), [0, 3, 4, 5]);
    assert.deepEqual(Array.from(A.rowIdx), [0, 1, 2, 1, 2]);
    assert.deepEqual(Array.from(A.values), [1, 3, 7, 4.5, 7]);
  });

  it('keeps explicit zeros and empty columns', () => {
    const t = new TripletBuilder(4);
    t.add(3, 1, 0);
    t.add(0, 0, 2);
    const A = t.toCsc();
    assert.deepEqual(Array.from(A.colPtr), [0, 1, 2, 2, 2]);
    assert.deepEqual(Array.from(A.rowIdx), [0, 3]);
    assert.deepEqual(Array.from(A.values), [2, 0]);
  });

  it('matches a dense accumulation on random input (growing past its capacity)', () => {
    const n = 23;
    const random = rng(7);
    const t = new TripletBuilder(n);
    const dense = new Float64Array(n * n);
    for (let k = 0; k < 2000; k++) {
      const i = Math.floor(random() * n);
      const j = Math.floor(random() * n);
      const v = Math.round(random() * 100) / 4;
      t.add(i, j, v);
      dense[i * n + j] += v;
      if (i !== j) dense[j * n + i] += v;
    }
    const A = t.toCsc();
    validateSymmetricCsc(A);
    assert.equal(t.size, 2000);
    assert.deepEqual(Array.from(toDense(A)), Array.from(dense));
  });

  it('builds an empty 0×0 matrix', () => {
    const A = new TripletBuilder(0).toCsc();
    assert.equal(A.n, 0);
    assert.deepEqual(Array.from(A.colPtr), [0]);
  });

  it('rejects bad indices and non-finite values', () => {
    const t = new TripletBuilder(2);
    assert.throws(() => t.add(2, 0, 1), RangeError);
    assert.throws(() => t.add(-1, 0, 1), RangeError);
    assert.throws(() => t.add(0.5, 0, 1), RangeError);
    assert.throws(() => t.add(0, 0, Number.NaN), RangeError);
    assert.throws(() => t.add(0, 0, Number.POSITIVE_INFINITY), RangeError);
    assert.throws(() => new TripletBuilder(-1), RangeError);
  });
});
