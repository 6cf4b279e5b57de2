// The table module's page rules, on a fixed-width measure: headers with units repeated on every
// page, "(continued)" captions, groups kept together, no orphan and no widow rows, wrapping.
import { strict as assert } from 'node:assert';
import { AnchorRegistry, Flow, pageGeometry } from '../../language-server/src/report/layout/flow';
import { paginate, table, type Row } from '../../language-server/src/report/layout/table';
import { cachedMeasure, wrapText } from '../../language-server/src/report/layout/text-metrics';
import type { TextOp } from '../../language-server/src/report/layout/display-list';

const measure = cachedMeasure(() => 600);

function texts(flow: Flow, page: number): string[] {
  return flow.pages[page].ops.filter((o): o is TextOp => o.t === 'text').map((o) => o.text);
}

describe('report table layout', () => {
  it('paginate: fills pages, starts on a new page rather than leaving an orphan, never leaves a widow', () => {
    assert.deepEqual(paginate([10, 10, 10], 100, 100), [[0, 1, 2]]);
    assert.deepEqual(paginate([40, 40, 40], 100, 100), [[0, 1], [2]]);
    // Only one row fits at the bottom: the table starts on the next page.
    const orphan = paginate([30, 30, 30, 30], 40, 100);
    assert.deepEqual(orphan[0], []);
    assert.deepEqual(orphan.flat(), [0, 1, 2, 3]);
    // Widow: the last row alone on a page takes the one before with it.
    const widow = paginate([20, 20, 20, 20, 20, 20], 100, 100);
    assert.deepEqual(widow, [[0, 1, 2, 3], [4, 5]]);
    // Every unit once, in order.
    const many = paginate(Array.from({ length: 100 }, (_, k) => 5 + (k % 7)), 50, 300);
    assert.deepEqual(many.flat(), Array.from({ length: 100 }, (_, k) => k));
    for (const chunk of many.slice(1)) assert.ok(chunk.length >= 2);
  });

  it('repeats the caption with "(continued)" and the header with units on every page', () => {
    const flow = new Flow(pageGeometry('A4'), measure, new AnchorRegistry());
    const rows: Row[] = Array.from({ length: 150 }, (_, k) => ({ cells: [`N${k + 1}`, (k * 1.5).toFixed(3), '0.000'] }));
    table(flow, { title: 'Node coordinates', columns: [{ header: 'Node' }, { header: 'X', unit: 'm', align: 'right' }, { header: 'Y', unit: 'm', align: 'right' }], rows });
    assert.ok(flow.pages.length >= 3);
    assert.equal(flow.tables.length, 1);
    flow.pages.forEach((_, p) => {
      const t = texts(flow, p);
      assert.ok(t.includes('Node') && t.includes('[m]'), `header on page ${p + 1}`);
      assert.ok(t.includes(p === 0 ? 'Node coordinates' : 'Node coordinates (continued)'), `caption on page ${p + 1}`);
      if (p < flow.pages.length - 1) assert.ok(t.includes('Table 1 continues on the next page'));
    });
    // Every row exactly once, in order.
    const names = flow.pages.flatMap((_, p) => texts(flow, p).filter((s) => /^N\d+$/.test(s)));
    assert.deepEqual(names, rows.map((r) => r.cells[0]));
    // Right-aligned numbers end at the same x.
    const ends = flow.pages[0].ops.filter((o): o is TextOp => o.t === 'text' && /^\d+\.\d{3}$/.test(o.text) && o.text !== '0.000').map((o) => o.x + measure.width(o.text, o.face, o.size));
    assert.ok(ends.length > 10 && ends.every((e) => Math.abs(e - ends[0]) < 1e-6));
  });

  it('keeps the rows of a group on one page', () => {
    const flow = new Flow(pageGeometry('A4'), measure, new AnchorRegistry());
    const rows: Row[] = [];
    for (let g = 0; g < 60; g++) for (let k = 0; k < 3; k++) rows.push({ group: g, cells: [k === 0 ? `G${g}` : '', `row ${k}`] });
    table(flow, { title: 'Groups', columns: [{ header: 'Case' }, { header: 'Line' }], rows });
    for (let p = 0; p < flow.pages.length; p++) {
      const t = texts(flow, p).filter((s) => s.startsWith('row '));
      assert.equal(t.length % 3, 0, `page ${p + 1} holds whole groups`);
      assert.equal(t[0], 'row 0');
    }
  });

  it('wraps long text in wrapping columns and never exceeds the text width', () => {
    const flow = new Flow(pageGeometry('A4'), measure, new AnchorRegistry());
    const long = 'a very long message that explains at length what is wrong with the model and how to fix it '.repeat(3);
    table(flow, { title: 'Diagnostics', columns: [{ header: 'Code' }, { header: 'Message', wrap: true }], rows: [{ cells: ['S1001', long] }] });
    const ops = flow.pages[0].ops.filter((o): o is TextOp => o.t === 'text');
    const lines = ops.filter((o) => long.includes(o.text) && o.text.length > 10);
    assert.ok(lines.length >= 3, `wrapped into ${lines.length} lines`);
    for (const o of ops) assert.ok(o.x + measure.width(o.text, o.face, o.size) <= flow.right + 1e-6, o.text);
    assert.deepEqual(wrapText('', measure, 'regular', 8, 100), ['']);
    assert.deepEqual(wrapText('abcdefghij', measure, 'regular', 10, 30), ['abcde', 'fghij']);
  });
});
