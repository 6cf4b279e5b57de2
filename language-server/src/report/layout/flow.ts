// The page flow: a cursor that runs down the text area of A4 (or Letter) pages and starts a new
// page when what comes next does not fit. Headings are numbered and collected for the table of
// contents and the bookmarks; figures and tables are numbered and collected for their lists;
// anchors name places that links and bookmarks jump to.
import type { FontFace } from '../fonts';
import { ACCENT, INK, MUTED, RULE, type Op, type PageContent, type Rgb } from './display-list';
import { wrapText, type TextMeasure } from './text-metrics';

export interface PageGeometry {
  width: number;
  height: number;
  left: number;
  right: number;
  /** y of the top of the text area. */
  top: number;
  /** y of the bottom of the text area. */
  bottom: number;
}

export const PAPER = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
} as const;

export function pageGeometry(paper: keyof typeof PAPER): PageGeometry {
  const { width, height } = PAPER[paper];
  return { width, height, left: 56.7, right: width - 56.7, top: height - 70, bottom: 62 };
}

export interface HeadingEntry {
  level: number;
  /** "4.2"; empty for unnumbered headings. */
  number: string;
  title: string;
  dest: string;
}

export interface CaptionEntry {
  number: number;
  title: string;
  dest: string;
}

/** Where anchors live: flows are concatenated into the document, so a flow's pages get an offset. */
export interface AnchorTarget {
  flow: Flow;
  page: number;
  y: number;
}

export class AnchorRegistry {
  readonly targets = new Map<string, AnchorTarget>();
  private counter = 0;
  fresh(prefix: string): string {
    return `${prefix}-${++this.counter}`;
  }
}

export const TEXT_SIZE = 9;
export const TEXT_LEADING = 12.6;

export class Flow {
  readonly pages: PageContent[] = [];
  y = 0;
  /** Set when the document is assembled: the number of pages before this flow. */
  offset = 0;
  readonly headings: HeadingEntry[] = [];
  readonly figures: CaptionEntry[] = [];
  readonly tables: CaptionEntry[] = [];
  private readonly counters = [0, 0, 0];

  constructor(
    readonly geometry: PageGeometry,
    readonly measure: TextMeasure,
    readonly anchors: AnchorRegistry,
    private readonly options: { plain?: boolean; numbering?: { figures: number; tables: number } } = {},
  ) {
    this.newPage();
  }

  get left(): number {
    return this.geometry.left;
  }
  get right(): number {
    return this.geometry.right;
  }
  get width(): number {
    return this.geometry.right - this.geometry.left;
  }
  get pageIndex(): number {
    return this.pages.length - 1;
  }
  /** Space left on this page above the bottom margin. */
  get remaining(): number {
    return this.y - this.geometry.bottom;
  }
  get atTop(): boolean {
    return this.y >= this.geometry.top - 0.01;
  }

  newPage(): void {
    this.pages.push({ ops: [], plain: this.options.plain });
    this.y = this.geometry.top;
  }

  /** Starts a new page unless `height` fits below the cursor. */
  ensure(height: number): void {
    if (height > this.remaining && !this.atTop) this.newPage();
  }

  /** Moves down; at the top of a page vertical space is dropped. */
  space(height: number): void {
    if (this.atTop) return;
    if (height >= this.remaining) this.newPage();
    else this.y -= height;
  }

  push(op: Op): void {
    this.pages[this.pages.length - 1].ops.push(op);
  }

  text(x: number, y: number, text: string, face: FontFace = 'regular', size = TEXT_SIZE, color: Rgb = INK): void {
    if (text) this.push({ t: 'text', x, y, text, face, size, color });
  }

  textRight(xRight: number, y: number, text: string, face: FontFace = 'regular', size = TEXT_SIZE, color: Rgb = INK): void {
    this.text(xRight - this.measure.width(text, face, size), y, text, face, size, color);
  }

  anchor(id: string, y = this.y): void {
    this.anchors.targets.set(id, { flow: this, page: this.pageIndex, y });
  }

  /** Numbered heading. Level 1 starts a new page. Returns its anchor id. */
  heading(level: 1 | 2 | 3, title: string, options: { numbered?: boolean; dest?: string } = {}): string {
    const numbered = options.numbered !== false;
    let number = '';
    if (numbered) {
      this.counters[level - 1]++;
      for (let k = level; k < this.counters.length; k++) this.counters[k] = 0;
      number = this.counters.slice(0, level).join('.');
    }
    const dest = options.dest ?? this.anchors.fresh('h');
    const size = level === 1 ? 15 : level === 2 ? 11.5 : 9.6;
    const face: FontFace = 'bold';
    if (level === 1) {
      if (!this.atTop) this.newPage();
    } else {
      // Keep a heading with the start of what follows it.
      this.space(level === 2 ? 12 : 8);
      this.ensure(size + 90);
    }
    const label = number ? `${number}  ${title}` : title;
    const lines = wrapText(label, this.measure, face, size, this.width);
    this.anchor(dest, this.y + 4);
    for (const line of lines) {
      this.y -= size * 1.25;
      this.text(this.left, this.y, line, face, size, level === 3 ? INK : ACCENT);
    }
    if (level === 1) {
      this.y -= 6;
      this.push({ t: 'path', pts: [this.left, this.y, this.right, this.y], stroke: ACCENT, width: 1.2 });
      this.y -= 12;
    } else this.y -= level === 2 ? 6 : 4;
    this.headings.push({ level, number, title, dest });
    return dest;
  }

  /** A paragraph of wrapped text. */
  paragraph(text: string, options: { face?: FontFace; size?: number; color?: Rgb; indent?: number; after?: number; leading?: number } = {}): void {
    const face = options.face ?? 'regular';
    const size = options.size ?? TEXT_SIZE;
    const leading = options.leading ?? size * 1.4;
    const indent = options.indent ?? 0;
    const lines = wrapText(text, this.measure, face, size, this.width - indent);
    // Keep two lines together at a page end.
    this.ensure(Math.min(lines.length, 2) * leading);
    for (const line of lines) {
      if (leading > this.remaining) this.newPage();
      this.y -= leading;
      this.text(this.left + indent, this.y + (leading - size) * 0.45, line, face, size, options.color ?? INK);
    }
    this.y -= options.after ?? 5;
  }

  /** A bulleted list item. */
  bullet(text: string): void {
    const size = TEXT_SIZE;
    const lines = wrapText(text, this.measure, 'regular', size, this.width - 14);
    this.ensure(Math.min(lines.length, 2) * TEXT_LEADING);
    lines.forEach((line, k) => {
      if (TEXT_LEADING > this.remaining) this.newPage();
      this.y -= TEXT_LEADING;
      const base = this.y + (TEXT_LEADING - size) * 0.45;
      if (k === 0) this.text(this.left + 3, base, '•', 'regular', size, MUTED);
      this.text(this.left + 14, base, line, 'regular', size);
    });
    this.y -= 2;
  }

  /** Label–value pairs in two columns. */
  definitions(rows: [string, string][], minLabelWidth = 110): void {
    const widest = Math.max(0, ...rows.map(([l]) => this.measure.width(l, 'bold', TEXT_SIZE)));
    const labelWidth = Math.min(Math.max(minLabelWidth, widest + 14), this.width * 0.4);
    for (const [label, value] of rows) {
      const lines = wrapText(value, this.measure, 'regular', TEXT_SIZE, this.width - labelWidth);
      this.ensure(lines.length * TEXT_LEADING);
      this.y -= TEXT_LEADING;
      this.text(this.left, this.y + 3, label, 'bold', TEXT_SIZE, INK);
      lines.forEach((line, k) => this.text(this.left + labelWidth, this.y + 3 - k * TEXT_LEADING, line));
      this.y -= (lines.length - 1) * TEXT_LEADING;
    }
    this.y -= 6;
  }

  /** A numbered caption; registers the figure or table for its list. Returns its anchor. */
  caption(kind: 'figure' | 'table', title: string, y: number, continued = false, existing?: CaptionEntry): CaptionEntry {
    const list = kind === 'figure' ? this.figures : this.tables;
    let entry = existing;
    if (!entry) {
      const base = this.options.numbering ? (kind === 'figure' ? this.options.numbering.figures : this.options.numbering.tables) : 0;
      entry = { number: base + list.length + 1, title, dest: this.anchors.fresh(kind === 'figure' ? 'fig' : 'tab') };
      list.push(entry);
      this.anchor(entry.dest, y + 10);
    }
    const label = `${kind === 'figure' ? 'Figure' : 'Table'} ${entry.number}`;
    const size = 8;
    this.text(this.left, y, label, 'bold', size, INK);
    const x = this.left + this.measure.width(label + '  ', 'bold', size);
    this.text(x, y, continued ? `${title} (continued)` : title, 'regular', size, continued ? MUTED : INK);
    return entry;
  }

  /** A thin horizontal rule across the text area. */
  rule(color: Rgb = RULE, width = 0.5): void {
    this.push({ t: 'path', pts: [this.left, this.y, this.right, this.y], stroke: color, width });
  }
}
