// The results document builds member records, end forces away from the supports and diagrams
// on first read (lazy-members.ts, case-data.ts). These tests hold it to what it stands for: the
// plain document, the same however and in whatever order it is read, and the same as the
// engine gives with the solver's other ordering up to rounding.
import { strict as assert } from 'node:assert';
import { analyze } from '../../../language-server/src/analysis/analyze';
import { isLazyRecord, lazyMembers, memberNames, plainResults } from '../../../language-server/src/analysis/lazy-members';
import type { MemberResult } from '../../../language-server/src/analysis/results';
import { randomFrame } from './random-frames';

/** A stand-in member result that says which member it was built for. */
const fake = (m: number) => ({ end_forces: [m], stations: [], extremes: undefined }) as unknown as MemberResult;

describe('lazy results document', () => {
  describe('a lazy members record behaves as the plain record', () => {
    const names = ['B2', '10', 'A', '2', 'C', '0'];
    const present = Uint8Array.from([1, 1, 1, 1, 0, 1]);
    const plain = (): Record<string, MemberResult> => {
      const out: Record<string, MemberResult> = {};
      names.forEach((n, m) => {
        if (present[m]) out[n] = fake(m);
      });
      return out;
    };

    it('lists the same keys in the same order (array-index names first, ascending)', () => {
      const lazy = lazyMembers(memberNames(names), present, fake);
      assert.deepEqual(Object.keys(lazy), Object.keys(plain()));
      assert.deepEqual(Object.keys(lazy), ['0', '2', '10', 'B2', 'A']);
      assert.equal(JSON.stringify(lazy), JSON.stringify(plain()));
      assert.deepEqual({ ...lazy }, plain());
      assert.deepEqual(lazy, plain());
      const forIn: string[] = [];
      for (const k in lazy) forIn.push(k);
      assert.deepEqual(forIn, Object.keys(plain()));
    });

    it('builds each member once, on first read, and only members of the case', () => {
      const built: number[] = [];
      const lazy = lazyMembers(memberNames(names), present, (m) => (built.push(m), fake(m)));
      assert.deepEqual(built, []);
      const a = lazy['A'];
      assert.equal(lazy['A'], a, 'the same object on every read');
      assert.deepEqual(built, [2]);
      assert.equal(lazy['C'], undefined, 'a member without results in this case');
      assert.equal('C' in lazy, false);
      assert.equal('A' in lazy, true);
      assert.equal(lazy['nope'], undefined);
      assert.equal(Object.getOwnPropertyDescriptor(lazy, 'C'), undefined);
      assert.deepEqual(Object.getOwnPropertyDescriptor(lazy, '10'), { value: lazy['10'], writable: true, enumerable: true, configurable: true });
      assert.equal(typeof lazy.toString, 'function', 'inherited properties as on a plain object');
      assert.equal(isLazyRecord(lazy), true);
    });

    it('turns into the plain record when written to', () => {
      const lazy = lazyMembers(memberNames(names), present, fake);
      const expected = plain();
      const extra = fake(99);
      lazy['Z'] = extra;
      expected['Z'] = extra;
      delete lazy['2'];
      delete expected['2'];
      assert.deepEqual(Object.keys(lazy), Object.keys(expected));
      assert.equal(JSON.stringify(lazy), JSON.stringify(expected));
      assert.equal(lazy['Z'], extra);
    });

    it('is made eagerly when the names cannot be keys of a lazy record', () => {
      for (const bad of [['A', 'A'], ['__proto__', 'B']]) {
        const record = lazyMembers(memberNames(bad), Uint8Array.from([1, 1]), fake);
        assert.equal(isLazyRecord(record), false, bad.join());
      }
    });
  });

  describe('documents of random frames', () => {
    const SEEDS = Array.from({ length: 40 }, (_, k) => 1000 + k);

    it('serialise, and clone once made plain, to the same bytes whatever was read first', () => {
      for (const seed of SEEDS) {
        const { model, shearDeformation } = randomFrame(seed);
        const reference = JSON.stringify(analyze(model, { shearDeformation }).results);
        // Read the last case's members (a combination, when there is one) before anything else:
        // its end forces and diagrams pull in those of its load cases.
        const doc = analyze(model, { shearDeformation }).results;
        const last = doc.cases[doc.cases.length - 1];
        if (last) for (const k of Object.keys(last.members).reverse()) void last.members[k].stations;
        assert.equal(JSON.stringify(doc), reference, `seed ${seed}: read in another order`);
        const plain = plainResults(analyze(model, { shearDeformation }).results);
        assert.equal(JSON.stringify(structuredClone(plain)), reference, `seed ${seed}: structured clone of the plain document`);
        for (const c of plain.cases) assert.ok(!isLazyRecord(c.members) && !isLazyRecord(c.nodes));
      }
    });

    it('a lazy document cannot cross a thread (hence plainResults in the worker)', () => {
      const { model } = randomFrame(SEEDS[0]);
      assert.throws(() => structuredClone(analyze(model).results));
    });

    it("agree with the solver's DOF ordering up to rounding", () => {
      for (const seed of SEEDS) {
        const { model, shearDeformation } = randomFrame(seed);
        const byNode = analyze(model, { shearDeformation }).results;
        const byDof = analyze(model, { shearDeformation, ordering: 'dofs' }).results;
        assert.equal(byNode.cases.length, byDof.cases.length);
        byNode.cases.forEach((c, i) => {
          const d = byDof.cases[i];
          const scale = Math.max(...Object.values(c.members).flatMap((m) => m.end_forces.map(Math.abs)), 1e-9);
          for (const [name, m] of Object.entries(c.members)) {
            m.end_forces.forEach((v, k) => assert.ok(Math.abs(v - d.members[name].end_forces[k]) <= 1e-8 * scale, `seed ${seed} ${c.name} ${name} F${k}: ${v} vs ${d.members[name].end_forces[k]}`));
          }
        });
      }
    });
  });
});
