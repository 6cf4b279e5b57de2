// Member diagrams N, Vy, Vz, T, My, Mz of one member as plotly data: the selected case filled
// against the axis, the min/max envelope over the combinations as a band behind it, the exact
// extremes marked. Moments are drawn on the tension side (results spec): a positive My stretches
// the +z face, so My is plotted with +z up; a positive Mz stretches the −y face, so Mz is plotted
// on a reversed axis with +y up. Builders only: no DOM.
import type { Data, Layout } from 'plotly.js';
import type { DiagramQuantity, MemberSeries } from '../../language-server/src/shared/dashboard-messages';
import { QUANTITIES } from './quantities';
import { baseLayout, withAlpha, type ChartTheme } from './chart-theme';
import { diagramOf, envelope, type Envelope, type Polyline } from './envelope';
import type { Figure } from './utilisation-charts';
import { diagramUnit, formatNumber, type DisplayUnits } from './units';

export const QUANTITY_TITLES: Record<DiagramQuantity, string> = {
  N: 'N — axial force',
  Vy: 'Vy — shear',
  Vz: 'Vz — shear',
  T: 'T — torsion',
  My: 'My — bending',
  Mz: 'Mz — bending',
};

/** The cases the envelope runs over: the combinations, or every case when there are none. */
export function envelopeCases(series: MemberSeries): MemberSeries['cases'] {
  const combos = series.cases.filter((c) => c.kind === 'combination');
  return combos.length ? combos : series.cases;
}

export function memberEnvelopes(series: MemberSeries): Record<DiagramQuantity, Envelope> {
  const cases = envelopeCases(series);
  const out = {} as Record<DiagramQuantity, Envelope>;
  for (const q of QUANTITIES) out[q] = envelope(cases.map((c) => diagramOf(c.stations, q)));
  return out;
}

const scaled = (line: Polyline, xf: number, yf: number) => ({ x: line.map((p) => p.x / xf), y: line.map((p) => p.y / yf) });

export function diagramsFigure(series: MemberSeries, caseName: string, units: DisplayUnits, t: ChartTheme, envelopes = memberEnvelopes(series)): Figure {
  const data: Data[] = [];
  const annotations: NonNullable<Layout['annotations']> = [];
  const layout: Partial<Layout> = {
    ...baseLayout(t),
    grid: { rows: 2, columns: 3, pattern: 'independent', xgap: 0.09, ygap: 0.24 },
    showlegend: true,
    legend: { ...baseLayout(t).legend, orientation: 'h', x: 0, xanchor: 'left', y: 1.09, yanchor: 'bottom' },
    margin: { l: 56, r: 16, t: 54, b: 44 },
    hovermode: 'x',
  };
  const shown = series.cases.find((c) => c.name === caseName) ?? series.cases[0];
  const lf = units.length.factor;
  const envelopeName = envelopeCases(series) === series.cases ? 'Envelope of all cases' : 'Envelope of the combinations';
  QUANTITIES.forEach((q, k) => {
    const ax = k === 0 ? '' : String(k + 1);
    const xa = `x${ax}`;
    const ya = `y${ax}`;
    const unit = diagramUnit(units, q);
    const env = envelopes[q];
    if (env.max.length) {
      // One closed outline: the max from i to j, then the min back.
      const max = scaled(env.max, lf, unit.factor);
      const min = scaled(env.min, lf, unit.factor);
      data.push({
        type: 'scatter', mode: 'lines', xaxis: xa, yaxis: ya, name: envelopeName, legendgroup: 'envelope', showlegend: k === 0,
        x: [...max.x, ...min.x.slice().reverse()], y: [...max.y, ...min.y.slice().reverse()],
        fill: 'toself', fillcolor: t.envelopeFill, line: { color: t.envelopeLine, width: 1, dash: 'dot' }, hoverinfo: 'skip',
        // Where the max ends and the min begins in the outline (tests read the envelope back).
        meta: { envelope: q, maxPoints: max.x.length },
      } as Data);
    }
    if (shown) {
      const line = scaled(diagramOf(shown.stations, q), lf, unit.factor);
      data.push({
        type: 'scatter', mode: 'lines', xaxis: xa, yaxis: ya, name: shown.name, legendgroup: 'case', showlegend: k === 0,
        x: line.x, y: line.y, fill: 'tozeroy', fillcolor: withAlpha(t.diagram, t.kind.startsWith('high-contrast') ? 0.45 : 0.3), line: { color: t.diagram, width: 2 },
        hovertemplate: `${q} = %{y:.4~g} ${unit.symbol}<extra>x = %{x:.3~f} ${units.length.symbol}</extra>`,
      } as Data);
      // The exact extremes (between stations, e.g. 3L/8 of a propped cantilever) when given.
      const e = shown.extremes?.[q];
      if (e && (Math.abs(e.max) > 1e-9 * unit.factor || Math.abs(e.min) > 1e-9 * unit.factor)) {
        const pts = Math.abs(e.max - e.min) < 1e-12 * Math.max(1, Math.abs(e.max)) ? [[e.xMax, e.max]] : [[e.xMax, e.max], [e.xMin, e.min]];
        data.push({
          type: 'scatter', mode: 'text+markers', xaxis: xa, yaxis: ya, showlegend: false, hoverinfo: 'skip', cliponaxis: false,
          x: pts.map((p) => p[0] / lf), y: pts.map((p) => p[1] / unit.factor),
          text: pts.map((p) => formatNumber(p[1] / unit.factor)),
          textposition: pts.map((p) => {
            // Outward from the axis, and inward at the ends so labels stay inside their subplot.
            const v = (p[1] >= 0) !== (q === 'Mz') ? 'top' : 'bottom';
            const h = p[0] < 0.15 * series.length ? 'right' : p[0] > 0.85 * series.length ? 'left' : 'center';
            return `${v} ${h}`;
          }),
          textfont: { color: t.foreground, size: 10 },
          marker: { color: t.diagram, size: 5 },
        } as unknown as Data);
      }
    }
    const tension = q === 'My' ? ' · tension side, +z up' : q === 'Mz' ? ' · tension side, +y up' : '';
    annotations.push({
      text: `<b>${QUANTITY_TITLES[q]}</b> <span style="font-size:10px">(${unit.symbol})${tension}</span>`,
      xref: `${xa} domain` as never, yref: `${ya} domain` as never, x: 0, y: 1.04, xanchor: 'left', yanchor: 'bottom', showarrow: false,
      font: { color: t.foreground, size: 12 },
    });
    const axisBase = baseLayout(t).xaxis;
    (layout as Record<string, unknown>)[`xaxis${ax}`] = {
      ...axisBase, zeroline: false, showgrid: true, title: { text: k >= 3 ? `x (${units.length.symbol})` : '' }, range: [0, series.length / lf],
      showspikes: true, spikemode: 'across', spikethickness: 1, spikecolor: t.muted, spikedash: 'dot', spikesnap: 'cursor',
    };
    (layout as Record<string, unknown>)[`yaxis${ax}`] = {
      ...baseLayout(t).yaxis, zeroline: true, zerolinewidth: 1.5,
      // Mz: positive values stretch −y, drawn downwards (+y up).
      autorange: q === 'Mz' ? 'reversed' : true,
    };
  });
  layout.annotations = annotations;
  return { data, layout };
}
