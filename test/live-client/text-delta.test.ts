// Deltas: apply, compose and transform against a reference (random edits on random texts, seeded).
import assert from 'node:assert/strict';
import { applyDelta, changesToDelta, compose, deltaToChanges, diffChange, normalize, transform, type Delta } from '../../extension/src/live/binding/text-delta';
import { mulberry32 } from '../support/random';

function randomText(rnd: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += 'ab\nc'[Math.floor(rnd() * 4)];
  return s;
}

function randomDelta(rnd: () => number, text: string): Delta {
  const ops: Delta = [];
  let at = 0;
  while (at < text.length && rnd() < 0.8) {
    const r = rnd();
    const n = 1 + Math.floor(rnd() * Math.min(4, text.length - at));
    if (r < 0.4) ops.push({ retain: n });
    else if (r < 0.7) ops.push({ delete: n });
    else {
      ops.push({ insert: randomText(rnd, 1 + Math.floor(rnd() * 3)) });
      continue;
    }
    at += n;
  }
  if (rnd() < 0.3) ops.push({ insert: randomText(rnd, 2) });
  return normalize(ops);
}

describe('live client: text deltas', () => {
  it('applies, and converts to and from replacements', () => {
    const d = changesToDelta([{ offset: 4, length: 1, text: 'X' }, { offset: 0, length: 2, text: '' }]);
    assert.deepEqual(d, [{ delete: 2 }, { retain: 2 }, { insert: 'X' }, { delete: 1 }]);
    assert.equal(applyDelta('abcdefg', d), 'cdXfg');
    assert.deepEqual(deltaToChanges(d), [{ offset: 0, length: 2, text: '' }, { offset: 4, length: 1, text: 'X' }]);
    assert.throws(() => applyDelta('ab', [{ retain: 3 }]), /offset 3/);
    assert.throws(() => changesToDelta([{ offset: 0, length: 3, text: '' }, { offset: 2, length: 1, text: '' }]), /overlapping/);
    assert.deepEqual(diffChange('abcXdef', 'abcYYdef'), { offset: 3, length: 1, text: 'YY' });
    assert.equal(diffChange('same', 'same'), undefined);
    assert.deepEqual(diffChange('aaa', 'aaaa'), { offset: 3, length: 0, text: 'a' });
  });

  it('compose(a, b) does what a then b does (500 random pairs)', () => {
    const rnd = mulberry32(10);
    for (let i = 0; i < 500; i++) {
      const s = randomText(rnd, Math.floor(rnd() * 20));
      const a = randomDelta(rnd, s);
      const b = randomDelta(rnd, applyDelta(s, a));
      assert.equal(applyDelta(s, compose(a, b)), applyDelta(applyDelta(s, a), b), JSON.stringify({ s, a, b }));
    }
  });

  it('transform makes concurrent changes converge, keeping every insert (500 random pairs)', () => {
    const rnd = mulberry32(11);
    for (let i = 0; i < 500; i++) {
      const s = randomText(rnd, Math.floor(rnd() * 20));
      const a = randomDelta(rnd, s);
      const b = randomDelta(rnd, s);
      const aFirst = rnd() < 0.5;
      const left = applyDelta(applyDelta(s, a), transform(a, b, aFirst));
      const right = applyDelta(applyDelta(s, b), transform(b, a, !aFirst));
      assert.equal(left, right, JSON.stringify({ s, a, b, aFirst }));
      const inserted = (d: Delta) => d.reduce((n, op) => n + ('insert' in op ? op.insert.length : 0), 0);
      const deleted = (d: Delta) => d.reduce((n, op) => n + ('delete' in op ? op.delete : 0), 0);
      // Nothing inserted is lost; a character deleted by both is deleted once.
      assert.ok(left.length >= s.length + inserted(a) + inserted(b) - deleted(a) - deleted(b), JSON.stringify({ s, a, b }));
    }
  });

  it('breaks ties at one place by the priority flag', () => {
    const a: Delta = [{ retain: 1 }, { insert: 'A' }];
    const b: Delta = [{ retain: 1 }, { insert: 'B' }];
    assert.equal(applyDelta(applyDelta('xy', a), transform(a, b, true)), 'xABy');
    assert.equal(applyDelta(applyDelta('xy', a), transform(a, b, false)), 'xBAy');
  });
});
