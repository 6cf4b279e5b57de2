// The unit atoms of the language (spec "Lexical rules") with their factor to SI and dimension.
import { ANGLE, DIMENSIONLESS, Dimension, FORCE, LENGTH, MASS, MOMENT, STRESS } from './dimension';

export interface UnitAtom {
  readonly symbol: string;
  readonly factor: number;
  readonly dimension: Dimension;
  readonly description: string;
}

const INCH = 0.0254;
const FOOT = 0.3048;
const LBF = 4.4482216152605;

const ATOMS: UnitAtom[] = [
  { symbol: 'm', factor: 1, dimension: LENGTH, description: 'metre' },
  { symbol: 'mm', factor: 1e-3, dimension: LENGTH, description: 'millimetre' },
  { symbol: 'cm', factor: 1e-2, dimension: LENGTH, description: 'centimetre' },
  { symbol: 'in', factor: INCH, dimension: LENGTH, description: 'inch' },
  { symbol: 'ft', factor: FOOT, dimension: LENGTH, description: 'foot' },
  { symbol: 'N', factor: 1, dimension: FORCE, description: 'newton' },
  { symbol: 'kN', factor: 1e3, dimension: FORCE, description: 'kilonewton' },
  { symbol: 'MN', factor: 1e6, dimension: FORCE, description: 'meganewton' },
  { symbol: 'lbf', factor: LBF, dimension: FORCE, description: 'pound-force' },
  { symbol: 'kip', factor: 1e3 * LBF, dimension: FORCE, description: 'kip (1000 lbf)' },
  { symbol: 'Pa', factor: 1, dimension: STRESS, description: 'pascal' },
  { symbol: 'kPa', factor: 1e3, dimension: STRESS, description: 'kilopascal' },
  { symbol: 'MPa', factor: 1e6, dimension: STRESS, description: 'megapascal' },
  { symbol: 'GPa', factor: 1e9, dimension: STRESS, description: 'gigapascal' },
  { symbol: 'psi', factor: LBF / (INCH * INCH), dimension: STRESS, description: 'pound per square inch' },
  { symbol: 'ksi', factor: (1e3 * LBF) / (INCH * INCH), dimension: STRESS, description: 'kip per square inch' },
  { symbol: 'kg', factor: 1, dimension: MASS, description: 'kilogram' },
  { symbol: 't', factor: 1e3, dimension: MASS, description: 'tonne' },
  { symbol: 'deg', factor: Math.PI / 180, dimension: ANGLE, description: 'degree' },
  { symbol: 'rad', factor: 1, dimension: ANGLE, description: 'radian' },
  { symbol: '%', factor: 0.01, dimension: DIMENSIONLESS, description: 'percent' },
  // `kNm` is the spec's spelling of kN*m; the other moment contractions follow the same rule.
  { symbol: 'Nm', factor: 1, dimension: MOMENT, description: 'newton metre' },
  { symbol: 'kNm', factor: 1e3, dimension: MOMENT, description: 'kilonewton metre' },
  { symbol: 'MNm', factor: 1e6, dimension: MOMENT, description: 'meganewton metre' },
];

const BY_SYMBOL = new Map(ATOMS.map((a) => [a.symbol, a]));

export function findUnitAtom(symbol: string): UnitAtom | undefined {
  return BY_SYMBOL.get(symbol);
}

export function unitAtoms(): readonly UnitAtom[] {
  return ATOMS;
}

export const FORCE_UNITS = ['N', 'kN', 'MN', 'lbf', 'kip'] as const;
export const LENGTH_UNITS = ['m', 'mm', 'cm', 'in', 'ft'] as const;
