// Numbers on the dashboard in the units the model is written in (`units kN m`): results are SI,
// the engineer reads kN, kN·m and mm (the unit table is webviews/shared/display-units.ts).
// Pure (no DOM), so Node tests import it.
import type { DiagramQuantity } from '../../language-server/src/shared/dashboard-messages';
import type { DisplayUnits, Unit } from '../shared/display-units';

export { displayUnits, type DisplayUnits, type Unit } from '../shared/display-units';

/** The unit a diagram quantity is shown in. */
export function diagramUnit(u: DisplayUnits, q: DiagramQuantity): Unit {
  return q === 'T' || q === 'My' || q === 'Mz' ? u.moment : u.force;
}

/** A number with about `digits` significant digits, no exponent for everyday magnitudes, a real
 * minus sign, and "0" for values that are zero to rounding. */
export function formatNumber(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return v !== v ? '–' : v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a < 1e-12) return '0';
  let text: string;
  if (a >= 1e7 || a < 1e-4) text = v.toExponential(digits - 1).replace('e+', 'e');
  else {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
    text = v.toFixed(Math.min(decimals, 6));
    if (/^-?0(\.0*)?$/.test(text)) return '0';
  }
  return text.replace(/^-/, '−');
}

/** `si` shown in `unit`, e.g. "12.3 kN". */
export function formatIn(si: number, unit: Unit, digits = 3): string {
  return `${formatNumber(si / unit.factor, digits)} ${unit.symbol}`;
}

/** A utilisation ratio with two decimals ("0.87"), the way engineers quote them. */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return formatNumber(r);
  return r.toFixed(2);
}

/** A relative error as a power of ten, e.g. "2.1e−12". */
export function formatRelative(r: number): string {
  if (!Number.isFinite(r)) return formatNumber(r);
  if (r === 0) return '0';
  return r.toExponential(1).replace('e+', 'e').replace('-', '−');
}
