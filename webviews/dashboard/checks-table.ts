// The governing-checks table: member, check, utilisation (with a bar in its band's colour),
// position, combination; sorted by a click on a column header, a click on a row selects the
// member. Long tables show their first rows and grow on request (a 10k-member model's table is
// not 20k DOM rows on every update).
import type { ChartTheme } from './chart-theme';
import { sortRows, nextSort, type SortKey, type SortOrder } from './sorting';
import { formatNumber, formatRatio, type DisplayUnits } from './units';
import { bandOf, type GoverningRow } from './utilisation';

const COLUMNS: { key: SortKey; label: string; numeric?: boolean; title: string }[] = [
  { key: 'member', label: 'Member', title: 'Sort by member' },
  { key: 'check', label: 'Check', title: 'Sort by check' },
  { key: 'utilisation', label: 'Ratio', numeric: true, title: 'Utilisation: ratio / limit' },
  { key: 'x', label: 'x', numeric: true, title: 'Position of the governing value, from end i' },
  { key: 'combination', label: 'Combination', title: 'Sort by combination' },
];

export const PAGE_ROWS = 200;

export interface ChecksTableOptions {
  onSort(order: SortOrder): void;
  onRow(member: string): void;
  onMore(rows: number): void;
}

export class ChecksTable {
  readonly element: HTMLElement;
  private readonly table = document.createElement('table');
  private readonly more = document.createElement('button');
  private readonly empty = document.createElement('p');

  constructor(private readonly opts: ChecksTableOptions) {
    this.element = document.createElement('div');
    this.element.className = 'table-wrap';
    this.table.className = 'grid checks';
    this.table.id = 'checks-table';
    this.more.className = 'link-button';
    this.more.id = 'checks-more';
    this.empty.className = 'muted empty';
    this.element.append(this.table, this.more, this.empty);
  }

  render(rows: GoverningRow[], order: SortOrder, limit: number, units: DisplayUnits, theme: ChartTheme, selected?: string): void {
    const sorted = sortRows(rows, order);
    const thead = document.createElement('thead');
    const head = document.createElement('tr');
    for (const c of COLUMNS) {
      const th = document.createElement('th');
      th.scope = 'col';
      if (c.numeric) th.className = 'num';
      th.setAttribute('aria-sort', order.key === c.key ? (order.descending ? 'descending' : 'ascending') : 'none');
      const b = document.createElement('button');
      b.className = 'sort';
      b.dataset.key = c.key;
      b.title = c.title;
      b.textContent = c.key === 'x' ? `x (${units.length.symbol})` : c.label;
      const arrow = document.createElement('span');
      arrow.className = 'sort-arrow';
      arrow.textContent = order.key === c.key ? (order.descending ? '▼' : '▲') : '';
      b.append(arrow);
      b.addEventListener('click', () => this.opts.onSort(nextSort(order, c.key)));
      th.append(b);
      head.append(th);
    }
    thead.append(head);
    const tbody = document.createElement('tbody');
    const shown = sorted.slice(0, limit);
    for (const r of shown) {
      const tr = document.createElement('tr');
      tr.dataset.member = r.member;
      tr.tabIndex = 0;
      if (r.member === selected) tr.classList.add('selected');
      if (!r.ok) tr.classList.add('failing');
      const band = bandOf(r.utilisation);
      const cells: (string | HTMLElement)[] = [r.member, r.check, this.ratioCell(r, theme.bands[band]), formatNumber(r.x / units.length.factor), r.combination];
      cells.forEach((content, k) => {
        const td = document.createElement('td');
        if (COLUMNS[k].numeric) td.className = 'num';
        td.append(content);
        tr.append(td);
      });
      tr.addEventListener('click', () => this.opts.onRow(r.member));
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          this.opts.onRow(r.member);
        }
      });
      tbody.append(tr);
    }
    this.table.replaceChildren(thead, tbody);
    this.table.hidden = rows.length === 0;
    this.empty.textContent = rows.length === 0 ? 'No design checks: add `check stress` or `check deflection` to the model.' : '';
    this.more.hidden = sorted.length <= limit;
    this.more.textContent = `Show ${Math.min(PAGE_ROWS * 5, sorted.length - limit).toLocaleString('en')} more of ${sorted.length.toLocaleString('en')} rows`;
    this.more.onclick = () => this.opts.onMore(limit + PAGE_ROWS * 5);
  }

  private ratioCell(r: GoverningRow, colour: string): HTMLElement {
    const wrap = document.createElement('span');
    wrap.className = 'ratio';
    wrap.title = `ratio ${formatNumber(r.ratio, 4)}, limit ${r.limit}${r.ok ? '' : ' — fails'}`;
    const bar = document.createElement('span');
    bar.className = 'ratio-bar';
    const fill = document.createElement('span');
    fill.className = 'ratio-fill';
    // CSSOM, not a style attribute: allowed under the panel's policy either way.
    fill.style.width = `${Math.max(0, Math.min(1, r.utilisation)) * 100}%`;
    fill.style.background = colour;
    bar.append(fill);
    const text = document.createElement('span');
    text.className = 'ratio-text';
    text.textContent = formatRatio(r.utilisation);
    wrap.append(bar, text);
    return wrap;
  }

  /** Marks the selected member's rows without re-rendering. */
  select(member: string | undefined): void {
    for (const tr of this.table.querySelectorAll<HTMLTableRowElement>('tbody tr')) tr.classList.toggle('selected', tr.dataset.member === member);
  }
}
