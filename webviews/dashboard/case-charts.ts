// Per-case figures as plotly data: reactions of every support in each load case (one component),
// and the load-case comparison (one figure per case). Builders only: no DOM.
import type { Data, Layout } from 'plotly.js';
import type { CaseDigest } from '../../language-server/src/shared/dashboard-messages';
import { baseLayout, withAlpha, type ChartTheme } from './chart-theme';
import type { CompareBar, CompareQuantity } from './case-comparison';
import { reactionComponent, type Component } from './reactions';
import type { Figure } from './utilisation-charts';
import { formatNumber, type DisplayUnits, type Unit } from './units';

export function componentUnit(u: DisplayUnits, c: Component): Unit {
  return c.startsWith('M') ? u.moment : u.force;
}

/** Grouped bars: supports along x, one bar per load case (combinations would only repeat them). */
export function reactionsFigure(cases: CaseDigest[], component: Component, supports: readonly string[], units: DisplayUnits, t: ChartTheme): Figure {
  const loadCases = cases.filter((c) => c.kind === 'load');
  const shown = loadCases.length ? loadCases : cases;
  const r = reactionComponent(shown, component, supports);
  const unit = componentUnit(units, component);
  const data: Data[] = r.cases.map((name, k) => ({
    type: 'bar',
    name,
    x: r.supports,
    y: r.values[k].map((v) => v / unit.factor),
    marker: { color: t.series[k % t.series.length], line: { width: t.kind.startsWith('high-contrast') ? 1 : 0, color: t.foreground } },
    hovertemplate: `%{x}: ${component} = %{y:.4~g} ${unit.symbol}<extra>${name}</extra>`,
  } as Data));
  const layout: Partial<Layout> = {
    ...baseLayout(t),
    barmode: 'group',
    bargap: 0.25,
    xaxis: { ...baseLayout(t).xaxis, type: 'category', title: { text: 'Support' } },
    yaxis: { ...baseLayout(t).yaxis, title: { text: `${component} (${unit.symbol})` }, zerolinewidth: 1.5 },
    margin: { l: 60, r: 12, t: 36, b: 44 },
  };
  return { data, layout };
}

export const COMPARE_LABELS: Record<CompareQuantity, string> = {
  N: 'max |N|', Vy: 'max |Vy|', Vz: 'max |Vz|', T: 'max |T|', My: 'max |My|', Mz: 'max |Mz|',
  displacement: 'max displacement', verticalLoad: 'total vertical load',
};

export function compareUnit(u: DisplayUnits, q: CompareQuantity): Unit {
  if (q === 'displacement') return u.displacement;
  if (q === 'T' || q === 'My' || q === 'Mz') return u.moment;
  return u.force;
}

/** One bar per case, coloured by kind: load cases muted, ULS and SLS combinations in colour. */
export function comparisonFigure(bars: CompareBar[], q: CompareQuantity, units: DisplayUnits, t: ChartTheme): Figure {
  const unit = compareUnit(units, q);
  const colour = (b: CompareBar) => (b.kind === 'load' ? t.load : b.type === 'SLS' ? t.sls : t.uls);
  const where = (b: CompareBar) =>
    b.member !== undefined ? `${b.member} at x = ${formatNumber((b.x ?? 0) / units.length.factor)} ${units.length.symbol}` : b.node !== undefined ? `node ${b.node}` : '';
  // Magnitudes: the sign of a peak says which way, not how much (the hover keeps it).
  const magnitude = (b: CompareBar) => (q === 'verticalLoad' ? b.value : Math.abs(b.value));
  const data: Data[] = [{
    type: 'bar',
    showlegend: false,
    x: bars.map((b) => b.case),
    y: bars.map((b) => magnitude(b) / unit.factor),
    text: bars.map((b) => (Number.isFinite(b.value) ? formatNumber(magnitude(b) / unit.factor) : '')),
    textposition: 'outside',
    cliponaxis: false,
    textfont: { color: t.foreground, size: 11 },
    marker: { color: bars.map(colour), line: { width: t.kind.startsWith('high-contrast') ? 1 : 0, color: t.foreground } },
    customdata: bars.map((b) => [formatNumber(b.value / unit.factor), where(b), b.kind === 'load' ? 'load case' : `${b.type ?? 'ULS'} combination`]),
    hovertemplate: `<b>%{x}</b> (%{customdata[2]})<br>${COMPARE_LABELS[q]}: %{customdata[0]} ${unit.symbol}<br>%{customdata[1]}<extra></extra>`,
  } as Data];
  // A legend of the kinds, as empty traces.
  for (const [name, color] of [['Load case', t.load], ['ULS combination', t.uls], ['SLS combination', t.sls]] as const) {
    if (!bars.some((b) => colour(b) === color)) continue;
    data.push({ type: 'bar', x: [null], y: [null], name, marker: { color }, showlegend: true, hoverinfo: 'skip' } as unknown as Data);
  }
  const layout: Partial<Layout> = {
    ...baseLayout(t),
    barmode: 'overlay',
    bargap: 0.35,
    showlegend: true,
    xaxis: { ...baseLayout(t).xaxis, type: 'category', title: { text: '' } },
    yaxis: { ...baseLayout(t).yaxis, title: { text: `${COMPARE_LABELS[q]} (${unit.symbol})` }, rangemode: 'tozero', gridcolor: withAlpha(t.grid, 1) },
    margin: { l: 60, r: 12, t: 36, b: 44 },
  };
  return { data, layout };
}
