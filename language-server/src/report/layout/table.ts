// Tables, our own small layout (pdf-lib has none): column widths from the content, long text
// wrapped, numbers right-aligned (with fixed decimals per quantity their points line up), the
// header with its units repeated on every page with the caption marked "(continued)", rows of a
// group kept together, never a header with fewer than two rows at a page end and never a
// lone last row at the top of a page.
import type { FontFace } from '../fonts';
import { INK, LINK, MUTED, RULE, SHADE, type Rgb } from './display-list';
import type { Flow } from './flow';
import { fitText, wrapText } from './text-metrics';

export type Align = 'left' | 'right' | 'center';

export interface Column {
  header: string;
  /** Shown under the header as "[kN]". */
  unit?: string;
  align?: Align;
  /** Fixed width in points; otherwise from the content. */
  width?: number;
  /** Long text wraps in this column (otherwise it is kept on one line). */
  wrap?: boolean;
}

export interface CellStyle {
  text: string;
  color?: Rgb;
  face?: FontFace;
  fill?: Rgb;
  /** Anchor id the cell links to. */
  link?: string;
}

export type Cell = string | CellStyle;

export interface Row {
  cells: Cell[];
  /** Rows with the same group number stay on one page. */
  group?: number;
  fill?: Rgb;
  /** An anchor placed at the top of the row. */
  anchor?: string;
  /** A heavier rule above this row. */
  strong?: boolean;
}

export interface TableSpec {
  title: string;
  columns: Column[];
  rows: Row[];
  /** Font size (default 7.6 pt). */
  size?: number;
  /** A remark printed under the table. */
  note?: string;
}

const PAD_X = 3.5;
const PAD_Y = 2.6;

const cellText = (c: Cell | undefined): string => (c === undefined ? '' : typeof c === 'string' ? c : c.text);
const cellFace = (c: Cell | undefined): FontFace => (c !== undefined && typeof c !== 'string' && c.face) || 'regular';

interface Measured {
  widths: number[];
  headerLines: string[][];
  headerHeight: number;
  rowLines: string[][][];
  rowHeights: number[];
}

function measureTable(flow: Flow, spec: TableSpec, size: number): Measured {
  const m = flow.measure;
  const W = flow.width;
  const n = spec.columns.length;
  const nat = new Array<number>(n).fill(0);
  const minW = new Array<number>(n).fill(0);
  spec.columns.forEach((col, i) => {
    const words = col.header.split(/\s+/);
    let longestWord = Math.max(...words.map((w) => m.width(w, 'bold', size)));
    let widest = m.width(col.header, 'bold', size);
    if (col.unit) {
      const u = m.width(`[${col.unit}]`, 'regular', size);
      widest = Math.max(widest, u);
      longestWord = Math.max(longestWord, u);
    }
    let longestCellWord = 0;
    for (const row of spec.rows) {
      const c = row.cells[i];
      const text = cellText(c);
      if (!text) continue;
      const face = cellFace(c);
      for (const line of text.split('\n')) widest = Math.max(widest, m.width(line, face, size));
      if (col.wrap) for (const w of text.split(/[\s/]+/)) longestCellWord = Math.max(longestCellWord, m.width(w, face, size));
    }
    if (col.width !== undefined) {
      nat[i] = minW[i] = col.width;
      return;
    }
    nat[i] = widest + 2 * PAD_X;
    // A header may wrap at its spaces; a wrapping column may shrink to its longest word.
    minW[i] = col.wrap ? Math.max(longestWord, Math.min(longestCellWord, 90), 36) + 2 * PAD_X : Math.max(longestWord + 2 * PAD_X, nat[i]);
  });
  let widths = nat.slice();
  const total = nat.reduce((a, b) => a + b, 0);
  if (total <= W) {
    // Full width: the extra space goes to every column in proportion to its width.
    const k = W / total;
    widths = nat.map((w, i) => (spec.columns[i].width !== undefined ? w : w * k));
    const fixed = widths.reduce((a, b) => a + b, 0);
    const free = spec.columns.filter((c) => c.width === undefined).length;
    if (fixed < W && free) widths = widths.map((w, i) => (spec.columns[i].width === undefined ? w + (W - fixed) / free : w));
  } else {
    const slack = nat.map((w, i) => w - minW[i]);
    const slackSum = slack.reduce((a, b) => a + b, 0);
    const over = total - W;
    if (slackSum >= over) widths = nat.map((w, i) => w - (slack[i] / slackSum) * over);
    else {
      // Still too wide: scale everything; text will wrap inside words.
      const k = W / minW.reduce((a, b) => a + b, 0);
      widths = minW.map((w) => w * k);
    }
  }
  const leading = size * 1.22;
  const headerLines = spec.columns.map((col, i) => {
    const lines = wrapText(col.header, m, 'bold', size, widths[i] - 2 * PAD_X);
    if (col.unit) lines.push(`[${col.unit}]`);
    return lines;
  });
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * leading + 2 * PAD_Y + 1;
  const rowLines = spec.rows.map((row) =>
    spec.columns.map((col, i) => {
      const c = row.cells[i];
      const text = cellText(c);
      const face = cellFace(c);
      const w = widths[i] - 2 * PAD_X;
      return col.wrap ? wrapText(text, m, face, size, w) : text.split('\n').map((t) => fitText(t, m, face, size, w));
    }),
  );
  const rowHeights = rowLines.map((cells) => Math.max(1, ...cells.map((l) => l.length)) * leading + 2 * PAD_Y);
  return { widths, headerLines, headerHeight, rowLines, rowHeights };
}

/** Units of rows that must stay together: each group, or each single row. */
function units(rows: Row[]): number[][] {
  const out: number[][] = [];
  rows.forEach((r, k) => {
    const last = out[out.length - 1];
    if (r.group !== undefined && last && rows[last[0]].group === r.group) last.push(k);
    else out.push([k]);
  });
  return out;
}

export const CAPTION_HEIGHT = 15;

/** Splits the rows into page chunks (indices into `units`). The first chunk may be empty: the
 * table then starts on a new page. */
export function paginate(heights: number[], firstAvail: number, fullAvail: number): number[][] {
  const chunks: number[][] = [[]];
  let avail = firstAvail;
  let used = 0;
  heights.forEach((h, u) => {
    const chunk = chunks[chunks.length - 1];
    if (used + h > avail && (chunk.length > 0 || chunks.length === 1)) {
      chunks.push([]);
      avail = fullAvail;
      used = 0;
    }
    chunks[chunks.length - 1].push(u);
    used += h;
  });
  // No orphans: a table starts only where at least two units (or all of them) fit.
  if (chunks.length > 1 && chunks[0].length > 0 && chunks[0].length < Math.min(2, heights.length)) {
    return paginate(heights, -1, fullAvail);
  }
  // No widow: the last unit alone on a page takes one more with it, when that fits.
  const last = chunks[chunks.length - 1];
  const prev = chunks[chunks.length - 2];
  if (chunks.length > 1 && last.length === 1 && prev && prev.length >= 3) {
    const moved = prev[prev.length - 1];
    if (heights[moved] + heights[last[0]] <= fullAvail) {
      prev.pop();
      last.unshift(moved);
    }
  }
  return chunks;
}

/** Lays out a table at the cursor, over as many pages as it needs. */
export function table(flow: Flow, spec: TableSpec): void {
  const size = spec.size ?? 7.6;
  const leading = size * 1.22;
  if (spec.rows.length === 0) spec = { ...spec, rows: [{ cells: [{ text: 'none', color: MUTED }] }] };
  const mt = measureTable(flow, spec, size);
  const groups = units(spec.rows);
  const unitHeights = groups.map((g) => g.reduce((s, k) => s + mt.rowHeights[k], 0));
  flow.space(6);
  const top = CAPTION_HEIGHT + mt.headerHeight;
  const full = flow.geometry.top - flow.geometry.bottom - top - 14;
  const firstAvail = flow.atTop ? full : flow.remaining - top - 14;
  const chunks = paginate(unitHeights, firstAvail, full);
  let entry: ReturnType<Flow['caption']> | undefined;
  const x0 = flow.left;
  const xs = [x0];
  for (const w of mt.widths) xs.push(xs[xs.length - 1] + w);
  const xEnd = xs[xs.length - 1];

  chunks.forEach((chunk, c) => {
    if (chunk.length === 0) return;
    if (c > 0 && !flow.atTop) flow.newPage();
    // Caption, then header.
    flow.y -= 11;
    entry = flow.caption('table', spec.title, flow.y, entry !== undefined, entry);
    flow.y -= 4;
    const hTop = flow.y;
    flow.push({ t: 'rect', x: x0, y: hTop - mt.headerHeight, w: xEnd - x0, h: mt.headerHeight, fill: SHADE });
    flow.push({ t: 'path', pts: [x0, hTop, xEnd, hTop], stroke: INK, width: 0.8 });
    spec.columns.forEach((col, i) => {
      mt.headerLines[i].forEach((line, k) => {
        const isUnit = col.unit !== undefined && k === mt.headerLines[i].length - 1;
        drawCell(flow, line, isUnit ? 'regular' : 'bold', size, isUnit ? MUTED : INK, col.align ?? 'left', xs[i], mt.widths[i], hTop - PAD_Y - (k + 1) * leading + size * 0.25);
      });
    });
    flow.y = hTop - mt.headerHeight;
    flow.push({ t: 'path', pts: [x0, flow.y, xEnd, flow.y], stroke: INK, width: 0.6 });
    for (const u of chunk) {
      for (const k of groups[u]) {
        const row = spec.rows[k];
        const h = mt.rowHeights[k];
        const yTop = flow.y;
        if (row.anchor) flow.anchor(row.anchor, yTop + 12);
        if (row.fill) flow.push({ t: 'rect', x: x0, y: yTop - h, w: xEnd - x0, h, fill: row.fill });
        spec.columns.forEach((col, i) => {
          const cell = row.cells[i];
          const style = typeof cell === 'object' ? cell : undefined;
          if (style?.fill) flow.push({ t: 'rect', x: xs[i], y: yTop - h, w: mt.widths[i], h, fill: style.fill });
          const color = style?.link ? LINK : style?.color ?? INK;
          mt.rowLines[k][i].forEach((line, j) => {
            drawCell(flow, line, style?.face ?? 'regular', size, color, col.align ?? 'left', xs[i], mt.widths[i], yTop - PAD_Y - (j + 1) * leading + size * 0.25);
          });
          if (style?.link) flow.push({ t: 'link', x: xs[i], y: yTop - h, w: mt.widths[i], h, dest: style.link });
        });
        if (row.strong) flow.push({ t: 'path', pts: [x0, yTop, xEnd, yTop], stroke: MUTED, width: 0.6 });
        flow.y = yTop - h;
        const nextInGroup = groups[u][groups[u].length - 1] !== k;
        flow.push({ t: 'path', pts: [x0, flow.y, xEnd, flow.y], stroke: RULE, width: nextInGroup ? 0.2 : 0.4 });
      }
    }
    flow.push({ t: 'path', pts: [x0, flow.y, xEnd, flow.y], stroke: INK, width: 0.8 });
    if (c < chunks.length - 1) {
      flow.y -= 10;
      flow.textRight(xEnd, flow.y, `Table ${entry!.number} continues on the next page`, 'regular', 7, MUTED);
    }
  });
  if (spec.note) {
    flow.y -= 3;
    flow.paragraph(spec.note, { size: 7.2, color: MUTED, after: 2 });
  }
  flow.y -= 8;
}

function drawCell(flow: Flow, text: string, face: FontFace, size: number, color: Rgb, align: Align, x: number, w: number, y: number): void {
  if (!text) return;
  if (align === 'left') flow.text(x + PAD_X, y, text, face, size, color);
  else {
    const tw = flow.measure.width(text, face, size);
    flow.text(align === 'right' ? x + w - PAD_X - tw : x + (w - tw) / 2, y, text, face, size, color);
  }
}
