// The table of contents, the list of figures and the list of tables, each line linked to its
// target, with dot leaders and right-aligned page numbers.
import { ACCENT, INK, MUTED, RULE } from '../layout/display-list';
import type { Flow, HeadingEntry, CaptionEntry } from '../layout/flow';
import { fitText } from '../layout/text-metrics';

export interface ContentsAnchors {
  contents: string;
  figures: string;
  tables: string;
}

export function contents(flow: Flow, headings: HeadingEntry[], figures: CaptionEntry[], tables: CaptionEntry[], pageOf: (dest: string) => number, anchors: ContentsAnchors): void {
  flow.heading(1, 'Contents', { numbered: false, dest: anchors.contents });
  for (const h of headings) {
    if (h.level > 2) continue;
    entry(flow, h.level === 1 ? 0 : 18, h.number, h.title, pageOf(h.dest), h.dest, h.level === 1);
  }
  if (figures.length) {
    flow.heading(2, 'List of figures', { numbered: false, dest: anchors.figures });
    for (const f of figures) entry(flow, 0, `Figure ${f.number}`, f.title, pageOf(f.dest), f.dest, false);
  }
  if (tables.length) {
    flow.heading(2, 'List of tables', { numbered: false, dest: anchors.tables });
    for (const t of tables) entry(flow, 0, `Table ${t.number}`, t.title, pageOf(t.dest), t.dest, false);
  }
}

export const ENTRY_HEIGHT = 13;

function entry(flow: Flow, indent: number, number: string, title: string, page: number, dest: string, strong: boolean): void {
  if (strong) flow.space(4);
  if (ENTRY_HEIGHT > flow.remaining) flow.newPage();
  flow.y -= ENTRY_HEIGHT;
  const size = strong ? 9 : 8.2;
  const face = strong ? 'bold' : 'regular';
  const numW = number.startsWith('Figure') || number.startsWith('Table') ? 52 : strong ? 20 : 28;
  const x = flow.left + indent;
  const pageText = String(page);
  const pageW = flow.measure.width(pageText, face, size);
  flow.text(x, flow.y + 3, number, face, size, strong ? ACCENT : MUTED);
  const avail = flow.right - pageW - 30 - (x + numW);
  const shown = fitText(title, flow.measure, face, size, avail);
  flow.text(x + numW, flow.y + 3, shown, face, size, INK);
  // Dot leaders from the title to the page number.
  const from = x + numW + flow.measure.width(shown, face, size) + 6;
  const to = flow.right - pageW - 6;
  if (to > from) flow.push({ t: 'path', pts: [from, flow.y + 3.5, to, flow.y + 3.5], stroke: RULE, width: 0.8, dash: [0.8, 2.6] });
  flow.textRight(flow.right, flow.y + 3, pageText, face, size, strong ? INK : MUTED);
  flow.push({ t: 'link', x, y: flow.y, w: flow.right - x, h: ENTRY_HEIGHT, dest });
}
