// Numbers as the report prints them: each quantity in its display unit with a fixed number of
// decimals (so a column's decimal points line up), a real minus sign, and no "−0.00".
import type { DisplayUnits } from './options';

export type QuantityKind =
  | 'force' | 'moment' | 'length' | 'displacement' | 'rotation' | 'stress' | 'modulus' | 'area'
  | 'inertia' | 'sectionModulus' | 'lineLoad' | 'unitWeight' | 'density' | 'ratio' | 'spring'
  | 'rotSpring' | 'angle' | 'factor';

export const DEFAULT_DECIMALS: Record<QuantityKind, number> = {
  force: 2, moment: 2, length: 3, displacement: 2, rotation: 3, stress: 1, modulus: 1, area: 2,
  inertia: 1, sectionModulus: 1, lineLoad: 2, unitWeight: 2, density: 0, ratio: 3, spring: 0,
  rotSpring: 0, angle: 1, factor: 2,
};

export const MINUS = '\u2212';

/** Fixed decimals, U+2212 for negatives, never "−0". */
export function fixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '—';
  const s = value.toFixed(decimals);
  if (/^-0(\.0*)?$/.test(s)) return s.slice(1);
  return s.startsWith('-') ? MINUS + s.slice(1) : s;
}

interface UnitDef {
  label: string;
  /** SI value × scale = displayed value. */
  scale: number;
}

export class Formatter {
  private readonly defs: Record<QuantityKind, UnitDef>;

  constructor(readonly units: DisplayUnits, readonly decimals: Record<QuantityKind, number>) {
    const f = { N: 1, kN: 1e-3, MN: 1e-6 }[units.force];
    const l = units.length === 'mm' ? 1e3 : 1;
    const F = units.force;
    const L = units.length;
    this.defs = {
      force: { label: F, scale: f },
      moment: { label: `${F}·${L}`, scale: f * l },
      length: { label: L, scale: l },
      displacement: { label: units.displacement, scale: units.displacement === 'mm' ? 1e3 : 1 },
      rotation: { label: 'mrad', scale: 1e3 },
      stress: { label: 'MPa', scale: 1e-6 },
      modulus: { label: 'GPa', scale: 1e-9 },
      area: { label: 'cm²', scale: 1e4 },
      inertia: { label: 'cm⁴', scale: 1e8 },
      sectionModulus: { label: 'cm³', scale: 1e6 },
      lineLoad: { label: `${F}/${L}`, scale: f / l },
      unitWeight: { label: `${F}/m³`, scale: f },
      density: { label: 'kg/m³', scale: 1 },
      ratio: { label: '', scale: 1 },
      spring: { label: `${F}/${L}`, scale: f / l },
      rotSpring: { label: `${F}·${L}/rad`, scale: f * l },
      angle: { label: '°', scale: 180 / Math.PI },
      factor: { label: '', scale: 1 },
    };
  }

  unit(kind: QuantityKind): string {
    return this.defs[kind].label;
  }

  /** The number alone, in the display unit. */
  num(kind: QuantityKind, si: number): string {
    return fixed(si * this.defs[kind].scale, this.decimals[kind]);
  }

  /** The number with its unit: "12.50 kN". */
  q(kind: QuantityKind, si: number): string {
    const label = this.defs[kind].label;
    return label ? `${this.num(kind, si)} ${label}` : this.num(kind, si);
  }

  /** The displayed value as a number (for tests and comparisons). */
  display(kind: QuantityKind, si: number): number {
    return si * this.defs[kind].scale;
  }
}

/** "2024-05-01" */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
