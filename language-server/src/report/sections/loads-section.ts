// Section "Loads": per load case a table of what is applied and a drawing; then the combinations
// with their factors.
import type { LoadEntry, Position } from '../../language/semantic/model';
import { flatten } from '../../analysis/from-model';
import type { ReportContext } from '../context';
import { fixed } from '../format';
import { figure } from '../figures/figure';
import { distributedLoads, drawLoadCase } from '../figures/load-figure';
import { figureHeight, mainView } from '../figures/projection';
import { table, type Row } from '../layout/table';

function where(p: Position | undefined, ctx: ReportContext): string {
  if (!p) return '';
  return 'distance' in p ? ctx.fmt.q('length', p.distance) : `${fixed(p.fraction * 100, 1)} %`;
}

function loadRow(ctx: ReportContext, l: LoadEntry): Row {
  const { fmt } = ctx;
  const F = fmt.unit('force');
  const M = fmt.unit('moment');
  const L = fmt.unit('length');
  const forces = (v: readonly number[], kind: 'force' | 'lineLoad') => v.map((x, k) => (x === 0 ? '' : k < 3 ? fmt.num(kind, x) : fmt.num(kind === 'force' ? 'moment' : 'force', x)));
  switch (l.kind) {
    case 'selfweight': {
      return { cells: ['self-weight', 'all members', 'global', `${F}/${L}`, '', '', '−γA', '', '', '', `factor ${fixed(l.factor, 2)}`] };
    }
    case 'nodal':
      return { cells: ['nodal', l.node?.name ?? '?', 'global', `${F}, ${M}`, ...forces(l.values, 'force'), ''] };
    case 'displacement': {
      const cells = l.values.map((v, k) => (v === null ? '' : k < 3 ? fmt.num('displacement', v) : fmt.num('rotation', v)));
      return { cells: ['displacement', l.node?.name ?? '?', 'global', `${fmt.unit('displacement')}, mrad`, ...cells, 'imposed'] };
    }
    case 'uniform': {
      const span = l.from || l.to ? `${where(l.from, ctx) || 'i'} to ${where(l.to, ctx) || 'j'}` : 'full length';
      return { cells: ['uniform', l.target?.name ?? '?', l.local ? 'local' : 'global', `${F}/${L}, ${M}/${L}`, ...forces(l.values, 'lineLoad'), span] };
    }
    case 'trapezoid': {
      const span = l.from || l.to ? `${where(l.from, ctx) || 'i'} to ${where(l.to, ctx) || 'j'}` : 'full length';
      const cells = l.start.map((a, k) => {
        const b = l.end[k];
        if (a === 0 && b === 0) return '';
        const kind = k < 3 ? 'lineLoad' : 'force';
        return `${fmt.num(kind, a)} → ${fmt.num(kind, b)}`;
      });
      return { cells: ['trapezoid', l.target?.name ?? '?', l.local ? 'local' : 'global', `${F}/${L}, ${M}/${L}`, ...cells, span] };
    }
    case 'point':
      return { cells: ['point', l.target?.name ?? '?', l.local ? 'local' : 'global', `${F}, ${M}`, ...forces(l.values, 'force'), `at ${where(l.at, ctx)}`] };
  }
}

export function loadsSection(ctx: ReportContext): void {
  const { flow, model, rm, fmt } = ctx;
  flow.heading(1, 'Loads');
  flow.paragraph('Each load case lists its loads as written in the model (member loads act per unit length of the member axis, in global axes unless marked local) and shows them on the structure. Self-weight is drawn in grey.');
  const view = mainView(rm.points);
  for (const lc of model.loadCases) {
    flow.heading(2, `Load case ${lc.decl.name}${lc.description ? ` — ${lc.description}` : ''}`);
    const ec = ctx.cases.get(lc.decl.name)?.equilibrium;
    flow.definitions([
      ['Category', lc.category ?? 'not given'],
      ['Loads', `${lc.loads.length} statement${lc.loads.length === 1 ? '' : 's'}`],
      ...(ec ? ([['Resultant of the applied loads', `ΣFx = ${fmt.q('force', ec.applied[0])}, ΣFy = ${fmt.q('force', ec.applied[1])}, ΣFz = ${fmt.q('force', ec.applied[2])}`]] as [string, string][]) : []),
    ]);
    table(flow, {
      title: `Loads of ${lc.decl.name}`,
      columns: [
        { header: 'Load' }, { header: 'Target' }, { header: 'Axes' }, { header: 'Units' },
        { header: 'Fx', align: 'right' }, { header: 'Fy', align: 'right' }, { header: 'Fz', align: 'right' },
        { header: 'Mx', align: 'right' }, { header: 'My', align: 'right' }, { header: 'Mz', align: 'right' }, { header: 'Where', wrap: true },
      ],
      rows: lc.loads.map((l) => loadRow(ctx, l)),
      size: 7.2,
    });
    const hasDrawable = lc.loads.length > 0 && (lc.loads.some((l) => l.kind !== 'selfweight') || distributedLoads(model, rm, lc, fmt).length > 0);
    if (hasDrawable) {
      const h = figureHeight(view, rm.points, flow.width, 40, 170, 320);
      figure(flow, `Loads of ${lc.decl.name}${rm.members.length > 150 && lc.loads.some((l) => l.kind === 'selfweight') ? ' (self-weight not drawn)' : ''}`, h, (box) => drawLoadCase(flow, model, rm, lc, view, box, fmt));
    }
  }
  flow.heading(2, 'Combinations');
  if (!model.combinations.length) {
    flow.paragraph('The model defines no combinations; the load cases are checked on their own.');
    return;
  }
  table(flow, {
    title: 'Load combinations and their factors on the load cases',
    columns: [{ header: 'Combination' }, { header: 'Type' }, { header: 'Definition', wrap: true }, { header: 'Factors on load cases', wrap: true }],
    rows: model.combinations.map((c) => ({
      cells: [
        c.decl.name, c.type,
        c.terms.map((t, k) => `${k === 0 ? (t.factor < 0 ? '−' : '') : t.factor < 0 ? ' − ' : ' + '}${fixed(Math.abs(t.factor), 2)}·${t.ref.name}`).join(''),
        flatten(model, c).map((t) => `${fixed(t.factor, 2)}·${t.loadCase}`).join(' + ').replace(/\+ −/g, '− '),
      ],
    })),
  });
}
