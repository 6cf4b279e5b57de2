// Draws the values-at-cursor strip under the member diagrams.
import { QUANTITIES } from './quantities';
import type { Readout } from './readout';
import { diagramUnit, formatNumber, type DisplayUnits } from './units';

export function renderReadout(host: HTMLElement, r: Readout | null, units: DisplayUnits, atRest: boolean): void {
  if (!r) {
    host.replaceChildren();
    return;
  }
  const head = document.createElement('div');
  head.className = 'readout-head';
  head.textContent = `x = ${formatNumber(r.x / units.length.factor)} ${units.length.symbol}${atRest ? ' (midspan; hover the diagrams to move)' : ''}`;
  const cells = QUANTITIES.map((q) => {
    const unit = diagramUnit(units, q);
    const v = r.values[q];
    const p = r.peaks[q];
    const cell = document.createElement('div');
    cell.className = 'readout-cell';
    cell.dataset.quantity = q;
    const name = document.createElement('span');
    name.className = 'readout-name';
    name.textContent = q;
    const value = document.createElement('span');
    value.className = 'readout-value';
    value.textContent = `${formatNumber(v.value / unit.factor)} ${unit.symbol}`;
    const range = document.createElement('span');
    range.className = 'readout-range muted';
    range.textContent = `envelope ${formatNumber(v.min / unit.factor)} … ${formatNumber(v.max / unit.factor)}`;
    const peak = document.createElement('span');
    peak.className = 'readout-range muted';
    peak.textContent = `peak ${formatNumber(p.value / unit.factor)} at ${formatNumber(p.x / units.length.factor)} ${units.length.symbol}`;
    cell.append(name, value, range, peak);
    return cell;
  });
  const grid = document.createElement('div');
  grid.className = 'readout-grid';
  grid.append(...cells);
  host.replaceChildren(head, grid);
}
