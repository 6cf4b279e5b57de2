// The CSV tables of Export Results, from a small results document: columns, unit conversion,
// rounding of float noise, and CSV quoting.
import assert from 'node:assert/strict';
import type { ResultsDocument } from '../../extension/src/results-types';
import { allTables, checks, formatLength, memberEndForces, nodeDisplacements, round, summarize, toCsv } from '../../extension/src/results-tables';

const DOC: ResultsDocument = {
  format: 'struktur-results/1',
  model: 'Cantilever',
  source: 'cantilever.struct',
  dofs: 6,
  cases: [{
    name: 'LIVE',
    kind: 'load',
    nodes: {
      ROOT: { u: [0, 0, 0, 0, 0, 0], reaction: [0, 0, 10000, 0, -30000, 0] },
      TIP: { u: [0, 0, -0.0110123456, 0, 0.0055, 0] },
    },
    members: {
      M1: { end_forces: [0, 0, 10000, 0, -30000, 0, 0, 0, -9.094947017729282e-13, 0, 0, 0], stations: [] },
    },
  }],
  checks: [{ check: 'stress', member: 'M1', combination: 'ULS', ratio: 0.512345678, limit: 1, x: 0, ok: true, value: 181.8e6, allowed: 355e6 }],
  diagnostics: [],
};

describe('export tables (extension)', () => {
  it('lists member end forces per case, member and end, in kN and kN·m by default', () => {
    const t = memberEndForces(DOC, { force: 'kN', length: 'm', displacement: 'mm' });
    assert.deepEqual(t.header, ['case', 'member', 'end', 'Fx [kN]', 'Fy [kN]', 'Fz [kN]', 'Mx [kN·m]', 'My [kN·m]', 'Mz [kN·m]']);
    assert.deepEqual(t.rows, [
      ['LIVE', 'M1', 'i', 0, 0, 10, 0, -30, 0],
      ['LIVE', 'M1', 'j', 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('converts to N and mm when asked (moments in N·mm)', () => {
    const t = memberEndForces(DOC, { force: 'N', length: 'mm', displacement: 'mm' });
    assert.equal(t.header[6], 'Mx [N·mm]');
    assert.equal(t.rows[0][7], -30000000);
    assert.equal(t.rows[0][5], 10000);
  });

  it('lists node displacements in the displacement unit, rotations in rad', () => {
    const t = nodeDisplacements(DOC, { force: 'kN', length: 'm', displacement: 'mm' });
    assert.deepEqual(t.header, ['case', 'node', 'ux [mm]', 'uy [mm]', 'uz [mm]', 'rx [rad]', 'ry [rad]', 'rz [rad]']);
    assert.deepEqual(t.rows[1], ['LIVE', 'TIP', 0, 0, -11.0123, 0, 0.0055, 0]);
  });

  it('lists check outcomes with the governing value (stress in MPa)', () => {
    const t = checks(DOC, { force: 'kN', length: 'm', displacement: 'mm' });
    assert.deepEqual(t.rows[0], ['stress', 'M1', 'ULS', 0.512346, 1, true, 0, 181.8, 355, 'MPa']);
  });

  it('writes RFC 4180 CSV, quoting what needs it', () => {
    const csv = toCsv({ name: 'x', header: ['a', 'b'], rows: [['plain', 'with, comma'], ['"quoted"', 1.5]] });
    assert.equal(csv, 'a,b\r\nplain,"with, comma"\r\n"""quoted""",1.5\r\n');
    assert.deepEqual(allTables(DOC, { force: 'kN', length: 'm', displacement: 'mm' }).map((t) => t.name), ['member-end-forces', 'node-displacements', 'checks']);
  });

  it('rounds to six significant digits and drops float noise', () => {
    assert.equal(round(-9.094947017729282e-13), 0);
    assert.equal(round(1234.56789, 1000), 1.23457);
    assert.equal(formatLength(0.0139, 'mm'), '13.9 mm');
    assert.equal(formatLength(0.1, 'mm'), '100 mm');
  });

  it('summarises cases, the highest utilisation and the largest displacement', () => {
    const s = summarize(DOC);
    assert.equal(s.cases, 1);
    assert.equal(s.maxUtilisation, 0.512345678);
    assert.deepEqual(s.maxDisplacement && { node: s.maxDisplacement.node, case: s.maxDisplacement.case }, { node: 'TIP', case: 'LIVE' });
  });
});
