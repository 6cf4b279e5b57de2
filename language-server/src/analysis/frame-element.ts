// The prismatic 3D frame element in local axes: 12×12 stiffness (Euler–Bernoulli, or
// Timoshenko when shear areas are given and shear deformation is on) and the exact
// displacement fields of its unit end displacements, which give exact fixed-end forces by
// Betti's theorem (fixed-end-forces.ts).
//
// Local DOF order: [u θ… ] = 0 u_i, 1 v_i, 2 w_i, 3 θx_i, 4 θy_i, 5 θz_i, 6 u_j … 11 θz_j.
// Bending in the x–y plane uses (v, θz) with θz = v′ − γy and EIz; in x–z it uses (w, θy)
// with θy = −w′ + γz and EIy (a positive θy turns z towards x).
import type { Poly } from './polynomial';

export interface SectionStiffness {
  L: number;
  EA: number;
  GJ: number;
  EIy: number;
  EIz: number;
  /** Shear flexibility parameters φ = 12EI/(G·Av·L²): φy for x–y bending (Avy, EIz), φz for
   * x–z bending (Avz, EIy). 0 = Euler–Bernoulli. */
  phiY: number;
  phiZ: number;
  /** Shear rigidities G·Avy, G·Avz (Infinity for Euler–Bernoulli), used by the diagrams. */
  GAy: number;
  GAz: number;
}

export function frameStiffnessLocal(s: SectionStiffness): Float64Array {
  const K = new Float64Array(144);
  const { L } = s;
  const set = (i: number, j: number, v: number) => {
    K[i * 12 + j] = v;
    K[j * 12 + i] = v;
  };
  const ea = s.EA / L;
  set(0, 0, ea);
  set(6, 6, ea);
  set(0, 6, -ea);
  const gj = s.GJ / L;
  set(3, 3, gj);
  set(9, 9, gj);
  set(3, 9, -gj);
  bendingBlock(K, [1, 5, 7, 11], s.EIz, L, s.phiY, 1);
  bendingBlock(K, [2, 4, 8, 10], s.EIy, L, s.phiZ, -1);
  return K;
}

/** The 4×4 bending stiffness on DOFs [v_i, θ_i, v_j, θ_j]; sign −1 flips the coupling terms for
 * the x–z plane, where θy = −w′. */
function bendingBlock(K: Float64Array, d: number[], EI: number, L: number, phi: number, sign: 1 | -1): void {
  const c = EI / (L * L * L * (1 + phi));
  const a = 6 * L * sign;
  const m: number[][] = [
    [12, a, -12, a],
    [a, (4 + phi) * L * L, -a, (2 - phi) * L * L],
    [-12, -a, 12, -a],
    [a, (2 - phi) * L * L, -a, (4 + phi) * L * L],
  ];
  for (let r = 0; r < 4; r++) for (let q = 0; q < 4; q++) K[d[r] * 12 + d[q]] = c * m[r][q];
}

/** Displacement and rotation fields of one unit end displacement, as polynomials in ξ = x/L. */
export interface UnitField {
  /** Local DOF (0…11) that is displaced by one. */
  dof: number;
  /** Translation along the plane's transverse axis (v or w), or u for axial, θx for torsion. */
  disp: Poly;
  /** Section rotation about the plane's normal (θz or θy); empty for axial and torsion. */
  rot: Poly;
}

/** Exact fields of the x–y plane (v, θz) for unit v_i, θz_i, v_j, θz_j with the others fixed:
 * the homogeneous Timoshenko solutions (cubic v, quadratic θ; φ = 0 gives the Hermite cubics). */
function planeFields(L: number, phi: number): { disp: Poly; rot: Poly }[] {
  const mu = 1 / (1 + phi);
  return [
    { disp: [mu * (1 + phi), -mu * phi, -3 * mu, 2 * mu], rot: [0, (-6 * mu) / L, (6 * mu) / L] },
    {
      disp: [0, mu * L * (1 + phi / 2), -mu * L * (2 + phi / 2), mu * L],
      rot: [mu * (1 + phi), -mu * (4 + phi), 3 * mu],
    },
    { disp: [0, mu * phi, 3 * mu, -2 * mu], rot: [0, (6 * mu) / L, (-6 * mu) / L] },
    { disp: [0, -mu * L * (phi / 2), -mu * L * (1 - phi / 2), mu * L], rot: [0, -mu * (2 - phi), 3 * mu] },
  ];
}

/** The fields for the transverse planes: x–y on [1,5,7,11] as they are; x–z on [2,4,8,10]
 * mapped through ψ = −θy, which makes (w, ψ) behave as (v, θz). */
export function bendingFields(L: number, phiY: number, phiZ: number): { xy: UnitField[]; xz: UnitField[] } {
  const fy = planeFields(L, phiY);
  const fz = planeFields(L, phiZ);
  const xy = [1, 5, 7, 11].map((dof, k) => ({ dof, disp: fy[k].disp, rot: fy[k].rot }));
  // Unit θy = −1 in ψ: w-field = −(ψ-field for unit ψ), θy-field = −ψ-field; for unit w,
  // θy-field = −ψ-field.
  const xz = [2, 4, 8, 10].map((dof, k) => {
    const f = fz[k];
    const rotational = k === 1 || k === 3;
    return {
      dof,
      disp: rotational ? f.disp.map((c) => -c) : f.disp,
      rot: rotational ? f.rot : f.rot.map((c) => -c),
    };
  });
  return { xy, xz };
}

/** Linear fields of axial (u) and torsional (θx) unit end displacements. */
export const LINEAR_FIELD_I: Poly = [1, -1];
export const LINEAR_FIELD_J: Poly = [0, 1];

export function sectionStiffness(
  L: number,
  m: { E: number; G: number; A: number; Iy: number; Iz: number; J: number; Avy?: number; Avz?: number },
  shearDeformation: boolean,
): SectionStiffness {
  const EIy = m.E * m.Iy;
  const EIz = m.E * m.Iz;
  const timoshenko = shearDeformation && m.Avy !== undefined && m.Avz !== undefined && m.Avy > 0 && m.Avz > 0 && m.G > 0;
  const GAy = timoshenko ? m.G * m.Avy! : Infinity;
  const GAz = timoshenko ? m.G * m.Avz! : Infinity;
  return {
    L,
    EA: m.E * m.A,
    GJ: m.G * m.J,
    EIy,
    EIz,
    phiY: timoshenko ? (12 * EIz) / (GAy * L * L) : 0,
    phiZ: timoshenko ? (12 * EIy) / (GAz * L * L) : 0,
    GAy,
    GAz,
  };
}
