// The summary tiles: one glance says whether the structure works, where it is tight, and whether
// the numbers can be trusted (equilibrium, diagnostics, out-of-date state).
import type { ElementRef } from '../../language-server/src/shared/panel-messages';
import { spanRatio } from './deflection';
import { formatIn, formatNumber, formatRatio, formatRelative, type DisplayUnits } from './units';
import type { Summary } from './summary';
import { bandOf } from './utilisation';

export type TileStatus = 'ok' | 'warning' | 'error' | 'none';

interface TileContent {
  key: string;
  label: string;
  value: string;
  /** a word after the value in smaller type ("members") */
  unit?: string;
  detail: string;
  status: TileStatus;
  /** a member the tile is about: clicking the tile selects it */
  element?: ElementRef;
  title?: string;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? word : many}`;
}

export function tileContents(s: Summary, units: DisplayUnits): TileContent[] {
  const tiles: TileContent[] = [];
  const u = s.utilisation;
  if (u.worst) {
    const w = u.worst;
    const band = bandOf(w.utilisation);
    tiles.push({
      key: 'utilisation', label: 'Max utilisation', value: formatRatio(w.utilisation),
      detail: `${w.member} · ${w.check} · ${w.combination} · x = ${formatIn(w.x, units.length)}`,
      status: band === 'fails' ? 'error' : band === 'critical' ? 'warning' : 'ok',
      element: { kind: 'member', name: w.member }, title: `Governing check: ${w.check} of ${w.member} under ${w.combination}, ratio ${formatNumber(w.ratio, 4)} against limit ${w.limit}`,
    });
  } else tiles.push({ key: 'utilisation', label: 'Max utilisation', value: '–', detail: 'no design checks in the model', status: 'none' });

  tiles.push({
    key: 'failing', label: 'Failing', value: u.checks ? `${u.failingMembers.toLocaleString('en')} / ${u.members.toLocaleString('en')}` : '–',
    detail: u.checks ? `members fail · ${plural(u.failingChecks, 'check')} of ${u.checks.toLocaleString('en')} fail` : 'no design checks in the model',
    status: !u.checks ? 'none' : u.failingChecks ? 'error' : 'ok',
  });

  if (s.deflection) {
    const d = s.deflection;
    const compare = d.deflection !== undefined && d.allowed !== undefined ? `δ ${formatIn(d.deflection, units.displacement)} ${d.ok ? '≤' : '>'} ${formatIn(d.allowed, units.displacement)}` : `ratio ${formatRatio(d.utilisation)}`;
    tiles.push({
      key: 'deflection', label: 'Max deflection', value: d.spanOverDeflection !== undefined ? spanRatio(d.spanOverDeflection) : formatRatio(d.utilisation),
      detail: `${compare}${d.spanOverLimit !== undefined ? ` (limit ${spanRatio(d.spanOverLimit)})` : ''} · ${d.member} · ${d.combination}`,
      status: d.ok ? (d.utilisation > 0.9 ? 'warning' : 'ok') : 'error', element: { kind: 'member', name: d.member },
    });
  } else if (s.displacement) {
    const d = s.displacement;
    tiles.push({
      key: 'deflection', label: 'Max displacement', value: formatIn(d.value, units.displacement),
      detail: `node ${d.node} · ${d.case} · no deflection check`, status: 'none', element: { kind: 'node', name: d.node },
    });
  } else tiles.push({ key: 'deflection', label: 'Max deflection', value: '–', detail: 'no results', status: 'none' });

  const e = s.worstEquilibrium;
  if (e) {
    const balanced = s.equilibrium.filter((r) => r.status === 'ok').length;
    tiles.push({
      key: 'equilibrium', label: 'Equilibrium error', value: formatRelative(e.error),
      detail: balanced === s.equilibrium.length ? `all ${plural(s.equilibrium.length, 'case')} balance · worst ${e.case}` : `${s.equilibrium.length - balanced} of ${plural(s.equilibrium.length, 'case')} off · worst ${e.case}`,
      status: e.status, title: 'Largest |Σ applied + Σ reactions| relative to the loads, over the cases (forces and moments about the origin)',
    });
  } else tiles.push({ key: 'equilibrium', label: 'Equilibrium error', value: '–', detail: 'not reported', status: 'none' });

  const st = s.statistics;
  tiles.push({
    key: 'model', label: 'Model', value: st.members.toLocaleString('en'), unit: st.members === 1 ? 'member' : 'members',
    detail: `${plural(st.nodes, 'node')} · ${plural(st.supports, 'support')} · ${plural(st.dofs, 'DOF')} · ${plural(st.loadCases, 'case')} + ${plural(st.combinations, 'combination')}`,
    status: 'none',
  });

  const dg = s.diagnostics;
  const first = dg.shown.find((d) => d.severity === 'error' || d.severity === 'warning');
  tiles.push({
    key: 'diagnostics', label: 'Solver & model diagnostics', value: dg.errors || dg.warnings ? `${plural(dg.errors, 'error')} · ${plural(dg.warnings, 'warning')}` : 'none',
    detail: first ? `${first.code}: ${first.message}` : 'no warnings from the model or the solver',
    status: dg.errors ? 'error' : dg.warnings ? 'warning' : 'ok',
    title: dg.shown.map((d) => `${d.severity} ${d.code} ${d.path}:${d.range.start.line + 1}: ${d.message}`).join('\n'),
  });
  return tiles;
}

/** Draws the tiles into `host`; `onSelect` gets the element of a clicked tile. */
export function renderTiles(host: HTMLElement, tiles: TileContent[], onSelect: (e: ElementRef) => void): void {
  host.replaceChildren(...tiles.map((t) => {
    const el = document.createElement(t.element ? 'button' : 'div');
    el.className = 'tile';
    el.dataset.tile = t.key;
    el.dataset.status = t.status;
    if (t.title) el.title = t.title;
    const label = document.createElement('div');
    label.className = 'tile-label';
    label.textContent = t.label;
    const value = document.createElement('div');
    value.className = 'tile-value';
    value.textContent = t.value;
    if (t.unit) {
      const unit = document.createElement('span');
      unit.className = 'tile-unit';
      unit.textContent = ` ${t.unit}`;
      value.append(unit);
    }
    const detail = document.createElement('div');
    detail.className = 'tile-detail';
    detail.textContent = t.detail;
    el.append(label, value, detail);
    if (t.element) {
      const ref = t.element;
      el.addEventListener('click', () => onSelect(ref));
    }
    return el;
  }));
}
