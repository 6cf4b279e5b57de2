// Small result tables (reactions, equilibrium, deflection checks) as plain HTML styled with the
// theme (base.css `table.grid`): numbers right-aligned in tabular figures, totals set apart.
import type { ElementRef } from '../../language-server/src/shared/panel-messages';
import { spanRatio, type DeflectionRow } from './deflection';
import type { EquilibriumRow } from './equilibrium';
import { COMPONENTS, type ReactionTable } from './reactions';
import { formatIn, formatNumber, formatRatio, formatRelative, type DisplayUnits } from './units';

export interface Column {
  label: string;
  numeric?: boolean;
  title?: string;
}

export interface Row {
  cells: (string | HTMLElement)[];
  className?: string;
  element?: ElementRef;
  title?: string;
}

export function table(id: string, columns: Column[], rows: Row[], onSelect?: (e: ElementRef) => void, foot: Row[] = []): HTMLTableElement {
  const t = document.createElement('table');
  t.className = 'grid compact';
  t.id = id;
  const thead = document.createElement('thead');
  const hr = document.createElement('tr');
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c.label;
    if (c.numeric) th.className = 'num';
    if (c.title) th.title = c.title;
    hr.append(th);
  }
  thead.append(hr);
  const body = (rs: Row[], tag: 'tbody' | 'tfoot') => {
    const el = document.createElement(tag);
    for (const r of rs) {
      const tr = document.createElement('tr');
      if (r.className) tr.className = r.className;
      if (r.title) tr.title = r.title;
      r.cells.forEach((cell, k) => {
        const td = document.createElement(k === 0 && tag === 'tfoot' ? 'th' : 'td');
        if (columns[k]?.numeric) td.className = 'num';
        td.append(cell);
        tr.append(td);
      });
      if (r.element && onSelect) {
        const ref = r.element;
        tr.dataset.element = `${ref.kind}:${ref.name}`;
        tr.tabIndex = 0;
        tr.addEventListener('click', () => onSelect(ref));
        tr.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') onSelect(ref);
        });
      } else tr.classList.add('static');
      el.append(tr);
    }
    return el;
  };
  t.append(thead, body(rows, 'tbody'));
  if (foot.length) t.append(body(foot, 'tfoot'));
  return t;
}

function status(ok: boolean, warn = false): HTMLElement {
  const s = document.createElement('span');
  s.className = `status ${ok ? (warn ? 'warning' : 'ok') : 'error'}`;
  s.textContent = ok ? (warn ? '!' : '✓') : '✗';
  s.setAttribute('aria-label', ok ? (warn ? 'warning' : 'ok') : 'fails');
  return s;
}

export function reactionsTable(t: ReactionTable, units: DisplayUnits, onSelect: (e: ElementRef) => void): HTMLTableElement {
  const unitOf = (k: number) => (k < 3 ? units.force : units.moment);
  const columns: Column[] = [{ label: 'Support' }, ...COMPONENTS.map((c, k) => ({ label: `${c} (${unitOf(k).symbol})`, numeric: true }))];
  const num = (v: number, k: number) => (Number.isNaN(v) ? '–' : formatNumber(v / unitOf(k).factor, 4));
  const rows: Row[] = t.rows.map((r) => ({ cells: [r.node, ...r.values.map(num)], element: { kind: 'node', name: r.node } }));
  const foot: Row[] = [
    { cells: ['Σ reactions', ...t.total.map(num)], title: 'Forces summed; moments about the global origin' },
    { cells: ['Applied loads', ...t.applied.map(num)], title: 'Resultant of the applied loads; moments about the global origin' },
    { cells: ['Applied + reactions', ...t.difference.map(num)], className: 'difference', title: 'Zero when the case is in equilibrium' },
  ];
  return table('reactions-table', columns, rows, onSelect, foot);
}

export function equilibriumTable(rows: EquilibriumRow[], units: DisplayUnits): HTMLTableElement {
  const f = (v: number) => formatNumber(v / units.force.factor, 4);
  const columns: Column[] = [
    { label: 'Case' },
    { label: `Applied ΣFx (${units.force.symbol})`, numeric: true },
    { label: 'ΣFy', numeric: true },
    { label: 'ΣFz', numeric: true },
    { label: `Reactions ΣFx (${units.force.symbol})`, numeric: true },
    { label: 'ΣFy', numeric: true },
    { label: 'ΣFz', numeric: true },
    { label: 'Relative error', numeric: true, title: '|applied + reactions| over the size of the loads, forces and moments about the origin' },
    { label: '' },
  ];
  return table('equilibrium-table', columns, rows.map((r) => ({
    cells: [r.case, f(r.applied[0]), f(r.applied[1]), f(r.applied[2]), f(r.reactions[0]), f(r.reactions[1]), f(r.reactions[2]), formatRelative(r.error), status(r.status !== 'error', r.status === 'warning')],
    title: `Moments about the origin (${units.moment.symbol}): applied ${r.applied.slice(3).map((v) => formatNumber(v / units.moment.factor, 4)).join(', ')}; reactions ${r.reactions.slice(3).map((v) => formatNumber(v / units.moment.factor, 4)).join(', ')}`,
  })));
}

export function deflectionTable(rows: DeflectionRow[], units: DisplayUnits, onSelect: (e: ElementRef) => void): HTMLTableElement {
  const columns: Column[] = [
    { label: 'Member' }, { label: 'Combination' },
    { label: `δ (${units.displacement.symbol})`, numeric: true, title: 'Deflection relative to the chord between the displaced ends' },
    { label: `Allowed (${units.displacement.symbol})`, numeric: true },
    { label: 'δ / L', numeric: true }, { label: 'Limit', numeric: true },
    { label: `x (${units.length.symbol})`, numeric: true }, { label: 'Ratio', numeric: true }, { label: '' },
  ];
  return table('deflection-table', columns, rows.map((r) => ({
    cells: [
      r.member, r.combination,
      r.deflection === undefined ? '–' : formatNumber(r.deflection / units.displacement.factor),
      r.allowed === undefined ? '–' : formatNumber(r.allowed / units.displacement.factor),
      spanRatio(r.spanOverDeflection), spanRatio(r.spanOverLimit),
      formatIn(r.x, units.length).replace(` ${units.length.symbol}`, ''), formatRatio(r.utilisation), status(r.ok, r.ok && r.utilisation > 0.9),
    ],
    element: { kind: 'member', name: r.member },
    className: r.ok ? undefined : 'failing',
  })), onSelect);
}
