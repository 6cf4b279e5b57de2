// Section "Basis of the calculation": units, axes and sign conventions, analysis assumptions.
import type { ReportContext } from '../context';
import { figure } from '../figures/figure';
import { arrow, line } from '../figures/draw';
import { ACCENT, INK, MUTED } from '../layout/display-list';
import { table } from '../layout/table';

export function basisSection(ctx: ReportContext): void {
  const { flow, fmt } = ctx;
  flow.heading(1, 'Basis of the calculation');
  flow.heading(2, 'Units');
  const units = [...new Set(ctx.model.files.map((f) => `${f.units.force} ${f.units.length}`))];
  flow.paragraph(
    `The model is written in ${units.join(' and ')} (its "units" statement${units.length > 1 ? 's' : ''}); the analysis works in SI units (N, m, Pa, rad). ` +
      'This report prints each quantity in the unit below, with a fixed number of decimals per quantity.',
  );
  const kinds = ['force', 'moment', 'length', 'displacement', 'rotation', 'stress', 'lineLoad', 'area', 'inertia', 'sectionModulus', 'modulus', 'ratio'] as const;
  const names: Record<(typeof kinds)[number], string> = {
    force: 'Force', moment: 'Moment', length: 'Length, coordinate, position x', displacement: 'Displacement', rotation: 'Rotation',
    stress: 'Stress', lineLoad: 'Line load', area: 'Area', inertia: 'Second moment of area, torsion constant',
    sectionModulus: 'Elastic section modulus', modulus: "Young's and shear modulus", ratio: 'Utilisation ratio η',
  };
  table(flow, {
    title: 'Units and decimals of this report',
    columns: [{ header: 'Quantity', wrap: true }, { header: 'Unit' }, { header: 'Decimals', align: 'right' }],
    rows: kinds.map((k) => ({ cells: [names[k], fmt.unit(k) || '—', String(fmt.decimals[k])] })),
  });

  flow.heading(2, 'Axes and sign conventions');
  flow.bullet('Global axes X, Y, Z are right-handed with Z up; gravity acts along −Z.');
  flow.bullet('Member local x runs from node i to node j. For a member that is not vertical, local z lies in the vertical plane through x with a positive global Z component, and y = z × x. A vertical member (horizontal projection below 10⁻⁶ of its length) has local y = global +Y. The roll angle then turns y and z about x, positive from y towards z.');
  flow.bullet('Iy is the second moment of area about local y (the strong axis of an I-section whose web lies along local z), Iz about local z, J the torsion constant.');
  flow.bullet('Node displacements ux, uy, uz and rotations rx, ry, rz are in global axes. Reactions Fx … Mz are the forces and moments the support (restraints and springs together) exerts on the node, in global axes.');
  flow.bullet('Member end forces are the forces the nodes exert on the member, in local axes. Stress resultants N, Vy, Vz, T, My, Mz act on the cut face whose outward normal is local +x (right-hand rule), so N > 0 is tension; at the ends S(0) = −F_i and S(L) = F_j.');
  flow.bullet('Normal stress σ = N/A + My·z/Iy − Mz·y/Iz: a positive My stretches the +z face, a positive Mz the −y face. Moment diagrams are drawn on the tension side. Under gravity a simply supported beam has My < 0 at midspan.');
  flow.bullet('dy, dz are displacements of the member axis in local axes; deflection checks measure them relative to the chord between the displaced ends.');
  axesFigure(ctx);

  flow.heading(2, 'Analysis assumptions');
  flow.bullet('First-order, linear elastic, static analysis of a 3D frame: small displacements, equilibrium in the undeformed geometry, no buckling or second-order (P-Δ) effects, no material non-linearity.');
  flow.bullet(ctx.shearDeformation
    ? 'Members are Timoshenko beams where the section gives shear areas (shear deformation included), otherwise Euler–Bernoulli beams; torsion is uniform (St Venant), warping is not modelled.'
    : 'Members are Euler–Bernoulli beams (plane sections remain plane and normal to the axis; no shear deformation); torsion is uniform (St Venant), warping is not modelled.');
  flow.bullet('Members with type=truss carry axial force only; loads on them pass to their end nodes as on a simply supported beam. Released end forces (hinges, releases) are condensed out of the member stiffness.');
  flow.bullet('Supports are rigid restraints of the listed degrees of freedom and linear springs on the others; prescribed displacements are imposed on restrained degrees of freedom.');
  flow.bullet('Self-weight uses the material unit weight (or density × g, g = 9.80665 m/s²) times the section area along the member axis.');
  flow.bullet('Combinations are linear superpositions of the load cases with their factors (nested combinations multiplied out). The results of each case are exact along the members (piecewise polynomials), reported at stations every tenth of the length and at every load position.');
  flow.bullet('The stress check is elastic: σ = |N|/A + |My|/Wy + |Mz|/Wz against the utilisation limit times fy, at the worst point along the member. Buckling, lateral-torsional buckling, shear and local checks are not part of it and are to be verified separately.');
  if (ctx.options.notes.length) {
    flow.heading(2, 'Notes of the engineer');
    for (const n of ctx.options.notes) flow.bullet(n);
  }
}

/** A sketch of the global triad and of a member's local axes. */
function axesFigure(ctx: ReportContext): void {
  const { flow } = ctx;
  figure(flow, 'Global axes and member local axes (sketch)', 120, (box) => {
    const cx = box.x + 70;
    const cy = box.y + 30;
    const c30 = Math.cos(Math.PI / 6) * 38;
    const s30 = Math.sin(Math.PI / 6) * 38;
    arrow(flow, cx, cy, cx + c30, cy + s30, INK, 0.9);
    arrow(flow, cx, cy, cx - c30, cy + s30, INK, 0.9);
    arrow(flow, cx, cy, cx, cy + 44, INK, 0.9);
    flow.text(cx + c30 + 3, cy + s30 - 2, 'X', 'bold', 8);
    flow.text(cx - c30 - 9, cy + s30 - 2, 'Y', 'bold', 8);
    flow.text(cx - 3, cy + 48, 'Z', 'bold', 8);
    flow.text(cx + 6, cy - 14, 'gravity −Z', 'regular', 6.5, MUTED);
    // A beam from i to j with its local axes at mid-length.
    const x0 = box.x + 210;
    const x1 = box.x + box.w - 60;
    const y0 = box.y + 45;
    line(flow, x0, y0, x1, y0, INK, 2.2);
    flow.push({ t: 'circle', x: x0, y: y0, r: 2, fill: INK });
    flow.push({ t: 'circle', x: x1, y: y0, r: 2, fill: INK });
    flow.text(x0 - 4, y0 - 12, 'i', 'bold', 8);
    flow.text(x1 - 2, y0 - 12, 'j', 'bold', 8);
    const mx = (x0 + x1) / 2;
    arrow(flow, mx, y0, mx + 44, y0, ACCENT, 0.9);
    arrow(flow, mx, y0, mx, y0 + 40, ACCENT, 0.9);
    arrow(flow, mx, y0, mx - 24, y0 + 16, ACCENT, 0.9);
    flow.text(mx + 47, y0 - 2, 'x', 'bold', 8, ACCENT);
    flow.text(mx - 3, y0 + 44, 'z', 'bold', 8, ACCENT);
    flow.text(mx - 33, y0 + 17, 'y', 'bold', 8, ACCENT);
    flow.text(mx + 6, y0 + 28, 'z: vertical plane through x, Z > 0', 'regular', 6.5, MUTED);
    flow.text(mx - 100, y0 - 20, 'y = z × x (into the page for a beam along X)', 'regular', 6.5, MUTED);
    // Sagging moment: compression on top (+z), My < 0.
    flow.text(x0, box.y + 10, 'My > 0 stretches the +z face; moment diagrams are drawn on the tension side.', 'regular', 6.5, MUTED);
  });
}
