// Fixed-end forces: the forces the two nodes exert on a member whose ends are fully fixed,
// under its member loads, in local axes [Fx_i … Mz_i, Fx_j … Mz_j].
//
// By Betti's theorem the fixed-end force at DOF k is R_k = −∫ q·f_k dx − Σ P·f_k(x_P), where
// f_k is the exact field of a unit displacement at DOF k with the other end DOFs held (a
// translation field for forces, the section-rotation field for moments). With the exact
// homogeneous fields of frame-element.ts, and loads linear per piece, each integral is a
// polynomial integrated in closed form: this covers uniform (full or partial), trapezoid (full
// or partial), point forces and point moments, for Euler–Bernoulli and Timoshenko members. The
// textbook formulas (wL²/12, Pab²/L², wL²/30 & wL²/20, Roark Table 8.1 cases 1e, 2e, 3e) are
// special cases; the tests check them. Releases are applied afterwards by condensation
// (releases.ts), which is exact for this element.
import type { Poly } from './polynomial';
import { polyDefiniteIntegral, polyEval, polyMul } from './polynomial';
import { bendingFields, LINEAR_FIELD_I, LINEAR_FIELD_J } from './frame-element';
import type { MemberLoads } from './member-loads';

/** For each end DOF, the load components that work on it and the field they work on. */
export type FieldTable = FieldUse[];

interface FieldUse {
  dof: number;
  /** Load component (fx fy fz mx my mz) and the field it works on. */
  uses: { comp: number; field: Poly }[];
}

export function fieldTable(L: number, phiY: number, phiZ: number): FieldTable {
  const { xy, xz } = bendingFields(L, phiY, phiZ);
  const table: FieldUse[] = [
    { dof: 0, uses: [{ comp: 0, field: LINEAR_FIELD_I }] },
    { dof: 6, uses: [{ comp: 0, field: LINEAR_FIELD_J }] },
    { dof: 3, uses: [{ comp: 3, field: LINEAR_FIELD_I }] },
    { dof: 9, uses: [{ comp: 3, field: LINEAR_FIELD_J }] },
  ];
  for (const f of xy) table.push({ dof: f.dof, uses: [{ comp: 1, field: f.disp }, { comp: 5, field: f.rot }] });
  for (const f of xz) table.push({ dof: f.dof, uses: [{ comp: 2, field: f.disp }, { comp: 4, field: f.rot }] });
  return table;
}

/** `table` (from fieldTable(L, phiY, phiZ)) may be passed by callers that keep it per member. */
export function fixedEndForces(L: number, phiY: number, phiZ: number, loads: MemberLoads, table = fieldTable(L, phiY, phiZ)): Float64Array {
  const R = new Float64Array(12);
  for (const l of loads.linear) {
    const len = l.b - l.a;
    if (!(len > 0)) continue;
    const xa = l.a / L;
    const xb = l.b / L;
    for (const row of table) {
      for (const { comp, field } of row.uses) {
        const qa = l.qa[comp];
        const qb = l.qb[comp];
        if (qa === 0 && qb === 0) continue;
        // q(ξ) = qa + (qb − qa)(ξ − ξa)/(ξb − ξa), written as α + βξ.
        const beta = (qb - qa) / (xb - xa);
        const alpha = qa - beta * xa;
        R[row.dof] -= L * polyDefiniteIntegral(polyMul([alpha, beta], field), xa, xb);
      }
    }
  }
  for (const p of loads.points) {
    const xi = p.x / L;
    for (const row of table) {
      for (const { comp, field } of row.uses) {
        const v = p.p[comp];
        if (v !== 0) R[row.dof] -= v * polyEval(field, xi);
      }
    }
  }
  return R;
}
