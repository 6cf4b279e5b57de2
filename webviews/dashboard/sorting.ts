// Sorting of the dashboard's tables: names in natural order (B2 before B10, as an engineer
// numbers members), numbers numerically, ties broken by member and check so a re-sort never
// shuffles equal rows. Pure: no DOM.
import type { GoverningRow } from './utilisation';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export type SortKey = 'member' | 'check' | 'utilisation' | 'x' | 'combination';
export const SORT_KEYS: readonly SortKey[] = ['member', 'check', 'utilisation', 'x', 'combination'];

export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

/** What a click on a column header does: the same column flips, another starts in its natural
 * direction (utilisation highest first, everything else ascending). */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key === 'utilisation' };
}

export function isSortKey(k: unknown): k is SortKey {
  return typeof k === 'string' && (SORT_KEYS as readonly string[]).includes(k);
}

function compareBy(key: SortKey, a: GoverningRow, b: GoverningRow): number {
  switch (key) {
    case 'member':
      return naturalCompare(a.member, b.member);
    case 'check':
      return naturalCompare(a.check, b.check);
    case 'utilisation':
      return numeric(a.utilisation, b.utilisation);
    case 'x':
      return numeric(a.x, b.x);
    case 'combination':
      return naturalCompare(a.combination, b.combination);
  }
}

/** NaN sorts after every number (in either direction it is what needs looking at, so it is
 * kept at the end rather than flipped to the top). */
function numeric(a: number, b: number): number {
  const na = Number.isNaN(a);
  const nb = Number.isNaN(b);
  if (na || nb) return na === nb ? 0 : na ? 1 : -1;
  return a - b;
}

export function sortRows(rows: GoverningRow[], order: SortOrder): GoverningRow[] {
  const sign = order.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((p, q) => {
      const primary = compareBy(order.key, p.row, q.row);
      const nan = order.key === 'utilisation' || order.key === 'x' ? Number.isNaN(p.row[order.key]) || Number.isNaN(q.row[order.key]) : false;
      return (nan ? primary : sign * primary) || naturalCompare(p.row.member, q.row.member) || naturalCompare(p.row.check, q.row.check) || p.index - q.index;
    })
    .map((p) => p.row);
}
