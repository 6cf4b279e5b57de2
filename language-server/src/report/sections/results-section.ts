// Section "Results": reactions, displacements and member forces — governing values and
// envelopes by default, every case in full with the full and checker presets — and the N, V, M
// diagrams.
import type { CaseResult, MemberResult } from '../../analysis/results';
import { fullTables, type ReportContext } from '../context';
import { figure } from '../figures/figure';
import { DIAGRAM_TITLES, diagramMax, drawDiagram, type DiagramKind } from '../figures/diagram-figure';
import { figureHeight, mainView } from '../figures/projection';
import { SHADE } from '../layout/display-list';
import { table, type Row } from '../layout/table';

const Q6 = ['Fx', 'Fy', 'Fz', 'Mx', 'My', 'Mz'];
const U6 = ['ux', 'uy', 'uz', 'rx', 'ry', 'rz'];
type Q = 'N' | 'Vy' | 'Vz' | 'T' | 'My' | 'Mz';
const QS: Q[] = ['N', 'Vy', 'Vz', 'T', 'My', 'Mz'];

export interface Extreme {
  min: number;
  xMin: number;
  max: number;
  xMax: number;
}

/** Extremes of a quantity along a member: the exact ones of the results when given, else over
 * the stations. */
export function memberExtreme(r: MemberResult, q: Q): Extreme {
  const e = r.extremes?.[q];
  if (e) return e;
  let min = Infinity;
  let max = -Infinity;
  let xMin = 0;
  let xMax = 0;
  for (const s of r.stations) {
    if (s[q] < min) [min, xMin] = [s[q], s.x];
    if (s[q] > max) [max, xMax] = [s[q], s.x];
  }
  return { min, xMin, max, xMax };
}

/** Which cases get diagrams: every case in the full presets; else the combinations (or the load
 * cases of a model without combinations). */
export function diagramCases(ctx: ReportContext): CaseResult[] {
  if (fullTables(ctx)) return ctx.results.cases;
  const combos = ctx.results.cases.filter((c) => c.kind === 'combination');
  return combos.length ? combos : ctx.results.cases;
}

export function resultsSection(ctx: ReportContext): void {
  const { flow } = ctx;
  flow.heading(1, 'Results');
  flow.paragraph(fullTables(ctx)
    ? 'Reactions, displacements and member forces of every load case and combination, their envelopes, and the diagrams of the stress resultants.'
    : 'Governing values and envelopes over all load cases and combinations, and the diagrams of the stress resultants of the combinations. The full tables of every case are in the report made with the full preset.');
  reactions(ctx);
  displacements(ctx);
  memberForces(ctx);
}

function reactions(ctx: ReportContext): void {
  const { flow, fmt, results } = ctx;
  flow.heading(2, 'Support reactions');
  const supported = ctx.rm.supports.map((s) => s.node).filter((n, k, a) => a.indexOf(n) === k);
  const columns = [
    { header: 'Node' }, { header: '' },
    ...Q6.map((q, k) => ({ header: q, unit: fmt.unit(k < 3 ? 'force' : 'moment'), align: 'right' as const })),
  ];
  const val = (k: number, v: number) => fmt.num(k < 3 ? 'force' : 'moment', v);
  // Envelope: per node the largest and smallest value of each component over all cases, with
  // the case that gives it.
  const rows: Row[] = [];
  supported.forEach((node, g) => {
    const maxRow: Row['cells'] = [{ text: node, face: 'bold' }, 'max'];
    const maxCase: Row['cells'] = ['', 'case'];
    const minRow: Row['cells'] = ['', 'min'];
    const minCase: Row['cells'] = ['', 'case'];
    for (let k = 0; k < 6; k++) {
      let hi = -Infinity;
      let lo = Infinity;
      let hiC = '';
      let loC = '';
      for (const c of results.cases) {
        const r = c.nodes[node]?.reaction;
        if (!r) continue;
        if (r[k] > hi) [hi, hiC] = [r[k], c.name];
        if (r[k] < lo) [lo, loC] = [r[k], c.name];
      }
      maxRow.push(Number.isFinite(hi) ? val(k, hi) : '—');
      maxCase.push({ text: hiC, color: [0.4, 0.42, 0.46] });
      minRow.push(Number.isFinite(lo) ? val(k, lo) : '—');
      minCase.push({ text: loC, color: [0.4, 0.42, 0.46] });
    }
    rows.push({ group: g, strong: true, cells: maxRow }, { group: g, cells: maxCase }, { group: g, cells: minRow, fill: SHADE }, { group: g, cells: minCase, fill: SHADE });
  });
  table(flow, { title: 'Envelope of the support reactions over all cases', columns, rows, size: 7.2, note: 'Reactions are the forces the supports exert on the structure, global axes.' });
  if (!fullTables(ctx)) return;
  for (const c of results.cases) {
    table(flow, {
      title: `Support reactions — ${c.name}`,
      columns: [{ header: 'Node' }, ...Q6.map((q, k) => ({ header: q, unit: fmt.unit(k < 3 ? 'force' : 'moment'), align: 'right' as const }))],
      rows: supported.filter((n) => c.nodes[n]?.reaction).map((n) => ({ cells: [n, ...c.nodes[n].reaction!.map((v, k) => val(k, v))] })),
      size: 7.2,
    });
  }
}

function displacements(ctx: ReportContext): void {
  const { flow, fmt, results } = ctx;
  flow.heading(2, 'Node displacements');
  const rows: Row[] = results.cases.map((c) => {
    const cells: Row['cells'] = [c.name];
    for (const k of [0, 1, 2]) {
      let best = 0;
      let at = '';
      for (const [n, r] of Object.entries(c.nodes)) if (Math.abs(r.u[k]) > Math.abs(best)) [best, at] = [r.u[k], n];
      cells.push(fmt.num('displacement', best), at);
    }
    let tot = 0;
    let at = '';
    for (const [n, r] of Object.entries(c.nodes)) {
      const t = Math.hypot(r.u[0], r.u[1], r.u[2]);
      if (t > tot) [tot, at] = [t, n];
    }
    cells.push(fmt.num('displacement', tot), at);
    return { cells };
  });
  const d = fmt.unit('displacement');
  table(flow, {
    title: 'Largest node displacements per case',
    columns: [
      { header: 'Case' }, { header: 'ux', unit: d, align: 'right' }, { header: 'at' }, { header: 'uy', unit: d, align: 'right' }, { header: 'at' },
      { header: 'uz', unit: d, align: 'right' }, { header: 'at' }, { header: '|u|', unit: d, align: 'right' }, { header: 'at' },
    ],
    rows,
    size: 7.2,
    note: 'For each component the value of largest magnitude, with its sign, and the node where it occurs.',
  });
  if (!fullTables(ctx)) return;
  for (const c of results.cases) {
    table(flow, {
      title: `Node displacements — ${c.name}`,
      columns: [{ header: 'Node' }, ...U6.map((u, k) => ({ header: u, unit: k < 3 ? d : fmt.unit('rotation'), align: 'right' as const }))],
      rows: Object.entries(c.nodes).map(([n, r]) => ({ cells: [n, ...r.u.map((v, k) => (k < 3 ? fmt.num('displacement', v) : fmt.num('rotation', v)))] })),
      size: 7.2,
    });
  }
}

function memberForces(ctx: ReportContext): void {
  const { flow, fmt, results, rm } = ctx;
  flow.heading(2, 'Member forces');
  const unitOf = (q: Q) => (q === 'T' || q === 'My' || q === 'Mz' ? 'moment' : 'force');
  // Governing values: for each resultant the largest and the smallest anywhere.
  const rows: Row[] = [];
  for (const q of QS) {
    let hi = { v: -Infinity, m: '', x: 0, c: '' };
    let lo = { v: Infinity, m: '', x: 0, c: '' };
    for (const c of results.cases) {
      for (const [m, r] of Object.entries(c.members)) {
        const e = memberExtreme(r, q);
        if (e.max > hi.v) hi = { v: e.max, m, x: e.xMax, c: c.name };
        if (e.min < lo.v) lo = { v: e.min, m, x: e.xMin, c: c.name };
      }
    }
    if (!Number.isFinite(hi.v)) continue;
    rows.push({ cells: [`${q} max`, fmt.num(unitOf(q), hi.v), fmt.unit(unitOf(q)), hi.m, fmt.num('length', hi.x), hi.c] });
    rows.push({ cells: [`${q} min`, fmt.num(unitOf(q), lo.v), fmt.unit(unitOf(q)), lo.m, fmt.num('length', lo.x), lo.c] });
  }
  table(flow, {
    title: 'Governing stress resultants over all members and cases',
    columns: [{ header: 'Resultant' }, { header: 'Value', align: 'right' }, { header: 'Unit' }, { header: 'Member' }, { header: 'x', unit: fmt.unit('length'), align: 'right' }, { header: 'Case' }],
    rows,
    note: 'x: distance from end i. N > 0 is tension; signs follow the conventions of the basis section.',
  });

  if (fullTables(ctx) || rm.members.length <= 60) {
    const envRows: Row[] = [];
    for (const m of rm.members) {
      const cells: Row['cells'] = [m.name];
      for (const q of ['N', 'Vz', 'Vy', 'T', 'My', 'Mz'] as Q[]) {
        let lo = Infinity;
        let hi = -Infinity;
        for (const c of results.cases) {
          const r = c.members[m.name];
          if (!r) continue;
          const e = memberExtreme(r, q);
          lo = Math.min(lo, e.min);
          hi = Math.max(hi, e.max);
        }
        cells.push(Number.isFinite(lo) ? fmt.num(unitOf(q), lo) : '—', Number.isFinite(hi) ? fmt.num(unitOf(q), hi) : '—');
      }
      envRows.push({ cells });
    }
    const F = fmt.unit('force');
    const M = fmt.unit('moment');
    table(flow, {
      title: 'Envelope of the stress resultants per member (min and max over all cases)',
      columns: [
        { header: 'Member' },
        { header: 'N min', unit: F, align: 'right' }, { header: 'N max', unit: F, align: 'right' },
        { header: 'Vz min', unit: F, align: 'right' }, { header: 'Vz max', unit: F, align: 'right' },
        { header: 'Vy min', unit: F, align: 'right' }, { header: 'Vy max', unit: F, align: 'right' },
        { header: 'T min', unit: M, align: 'right' }, { header: 'T max', unit: M, align: 'right' },
        { header: 'My min', unit: M, align: 'right' }, { header: 'My max', unit: M, align: 'right' },
        { header: 'Mz min', unit: M, align: 'right' }, { header: 'Mz max', unit: M, align: 'right' },
      ],
      rows: envRows,
      size: 6.6,
    });
  }

  diagrams(ctx);

  if (!fullTables(ctx)) return;
  flow.heading(2, 'Member end forces');
  flow.paragraph('The forces and moments the nodes exert on each member, in the member\'s local axes, per case.');
  for (const c of results.cases) {
    const rowsC: Row[] = [];
    let g = 0;
    for (const m of rm.members) {
      const r = c.members[m.name];
      if (!r) continue;
      g++;
      const f = r.end_forces;
      rowsC.push({ group: g, cells: [m.name, 'i', ...[0, 1, 2].map((k) => fmt.num('force', f[k])), ...[3, 4, 5].map((k) => fmt.num('moment', f[k]))] });
      rowsC.push({ group: g, cells: ['', 'j', ...[6, 7, 8].map((k) => fmt.num('force', f[k])), ...[9, 10, 11].map((k) => fmt.num('moment', f[k]))] });
    }
    table(flow, {
      title: `Member end forces, local axes — ${c.name}`,
      columns: [{ header: 'Member' }, { header: 'End' }, ...Q6.map((q, k) => ({ header: q, unit: fmt.unit(k < 3 ? 'force' : 'moment'), align: 'right' as const }))],
      rows: rowsC,
      size: 7.2,
    });
  }
}

function diagrams(ctx: ReportContext): void {
  const { flow, rm, fmt } = ctx;
  const view = mainView(rm.points);
  const cases = diagramCases(ctx);
  if (!cases.length) return;
  flow.heading(2, 'Diagrams of the stress resultants');
  flow.paragraph(`Diagrams of ${cases.length === ctx.results.cases.length ? 'every case' : 'the combinations'}: N perpendicular to each member (tension on its upper or left side), Vz and Vy along the local axes they act on, My and Mz on the tension side. Each figure has its own scale; the largest value is given in its corner.`);
  // At most 310 pt, so that two diagrams share a page.
  const h = figureHeight(view, rm.points, flow.width, 42, 200, 310);
  for (const c of cases) {
    for (const kind of ['N', 'V', 'M'] as DiagramKind[]) {
      if (diagramMax(c, kind) === 0) continue;
      figure(flow, `${DIAGRAM_TITLES[kind]} — ${c.name}`, h, (box) => drawDiagram(flow, rm, c, kind, view, box, fmt));
    }
  }
}
