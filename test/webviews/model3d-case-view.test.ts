// The 3D view's results index and its one case at a time (language-server/src/shared/case-view.ts,
// served as struktur/resultsIndex and struktur/caseResults), against the real engine's results
// of the examples: the index carries no node or member data, yet everything the view reads for
// every case — the case list, the utilisation colours, the hover's governing check — is what it
// was with the whole document; a case is the document's case itself.
import { strict as assert } from 'node:assert';
import { caseOf, indexHasCase, resultsIndex } from '../../language-server/src/shared/case-view';
import type { CaseResult, ResultsDocument } from '../../language-server/src/shared/protocol';
import { displayUnits } from '../../webviews/model3d/display-units';
import { memberInfo } from '../../webviews/model3d/element-info';
import { memberUtilisation } from '../../webviews/model3d/result-geometry';
import { gridModel } from './model3d-grid';
import { fixtureFor } from './support/fixtures';

const units = displayUnits({ force: 'kN', length: 'm' });

describe('model3d results index and case', () => {
  for (const example of ['portal-two-bay', 'continuous-beam-settlement', 'concrete-portal-springs']) {
    it(`indexes ${example} without node or member data, and the view reads the same from it`, () => {
      const { view, results: doc } = fixtureFor(example);
      const index = resultsIndex(doc, 'x-1');
      assert.equal(index.id, 'x-1');
      assert.deepEqual(
        index.cases,
        doc.cases.map((c) => ({ name: c.name, kind: c.kind, ...(c.type ? { type: c.type } : {}) })),
      );
      assert.equal(index.model, doc.model);
      assert.equal(index.source, doc.source);
      assert.equal(index.dofs, doc.dofs);
      assert.deepEqual(index.diagnostics, doc.diagnostics);
      const text = JSON.stringify(index);
      for (const key of ['"nodes"', '"members"', '"stations"', '"end_forces"', '"reaction"', '"equilibrium"']) assert.ok(!text.includes(key), `the index carries ${key}`);
      assert.ok(doc.checks.length > 0, 'the example has checks');
      assert.equal(index.checks.length, doc.checks.length);
      // Utilisation colours for every case and for none, and every member's hover line.
      for (const name of [undefined, ...doc.cases.map((c) => c.name)]) {
        const a = memberUtilisation(view, doc, name), b = memberUtilisation(view, index, name);
        assert.deepEqual([...b.ratio].map(String), [...a.ratio].map(String), `ratios of ${name}`);
        assert.equal(b.basis, a.basis);
        assert.equal(b.max, a.max);
      }
      for (const c of doc.cases) {
        view.members.forEach((m, k) => assert.deepEqual(memberInfo(view, units, k, c, index), memberInfo(view, units, k, c, doc), `${c.name} ${m.name}`));
      }
    });
  }

  it('answers a case as the document has it, and null for one it does not have', () => {
    const { results: doc } = fixtureFor('portal-two-bay');
    for (const c of doc.cases) {
      assert.equal(caseOf(doc, c.name), c);
      assert.ok(indexHasCase(resultsIndex(doc, 'i'), c.name));
    }
    assert.equal(caseOf(doc, 'NO_SUCH_CASE'), null);
    assert.equal(indexHasCase(resultsIndex(doc, 'i'), 'NO_SUCH_CASE'), false);
    assert.equal(indexHasCase(null, 'ULS1'), false);
    assert.equal(indexHasCase(resultsIndex(doc, 'i'), undefined), false);
  });

  it('never reads a case\'s nodes or members (the engine builds them on first read)', () => {
    const { results } = fixtureFor('portal-two-bay');
    const guarded = results.cases.map((c) => {
      const out = { name: c.name, kind: c.kind, ...(c.type ? { type: c.type } : {}) } as CaseResult;
      for (const key of ['nodes', 'members', 'equilibrium'] as const) {
        Object.defineProperty(out, key, { enumerable: true, get: () => assert.fail(`the index read ${c.name}.${key}`) });
      }
      return out;
    });
    const doc: ResultsDocument = { ...results, cases: guarded };
    assert.equal(resultsIndex(doc, 'g').cases.length, results.cases.length);
  });

  it('is a small fraction of the document for a large model, and a case a share of it', () => {
    const { results } = gridModel(10000);
    const doc: ResultsDocument = { ...results, cases: ['DEAD', 'LIVE', 'ULS1', 'SLS1'].map((name) => ({ ...results.cases[0], name })) };
    const whole = JSON.stringify(doc).length;
    const index = JSON.stringify(resultsIndex(doc, 'big')).length;
    const one = JSON.stringify(caseOf(doc, 'ULS1')).length;
    assert.ok(index < 2000, `index ${index} chars`);
    assert.ok(one < whole / 3.5, `one case ${one} of ${whole} chars`);
  });
});
