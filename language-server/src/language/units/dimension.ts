// Physical dimensions as exponent vectors over mass, length, time and plane angle.
// Angle is kept as its own base so that `kN*m/rad` (a rotational spring) and `kN*m` (a moment)
// are told apart, which engineers expect; a fraction (`%`) is dimensionless.

export interface Dimension {
  readonly M: number;
  readonly L: number;
  readonly T: number;
  readonly A: number;
}

export const dim = (M: number, L: number, T: number, A = 0): Dimension => ({ M, L, T, A });

export const DIMENSIONLESS = dim(0, 0, 0);
export const LENGTH = dim(0, 1, 0);
export const MASS = dim(1, 0, 0);
export const FORCE = dim(1, 1, -2);
export const ANGLE = dim(0, 0, 0, 1);
export const AREA = dim(0, 2, 0);
export const VOLUME = dim(0, 3, 0);
export const SECOND_MOMENT = dim(0, 4, 0);
export const STRESS = dim(1, -1, -2);
export const MOMENT = dim(1, 2, -2);
export const LINE_LOAD = dim(1, 0, -2);
export const UNIT_WEIGHT = dim(1, -2, -2);
export const DENSITY = dim(1, -3, 0);
export const TRANSLATIONAL_SPRING = dim(1, 0, -2);
export const ROTATIONAL_SPRING = dim(1, 2, -2, -1);

export function sameDimension(a: Dimension, b: Dimension): boolean {
  return a.M === b.M && a.L === b.L && a.T === b.T && a.A === b.A;
}

export function multiplyDimensions(a: Dimension, b: Dimension): Dimension {
  return dim(a.M + b.M, a.L + b.L, a.T + b.T, a.A + b.A);
}

export function divideDimensions(a: Dimension, b: Dimension): Dimension {
  return dim(a.M - b.M, a.L - b.L, a.T - b.T, a.A - b.A);
}

export function powerDimension(a: Dimension, p: number): Dimension {
  return dim(a.M * p, a.L * p, a.T * p, a.A * p);
}

export function isDimensionless(a: Dimension): boolean {
  return sameDimension(a, DIMENSIONLESS);
}

const NAMED: [Dimension, string][] = [
  [DIMENSIONLESS, 'a plain number'],
  [LENGTH, 'a length'],
  [MASS, 'a mass'],
  [FORCE, 'a force'],
  [ANGLE, 'an angle'],
  [AREA, 'an area'],
  [VOLUME, 'a section modulus'],
  [SECOND_MOMENT, 'a second moment of area'],
  [STRESS, 'a stress'],
  [MOMENT, 'a moment'],
  [LINE_LOAD, 'a line load'],
  [UNIT_WEIGHT, 'a unit weight'],
  [DENSITY, 'a density'],
  [ROTATIONAL_SPRING, 'a rotational stiffness'],
  [dim(1, 1, -2, -1), 'a moment per length'],
];

/** "a stress", "a length", … or a formula for dimensions without a name. */
export function describeDimension(d: Dimension): string {
  for (const [nd, name] of NAMED) if (sameDimension(nd, d)) return name;
  const parts: string[] = [];
  const add = (sym: string, p: number) => {
    if (p !== 0) parts.push(p === 1 ? sym : `${sym}^${p}`);
  };
  add('kg', d.M);
  add('m', d.L);
  add('s', d.T);
  add('rad', d.A);
  return `a quantity in ${parts.join('·')}`;
}
