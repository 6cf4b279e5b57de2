// Section "Design checks": one row per member and check (its governing combination), failures
// in red with ✗, each row linked to the detailed check of the governing members — the formula
// with the numbers put in and the result against the limit.
import type { CheckResult } from '../../analysis/results';
import { detailKey, type ReportContext } from '../context';
import { fixed } from '../format';
import { FAIL_FILL, FAIL_RED, INK, MUTED, OK_GREEN } from '../layout/display-list';
import { table, type Row } from '../layout/table';
import { resultantsAt } from './station-values';

/** The governing result per member and check kind (largest ratio), in model order. */
export function governingChecks(checks: CheckResult[]): CheckResult[] {
  const best = new Map<string, CheckResult>();
  for (const c of checks) {
    const key = detailKey(c.member, c.check);
    const b = best.get(key);
    if (!b || c.ratio > b.ratio) best.set(key, c);
  }
  return [...best.values()];
}

/** Which governing results get a detailed check: every failure and the `n` highest ratios of
 * each check kind. */
export function detailed(governing: CheckResult[], n: number): CheckResult[] {
  const out = new Set<CheckResult>(governing.filter((c) => !c.ok));
  for (const kind of ['stress', 'deflection'] as const) {
    governing.filter((c) => c.check === kind).sort((a, b) => b.ratio - a.ratio).slice(0, n).forEach((c) => out.add(c));
  }
  return governing.filter((c) => out.has(c));
}

export function checksSection(ctx: ReportContext): void {
  const { flow, fmt, results } = ctx;
  flow.heading(1, 'Design checks');
  if (!results.checks.length) {
    flow.paragraph('The model asks for no design checks.');
    return;
  }
  const governing = governingChecks(results.checks);
  const details = detailed(governing, ctx.options.detailedChecks);
  for (const c of details) ctx.detailAnchors.set(detailKey(c.member, c.check), flow.anchors.fresh('check'));
  const failures = governing.filter((c) => !c.ok);
  const maxRatio = Math.max(...governing.map((c) => c.ratio));
  flow.paragraph(
    `${governing.length} member check${governing.length === 1 ? '' : 's'} (${results.checks.length} member–combination results). ` +
      (failures.length ? `${failures.length} FAIL${failures.length === 1 ? 'S' : ''} (marked ✗ in red). ` : 'All pass. ') +
      `Largest utilisation η = ${fixed(maxRatio, 3)}. Each row gives the governing combination of the member; members in blue link to their detailed check.`,
    { face: failures.length ? 'bold' : 'regular', color: failures.length ? FAIL_RED : INK },
  );
  flow.heading(2, 'Summary');
  const rows: Row[] = governing.map((c) => {
    const link = ctx.detailAnchors.get(detailKey(c.member, c.check));
    const status = c.ok ? { text: '✓ OK', color: OK_GREEN } : { text: '✗ FAIL', color: FAIL_RED, face: 'bold' as const };
    return {
      fill: c.ok ? undefined : FAIL_FILL,
      cells: [
        link ? { text: c.member, link } : c.member, c.check,
        { text: fixed(c.ratio, ctx.fmt.decimals.ratio), face: c.ok ? 'regular' : 'bold', color: c.ok ? INK : FAIL_RED },
        fixed(c.limit, 2), fmt.num('length', c.x), c.combination,
        c.value !== undefined ? (c.check === 'stress' ? fmt.q('stress', c.value) : fmt.q('displacement', c.value)) : '—',
        c.allowed !== undefined ? (c.check === 'stress' ? fmt.q('stress', c.allowed) : fmt.q('displacement', c.allowed)) : '—',
        status,
      ],
    };
  });
  table(flow, {
    title: 'Design checks: governing combination per member',
    columns: [
      { header: 'Member' }, { header: 'Check' }, { header: 'η', align: 'right' }, { header: 'Limit', align: 'right' },
      { header: 'x', unit: fmt.unit('length'), align: 'right' }, { header: 'Combination' },
      { header: 'Value', align: 'right' }, { header: 'Allowed', align: 'right' }, { header: 'Status' },
    ],
    rows,
    note: 'η: utilisation ratio (stress: σ/fy; deflection: δ/δ_allowed); x: position of the governing point from end i. Value: σ or δ there; Allowed: limit·fy or the deflection limit.',
  });

  if (!details.length) return;
  flow.heading(2, 'Detailed checks of the governing members');
  flow.paragraph(details.length === governing.length ? 'Every checked member in detail.' : `The ${ctx.options.detailedChecks} highest utilisations of each check and every failure, in detail.`, { color: MUTED });
  for (const c of details) (c.check === 'stress' ? stressDetail : deflectionDetail)(ctx, c);
}

function verdict(ctx: ReportContext, c: CheckResult, formula: string): void {
  const { flow } = ctx;
  const ok = c.ok;
  flow.paragraph(`${formula} ${ok ? '≤' : '>'} ${fixed(c.limit, 3)}   ${ok ? '✓ OK' : '✗ FAILS'}`, { face: 'bold', color: ok ? OK_GREEN : FAIL_RED, indent: 12 });
}

function stressDetail(ctx: ReportContext, c: CheckResult): void {
  const { flow, fmt, rm } = ctx;
  const m = rm.memberByName.get(c.member);
  const r = ctx.cases.get(c.combination)?.members[c.member];
  const props = m?.sectionEntity?.properties;
  const fy = m?.material?.fy;
  flow.heading(3, `Member ${c.member} — stress, ${c.combination}`, { numbered: false, dest: ctx.detailAnchors.get(detailKey(c.member, c.check)) });
  if (!m || !r || !props || fy === undefined) {
    flow.paragraph('The member\'s section or results are not available.');
    return;
  }
  // The resultants at x; at a jump the side that gives the larger stress.
  const sigma = (v: { N: number; My: number; Mz: number }) => Math.abs(v.N) / props.A + Math.abs(v.My) / props.Wy + Math.abs(v.Mz) / props.Wz;
  const v = resultantsAt(r.stations, c.x, m.length).reduce((a, b) => (sigma(b) > sigma(a) ? b : a));
  flow.definitions([
    ['Section', `${m.section} (${m.material?.decl.name ?? ''}): A = ${fmt.q('area', props.A)}, Wy = ${fmt.q('sectionModulus', props.Wy)}, Wz = ${fmt.q('sectionModulus', props.Wz)}, fy = ${fmt.q('stress', fy)}`],
    ['Governing point', `x = ${fmt.q('length', c.x)} from ${m.i} (L = ${fmt.q('length', m.length)}), combination ${c.combination}`],
    ['Stress resultants there', `N = ${fmt.q('force', v.N)}, My = ${fmt.q('moment', v.My)}, Mz = ${fmt.q('moment', v.Mz)}`],
  ], 120);
  const a = Math.abs(v.N) / props.A;
  const b = Math.abs(v.My) / props.Wy;
  const d = Math.abs(v.Mz) / props.Wz;
  const sig = c.value ?? a + b + d;
  const lines = [
    'σ = |N|/A + |My|/Wy + |Mz|/Wz',
    `  = ${fmt.num('force', Math.abs(v.N))} ${fmt.unit('force')} / ${fmt.q('area', props.A)} + ${fmt.num('moment', Math.abs(v.My))} ${fmt.unit('moment')} / ${fmt.q('sectionModulus', props.Wy)} + ${fmt.num('moment', Math.abs(v.Mz))} ${fmt.unit('moment')} / ${fmt.q('sectionModulus', props.Wz)}`,
    `  = ${fmt.num('stress', a)} + ${fmt.num('stress', b)} + ${fmt.num('stress', d)} = ${fmt.q('stress', sig)}`,
  ];
  for (const l of lines) flow.paragraph(l, { indent: 12, after: 1 });
  verdict(ctx, c, `η = σ / fy = ${fmt.num('stress', sig)} / ${fmt.num('stress', fy)} = ${fixed(c.ratio, 3)}`);
}

function deflectionDetail(ctx: ReportContext, c: CheckResult): void {
  const { flow, fmt, rm } = ctx;
  const m = rm.memberByName.get(c.member);
  flow.heading(3, `Member ${c.member} — deflection, ${c.combination}`, { numbered: false, dest: ctx.detailAnchors.get(detailKey(c.member, c.check)) });
  if (!m || c.value === undefined || c.allowed === undefined) {
    flow.paragraph('The member\'s results are not available.');
    return;
  }
  const span = m.length / c.allowed;
  const isSpan = Math.abs(span - Math.round(span)) < 1e-6 * span;
  flow.definitions([
    ['Member', `${m.name}, ${m.section ?? ''}, L = ${fmt.q('length', m.length)}`],
    ['Governing point', `x = ${fmt.q('length', c.x)} from ${m.i}, combination ${c.combination}`],
  ], 120);
  flow.paragraph(`δ = ${fmt.q('displacement', c.value)} (transverse deflection relative to the chord between the displaced ends)`, { indent: 12, after: 1 });
  flow.paragraph(isSpan
    ? `δ_allowed = L/${Math.round(span)} = ${fmt.q('length', m.length)} / ${Math.round(span)} = ${fmt.q('displacement', c.allowed)}`
    : `δ_allowed = ${fmt.q('displacement', c.allowed)}`, { indent: 12, after: 1 });
  verdict(ctx, c, `η = δ / δ_allowed = ${fmt.num('displacement', c.value)} / ${fmt.num('displacement', c.allowed)} = ${fixed(c.ratio, 3)}`);
}
