// Parsing of unit suffixes such as `kN*m/rad`, `N/mm2`, `53.8cm2`, and the default unit that a
// number written without one takes under `units FORCE LENGTH`.
import { DIMENSIONLESS, Dimension, dim, multiplyDimensions, divideDimensions, powerDimension } from './dimension';
import { findUnitAtom, unitAtoms } from './unit-table';

export interface Unit {
  readonly text: string;
  readonly factor: number;
  readonly dimension: Dimension;
}

export type UnitParse =
  | { ok: true; unit: Unit }
  /** offset/length locate the offending atom inside the unit text. */
  | { ok: false; message: string; offset: number; length: number };

const ATOM_RE = /([A-Za-z%]+)(\d*)/y;

/** Parses a unit suffix: atoms with an optional integer power joined by `*` or `/`. */
export function parseUnit(text: string): UnitParse {
  let factor = 1;
  let dimension: Dimension = DIMENSIONLESS;
  let pos = 0;
  let op: '*' | '/' = '*';
  while (pos < text.length) {
    ATOM_RE.lastIndex = pos;
    const m = ATOM_RE.exec(text);
    if (!m) return { ok: false, message: `Unexpected "${text[pos]}" in unit "${text}"`, offset: pos, length: 1 };
    const atom = findUnitAtom(m[1]);
    if (!atom) {
      return { ok: false, message: `Unknown unit "${m[1]}"${suggestUnit(m[1])}`, offset: pos, length: m[1].length };
    }
    const power = m[2] ? Number(m[2]) : 1;
    const f = Math.pow(atom.factor, power);
    const d = powerDimension(atom.dimension, power);
    if (op === '*') {
      factor *= f;
      dimension = multiplyDimensions(dimension, d);
    } else {
      factor /= f;
      dimension = divideDimensions(dimension, d);
    }
    pos += m[0].length;
    if (pos < text.length) {
      const c = text[pos];
      if (c !== '*' && c !== '/') return { ok: false, message: `Unexpected "${c}" in unit "${text}"`, offset: pos, length: 1 };
      op = c;
      pos++;
      if (pos === text.length) return { ok: false, message: `Unit "${text}" ends with "${c}"`, offset: pos - 1, length: 1 };
    }
  }
  return { ok: true, unit: { text, factor, dimension } };
}

function suggestUnit(name: string): string {
  const lower = name.toLowerCase();
  const hit = unitAtoms().find((a) => a.symbol.toLowerCase() === lower);
  return hit ? `. Did you mean "${hit.symbol}"?` : '';
}

/** The file's unit system: `units kN m` by default. */
export interface UnitSystem {
  readonly force: Unit;
  readonly length: Unit;
}

export function unitSystem(forceSymbol = 'kN', lengthSymbol = 'm'): UnitSystem {
  const f = findUnitAtom(forceSymbol)!;
  const l = findUnitAtom(lengthSymbol)!;
  return {
    force: { text: f.symbol, factor: f.factor, dimension: f.dimension },
    length: { text: l.symbol, factor: l.factor, dimension: l.dimension },
  };
}

export const DEFAULT_UNITS = unitSystem();

export type AngleUnit = 'deg' | 'rad';

/**
 * The unit a bare number takes in a slot of dimension `d`: FORCE^a · LENGTH^b · angle^c.
 * Undefined when `d` cannot be written in force and length (a density or a mass): such values
 * need an explicit unit.
 */
export function defaultUnit(d: Dimension, system: UnitSystem, angle: AngleUnit): Unit | undefined {
  const a = d.M;
  if (d.T !== -2 * a) return undefined;
  const b = d.L - a;
  const angleFactor = angle === 'deg' ? Math.PI / 180 : 1;
  const factor = Math.pow(system.force.factor, a) * Math.pow(system.length.factor, b) * Math.pow(angleFactor, d.A);
  return { text: formatUnit(system, a, b, d.A, angle), factor, dimension: d };
}

function formatUnit(system: UnitSystem, a: number, b: number, c: number, angle: AngleUnit): string {
  const num: string[] = [];
  const den: string[] = [];
  const put = (sym: string, p: number) => {
    if (p > 0) num.push(p === 1 ? sym : `${sym}${p}`);
    if (p < 0) den.push(p === -1 ? sym : `${sym}${-p}`);
  };
  put(system.force.text, a);
  put(system.length.text, b);
  put(angle, c);
  if (num.length === 0 && den.length === 0) return '';
  return (num.length ? num.join('*') : '1') + (den.length ? '/' + den.join('/') : '');
}

/** Writes an SI value in the unit `u` with a sensible number of digits. */
export function formatInUnit(si: number, u: Unit): string {
  const v = si / u.factor;
  return `${formatNumber(v)}${u.text}`;
}

export function formatNumber(v: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-3) return v.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(6)));
}

export { dim };
