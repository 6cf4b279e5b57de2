// The detailed stress checks put numbers into σ = |N|/A + |My|/Wy + |Mz|/Wz: the resultants at the
// governing x (read from the stations) must give the analysis' own maximum stress. Checked
// against closed form on a simply supported beam, and on every example.
import { strict as assert } from 'node:assert';
import { resultantsAt } from '../../language-server/src/report/sections/station-values';
import type { Station } from '../../language-server/src/analysis/results';
import { examples, made } from './support';

describe('report detailed checks', function () {
  this.timeout(120000);
  it('reproduces the cubic moment of a uniformly loaded simply supported beam between stations', () => {
    const L = 6;
    const q = 10e3;
    // My′ = Vz (results spec): with My = −q·x(L − x)/2, Vz = −q(L/2 − x).
    const st = (x: number): Station => ({ x, N: 0, Vy: 0, Vz: -q * (L / 2 - x), T: 0, My: -(q * x * (L - x)) / 2, Mz: 0, dy: 0, dz: 0 });
    const stations = Array.from({ length: 11 }, (_, k) => st((k * L) / 10));
    for (const x of [0.37, 1.234, 2.9, 3.01, 5.55]) {
      const [v] = resultantsAt(stations, x, L);
      assert.ok(Math.abs(v.My - st(x).My) < 1e-9 * q * L * L, `My at ${x}`);
    }
    // At a jump both sides come back.
    const jump = [st(0), { ...st(3), Vz: 1 }, { ...st(3), Vz: -1 }, st(6)];
    assert.equal(resultantsAt(jump, 3, L).length, 2);
  });

  for (const example of examples()) {
    it(`${example}: σ from the resultants at x equals the check's value`, async () => {
      const { input } = await made(example);
      const members = new Map(input.model.members.map((m) => [m.decl.name, m]));
      for (const c of input.results.checks.filter((k) => k.check === 'stress')) {
        const m = members.get(c.member)!;
        const section = input.model.entityOf(m.section!) as { properties: { A: number; Wy: number; Wz: number } };
        const p = section.properties;
        const stations = input.results.cases.find((k) => k.name === c.combination)!.members[c.member].stations;
        const L = stations[stations.length - 1].x;
        const sigma = Math.max(...resultantsAt(stations, c.x, L).map((v) => Math.abs(v.N) / p.A + Math.abs(v.My) / p.Wy + Math.abs(v.Mz) / p.Wz));
        assert.ok(Math.abs(sigma - c.value!) <= 1e-6 * c.value! + 1, `${c.member} ${c.combination}: ${sigma} vs ${c.value}`);
      }
    });
  }
});
