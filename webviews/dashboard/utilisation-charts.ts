// The utilisation figures as plotly data and layout: histogram in the fixed bands, the 20 most
// utilised members, and every member in declaration order (WebGL above ~10k points). Builders
// only: no DOM, so Node tests check what would be drawn.
import type { Data, Layout, Shape } from 'plotly.js';
import { baseLayout, type ChartTheme } from './chart-theme';
import { formatRatio } from './units';
import { BANDS, BIN_WIDTH, HISTOGRAM_CAP, bandOf, type HistogramBin, type MemberUtilisation } from './utilisation';

export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}

/** Points above which scatter traces switch to WebGL (SVG gets sluggish past a few thousand). */
export const WEBGL_THRESHOLD = 10_000;

export function scatterType(points: number): 'scatter' | 'scattergl' {
  return points > WEBGL_THRESHOLD ? 'scattergl' : 'scatter';
}

function limitLine(t: ChartTheme, axis: 'x' | 'y'): Partial<Shape> {
  const line = { color: t.bands.fails, width: 1.5, dash: 'dash' as const };
  return axis === 'x'
    ? { type: 'line', xref: 'x', yref: 'paper', x0: 1, x1: 1, y0: 0, y1: 1, line, layer: 'above' }
    : { type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: 1, y1: 1, line, layer: 'above' };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function histogramFigure(bins: HistogramBin[], t: ChartTheme): Figure {
  const x = (b: HistogramBin) => (Number.isFinite(b.to) ? (b.from + b.to) / 2 : HISTOGRAM_CAP + BIN_WIDTH / 2);
  const label = (b: HistogramBin) => (Number.isFinite(b.to) ? `${b.from.toFixed(2)}–${b.to.toFixed(2)}` : `> ${HISTOGRAM_CAP.toFixed(2)}`);
  // One trace per band, so the legend explains the colours.
  const data: Data[] = BANDS.map((band) => {
    const mine = bins.filter((b) => b.band === band.key);
    return {
      type: 'bar',
      name: band.label,
      x: mine.map(x),
      y: mine.map((b) => b.count),
      width: mine.map(() => BIN_WIDTH * 0.92),
      marker: { color: t.bands[band.key], line: { width: t.kind.startsWith('high-contrast') ? 1 : 0, color: t.foreground } },
      customdata: mine.map((b) => [label(b), plural(b.count, 'member')]),
      hovertemplate: 'Utilisation %{customdata[0]}<br>%{customdata[1]}<extra></extra>',
      showlegend: mine.length > 0,
    } as Data;
  });
  const top = bins.length ? x(bins[bins.length - 1]) + BIN_WIDTH / 2 : 1.05;
  const ticks = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5].filter((v) => v <= top + 1e-9);
  const layout: Partial<Layout> = {
    ...baseLayout(t),
    bargap: 0,
    barmode: 'overlay',
    xaxis: { ...baseLayout(t).xaxis, title: { text: 'Utilisation (ratio / limit)' }, range: [0, Math.max(1.05, top)], tickvals: ticks, ticktext: ticks.map((v) => (v === 1.5 && top > 1.5 ? '≥ 1.50' : v.toFixed(2))), zeroline: false },
    yaxis: { ...baseLayout(t).yaxis, title: { text: 'Members' }, rangemode: 'tozero', tickformat: 'd', fixedrange: true },
    shapes: [limitLine(t, 'x')],
    legend: { ...baseLayout(t).legend, y: 1.0, yanchor: 'bottom', x: 0, xanchor: 'left' },
    margin: { l: 52, r: 12, t: 36, b: 44 },
  };
  return { data, layout };
}

export function topMembersFigure(top: MemberUtilisation[], t: ChartTheme, selected?: string): Figure {
  // Highest at the top: plotly draws categories bottom-up.
  const rows = [...top].reverse();
  const data: Data[] = [{
    type: 'bar',
    orientation: 'h',
    y: rows.map((r) => r.member),
    x: rows.map((r) => r.utilisation),
    text: rows.map((r) => formatRatio(r.utilisation)),
    textposition: 'outside',
    cliponaxis: false,
    textfont: { color: t.foreground, size: 11 },
    marker: {
      color: rows.map((r) => t.bands[bandOf(r.utilisation)]),
      line: { color: rows.map((r) => (r.member === selected ? t.selection : t.foreground)), width: rows.map((r) => (r.member === selected ? 2.5 : t.kind.startsWith('high-contrast') ? 1 : 0)) },
    },
    customdata: rows.map((r) => [r.check, r.combination, r.x]),
    hovertemplate: '<b>%{y}</b>: %{x:.3f}<br>%{customdata[0]} check, %{customdata[1]}<extra></extra>',
  } as Data];
  const maxU = Math.max(1.1, ...top.map((r) => r.utilisation * 1.12));
  const layout: Partial<Layout> = {
    ...baseLayout(t),
    xaxis: { ...baseLayout(t).xaxis, title: { text: 'Utilisation' }, range: [0, maxU], zeroline: false },
    yaxis: { ...baseLayout(t).yaxis, type: 'category', automargin: true, fixedrange: true, tickfont: { color: t.foreground, size: 11 } },
    shapes: [limitLine(t, 'x')],
    showlegend: false,
    bargap: 0.25,
    margin: { l: 60, r: 16, t: 16, b: 44 },
  };
  return { data, layout };
}

/** Every checked member in declaration order, so the engineer sees where the tight ones are. */
export function memberStripFigure(rows: MemberUtilisation[], order: readonly string[], t: ChartTheme, selected?: string): Figure {
  const rank = new Map(order.map((m, k) => [m, k]));
  const sorted = [...rows].sort((a, b) => (rank.get(a.member) ?? Infinity) - (rank.get(b.member) ?? Infinity));
  const type = scatterType(sorted.length);
  const size = sorted.length > 2000 ? 3 : sorted.length > 300 ? 5 : 7;
  const data: Data[] = [{
    type,
    mode: 'markers',
    x: sorted.map((r, k) => rank.get(r.member) ?? order.length + k),
    y: sorted.map((r) => r.utilisation),
    text: sorted.map((r) => r.member),
    marker: { color: sorted.map((r) => t.bands[bandOf(r.utilisation)]), size },
    customdata: sorted.map((r) => [r.check, r.combination]),
    hovertemplate: '<b>%{text}</b>: %{y:.3f}<br>%{customdata[0]} check, %{customdata[1]}<extra></extra>',
  } as Data];
  const sel = selected ? sorted.find((r) => r.member === selected) : undefined;
  if (sel) {
    data.push({
      type: 'scatter', mode: 'markers', x: [rank.get(sel.member) ?? 0], y: [sel.utilisation], text: [sel.member], hoverinfo: 'skip',
      marker: { size: size + 8, color: 'rgba(0,0,0,0)', line: { color: t.selection, width: 2.5 } },
    } as Data);
  }
  const layout: Partial<Layout> = {
    ...baseLayout(t),
    xaxis: { ...baseLayout(t).xaxis, title: { text: 'Member (declaration order)' }, zeroline: false, showgrid: false },
    yaxis: { ...baseLayout(t).yaxis, title: { text: 'Utilisation' }, rangemode: 'tozero' },
    shapes: [limitLine(t, 'y')],
    showlegend: false,
    margin: { l: 52, r: 12, t: 12, b: 44 },
  };
  return { data, layout };
}
