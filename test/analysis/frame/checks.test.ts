// Design checks (maximum found exactly along the member), problems other than mechanisms, and
// the shape of the results document.
import { strict as assert } from 'node:assert';
import { analyze } from '../../../language-server/src/analysis/analyze';
import { ModelBuilder, STEEL, assertClose, six, solveOk } from './model-builder';

const E = STEEL.E;
const Iy = STEEL.Iy;
const section = { Wy: 557e-6, Wz: 80.5e-6, fy: 355e6 };

describe('analysis: checks, problems and the results document', () => {
  it('stress check: max of |N|/A + |My|/Wy + |Mz|/Wz where it occurs (triangular load: M_max at L/√3)', () => {
    // Simple beam, triangular load 0 → w (M_max = wL²/(9√3) at L/√3, AISC Table 3-23 case 2)
    // and a constant axial tension T, so σ_max = T/A + M_max/Wy at x = L/√3, not a station.
    const L = 6;
    const w = 30e3;
    const T = 200e3;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .member('M', 'A', 'B', section)
      .support('A', ['x', 'y', 'z', 'rx'])
      .support('B', ['y', 'z'])
      .loadCase('LIVE', [
        { kind: 'trapezoid', member: 'M', local: false, start: six({}), end: six({ z: -w }) },
        { kind: 'nodal', node: 'B', values: six({ x: T }) },
      ])
      .combination('ULS', [['LIVE', 1.5]])
      .check({ kind: 'stress', limit: 1, members: [], combinations: ['ULS'] })
      .build();
    const out = solveOk(model);
    assert.equal(out.results.checks.length, 1);
    const c = out.results.checks[0];
    const sigma = 1.5 * (T / STEEL.A + (w * L * L) / (9 * Math.sqrt(3)) / section.Wy);
    assert.equal(c.check, 'stress');
    assert.equal(c.member, 'M');
    assert.equal(c.combination, 'ULS');
    assertClose(c.ratio, sigma / section.fy, 'ratio');
    assertClose(c.x, L / Math.sqrt(3), 'x', 1e-7);
    assert.equal(c.limit, 1);
    assert.equal(c.ok, c.ratio <= 1);
    assertClose(c.value!, sigma, 'value');
  });

  it('stress check: where |My| peaks at a support of a propped cantilever, with My changing sign', () => {
    // Propped cantilever under a UDL: |M| is wL²/8 at the fixed end, 9wL²/128 in the span
    // (Roark 8.1 case 2d), so the check governs at x = 0.
    const L = 5;
    const w = 40e3;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .member('M', 'A', 'B', section)
      .support('A', 'fixed')
      .support('B', ['y', 'z'])
      .loadCase('D', [{ kind: 'uniform', member: 'M', local: false, values: six({ z: -w }) }])
      .check({ kind: 'stress', limit: 0.9, members: ['M'], combinations: ['D'] })
      .build();
    const c = solveOk(model).results.checks[0];
    assertClose(c.ratio, (w * L * L) / 8 / section.Wy / section.fy, 'ratio');
    assertClose(c.x, 0, 'x', 0, 1e-12);
    assert.equal(c.limit, 0.9);
    assert.equal(c.ok, c.ratio <= 0.9);
  });

  it('deflection check: relative to the chord between displaced ends (beam on unequal springs), L/300 and absolute', () => {
    // The springs let the ends drop by R/k; relative to the chord the midspan still deflects
    // 5wL⁴/384EI (simple beam, Roark 8.1 case 2c), the maximum, at L/2.
    const L = 8;
    const w = 5e3;
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', L, 0, 0)
      .member('M', 'A', 'B', section)
      .support('A', ['x', 'y', 'rx'], { z: 2e6 })
      .support('B', ['y'], { z: 7e6 })
      .loadCase('DEAD', [{ kind: 'uniform', member: 'M', local: false, values: six({ z: -w / 2 }) }])
      .loadCase('LIVE', [{ kind: 'uniform', member: 'M', local: false, values: six({ z: -w / 2 }) }])
      .combination('SLS', [['DEAD', 1], ['LIVE', 1]], 'SLS')
      .check({ kind: 'deflection', limit: { spanRatio: 300 }, members: ['M'], combinations: ['SLS'] })
      .check({ kind: 'deflection', limit: { absolute: 0.01 }, members: ['M'], combinations: ['SLS'] })
      .build();
    const out = solveOk(model);
    const delta = (5 * w * L ** 4) / (384 * E * Iy);
    const sls = out.case('SLS');
    assert.equal(sls.kind, 'combination');
    assert.equal(sls.type, 'SLS');
    assert.ok(sls.nodes.A.u[2] < -1e-3, 'the ends really move');
    const [rel, abs] = out.results.checks;
    assertClose(rel.value!, delta, 'δ');
    assertClose(rel.x, L / 2, 'x', 1e-6);
    assertClose(rel.allowed!, L / 300, 'allowed');
    assertClose(rel.ratio, delta / (L / 300), 'ratio');
    assert.equal(rel.limit, 1);
    assertClose(abs.ratio, delta / 0.01, 'absolute ratio');
  });

  it('reports a stress check on a section without moduli, and selfweight without weight', () => {
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', 3, 0, 0)
      .member('M', 'A', 'B')
      .support('A', 'fixed')
      .loadCase('SW', [{ kind: 'selfweight', factor: 1 }])
      .check({ kind: 'stress', limit: 1, members: ['M'], combinations: ['SW'] })
      .build();
    const out = analyze(model);
    assert.deepEqual(
      out.problems.map((p) => p.kind),
      ['missing-weight', 'check-missing-moduli'],
    );
    assert.match(out.problems[0].message, /^Selfweight on M: its material has neither weight= nor density=$/);
    assert.match(out.problems[1].message, /Wy, Wz, fy/);
    assert.equal(out.results.checks.length, 0);
    assert.equal(out.results.cases.length, 1, 'the case is still analysed');
  });

  it('reports loads the model cannot take (invalid-load)', () => {
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', 3, 0, 0)
      .node('C', 0, 0, 3)
      .member('T1', 'A', 'B', { truss: true })
      .member('T2', 'B', 'C', { truss: true })
      .member('T3', 'A', 'C', { truss: true })
      .support('A', 'pinned')
      .support('C', 'pinned')
      .support('B', ['y'])
      .loadCase('C', [
        { kind: 'nodal', node: 'B', values: six({ ry: 5 }) },
        { kind: 'displacement', node: 'B', values: [0.01, null, null, null, null, null] },
        { kind: 'point', member: 'T1', local: true, values: six({ rx: 3 }), at: { fraction: 0.5 } },
      ])
      .build();
    const out = analyze(model);
    const msgs = out.problems.map((p) => (p.kind === 'invalid-load' ? p.message : `${p.kind}`));
    assert.deepEqual(msgs, [
      'B has no ry DOF (it is reached only by truss members), so the load C cannot act on it',
      'B: a displacement in x can only be prescribed where a support restrains it',
      'T1 is a truss member: it cannot carry the torsion of C',
    ]);
  });

  it('reports an ill-conditioned solve against the residual tolerance, keeping the results', () => {
    // A skew member, so that the solve rounds (a residual of exactly 0 would not exceed even the
    // tightest tolerance).
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', 3, 1.3, 0.7)
      .node('C', 4.1, 2.9, -0.3)
      .member('M', 'A', 'B', { roll: 0.4 })
      .member('M2', 'B', 'C')
      .support('A', 'fixed')
      .loadCase('C', [{ kind: 'nodal', node: 'C', values: six({ x: 0.3, y: -0.7, z: -1, rx: 0.2 }) }])
      .build();
    const tight = analyze(model, { residualTolerance: 1e-300 });
    assert.ok(tight.stats.residual > 1e-300);
    assert.equal(tight.problems[0].kind, 'ill-conditioned');
    assert.equal(tight.results.cases.length, 1);
    const normal = analyze(model);
    assert.ok(normal.stats.residual < 1e-12);
    assert.deepEqual(normal.problems, []);
  });

  it('the results document: format, counts, reactions only on supported nodes, optional case filter', () => {
    const model = new ModelBuilder()
      .node('A', 0, 0, 0)
      .node('B', 3, 0, 0)
      .node('C', 6, 0, 0)
      .member('M1', 'A', 'B')
      .member('M2', 'B', 'C')
      .support('A', 'fixed')
      .loadCase('L1', [{ kind: 'nodal', node: 'C', values: six({ z: -1 }) }])
      .loadCase('L2', [{ kind: 'nodal', node: 'B', values: six({ y: 1 }) }])
      .combination('K', [['L1', 2], ['L2', -1]])
      .build();
    const out = solveOk(model);
    const r = out.results;
    assert.equal(r.format, 'struktur-results/1');
    assert.equal(r.model, 'test');
    assert.equal(r.source, 'test.struct');
    assert.equal(r.dofs, 12);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.cases.map((c) => [c.name, c.kind, c.type]), [['L1', 'load', undefined], ['L2', 'load', undefined], ['K', 'combination', 'ULS']]);
    assert.ok(r.cases[0].nodes.A.reaction);
    assert.equal(r.cases[0].nodes.B.reaction, undefined);
    assert.equal(r.cases[0].members.M1.end_forces.length, 12);
    assert.equal(out.stats.dofs, 12);
    assert.ok(out.stats.nnzK > 0);
    const only = analyze(model, { cases: ['K'] });
    assert.deepEqual(only.results.cases.map((c) => c.name), ['K']);
    assertClose(only.results.cases[0].nodes.C.u[2], 2 * r.cases[0].nodes.C.u[2], 'K = 2·L1 − L2 in z');
  });
});
