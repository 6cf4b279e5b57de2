// The charts' colours and fonts from VS Code's theme (--vscode-* variables), read again whenever
// the theme changes. Utilisation bands keep their meaning in every theme: green → red, taken from
// the theme's own chart colours (charts.green … charts.red) so a custom theme stays coherent.
import type { Layout } from 'plotly.js';
import { cssVar, themeKind, type ThemeKind } from '../shared/theme';
import type { BandKey } from './utilisation';

export interface ChartTheme {
  kind: ThemeKind;
  background: string;
  foreground: string;
  muted: string;
  grid: string;
  zero: string;
  border: string;
  font: string;
  hover: { background: string; border: string; foreground: string };
  /** case / trace colours in order */
  series: string[];
  bands: Record<BandKey, string>;
  /** envelope band fill and its edge (neutral, so the case drawn over it keeps its colour) */
  envelopeFill: string;
  envelopeLine: string;
  selection: string;
  /** the shown case on the member diagrams */
  diagram: string;
  load: string;
  uls: string;
  sls: string;
}

function parseColour(c: string): [number, number, number, number] | null {
  const s = c.trim();
  let m = /^#([0-9a-f]{3,8})$/i.exec(s);
  if (m) {
    let h = m[1];
    if (h.length === 3 || h.length === 4) h = [...h].map((d) => d + d).join('');
    const n = (k: number) => parseInt(h.slice(k, k + 2), 16);
    return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
  }
  m = /^rgba?\(([^)]+)\)$/i.exec(s);
  if (m) {
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    if (p.length >= 3 && p.slice(0, 3).every(Number.isFinite)) return [p[0], p[1], p[2], Number.isFinite(p[3]) ? p[3] : 1];
  }
  return null;
}

/** `c` with opacity `alpha` (theme colours come as #rrggbb or rgba()). */
export function withAlpha(c: string, alpha: number): string {
  const p = parseColour(c);
  return p ? `rgba(${p[0]}, ${p[1]}, ${p[2]}, ${alpha * p[3]})` : c;
}

/** The colour `t` of the way from `a` to `b`. */
export function mix(a: string, b: string, t: number): string {
  const p = parseColour(a);
  const q = parseColour(b);
  if (!p || !q) return a;
  const v = (k: number) => Math.round(p[k] + (q[k] - p[k]) * t);
  return `rgb(${v(0)}, ${v(1)}, ${v(2)})`;
}

export function readChartTheme(): ChartTheme {
  const kind = themeKind();
  const light = kind === 'light' || kind === 'high-contrast-light';
  const hc = kind === 'high-contrast' || kind === 'high-contrast-light';
  const foreground = cssVar('--vscode-editor-foreground', cssVar('--vscode-foreground', light ? '#333333' : '#cccccc'));
  const background = cssVar('--vscode-editor-background', light ? '#ffffff' : '#1e1e1e');
  const green = cssVar('--vscode-charts-green', light ? '#388a34' : '#89d185');
  const yellow = cssVar('--vscode-charts-yellow', light ? '#bf8803' : '#cca700');
  const orange = cssVar('--vscode-charts-orange', '#d18616');
  const red = cssVar('--vscode-charts-red', light ? '#e51400' : '#f14c4c');
  const blue = cssVar('--vscode-charts-blue', light ? '#1a85ff' : '#3794ff');
  const purple = cssVar('--vscode-charts-purple', light ? '#652d90' : '#b180d7');
  const lines = cssVar('--vscode-charts-lines', withAlpha(foreground, 0.5));
  const border = cssVar('--vscode-contrastBorder', cssVar('--vscode-editorWidget-border', withAlpha(foreground, 0.3)));
  const accent = cssVar('--vscode-focusBorder', blue);
  return {
    kind,
    background,
    foreground,
    muted: cssVar('--vscode-descriptionForeground', withAlpha(foreground, 0.7)),
    grid: hc ? withAlpha(foreground, 0.35) : withAlpha(lines, light ? 0.35 : 0.3),
    zero: withAlpha(foreground, hc ? 0.9 : 0.55),
    border,
    font: cssVar('--vscode-font-family', 'system-ui, sans-serif'),
    hover: {
      background: cssVar('--vscode-editorHoverWidget-background', background),
      border: cssVar('--vscode-editorHoverWidget-border', border),
      foreground: cssVar('--vscode-editorHoverWidget-foreground', foreground),
    },
    series: [blue, orange, purple, green, red, yellow],
    bands: { low: green, moderate: mix(green, yellow, 0.55), high: yellow, critical: orange, fails: red },
    envelopeFill: withAlpha(foreground, hc ? 0.28 : light ? 0.1 : 0.13),
    envelopeLine: withAlpha(foreground, hc ? 0.9 : 0.45),
    selection: accent,
    diagram: blue,
    load: withAlpha(foreground, 0.55),
    uls: blue,
    sls: purple,
  };
}

/** The layout every figure starts from: transparent paper over the panel, theme font and
 * colours, a compact margin, and hover labels that look like VS Code's hovers. */
export function baseLayout(t: ChartTheme): Partial<Layout> {
  const axis = {
    gridcolor: t.grid,
    zerolinecolor: t.zero,
    linecolor: t.border,
    tickcolor: t.border,
    tickfont: { color: t.muted, size: 11 },
    title: { font: { color: t.muted, size: 11 } },
    automargin: true,
  };
  return {
    paper_bgcolor: t.background,
    plot_bgcolor: t.background,
    font: { family: t.font, color: t.foreground, size: 12 },
    margin: { l: 56, r: 16, t: 28, b: 40 },
    hoverlabel: { bgcolor: t.hover.background, bordercolor: t.hover.border, font: { family: t.font, color: t.hover.foreground, size: 12 } },
    legend: { font: { color: t.foreground, size: 11 }, bgcolor: 'rgba(0,0,0,0)', orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' },
    xaxis: { ...axis },
    yaxis: { ...axis },
    modebar: { bgcolor: 'rgba(0,0,0,0)', color: t.muted, activecolor: t.foreground, orientation: 'h' },
    colorway: t.series,
  } as Partial<Layout>;
}
