import { strict as assert } from 'node:assert';
import { parseUnit, defaultUnit, unitSystem } from '../../language-server/src/language/units/unit-expression';
import * as D from '../../language-server/src/language/units/dimension';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${a} != ${b}`);

describe('units', () => {
  it('converts compound units to SI exactly', () => {
    const cases: [string, number, D.Dimension][] = [
      ['GPa', 1e9, D.STRESS], ['kN/m', 1e3, D.LINE_LOAD], ['kN*m', 1e3, D.MOMENT], ['kNm', 1e3, D.MOMENT], ['N/mm2', 1e6, D.STRESS],
      ['kg/m3', 1, D.DENSITY], ['cm4', 1e-8, D.SECOND_MOMENT], ['cm2', 1e-4, D.AREA], ['kN/m3', 1e3, D.UNIT_WEIGHT],
      ['kN*m/rad', 1e3, D.ROTATIONAL_SPRING], ['deg', Math.PI / 180, D.ANGLE], ['%', 0.01, D.DIMENSIONLESS], ['ksi', 6894757.293168361, D.STRESS],
      ['kip', 4448.2216152605, D.FORCE], ['ft', 0.3048, D.LENGTH], ['t', 1000, D.MASS], ['mm', 1e-3, D.LENGTH],
    ];
    for (const [text, factor, dim] of cases) {
      const p = parseUnit(text);
      assert.ok(p.ok, text);
      close(p.unit.factor, factor);
      assert.ok(D.sameDimension(p.unit.dimension, dim), `${text} dimension`);
    }
  });

  it('reports unknown atoms with their position and a case suggestion', () => {
    const p = parseUnit('kN/mtr');
    assert.ok(!p.ok);
    assert.equal(p.offset, 3);
    assert.equal(p.length, 3);
    const q = parseUnit('gpa');
    assert.ok(!q.ok);
    assert.match(q.message, /Did you mean "GPa"/);
  });

  it('derives the default unit of every dimension from `units FORCE LENGTH`', () => {
    const kNm = unitSystem('kN', 'm');
    close(defaultUnit(D.STRESS, kNm, 'deg')!.factor, 1e3);
    assert.equal(defaultUnit(D.STRESS, kNm, 'deg')!.text, 'kN/m2');
    close(defaultUnit(D.SECOND_MOMENT, unitSystem('N', 'mm'), 'deg')!.factor, 1e-12);
    close(defaultUnit(D.MOMENT, unitSystem('kN', 'mm'), 'deg')!.factor, 1);
    close(defaultUnit(D.ROTATIONAL_SPRING, kNm, 'rad')!.factor, 1e3);
    close(defaultUnit(D.ANGLE, kNm, 'deg')!.factor, Math.PI / 180);
    assert.equal(defaultUnit(D.DENSITY, kNm, 'deg'), undefined);
    assert.equal(defaultUnit(D.MASS, kNm, 'deg'), undefined);
  });

  it('describes dimensions in words', () => {
    assert.equal(D.describeDimension(D.STRESS), 'a stress');
    assert.equal(D.describeDimension(D.LENGTH), 'a length');
    assert.equal(D.describeDimension(D.dim(0, 5, 0)), 'a quantity in m^5');
  });
});
