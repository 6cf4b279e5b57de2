// Appendix "Model source" (checker preset): every file of the model with line numbers, so the
// checking engineer reads exactly what was analysed; its SHA-256 ties it to the file.
import type { ReportContext } from '../context';
import { INK, MUTED, SHADE } from '../layout/display-list';
import { wrapText } from '../layout/text-metrics';

export function sourceSection(ctx: ReportContext): void {
  const { flow } = ctx;
  flow.heading(1, 'Appendix: model source');
  const size = 6.8;
  const leading = 8.4;
  for (const f of ctx.files) {
    flow.heading(2, f.path);
    flow.paragraph(`SHA-256 ${f.sha256}`, { face: 'mono', size: 6.8, color: MUTED });
    const lines = f.text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    const numW = flow.measure.width(String(lines.length), 'mono', size) + 8;
    lines.forEach((line, k) => {
      const parts = wrapText(line.replace(/\t/g, '  '), flow.measure, 'mono', size, flow.width - numW - 4);
      parts.forEach((part, j) => {
        if (leading > flow.remaining) flow.newPage();
        flow.y -= leading;
        if (j === 0) {
          if (k % 2 === 1) flow.push({ t: 'rect', x: flow.left, y: flow.y - 2.2, w: flow.width, h: leading, fill: SHADE });
          flow.textRight(flow.left + numW - 6, flow.y, String(k + 1), 'mono', size, MUTED);
        }
        flow.text(flow.left + numW, flow.y, part, 'mono', size, INK);
      });
    });
    flow.y -= 8;
  }
}
