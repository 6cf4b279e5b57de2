// Numbers on screen in the units the model is written in (`units kN m`): the model view and the
// results are SI, the engineer reads kN, kN·m and mm (the unit table is
// webviews/shared/display-units.ts). Pure: no DOM, so Node tests import it.
import type { DisplayUnits } from '../shared/display-units';

export { displayUnits, type DisplayUnits } from '../shared/display-units';

export type Quantity = 'force' | 'moment' | 'forcePerLength' | 'momentPerLength' | 'length' | 'displacement' | 'rotation' | 'stress';

/** The SI value converted for display and its unit symbol. */
export function convert(u: DisplayUnits, q: Quantity, si: number): { value: number; unit: string } {
  switch (q) {
    case 'force':
      return { value: si / u.force.factor, unit: u.force.symbol };
    case 'moment':
      return { value: si / (u.force.factor * u.length.factor), unit: `${u.force.symbol}·${u.length.symbol}` };
    case 'forcePerLength':
      return { value: si / (u.force.factor / u.length.factor), unit: `${u.force.symbol}/${u.length.symbol}` };
    case 'momentPerLength':
      return { value: si / u.force.factor, unit: `${u.force.symbol}·${u.length.symbol}/${u.length.symbol}` };
    case 'length':
      return { value: si / u.length.factor, unit: u.length.symbol };
    case 'displacement':
      return { value: si / u.displacement.factor, unit: u.displacement.symbol };
    case 'rotation':
      return { value: si * 1e3, unit: 'mrad' };
    case 'stress':
      return u.force.symbol === 'lbf' || u.force.symbol === 'kip' ? { value: si / 6894757.293168, unit: 'ksi' } : { value: si / 1e6, unit: 'MPa' };
  }
}

/** A number with about three significant digits, no exponent for everyday magnitudes, a real
 * minus sign, and "0" for values that are zero to rounding. */
export function formatNumber(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a < 1e-9) return '0';
  let text: string;
  if (a >= 1e6 || a < 1e-3) text = v.toExponential(digits - 1).replace('e+', 'e');
  else {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
    text = v.toFixed(Math.min(decimals, 6));
    if (/^-?0(\.0*)?$/.test(text)) return '0';
    // 4 kN/m, not 4.00 kN/m: trailing zeros claim a precision nobody asked for.
    if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  }
  return text.replace(/^-/, '−');
}

export function formatQuantity(u: DisplayUnits, q: Quantity, si: number, digits = 3): string {
  const { value, unit } = convert(u, q, si);
  return `${formatNumber(value, digits)} ${unit}`;
}
