// The big example of the language spec ("Statements"), reduced to numbers by hand (catalogue
// values of IPE300 and HEB200 from the European section tables, the CHS from its formulas): it
// must analyse without problems, in equilibrium, with the DOF count and checks it implies.
import { strict as assert } from 'node:assert';
import { memberGeometry } from '../../../language-server/src/analysis/local-axes';
import { ModelBuilder, assertClose, releases, six, solveOk } from './model-builder';
import { checkEquilibrium, checkMembers } from './equilibrium';

const kN = 1e3;
const S355 = { E: 210e9, G: 210e9 / (2 * 1.3), fy: 355e6 };
const gamma = 78.5e3; // weight=78.5kN/m3
const IPE300 = { A: 53.8e-4, Iy: 8356e-8, Iz: 603.8e-8, J: 20.12e-8, Wy: 557.1e-6, Wz: 80.5e-6 };
const HEB200 = { A: 78.1e-4, Iy: 5696e-8, Iz: 2003e-8, J: 59.28e-8, Wy: 569.6e-6, Wz: 200.3e-6 };
const d = 0.1683;
const di = d - 2 * 0.008;
const chsI = (Math.PI * (d ** 4 - di ** 4)) / 64;
const CHS = { A: (Math.PI * (d * d - di * di)) / 4, Iy: chsI, Iz: chsI, J: 2 * chsI, Wy: chsI / (d / 2), Wz: chsI / (d / 2) };
const sec = (s: typeof IPE300) => ({ ...S355, ...s, weightPerLength: gamma * s.A });

describe('analysis: the language spec example', () => {
  const bay = 6;
  const h = 3.5;
  const model = new ModelBuilder()
    .node('N1', 0, 0, 0)
    .node('N2', 0, 0, h)
    .node('N3', bay, 0, h)
    .node('N4', bay, 0, 0)
    .node('N5', 2 * bay, 0, h)
    .node('N6', 2 * bay, 0, 0)
    .member('C1', 'N1', 'N2', sec(HEB200))
    .member('B1', 'N2', 'N3', sec(IPE300))
    .member('C2', 'N4', 'N3', { ...sec(HEB200), roll: Math.PI / 2 })
    .member('B2', 'N3', 'N5', { ...sec(IPE300), releaseJ: releases('My', 'Mz') })
    .member('C3', 'N6', 'N5', { ...sec(HEB200), releaseI: releases('My') })
    .member('X1', 'N1', 'N3', { ...sec(CHS), truss: true })
    .support('N1', 'fixed')
    .support('N4', 'pinned')
    .support('N6', ['x', 'y', 'rz'], { z: 2e5 * kN, ry: 5000 * kN })
    .loadCase('DEAD', [
      { kind: 'selfweight', factor: 1 },
      { kind: 'uniform', member: 'B1', local: false, values: six({ z: -4 * kN }) },
      { kind: 'uniform', member: 'B2', local: false, values: six({ z: -4 * kN }) },
    ])
    .loadCase('LIVE', [
      { kind: 'uniform', member: 'B1', local: false, values: six({ z: -6 * kN }), from: { distance: 1 }, to: { distance: 5 } },
      { kind: 'point', member: 'B2', local: false, values: six({ z: -12 * kN }), at: { fraction: 0.5 } },
      { kind: 'trapezoid', member: 'B1', local: false, start: six({ z: -2 * kN }), end: six({ z: -5 * kN }) },
      { kind: 'nodal', node: 'N2', values: six({ x: 8 * kN, ry: 2 * kN }) },
    ])
    .loadCase('SETTLE', [{ kind: 'displacement', node: 'N4', values: [null, null, -0.01, null, null, null] }])
    .combination('ULS1', [['DEAD', 1.35], ['LIVE', 1.5]])
    .combination('SLS1', [['DEAD', 1], ['LIVE', 1]], 'SLS')
    .check({ kind: 'stress', limit: 1, members: [], combinations: ['ULS1'] })
    .check({ kind: 'deflection', limit: { spanRatio: 300 }, members: ['B1', 'B2'], combinations: ['SLS1'] })
    .build();

  it('analyses without problems, in equilibrium, with the expected DOFs and checks', () => {
    const out = solveOk(model);
    // Free DOFs: N2, N3, N5 six each; N4 pinned keeps its rotations (3); N6 keeps z, rx, ry (3).
    assert.equal(out.results.dofs, 24);
    const geo = model.members.map((m) => memberGeometry(model.nodes[m.i].xyz, model.nodes[m.j].xyz, m.roll));
    for (const lc of model.loadCases) {
      checkEquilibrium(model, out.case(lc.name), lc.loads, geo, lc.name);
      checkMembers(model, out.case(lc.name), lc.loads, geo, lc.name);
    }
    assertClose(out.case('SETTLE').nodes.N4.u[2], -0.01, 'settlement');
    // N6 has springs in z and ry: its reaction there is −k·u.
    const n6 = out.case('DEAD').nodes.N6;
    assertClose(n6.reaction![2], -2e5 * kN * n6.u[2], 'spring z');
    assertClose(n6.reaction![4], -5000 * kN * n6.u[4], 'spring ry');
    // B2 is hinged at j, C3 released in My at i.
    assertClose(out.case('ULS1').members.B2.end_forces[10], 0, 'B2 My_j', 0, 1e-6);
    assertClose(out.case('ULS1').members.C3.end_forces[4], 0, 'C3 My_i', 0, 1e-6);
    // The point load at 50% of B2 gives two stations at 3 m.
    assert.equal(out.case('LIVE').members.B2.stations.filter((s) => Math.abs(s.x - 3) < 1e-9).length, 2);
    // Stations of B1 in LIVE: tenths (0.6 m apart) plus 1 m and 5 m.
    assert.equal(out.case('LIVE').members.B1.stations.length, 13);
    const checks = out.results.checks;
    assert.equal(checks.filter((c) => c.check === 'stress').length, 6);
    assert.equal(checks.filter((c) => c.check === 'deflection').length, 2);
    for (const c of checks) assert.ok(c.ratio > 0 && Number.isFinite(c.ratio) && c.x >= 0);
  });
});
