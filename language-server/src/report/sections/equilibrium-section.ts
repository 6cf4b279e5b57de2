// Section "Equilibrium check": for every case, the resultant of the applied loads against that of
// the reactions (both about the global origin, computed independently by the analysis); their
// sum must vanish.
import type { CaseResult } from '../../analysis/results';
import type { ReportContext } from '../context';
import { fixed } from '../format';
import { FAIL_RED, OK_GREEN, SHADE } from '../layout/display-list';
import { table, type Row } from '../layout/table';
import { modelExtent } from '../report-model';

/** Relative tolerance of the residual against the largest applied or reacting component. */
export const EQUILIBRIUM_TOLERANCE = 1e-6;

export interface EquilibriumStatus {
  residual: number[];
  /** max |residual| / scale, forces and moments (moments scaled by the model size). */
  relative: number;
  ok: boolean;
}

export function equilibriumStatus(c: CaseResult, extent: number): EquilibriumStatus | undefined {
  const e = c.equilibrium;
  if (!e) return undefined;
  const residual = e.applied.map((a, k) => a + e.reactions[k]);
  const forceScale = Math.max(1, ...[0, 1, 2].flatMap((k) => [Math.abs(e.applied[k]), Math.abs(e.reactions[k])]));
  const momentScale = Math.max(forceScale * extent, ...[3, 4, 5].flatMap((k) => [Math.abs(e.applied[k]), Math.abs(e.reactions[k])]));
  const relative = Math.max(...[0, 1, 2].map((k) => Math.abs(residual[k]) / forceScale), ...[3, 4, 5].map((k) => Math.abs(residual[k]) / momentScale));
  return { residual, relative, ok: relative <= EQUILIBRIUM_TOLERANCE };
}

export function equilibriumSection(ctx: ReportContext): void {
  const { flow, fmt, results } = ctx;
  flow.heading(1, 'Equilibrium check');
  flow.paragraph(
    'For every load case and combination the resultant of all applied loads (nodal and member loads, self-weight included; imposed displacements apply none) ' +
      'and the resultant of all support and spring reactions are summed about the global origin. The analysis computes the two independently — the loads from the load ' +
      `assembly, the reactions from the equilibrium of the supported nodes — so a vanishing sum checks the solution. Tolerance: ${EQUILIBRIUM_TOLERANCE.toExponential(0).replace('e-', '·10⁻').replace(/⁻(\d)/, (_, d) => '⁻' + '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)])} of the largest component (moments scaled by the model size).`,
  );
  const extent = modelExtent(ctx.rm.points);
  const rows: Row[] = [];
  let group = 0;
  let failures = 0;
  for (const c of results.cases) {
    const st = equilibriumStatus(c, extent);
    const e = c.equilibrium;
    if (!e || !st) continue;
    group++;
    const f = (v: readonly number[]) => [0, 1, 2].map((k) => fmt.num('force', v[k])).concat([3, 4, 5].map((k) => fmt.num('moment', v[k])));
    if (!st.ok) failures++;
    rows.push({ group, strong: true, cells: [{ text: c.name, face: 'bold' }, 'applied', ...f(e.applied), ''] });
    rows.push({ group, cells: ['', 'reactions', ...f(e.reactions), ''] });
    rows.push({
      group,
      fill: SHADE,
      cells: ['', 'sum', ...f(st.residual), st.ok ? { text: `✓ ${fixed(st.relative * 1e6, 3)}`, color: OK_GREEN } : { text: `✗ ${st.relative.toExponential(1)}`, color: FAIL_RED, face: 'bold' }],
    });
  }
  table(flow, {
    title: 'Global equilibrium per case: applied loads against reactions, about the origin',
    columns: [
      { header: 'Case' }, { header: 'Resultant of' },
      { header: 'ΣFx', unit: fmt.unit('force'), align: 'right' }, { header: 'ΣFy', unit: fmt.unit('force'), align: 'right' }, { header: 'ΣFz', unit: fmt.unit('force'), align: 'right' },
      { header: 'ΣMx', unit: fmt.unit('moment'), align: 'right' }, { header: 'ΣMy', unit: fmt.unit('moment'), align: 'right' }, { header: 'ΣMz', unit: fmt.unit('moment'), align: 'right' },
      { header: 'Status', unit: '×10⁻⁶' },
    ],
    rows,
    size: 7.2,
    note: 'Status: the largest residual relative to the largest component, in millionths; ✓ within the tolerance.',
  });
  flow.paragraph(failures ? `${failures} case${failures > 1 ? 's' : ''} out of equilibrium: the results must not be used.` : `All ${group} cases are in equilibrium.`, { face: 'bold', color: failures ? FAIL_RED : OK_GREEN });
}
