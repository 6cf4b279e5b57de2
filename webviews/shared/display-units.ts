// The units numbers are shown in, from the units the model is written in (`units kN m`): results
// and the model view are SI, the engineer reads kN, kN·m and mm. Shared by the 3D view and the
// dashboard, which format numbers each their own way. Pure (no DOM), so Node tests import it.

const FORCE: Record<string, number> = { N: 1, kN: 1e3, MN: 1e6, lbf: 4.4482216152605, kip: 4448.2216152605 };
const LENGTH: Record<string, number> = { m: 1, mm: 1e-3, cm: 1e-2, in: 0.0254, ft: 0.3048 };

export interface Unit {
  symbol: string;
  /** SI value of one unit */
  factor: number;
}

export interface DisplayUnits {
  force: Unit;
  length: Unit;
  moment: Unit;
  /** Displacements read better one step smaller: mm for a model in m, in for one in ft. */
  displacement: Unit;
}

/** The display units of a model; unknown or missing units fall back to kN and m. */
export function displayUnits(units: { force: string; length: string } | undefined): DisplayUnits {
  const f = units && FORCE[units.force] ? units.force : 'kN';
  const l = units && LENGTH[units.length] ? units.length : 'm';
  const d = l === 'm' || l === 'cm' ? 'mm' : l === 'ft' ? 'in' : l;
  return {
    force: { symbol: f, factor: FORCE[f] },
    length: { symbol: l, factor: LENGTH[l] },
    moment: { symbol: `${f}·${l}`, factor: FORCE[f] * LENGTH[l] },
    displacement: { symbol: d, factor: LENGTH[d] },
  };
}
