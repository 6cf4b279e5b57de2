// Types of the built-in catalogues (steel and concrete grades, European rolled and hollow
// sections). All values are SI: m, m², m⁴, m³, Pa, kg/m³, kg/m.

/** Cross-section properties, SI units. */
export interface SectionProperties {
  /** Area, m². */
  A: number;
  /** Second moment about local y (strong axis of an I-section), m⁴. */
  Iy: number;
  /** Second moment about local z, m⁴. */
  Iz: number;
  /** Torsion constant (St Venant), m⁴. */
  J: number;
  /** Elastic section modulus about y, m³. */
  Wy: number;
  /** Elastic section modulus about z, m³. */
  Wz: number;
  /** Plastic section modulus about y, m³ (absent where not meaningful). */
  Wply?: number;
  /** Plastic section modulus about z, m³. */
  Wplz?: number;
  /** Shear area along local y, m² (for the optional Timoshenko extension). */
  Avy?: number;
  /** Shear area along local z, m². */
  Avz?: number;
  /** Mass per length, kg/m, at steel density 7850 kg/m³ where the catalogue gives none. */
  mass?: number;
}

/** Outline kinds: how a section's dimensions are read and its outline drawn. */
export type SectionShape = 'i' | 'channel' | 'pipe' | 'box' | 'rect';

/** Dimensions of a section, SI (m). Which are present depends on the shape. */
export interface SectionDimensions {
  h?: number;   // depth
  b?: number;   // width
  tw?: number;  // web thickness
  tf?: number;  // flange thickness
  r?: number;   // root radius (rolled) or outer corner radius (hollow)
  d?: number;   // outside diameter (pipe)
  t?: number;   // wall thickness (pipe, box)
}

export interface CatalogSection {
  /**
   * Catalogue designation as written in a model, an identifier: `IPE300`, `HEB200`,
   * `CHS168_3x8` (168.3 × 8.0), `RHS200x100x8`, `SHS100x5` (see README.md).
   */
  name: string;
  /** Series: IPE, HEA, HEB, HEM, UPN, CHS, RHS, SHS. */
  series: string;
  shape: SectionShape;
  dimensions: SectionDimensions;
  properties: SectionProperties;
}

export type GradeKind = 'steel' | 'concrete';

export interface MaterialGrade {
  /** Designation: `S235`, `S355`, `C30/37` (also found as `C30`). */
  name: string;
  kind: GradeKind;
  /** Standard the grade comes from, e.g. "EN 10025-2", "EN 206 / EN 1992-1-1 Table 3.1". */
  standard: string;
  /** Young's modulus, Pa. */
  E: number;
  /** Shear modulus, Pa. */
  G: number;
  /** Poisson's ratio. */
  nu: number;
  /** Density, kg/m³. */
  density: number;
  /**
   * Unit weight for self weight, N/m³, where the code gives one that is not density × g
   * (EN 1991-1-1: steel 78.5 kN/m³, reinforced concrete 25 kN/m³).
   */
  weight?: number;
  /** Yield strength fy (steel, t ≤ 16 mm), Pa. */
  fy?: number;
  /** Ultimate strength fu (steel), Pa. */
  fu?: number;
  /** Characteristic cylinder strength fck (concrete), Pa. */
  fck?: number;
  /** Mean tensile strength fctm (concrete), Pa. */
  fctm?: number;
}
